#pragma once
/// \file replicate.hpp
/// Monte Carlo replications: one replication in this process (`drsim run --replication K`),
/// or N of them, J at a time, each in a forked child that sends back a compact RunSummary
/// over a pipe (`drsim run --replications N --jobs J`). SimGrid runs one simulation per
/// process: the parent never simulates. `drsim sweep` calls run_replicated() per point.

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/distribution.hpp"
#include "models/replication.hpp"
#include "models/scenario.hpp"
#include "simulator/engine.hpp"

namespace drsim {

struct ReplicationOptions {
  int replications = 1;
  int jobs = 1;
  bool progress = false;  ///< done/total, rate and time left on `err` (a terminal)
};

/// A replication's child crashed, was killed or sent nothing: names its index and seed.
struct ReplicationFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// SIGINT or SIGTERM arrived: the children were stopped, nothing was written. `signal` is the
/// signal's number (the command exits 128 + signal: 130 for SIGINT, 143 for SIGTERM).
struct ReplicationInterrupted : std::runtime_error {
  ReplicationInterrupted(const std::string& why, int sig) : std::runtime_error(why), signal(sig) {}
  int signal;
};

/// Simulates replication `index` of seed options.seed in this process (once per process):
/// the drawn scenario, its incidents as timeline events (and in `incidents` when given).
Result simulate_replication(const Scenario& nominal, const RunOptions& options, std::uint64_t index,
                            std::vector<Incident>* incidents = nullptr);
/// The same, drawn on `nominal` itself (moved in: a batch child's own copy, not copied again).
Result simulate_replication(Scenario&& nominal, const RunOptions& options, std::uint64_t index,
                            std::vector<Incident>* incidents = nullptr);

/// The result.json document of replication `index` (its single-run form plus "replication").
nlohmann::json replication_json(const Result& result, std::uint64_t index, std::uint64_t seed);

/// Runs the N replications in children, J at a time; the summaries in index order.
/// Throws ReplicationFailed or ReplicationInterrupted (children stopped and reaped).
std::vector<RunSummary> run_batch(const Scenario& nominal, const RunOptions& options,
                                  const ReplicationOptions& ro, std::ostream& err);

/// Runs `fn` (one simulation) in a forked child and returns what it returned. SIGINT or
/// SIGTERM meanwhile kills and reaps the child and throws ReplicationInterrupted; a child that
/// fails throws ReplicationFailed.
std::string run_child(const std::function<std::string()>& fn);

/// run_batch, then the median replication replayed in a child (run_child): its result.json
/// document with the `distribution` section and recovery's P50/P90 fields.
nlohmann::json run_replicated(const Scenario& nominal, const RunOptions& options,
                              const ReplicationOptions& ro, std::ostream& err);

}  // namespace drsim
