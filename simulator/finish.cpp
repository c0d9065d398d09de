// After the run: statuses and reasons of every lane, milestones, recovery vs RTO, metrics,
// the rto-missed finding and the sampled series (see finish.hpp).
#include "simulator/finish.hpp"

#include <algorithm>
#include <cmath>

#include "models/finding.hpp"
#include "models/units.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {
namespace {

void close_lanes(World& w) {
  for (auto& s : w.systems) {
    const Restore& r = s.restore;
    if (!r.done && r.start >= 0)
      s.lane.result().phases.insert(s.lane.result().phases.begin(),
                                    PhaseRecord{Phase::Restore, r.start, w.end_s,
                                                std::to_string(r.volumes) + " volumes so far"});
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
  res.critical_up_s = all_up(w, [](const SystemResult& r) { return r.critical; });
  res.all_up_s = all_up(w, [](const SystemResult&) { return true; });
  add_milestone(w, "all-critical-up", "all critical systems up", res.critical_up_s);
  add_milestone(w, "all-up", "all planned systems up", res.all_up_s);
  std::stable_sort(res.milestones.begin(), res.milestones.end(),
                   [](const Milestone& a, const Milestone& b) { return a.t_s < b.t_s; });
}

void recovery(World& w) {
  Result& res = w.result;
  res.rto_met = res.critical_up_s && *res.critical_up_s <= res.rto_s;
  if (res.rto_met) return;
  std::vector<std::string> late;
  for (const auto& r : res.systems)
    if (r.planned && r.critical && (!r.up_s || r.status != Status::Up || *r.up_s > res.rto_s))
      late.push_back(r.name);
  Finding f;
  f.code = code::kRtoMissed;
  f.severity = Severity::Error;
  f.subject = "recovery";
  f.t_s = std::min(res.rto_s, w.end_s);
  std::string names;
  for (size_t i = 0; i < late.size() && i < 6; ++i) names += (i ? ", " : "") + late[i];
  if (late.size() > 6) names += " and " + std::to_string(late.size() - 6) + " more";
  f.message = std::to_string(late.size()) + " critical systems not up within the RTO of " +
              units::format_duration(res.rto_s) + ": " + names;
  f.consequence = "the business cannot run on the DR site within its recovery time objective";
  f.remedy = "fix the findings that block or slow these systems, then re-run";
  res.findings.push_back(f);
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
  close_lanes(w);
  statuses(w);
  milestones(w);
  recovery(w);
  metrics(w);
  std::stable_sort(res.findings.begin(), res.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.t_s < b.t_s; });
}

}  // namespace drsim::sim
