#pragma once
/// \file result.hpp
/// The outcome of one simulated exercise as plain data (no SimGrid types), and its JSON form
/// (docs/result-format.md). Reports read the JSON, never this struct.

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "models/attribution_result.hpp"
#include "models/finding.hpp"
#include "models/lane_vocabulary.hpp"

namespace drsim {

struct PhaseRecord {
  Phase phase = Phase::Up;
  double start_s = 0;
  double end_s = 0;
  std::string note;
};

struct SystemResult {
  std::string name;
  std::string kind;  ///< zos | zvm | linux | cms | distributed
  std::string role;  ///< empty = null
  std::string machine, lpar, host;
  int sie_level = 0;  ///< 0 = null
  std::string tier = "production";
  bool critical = false;
  bool planned = true;  ///< the recovery plan brings it up
  Status status = Status::NotStarted;
  std::optional<double> up_s;
  std::string blocked_by;  ///< empty = null (the first of `missing`)
  std::string reason;      ///< empty = null
  /// Blocked: every missing need, as (finding code, reason), in need order.
  std::vector<std::pair<std::string, std::string>> missing;
  std::string out_of_scope;  ///< plan.out_of_scope reason; empty = in scope
  /// Forced off by an operator: since when, the up interval it ended, and by what.
  struct ForcedOff {
    std::optional<double> up_from_s;  ///< start of the up interval it ended (none: never up)
    double off_s = 0;
    std::string by;  ///< the reaction that forced it off
  };
  std::optional<ForcedOff> forced_off;
  std::vector<PhaseRecord> phases;
};

struct Milestone {
  std::string id, label;
  double t_s = 0;
};

struct EventRecord {
  double t_s = 0;
  std::string kind, subject, message;
};

struct OutOfScope {
  std::string system, reason;
};

struct Result {
  std::string scenario_name, scenario_file, scenario_sha256, description;
  unsigned long long seed = 1;
  double start_week_s = 0, duration_s = 0, rto_s = 0;
  std::optional<double> staff_from_s, staff_to_s;
  std::vector<SystemResult> systems;
  std::vector<Milestone> milestones;
  std::vector<Finding> findings;
  std::vector<EventRecord> events;
  std::optional<double> first_zos_up_s, critical_up_s, all_up_s;
  std::vector<OutOfScope> out_of_scope;
  bool rto_met = false;
  double peak_paging = 0;
  std::map<std::string, double> peak_paging_by_vm;
  std::map<std::string, int> vm_ipls;
  int tape_drives = 0;
  double tape_utilisation = 0;
  int volumes_restored = 0;
  double restore_bytes = 0;
  std::optional<double> restores_done_s;
  std::map<std::string, double> cpu_mean, cpu_peak;
  long long sim_events = 0;
  double step_s = 300;
  std::map<std::string, std::vector<double>> paging_series, cpu_series;
  /// Why each system came up when it did, the critical path and what set the RTO; index i of
  /// its accounts is systems[i] (docs/result-format.md, "Attribution and the critical path").
  std::optional<attribution::RecoveryAttribution> attribution;
};

/// The result.json document.
/// result.json's rounding of times and figures: 3 decimals, so the file is stable and readable
/// (to_json, the streaming writer and the page's view all round with it).
double round3(double v);

nlohmann::json to_json(const Result& r);

/// The few lines `drsim run` prints: milestones, RTO verdict, top findings.
std::string summary_text(const Result& r);

}  // namespace drsim
