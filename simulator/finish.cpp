// After the run: statuses and reasons of every lane, milestones, recovery vs RTO, metrics,
// the rto-missed finding and the sampled series (see finish.hpp).
#include "simulator/finish.hpp"

#include <algorithm>
#include <cmath>

#include "models/config_check.hpp"
#include "models/finding.hpp"
#include "models/units.hpp"
#include "models/wording.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {
namespace {

void close_lanes(World& w) {
  for (auto& s : w.systems) {
    const Restore& r = s.restore;
    if (!r.done && r.start >= 0)
      s.lane.result().phases.insert(s.lane.result().phases.begin(),
                                    PhaseRecord{Phase::Restore, r.start, w.end_s,
                                                count_noun(r.volumes, "volume") + " so far"});
  }
  for (auto& s : w.systems) s.lane.end(w.end_s);
  for (auto& g : w.guests) g.lane.end(w.end_s);
  for (auto& d : w.distributed) d.lane.end(w.end_s);
  for (auto& r : w.result.systems) {
    std::erase_if(r.phases, [](const PhaseRecord& p) { return p.end_s <= p.start_s; });
    std::stable_sort(
        r.phases.begin(), r.phases.end(),
        [](const PhaseRecord& a, const PhaseRecord& b) { return a.start_s < b.start_s; });
  }
}

void statuses(World& w) {
  for (auto& s : w.systems) s.finish();
  for (auto& g : w.guests) g.finish();
  for (auto& d : w.distributed) {
    SystemResult& r = d.lane.result();
    bool up = r.up_s.has_value();
    r.status = up ? Status::Up : Status::NotStarted;
    if (!up)
      r.reason =
          r.planned ? "staff work not finished by the exercise end" : "not in the recovery plan";
  }
}

void add_milestone(World& w, const std::string& id, const std::string& label,
                   std::optional<double> t) {
  if (t) w.result.milestones.push_back(Milestone{id, label, *t});
}

/// Latest up time over the planned systems matching pred, if all of them are up.
std::optional<double> all_up(const World& w, const std::function<bool(const SystemResult&)>& pred) {
  double latest = 0;
  bool any = false;
  for (const auto& r : w.result.systems) {
    if (!r.planned || !pred(r)) continue;
    if (r.status != Status::Up || !r.up_s) return std::nullopt;
    latest = std::max(latest, *r.up_s);
    any = true;
  }
  return any ? std::optional<double>(latest) : std::nullopt;
}

/// The up intervals of a row: its "up" phases (closed at the exercise end).
std::vector<std::pair<double, double>> up_intervals(const SystemResult& r) {
  std::vector<std::pair<double, double>> out;
  for (const auto& p : r.phases)
    if (p.phase == Phase::Up) out.emplace_back(p.start_s, p.end_s);
  return out;
}

bool in_scope_critical(const SystemResult& r) {
  return r.critical && r.out_of_scope.empty();
}

/// The RTO rule (docs/result-format.md "recovery"): the first time at which every critical
/// system in scope is up at the same time; none when that never happens (one never up, or
/// never all together).
std::optional<double> all_critical_up_together(const World& w) {
  std::vector<std::vector<std::pair<double, double>>> rows;
  for (const auto& r : w.result.systems)
    if (in_scope_critical(r)) rows.push_back(up_intervals(r));
  if (rows.empty()) return std::nullopt;
  std::vector<double> candidates;
  for (const auto& row : rows) {
    if (row.empty()) return std::nullopt;
    for (const auto& iv : row) candidates.push_back(iv.first);
  }
  std::sort(candidates.begin(), candidates.end());
  for (double t : candidates) {
    bool all = std::all_of(rows.begin(), rows.end(), [t](const auto& row) {
      return std::any_of(row.begin(), row.end(), [t](const auto& iv) {
        return iv.first <= t && (t < iv.second || (iv.second >= iv.first && t == iv.second));
      });
    });
    if (all) return t;
  }
  return std::nullopt;
}

void milestones(World& w) {
  Result& res = w.result;
  const TapePool& tape = w.tape;
  if (tape.restore_last >= 0 && res.volumes_restored == static_cast<int>(tape.volumes.size()))
    res.restores_done_s = tape.restore_last;
  add_milestone(w, "restores-done", "all tape restores done", res.restores_done_s);
  std::optional<double> first_zos;
  for (const auto& r : res.systems)
    if (r.kind == "zos" && r.up_s && (!first_zos || *r.up_s < *first_zos)) first_zos = r.up_s;
  res.first_zos_up_s = first_zos;
  add_milestone(w, "first-zos-up", "first z/OS up", first_zos);
  add_milestone(w, "all-zos-up", "all z/OS up",
                all_up(w, [](const SystemResult& r) { return r.kind == "zos"; }));
  for (const auto& r : res.systems)
    if (r.kind == "zvm" && r.up_s)
      add_milestone(w, "zvm-up:" + r.name, "z/VM " + r.name + " up", r.up_s);
  res.critical_up_s = all_critical_up_together(w);
  res.all_up_s = all_up(w, [](const SystemResult&) { return true; });
  add_milestone(w, "all-critical-up", "all critical systems up", res.critical_up_s);
  add_milestone(w, "all-up", "all planned systems up", res.all_up_s);
  std::stable_sort(res.milestones.begin(), res.milestones.end(),
                   [](const Milestone& a, const Milestone& b) { return a.t_s < b.t_s; });
}

std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < 6; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > 6) out += " and " + std::to_string(names.size() - 6) + " more";
  return out;
}

