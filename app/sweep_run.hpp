#pragma once
/// \file sweep_run.hpp
/// Running the points of a sweep: one forked child per point (SimGrid runs one simulation per
/// process), at most --jobs at a time, each writing DIR/points/<id>/. A point is finished when
/// its point.json (written last) carries its key; resume reuses such points.

#include <filesystem>
#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/sweep_plan.hpp"

namespace drsim {

/// What is kept of a point beside its result (points/<id>/point.json) and in shard files:
/// id, index, key, option, settings [{pointer, value}].
nlohmann::json point_record(const SweepPoint& p);

/// Whether `dir` holds a finished point with this key.
bool point_done(const std::filesystem::path& dir, const std::string& key);

/// Runs one point in this process and writes dir/{scenario.json, timeline.html, result.json,
/// point.json}. The one place a point is simulated: one run, or with replications > 1 the
/// Monte Carlo batch of `drsim run --replications` (its median run plus the distribution).
void run_point(const SweepPoint& p, const std::filesystem::path& dir, unsigned long long seed,
               int replications);

/// SIGINT or SIGTERM stopped a sweep: its running points were stopped and reaped (no temporary
/// file left), the points it finished before are kept for a resume.
struct SweepInterrupted : std::runtime_error {
  SweepInterrupted(const std::string& why, int sig) : std::runtime_error(why), signal(sig) {}
  int signal;  ///< SIGINT or SIGTERM
};

/// Runs `todo` in forked children, at most `jobs` at once, into points_dir/<id>. Progress goes
/// to `progress` when it is not null. Returns one message per point that failed; throws
/// SweepInterrupted after SIGINT/SIGTERM.
std::vector<std::string> run_points(const std::vector<const SweepPoint*>& todo,
                                    const std::filesystem::path& points_dir,
                                    unsigned long long seed, int replications, int jobs,
                                    std::ostream* progress, int reused, int total);

}  // namespace drsim
