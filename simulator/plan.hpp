#pragma once
/// \file plan.hpp
/// The recovery plan's steps as the customer's runbook orders them: restore, IPL,
/// reconfigure, XAUTOLOG, rebuild the distributed systems, wait. Each step is an actor that
/// waits for the steps it comes after.

#include <optional>
#include <string>
#include <vector>

#include "models/attribution.hpp"
#include "models/scenario.hpp"
#include "simulator/event.hpp"

namespace drsim::sim {

struct World;
class Lane;

/// One plan step and the event of its end.
class Step {
 public:
  explicit Step(const StepSpec& spec) : spec(spec) {}
  /// Starts its actor.
  void start(World& w);

  const StepSpec& spec;
  Event done;
  double done_at = 0;
  /// The system whose coming up (or restore) ended it last, and when (attribution).
  std::string gate;
  std::optional<double> gate_at;

 private:
  void run(World& w);
  /// Waits for the steps it comes after, its not-before time and its performer's hours,
  /// recording them as the waits of what it starts.
  void wait_to_start(World& w, const std::vector<Lane*>& lanes);
  /// Its waits given to everything it starts (a copy each).
  void hand_waits(World& w);
  /// The system (or guest) whose coming up ended this step, once done.
  void note_gate(World& w);

  std::vector<attribution::Segment> waits_;
};

/// Queues the restores that depend on nothing but restores, then starts every step.
void start_plan(World& w);

}  // namespace drsim::sim
