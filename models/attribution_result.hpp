#pragma once
/// \file attribution_result.hpp
/// The attribution of a whole run from the timelines the engine recorded: each system's
/// account, the critical path and what set the RTO, and their result.json form
/// (docs/result-format.md, "Attribution and the critical path").

#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "models/attribution.hpp"
#include "models/critical_path.hpp"

namespace drsim::attribution {

/// Everything the result carries about why the recovery took as long as it did.
struct RecoveryAttribution {
  std::vector<std::vector<AccountEntry>> accounts;  ///< per system, in input order
  std::vector<double> until;                        ///< per system: up time, else the end
  RtoMoment moment;
  std::vector<PathSegment> path;
  RtoDrivers drivers;
};

/// Normalises every system's recorded segments over [0, end] (gaps to its `gap` portion),
/// accounts each up to its up time (or the end), and walks the critical path.
RecoveryAttribution attribute(std::vector<SystemTimeline> systems, double end);

/// Labels a time of the exercise ("Mon 13:30").
using TimeLabel = std::function<std::string(double)>;

/// /systems/i/attribution.
nlohmann::json account_json(const std::vector<AccountEntry>& entries, double until,
                            const TimeLabel& at);
/// /critical_path.
nlohmann::json path_json(const std::vector<PathSegment>& path, const TimeLabel& at);
/// /rto_drivers.
nlohmann::json drivers_json(const RtoMoment& moment, const RtoDrivers& drivers,
                            const TimeLabel& at);

}  // namespace drsim::attribution
