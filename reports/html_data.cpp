#include "reports/html_data.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "reports/result_reader.hpp"

namespace drsim::reports {

namespace {

using nlohmann::json;

/// The text of key, "" when missing or null.
std::string text(const ResultNode& obj, const char* key) {
  return obj.text_at(key).value_or("");
}

/// The object at key, or nothing when missing or null; anything else is an error.
std::optional<ResultNode> object_at(const ResultNode& obj, const char* key) {
  auto n = obj.find(key);
  if (n && !n->raw().is_object()) n->fail("an object");
  return n;
}

/// The elements at key (which must be objects); none when the key is missing or null.
std::vector<ResultNode> objects_at(const ResultNode& obj, const char* key) {
  auto n = obj.find(key);
  if (!n) return {};
  std::vector<ResultNode> out = n->elements("an array");
  for (const ResultNode& e : out)
    if (!e.raw().is_object()) e.fail("an object");
  return out;
}

void read_scenario(const ResultNode& doc, TimelineData& d) {
  d.version = text(doc, "drsim_version");
  if (auto sc = object_at(doc, "scenario")) {
    d.scenario_name = text(*sc, "name");
    d.scenario_file = text(*sc, "file");
    d.scenario_sha256 = text(*sc, "sha256");
    d.description = text(*sc, "description");
  }
  if (auto seed = doc.find("seed")) {
    if (!seed->raw().is_number_integer()) seed->fail("an integer");
    d.seed = seed->raw().dump();
  }
}

PhaseView read_phase(const ResultNode& p) {
  PhaseView v;
  v.phase = p.at("phase", "a string").text();
  v.start_s = p.at("start_s", "a number").seconds();
  auto end = p.seconds_at("end_s");
  v.open_end = !end.has_value();
  v.end_s = end.value_or(0);
  v.note = text(p, "note");
  return v;
}

SystemView read_system(const ResultNode& s) {
  SystemView v;
  v.name = s.at("name", "a string").text();
  for (auto [key, out] : {std::pair{"kind", &v.kind},
                          {"role", &v.role},
                          {"tier", &v.tier},
                          {"machine", &v.machine},
                          {"lpar", &v.lpar},
                          {"host", &v.host},
                          {"status", &v.status},
                          {"blocked_by", &v.blocked_by},
                          {"reason", &v.reason}})
    *out = text(s, key);
  if (auto level = s.find("sie_level")) v.sie_level = static_cast<int>(level->number(0, 16));
  v.critical = s.boolean_at("critical").value_or(false);
  v.up_s = s.seconds_at("up_s");
  for (const ResultNode& p : objects_at(s, "phases")) v.phases.push_back(read_phase(p));
  return v;
}

std::vector<PinView> read_pins(const ResultNode& doc, const char* key, const char* id_key,
                               const char* label_key) {
  std::vector<PinView> pins;
  for (const ResultNode& e : objects_at(doc, key)) {
    PinView p;
    auto t = e.seconds_at("t_s");
    p.has_time = t.has_value();
    p.t_s = t.value_or(0);
    p.id = text(e, id_key);
    p.label = text(e, label_key);
    p.severity = text(e, "severity");
    p.message = text(e, "message");
    p.consequence = text(e, "consequence");
    p.remedy = text(e, "remedy");
    pins.push_back(std::move(p));
  }
  std::stable_sort(pins.begin(), pins.end(),
                   [](const PinView& a, const PinView& b) { return a.t_s < b.t_s; });
  return pins;
}

void read_recovery(const ResultNode& doc, RecoveryView& r) {
  auto rec = object_at(doc, "recovery");
  if (!rec) return;
  if (auto target = rec->find("rto_target_h")) {
    if (!target->raw().is_number()) target->fail("a number");
    r.rto_target_h = target->raw().get<double>();
    if (!std::isfinite(*r.rto_target_h) || *r.rto_target_h < 0 ||
        *r.rto_target_h > kMaxResultTimeS / kSecondsPerHour)
      target->fail_range("hours from 0 to 672 (4 weeks)");
  }
  r.rto_s = rec->seconds_at("rto_s");
  if (!r.rto_s && r.rto_target_h) r.rto_s = *r.rto_target_h * kSecondsPerHour;
  r.first_zos_up_s = rec->seconds_at("first_zos_up_s");
  r.critical_up_s = rec->seconds_at("critical_up_s");
  r.all_up_s = rec->seconds_at("all_up_s");
  r.critical_up_s_p50 = rec->seconds_at("critical_up_s_p50");
  r.critical_up_s_p90 = rec->seconds_at("critical_up_s_p90");
  r.all_up_s_p50 = rec->seconds_at("all_up_s_p50");
  r.all_up_s_p90 = rec->seconds_at("all_up_s_p90");
  r.rto_met = rec->boolean_at("rto_met");
}

std::vector<SeriesView> read_series_map(const ResultNode& series, const char* key) {
  std::vector<SeriesView> out;
  auto map = object_at(series, key);
  if (!map) return out;
  for (const auto& [name, arr] : map->members("an object")) {
    SeriesView s{name, {}};
    for (const ResultNode& v : arr.elements("an array of numbers")) s.values.push_back(v.number());
    out.push_back(std::move(s));
  }
  return out;
}

/// The axis from exercise.start_week_s / duration_s, else from the "Mon 08:00" labels, else
/// Monday 08:00 to the latest time in the result.
void read_axis(const ResultNode& doc, TimelineData& d) {
  static const json empty = json::object();
  const ResultNode ex = object_at(doc, "exercise").value_or(ResultNode(empty, ""));
  auto start_label = parse_week_label(text(ex, "start"));
  auto end_label = parse_week_label(text(ex, "end"));
  auto start_week = ex.find("start_week_s");
  d.axis.start_week_s = start_week ? start_week->number(0, kSecondsPerWeek)
                                   : start_label.value_or(8 * kSecondsPerHour);
  auto duration = ex.seconds_at("duration_s");
  if (!duration && end_label)
    duration = std::fmod(*end_label - d.axis.start_week_s + kSecondsPerWeek, kSecondsPerWeek);
  double latest = 0;
  for (const SystemView& s : d.systems)
    for (const PhaseView& p : s.phases) latest = std::max({latest, p.start_s, p.end_s});
  d.axis.duration_s = duration.value_or(0) > 0 ? *duration : std::max(latest, kSecondsPerDay);
  auto staff = object_at(ex, "staff_hours");
  if (staff && !staff->raw().empty()) {
    d.staff_from_s = parse_clock(text(*staff, "from"));
    d.staff_to_s = parse_clock(text(*staff, "to"));
    if (!d.staff_from_s || !d.staff_to_s) staff->fail("{\"from\": \"HH:MM\", \"to\": \"HH:MM\"}");
  }
}

std::vector<double> numbers(const ResultNode& obj, const char* key) {
  std::vector<double> out;
  if (auto arr = obj.find(key))
    for (const ResultNode& v : arr->elements("an array of numbers")) out.push_back(v.number());
  return out;
}

std::optional<double> time_at(const std::optional<ResultNode>& obj, const char* key) {
  return obj ? obj->seconds_at(key) : std::nullopt;
}

/// The distribution section, if any; each system's whisker matched by name.
std::optional<DistributionView> read_distribution(const ResultNode& doc, const TimelineData& d) {
  auto dist = object_at(doc, "distribution");
  if (!dist || dist->raw().empty()) return std::nullopt;
  DistributionView v;
  v.replications = dist->at("replications", "a number").number(0, 1e9);
  if (auto rto = object_at(*dist, "rto")) {
    if (auto p = rto->find("probability")) v.probability = p->number(0, 1);
    std::vector<double> ci = numbers(*rto, "ci95");
    if (ci.size() == 2) v.ci_low = ci[0], v.ci_high = ci[1];
  }
  auto crit = object_at(*dist, "critical_up_s");
  v.p10 = time_at(crit, "p10"), v.p50 = time_at(crit, "p50"), v.p90 = time_at(crit, "p90");
  if (crit) {
    if (auto never = crit->find("never_share")) v.never_share = never->number(0, 1);
    if (auto hist = object_at(*crit, "histogram")) {
      v.hist_start_s = hist->seconds_at("start_s").value_or(0);
      v.hist_bin_s = std::max(1.0, hist->seconds_at("bin_s").value_or(300));
      v.counts = numbers(*hist, "counts");
    }
  }
  v.sys_p10.assign(d.systems.size(), std::nullopt);
  v.sys_p90.assign(d.systems.size(), std::nullopt);
  for (const ResultNode& s : objects_at(*dist, "systems")) {
    const std::string name = text(s, "name");
    for (std::size_t k = 0; k < d.systems.size(); ++k)
      if (d.systems[k].name == name)
        v.sys_p10[k] = s.seconds_at("p10"), v.sys_p90[k] = s.seconds_at("p90");
  }
  return v;
}

}  // namespace

TimelineData read_timeline_data(const json& result) {
  const ResultNode doc(result, "");
  if (!result.is_object()) doc.fail("a drsim result object");
  TimelineData d;
  read_scenario(doc, d);
  for (const ResultNode& s : doc.at("systems", "an array").elements("an array")) {
    if (!s.raw().is_object()) s.fail("an object");
    d.systems.push_back(read_system(s));
  }
  read_axis(doc, d);
  for (SystemView& s : d.systems)
    for (PhaseView& p : s.phases)
      if (p.open_end) p.end_s = d.axis.duration_s;
  d.milestones = read_pins(doc, "milestones", "id", "label");
  d.findings = read_pins(doc, "findings", "code", "subject");
  d.events = read_pins(doc, "events", "kind", "subject");
  read_recovery(doc, d.recovery);
  if (auto series = object_at(doc, "series")) {
    if (auto step = series->find("step_s")) d.step_s = step->number(0, kMaxResultTimeS);
    d.paging = read_series_map(*series, "paging_pages_per_s");
    d.cpu = read_series_map(*series, "cpu_utilisation");
  }
  if (auto metrics = object_at(doc, "metrics"))
    d.peak_paging = metrics->number_at("peak_paging_pages_per_s");
  d.distribution = read_distribution(doc, d);
  if (has_attribution(result)) {
    AttributionData a;
    a.path = read_critical_path(result, "");
    a.drivers = read_drivers(result, "");
    a.accounts = read_accounts(result, "");
    if (a.accounts.size() == d.systems.size()) d.attribution = std::move(a);
  }
  return d;
}

}  // namespace drsim::reports
