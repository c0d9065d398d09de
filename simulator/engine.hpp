#pragma once
/// \file engine.hpp
/// Plays a validated scenario out on SimGrid and returns the Result. SimGrid runs one
/// simulation per process: call simulate() once per process, or through run_isolated().

#include <functional>
#include <string>

#include "models/replication.hpp"
#include "models/scenario.hpp"
#include "simulator/result.hpp"

namespace drsim {

struct RunOptions {
  unsigned long long seed = 1;
  std::string scenario_file;  ///< for result.scenario.file
  std::string scenario_sha256;
  std::vector<DriveOutage> drive_outages;  ///< a Monte Carlo replication's failed drives
  std::vector<IplFailure> ipl_failures;    ///< ... and its z/OS first IPLs that fail once
};

/// Simulates the exercise. Must run at most once per process (SimGrid's engine is static).
Result simulate(const Scenario& scenario, const RunOptions& options);

/// Runs fn in a forked child and returns what it returned (e.g. a result.json text).
/// Throws std::runtime_error when the child crashes or returns nothing.
std::string run_isolated(const std::function<std::string()>& fn);

}  // namespace drsim
