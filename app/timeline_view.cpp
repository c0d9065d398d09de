#include "app/timeline_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "models/units.hpp"

namespace drsim {
namespace {

using namespace reports;

/// result.json's rounding of times and figures (simulator/result.cpp).
double r3(double v) {
  return round3(v);
}

std::optional<double> r3(const std::optional<double>& v) {
  return v ? std::optional(r3(*v)) : std::nullopt;
}

SystemView system_view(const SystemResult& s) {
  SystemView v;
  v.name = s.name, v.kind = s.kind, v.role = s.role, v.tier = s.tier;
  v.machine = s.machine, v.lpar = s.lpar, v.host = s.host;
  v.status = std::string(to_string(s.status));
  v.blocked_by = s.blocked_by, v.reason = s.reason;
  v.sie_level = std::max(s.sie_level, 0);
  v.critical = s.critical;
  v.up_s = r3(s.up_s);
  v.phases.reserve(s.phases.size());
  for (const PhaseRecord& p : s.phases)
    v.phases.push_back(
        {std::string(to_string(p.phase)), r3(p.start_s), r3(p.end_s), false, p.note});
  return v;
}

PinView pin(double t_s, std::string id, std::string label) {
  PinView p;
  p.t_s = r3(t_s), p.has_time = true, p.id = std::move(id), p.label = std::move(label);
  return p;
}

/// In time order, as read_timeline_data() sorts them.
void sort_pins(std::vector<PinView>& pins) {
  std::stable_sort(pins.begin(), pins.end(),
                   [](const PinView& a, const PinView& b) { return a.t_s < b.t_s; });
}

void read_pins(const Result& r, TimelineData& d) {
  for (const Milestone& m : r.milestones) d.milestones.push_back(pin(m.t_s, m.id, m.label));
  for (const Finding& f : r.findings) {
    PinView p = pin(f.t_s, f.code, f.subject);
    p.severity = to_string(f.severity);
    p.message = f.message, p.consequence = f.consequence, p.remedy = f.remedy;
    d.findings.push_back(std::move(p));
  }
  for (const EventRecord& e : r.events) {
    PinView p = pin(e.t_s, e.kind, e.subject);
    p.message = e.message;
    d.events.push_back(std::move(p));
  }
  sort_pins(d.milestones), sort_pins(d.findings), sort_pins(d.events);
}

void read_axis(const Result& r, TimelineData& d) {
  d.axis.start_week_s = r.start_week_s;
  double latest = 0;
  for (const SystemView& s : d.systems)
    for (const PhaseView& p : s.phases) latest = std::max({latest, p.start_s, p.end_s});
  d.axis.duration_s = r.duration_s > 0 ? r.duration_s : std::max(latest, kSecondsPerDay);
  if (r.staff_from_s && r.staff_to_s) {
    d.staff_from_s = parse_clock(units::format_week_time(*r.staff_from_s).substr(4));
    d.staff_to_s = parse_clock(units::format_week_time(*r.staff_to_s).substr(4));
  }
}

std::vector<SeriesView> series_views(const std::map<std::string, std::vector<double>>& m) {
  std::vector<SeriesView> out;
  for (const auto& [name, values] : m) {
    SeriesView s{name, {}};
    s.values.reserve(values.size());
    for (double x : values) s.values.push_back(r3(x));
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<DriverLine> driver_lines(const std::vector<attribution::Driver>& drivers,
                                     bool labelled) {
  std::vector<DriverLine> out;
  for (const auto& d : drivers) {
    DriverLine l;
    l.cls = attribution::to_string(d.cls);
    l.label = labelled ? attribution::class_label(d.cls) : l.cls;
    if (!labelled) l.resource = d.resource;
    l.s = r3(d.seconds);
    out.push_back(std::move(l));
  }
  return out;
}

AttributionData attribution_view(const Result& r) {
  const attribution::RecoveryAttribution& a = *r.attribution;
  AttributionData out;
  for (const auto& p : a.path)
    out.path.push_back({p.system, attribution::to_string(p.segment.cause),
                        attribution::to_string(p.segment.cls), p.segment.resource, p.segment.detail,
                        r3(p.segment.start), r3(p.segment.end)});
  if (!a.moment.system.empty()) {
    out.drivers.system = a.moment.system;
    out.drivers.t_s = r3(a.moment.t);
    out.drivers.met = a.moment.met;
  }
  out.drivers.by_class = driver_lines(a.drivers.by_class, true);
  out.drivers.top = driver_lines(a.drivers.top, false);
  out.drivers.summary = a.drivers.summary;
  out.accounts.reserve(r.systems.size());  // exact sizes: no growth slack at 20,000 systems
  for (std::size_t i = 0; i < r.systems.size(); ++i) {
    const SystemResult& s = r.systems[i];
    SystemAccount acc;
    acc.name = s.name, acc.kind = s.kind, acc.status = std::string(to_string(s.status));
    acc.critical = s.critical, acc.up_s = r3(s.up_s), acc.until_s = r3(a.until[i]);
    acc.causes.reserve(a.accounts[i].size());
    for (const auto& e : a.accounts[i])
      acc.causes.push_back({attribution::to_string(e.cause), attribution::to_string(e.cls),
                            e.resource, e.detail, r3(e.seconds)});
    out.accounts.push_back(std::move(acc));
  }
  return out;
}

}  // namespace

TimelineData timeline_data(const Result& r) {
  TimelineData d;
  d.version = DRSIM_VERSION;
  d.scenario_name = r.scenario_name, d.scenario_file = r.scenario_file;
  d.scenario_sha256 = r.scenario_sha256, d.description = r.description;
  d.seed = std::to_string(r.seed);
  d.systems.reserve(r.systems.size());
  for (const SystemResult& s : r.systems) d.systems.push_back(system_view(s));
  read_axis(r, d);
  read_pins(r, d);
  RecoveryView& rec = d.recovery;
  rec.rto_target_h = r3(r.rto_s / 3600.0), rec.rto_s = r.rto_s;
  rec.first_zos_up_s = r3(r.first_zos_up_s), rec.critical_up_s = r3(r.critical_up_s);
  rec.all_up_s = r3(r.all_up_s), rec.rto_met = r.rto_met;
  d.step_s = r.step_s;
  d.paging = series_views(r.paging_series);
  d.cpu = series_views(r.cpu_series);
  d.peak_paging = r3(r.peak_paging);
  // result.json gives the first accounts.size() systems an account; the reader wants one for
  // every system (else it refuses the file)
  if (r.attribution && r.attribution->accounts.size() >= r.systems.size())
    d.attribution = attribution_view(r);
  return d;
}

}  // namespace drsim
