#pragma once
/// \file staff.hpp
/// The distributed (non-mainframe) systems the customer's staff rebuild by hand at the DR
/// site, in teams, working only during staff hours: critical systems first.

#include "models/scenario.hpp"
#include "simulator/lane.hpp"
#include "simulator/recorder.hpp"

namespace drsim::sim {

struct World;

/// A distributed system and its result row.
struct Distributed {
  const DistributedSpec& spec;
  Lane lane;
  Recorder rec = {};  ///< what its time went to (attribution)
};

/// Starts the staff teams (the plan's "distributed" step).
void start_distributed(World& w);

}  // namespace drsim::sim
