#pragma once
/// \file engine.hpp
/// Plays a validated scenario out on SimGrid and returns the Result. SimGrid runs one
/// simulation per process: call simulate() once per process, or through run_isolated().

#include <functional>
#include <string>
#include <vector>

#include "models/finding.hpp"
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
  /// A Monte Carlo batch child: only what a RunSummary reads (up times, milestones, the RTO)
  /// is complete; no attribution, critical path, metrics or series are recorded. The
  /// simulation itself is the same.
  bool summary_only = false;
  /// The scenario's static findings (models/config_check.hpp) when the caller already has
  /// them: a Monte Carlo child whose draw forgot no DR definition takes the nominal
  /// scenario's, computed once by the parent (app/replicate.cpp). Null: simulate() makes them.
  const std::vector<Finding>* static_findings = nullptr;
  /// The monitor checks every minute as it comes, with no look-ahead: the reference the
  /// look-ahead's sleeps must agree with (engine tests). Same result but metrics.events.
  bool monitor_every_minute = false;
};

/// Simulates the exercise. Must run at most once per process (SimGrid's engine is static).
/// Creates SimGrid's Engine and the DR site's hosts first, unless prepare_engine() did.
Result simulate(const Scenario& scenario, const RunOptions& options);

/// Creates SimGrid's Engine and the scenario's hosts (a sealed platform) in this process
/// without running anything, so that forked children simulate replications of the scenario
/// without building them again (app/replicate_batch.cpp). Once per process (again with the
/// same platform: nothing; another: std::logic_error); simulate() then
/// throws std::logic_error for a scenario whose platform differs (a Monte Carlo draw never
/// changes it: sim::PlatformSpec). Nothing runs here, no thread starts: safe to fork after.
void prepare_engine(const Scenario& scenario);

/// Runs fn in a forked child and returns what it returned (e.g. a result.json text).
/// Throws std::runtime_error when the child crashes or returns nothing.
std::string run_isolated(const std::function<std::string()>& fn);

}  // namespace drsim