/// Critical systems in scope that were forced off after the RTO was met: a finding, not hidden.
void forced_off_finding(World& w) {
  Result& res = w.result;
  auto at = [&](double t) { return units::format_week_time(res.start_week_s + t); };
  std::vector<std::string> off;
  double first = w.end_s;
  for (const auto& r : res.systems) {
    if (!in_scope_critical(r) || r.status != Status::ForcedOff || !r.forced_off) continue;
    off.push_back(r.name + " (by " + r.forced_off->by + " at " + at(r.forced_off->off_s) + ")");
    first = std::min(first, r.forced_off->off_s);
  }
  if (off.empty()) return;
  Finding f;
  f.code = code::kCriticalForcedOff;
  f.severity = Severity::Error;
  f.subject = "recovery";
  f.t_s = first;
  f.message = count_noun(off.size(), "critical system") + (off.size() == 1 ? " was" : " were") +
              " forced off and not up at the exercise end: " + name_list(off);
  f.consequence = res.rto_met ? "the RTO was met at " + at(*res.critical_up_s) +
                                    ", but the DR site could not keep all critical systems running"
                              : "these critical systems do not run at the DR site";
  f.remedy =
      "give the DR site the capacity production has (memory, dedicated CPs, an LPAR instead of VM "
      "under VM), or protect production guests with a higher z/VM SHARE";
  res.findings.push_back(f);
}

void recovery(World& w) {
  Result& res = w.result;
  res.rto_met = res.critical_up_s && *res.critical_up_s <= res.rto_s;
  forced_off_finding(w);
  if (res.rto_met) return;
  double deadline = std::min(res.rto_s, w.end_s);
  std::vector<std::string> late;
  for (const auto& r : res.systems) {
    if (!in_scope_critical(r)) continue;
    auto ivs = up_intervals(r);
    bool up_then = std::any_of(ivs.begin(), ivs.end(), [&](const auto& iv) {
      return iv.first <= deadline && deadline <= iv.second;
    });
    if (!up_then) late.push_back(r.name);
  }
  Finding f;
  f.code = code::kRtoMissed;
  f.severity = Severity::Error;
  f.subject = "recovery";
  f.t_s = deadline;
  f.message = count_noun(late.size(), "critical system") + " not up within the RTO of " +
              units::format_duration(res.rto_s) + ": " + name_list(late);
  f.consequence = "the business cannot run on the DR site within its recovery time objective";
  f.remedy = "fix the findings that block or slow these systems, then re-run";
  res.findings.push_back(f);
}

void scope(World& w) {
  for (const auto& o : w.sc->plan.out_of_scope) {
    w.result.out_of_scope.push_back({o.system, o.reason});
    for (auto& r : w.result.systems)
      if (r.name == o.system) r.out_of_scope = o.reason;
  }
}

void metrics(World& w) {
  Result& res = w.result;
  const TapePool& tape = w.tape;
  double span = tape.restore_first >= 0 ? std::max(1.0, tape.restore_last - tape.restore_first) : 0;
  res.tape_utilisation = span > 0 && tape.drives > 0 ? tape.drive_busy_s / (span * tape.drives) : 0;
  res.step_s = 300;
  for (const auto& z : w.zvms) {
    if (z.capacity_pages_per_s <= 0) continue;
    auto s = z.paging_busy.series(res.step_s, w.end_s);
    for (double& v : s) v *= z.capacity_pages_per_s;
    double peak = s.empty() ? 0 : *std::max_element(s.begin(), s.end());
    res.peak_paging_by_vm[z.node.name] = peak;
    res.peak_paging = std::max(res.peak_paging, peak);
    res.paging_series[z.node.name] = std::move(s);
  }
  for (const auto& c : w.prsm.lpars()) {
    auto s = c.busy.series(res.step_s, w.end_s);
    double sum = 0, peak = 0;
    for (double v : s) sum += v, peak = std::max(peak, v);
    res.cpu_mean[c.name] = s.empty() ? 0 : sum / s.size();
    res.cpu_peak[c.name] = peak;
    res.cpu_series[c.name] = std::move(s);
  }
  res.sim_events = w.activities;
}

}  // namespace

void finish_result(World& w) {
  Result& res = w.result;
  const Scenario& sc = *w.sc;
  res.scenario_name = sc.name;
  res.description = sc.description;
  res.start_week_s = sc.exercise.start_week_s;
  res.duration_s = w.end_s;
  res.rto_s = sc.exercise.rto_s;
  res.staff_from_s = sc.exercise.staff_from_s;
  res.staff_to_s = sc.exercise.staff_to_s;
  scope(w);
  close_lanes(w);
  statuses(w);
  milestones(w);
  recovery(w);
  if (w.full_result) {
    metrics(w);
    attribute_result(w);
  }
  std::stable_sort(res.findings.begin(), res.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.t_s < b.t_s; });
}

}  // namespace drsim::sim
