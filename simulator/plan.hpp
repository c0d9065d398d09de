#pragma once
/// \file plan.hpp
/// The recovery plan's steps as the customer's runbook orders them: restore, IPL,
/// reconfigure, XAUTOLOG, rebuild the distributed systems, wait. Each step is an actor that
/// waits for the steps it comes after.

#include "models/scenario.hpp"
#include "simulator/event.hpp"

namespace drsim::sim {

struct World;

/// One plan step and the event of its end.
class Step {
 public:
  explicit Step(const StepSpec& spec) : spec(spec) {}
  /// Starts its actor.
  void start(World& w);

  const StepSpec& spec;
  Event done;

 private:
  void run(World& w);
};

/// Queues the restores that depend on nothing but restores, then starts every step.
void start_plan(World& w);

}  // namespace drsim::sim
