#pragma once
/// \file distribution.hpp
/// What one Monte Carlo replication reports to the parent (a compact summary, sent over a
/// pipe) and the `distribution` section of result.json made from all of them
/// (docs/result-format.md "distribution"). Pure functions: no SimGrid, no files.

#include <cstdint>
#include <limits>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drsim {

/// Up time of something that never came up.
inline constexpr double kNever = std::numeric_limits<double>::infinity();

/// The outcome of one replication, as little as the distribution needs.
struct RunSummary {
  std::uint64_t index = 0;
  std::uint64_t seed = 0;  ///< the replication's own seed
  double critical_up_s = kNever;
  double all_up_s = kNever;
  bool rto_met = false;
  std::vector<double> system_up_s;  ///< per system, in result order (kNever: never up)
  std::vector<std::pair<std::string, double>> milestones;
  std::vector<std::pair<std::string, std::string>> incidents;  ///< (kind, subject)
};

/// Bytes of a summary (exact doubles, length-prefixed strings) and back; decode returns
/// false on a short or malformed buffer.
std::string encode_summary(const RunSummary& s);
bool decode_summary(std::string_view bytes, RunSummary& out);

/// What the distribution needs besides the runs.
struct DistributionInput {
  std::vector<std::string> system_names;  ///< in result order
  std::vector<bool> critical;
  std::uint64_t seed = 1;
  bool uncertainty = true;  ///< false: the scenario says "uncertainty": "none"
};

/// Which replications to replay: by critical-up time (never = last), then all-up, then index.
struct RunPicks {
  std::size_t median = 0, p90 = 0, worst = 0;  ///< positions in `runs`
};
RunPicks pick_runs(const std::vector<RunSummary>& runs);

/// Nearest-rank percentile (q in (0, 1]) of values (kNever sorts last); kNever for none.
double percentile(std::vector<double> values, double q);

/// Wilson score interval (95 %) of k successes in n trials: {low, high}.
std::pair<double, double> wilson95(std::size_t k, std::size_t n);

/// The `distribution` section; `runs` must be in index order (0 .. N-1).
nlohmann::json distribution_json(const std::vector<RunSummary>& runs, const DistributionInput& in);

}  // namespace drsim
