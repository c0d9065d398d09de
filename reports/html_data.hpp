#pragma once
/// \file html_data.hpp
/// The part of a result document (docs/result-format.md) that the HTML timeline shows, read
/// into plain structs. Every field is type-checked: a wrong type throws ResultFileError naming
/// the JSON Pointer and what was expected. Optional fields may be missing or null.

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "reports/attribution_view.hpp"
#include "reports/timeline_layout.hpp"

namespace drsim::reports {

/// One phase of a system's lane.
struct PhaseView {
  std::string phase;  ///< restore | ipl | reconfigure | logon | boot | app-start | ... | up
  double start_s = 0;
  double end_s = 0;       ///< the exercise end when the result says null (open to the end)
  bool open_end = false;  ///< end_s was null in the result
  std::string note;
};

/// One system (lane).
struct SystemView {
  std::string name, kind, role, tier, machine, lpar, host, status, blocked_by, reason;
  int sie_level = 0;
  bool critical = false;
  std::optional<double> up_s;
  std::vector<PhaseView> phases;
};

/// A point in time with a text: a milestone, a finding or an operator action.
struct PinView {
  double t_s = 0;
  bool has_time = false;  ///< false: the result gave no time (listed, not pinned)
  std::string id;         ///< milestone id / finding code / event kind
  std::string label;      ///< milestone label / finding subject / event subject
  std::string severity;   ///< findings only
  std::string message, consequence, remedy;
};

/// One sampled time series of a chart.
struct SeriesView {
  std::string name;
  std::vector<double> values;  ///< value i covers [i*step, (i+1)*step)
};

/// The recovery figures of the summary.
struct RecoveryView {
  std::optional<double> rto_target_h, rto_s, first_zos_up_s, critical_up_s, all_up_s;
  std::optional<double> critical_up_s_p50, critical_up_s_p90, all_up_s_p50, all_up_s_p90;
  std::optional<bool> rto_met;
};

/// A Monte Carlo run's distribution (result.json "distribution"): the headline, the
/// all-critical-up histogram, and each system's P10-P90 whisker.
struct DistributionView {
  double replications = 0;
  double probability = 0, ci_low = 0, ci_high = 1;  ///< the RTO is met
  std::optional<double> p10, p50, p90;              ///< all critical up
  double never_share = 0;                           ///< all critical never up
  double hist_start_s = 0, hist_bin_s = 300;
  std::vector<double> counts;                           ///< replications per histogram bin
  std::vector<std::optional<double>> sys_p10, sys_p90;  ///< per system (lane order)
};

/// Why the recovery took as long as it did (docs/result-format.md, "Attribution and the
/// critical path"), when the result carries it.
struct AttributionData {
  std::vector<PathLine> path;
  Drivers drivers;
  std::vector<SystemAccount> accounts;  ///< lane order
};

/// Everything the timeline page shows.
struct TimelineData {
  std::string version, scenario_name, scenario_file, scenario_sha256, description, seed;
  TimeAxis axis;
  std::optional<double> staff_from_s, staff_to_s;  ///< seconds of the day; none: no staff hours
  std::vector<SystemView> systems;
  std::vector<PinView> milestones, findings, events;
  RecoveryView recovery;
  double step_s = 0;
  std::vector<SeriesView> paging, cpu;
  std::optional<double> peak_paging;
  std::optional<DistributionView> distribution;  ///< only for --replications N
  std::optional<AttributionData> attribution;    ///< results that record attribution
};

/// Reads the timeline's view of a result document. Throws ResultFileError (result_io.hpp)
/// with the JSON Pointer of a field that has the wrong type or a required field that is missing.
TimelineData read_timeline_data(const nlohmann::json& result);

}  // namespace drsim::reports
