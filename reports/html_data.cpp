#include "reports/html_data.hpp"

#include <algorithm>
#include <cmath>

#include "reports/result_io.hpp"

namespace drsim::reports {

namespace {

using nlohmann::json;

std::string pointer_join(const std::string& parent, const std::string& key) {
  std::string out = parent + "/";
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string pointer_join(const std::string& parent, std::size_t index) {
  return parent + "/" + std::to_string(index);
}

[[noreturn]] void wrong(const std::string& ptr, const std::string& expected, const json* found) {
  std::string what = found ? std::string(found->type_name()) : "nothing";
  throw ResultFileError((ptr.empty() ? std::string("/") : ptr) + ": expected " + expected +
                        ", found " + what);
}

/// The value of key in obj, or nullptr when it is missing or null.
const json* field(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string text(const json& obj, const std::string& ptr, const char* key, bool required = false) {
  const json* v = field(obj, key);
  if (!v) {
    if (required) wrong(pointer_join(ptr, key), "a string", nullptr);
    return {};
  }
  if (!v->is_string()) wrong(pointer_join(ptr, key), "a string", v);
  return v->get<std::string>();
}

std::optional<double> number(const json& obj, const std::string& ptr, const char* key,
                             bool required = false) {
  const json* v = field(obj, key);
  if (!v) {
    if (required) wrong(pointer_join(ptr, key), "a number", nullptr);
    return std::nullopt;
  }
  if (!v->is_number()) wrong(pointer_join(ptr, key), "a number", v);
  return v->get<double>();
}

std::optional<bool> boolean(const json& obj, const std::string& ptr, const char* key) {
  const json* v = field(obj, key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) wrong(pointer_join(ptr, key), "true or false", v);
  return v->get<bool>();
}

const json& object_at(const json& obj, const std::string& ptr, const char* key) {
  static const json empty = json::object();
  const json* v = field(obj, key);
  if (!v) return empty;
  if (!v->is_object()) wrong(pointer_join(ptr, key), "an object", v);
  return *v;
}

const json& array_at(const json& obj, const std::string& ptr, const char* key) {
  static const json empty = json::array();
  const json* v = field(obj, key);
  if (!v) return empty;
  if (!v->is_array()) wrong(pointer_join(ptr, key), "an array", v);
  return *v;
}

const json& element(const json& arr, const std::string& ptr, std::size_t i) {
  if (!arr[i].is_object()) wrong(pointer_join(ptr, i), "an object", &arr[i]);
  return arr[i];
}

void read_scenario(const json& doc, TimelineData& d) {
  d.version = text(doc, "", "drsim_version");
  const json& sc = object_at(doc, "", "scenario");
  d.scenario_name = text(sc, "/scenario", "name");
  d.scenario_file = text(sc, "/scenario", "file");
  d.scenario_sha256 = text(sc, "/scenario", "sha256");
  d.description = text(sc, "/scenario", "description");
  if (const json* seed = field(doc, "seed")) {
    if (!seed->is_number_integer()) wrong("/seed", "an integer", seed);
    d.seed = seed->dump();
  }
}

PhaseView read_phase(const json& p, const std::string& ptr) {
  PhaseView v;
  v.phase = text(p, ptr, "phase", true);
  v.start_s = *number(p, ptr, "start_s", true);
  auto end = number(p, ptr, "end_s");
  v.open_end = !end.has_value();
  v.end_s = end.value_or(0);
  v.note = text(p, ptr, "note");
  return v;
}

SystemView read_system(const json& s, const std::string& ptr) {
  SystemView v;
  v.name = text(s, ptr, "name", true);
  for (auto [key, out] : {std::pair{"kind", &v.kind},
                          {"role", &v.role},
                          {"tier", &v.tier},
                          {"machine", &v.machine},
                          {"lpar", &v.lpar},
                          {"host", &v.host},
                          {"status", &v.status},
                          {"blocked_by", &v.blocked_by},
                          {"reason", &v.reason}})
    *out = text(s, ptr, key);
  v.sie_level = static_cast<int>(number(s, ptr, "sie_level").value_or(0));
  v.critical = boolean(s, ptr, "critical").value_or(false);
  v.up_s = number(s, ptr, "up_s");
  const std::string pp = pointer_join(ptr, "phases");
  const json& phases = array_at(s, ptr, "phases");
  for (std::size_t i = 0; i < phases.size(); ++i)
    v.phases.push_back(read_phase(element(phases, pp, i), pointer_join(pp, i)));
  return v;
}

std::vector<PinView> read_pins(const json& doc, const char* key, const char* id_key,
                               const char* label_key) {
  std::vector<PinView> pins;
  const std::string ptr = std::string("/") + key;
  const json& arr = array_at(doc, "", key);
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const json& e = element(arr, ptr, i);
    const std::string ep = pointer_join(ptr, i);
    PinView p;
    auto t = number(e, ep, "t_s");
    p.has_time = t.has_value();
    p.t_s = t.value_or(0);
    p.id = text(e, ep, id_key);
    p.label = text(e, ep, label_key);
    p.severity = text(e, ep, "severity");
    p.message = text(e, ep, "message");
    p.consequence = text(e, ep, "consequence");
    p.remedy = text(e, ep, "remedy");
    pins.push_back(std::move(p));
  }
  std::stable_sort(pins.begin(), pins.end(),
                   [](const PinView& a, const PinView& b) { return a.t_s < b.t_s; });
  return pins;
}

void read_recovery(const json& doc, RecoveryView& r) {
  const json& rec = object_at(doc, "", "recovery");
  const std::string p = "/recovery";
  r.rto_target_h = number(rec, p, "rto_target_h");
  r.rto_s = number(rec, p, "rto_s");
  if (!r.rto_s && r.rto_target_h) r.rto_s = *r.rto_target_h * kSecondsPerHour;
  r.first_zos_up_s = number(rec, p, "first_zos_up_s");
  r.critical_up_s = number(rec, p, "critical_up_s");
  r.all_up_s = number(rec, p, "all_up_s");
  r.critical_up_s_p50 = number(rec, p, "critical_up_s_p50");
  r.critical_up_s_p90 = number(rec, p, "critical_up_s_p90");
  r.all_up_s_p50 = number(rec, p, "all_up_s_p50");
  r.all_up_s_p90 = number(rec, p, "all_up_s_p90");
  r.rto_met = boolean(rec, p, "rto_met");
}

std::vector<SeriesView> read_series_map(const json& series, const char* key) {
  std::vector<SeriesView> out;
  const std::string ptr = pointer_join("/series", key);
  const json& map = object_at(series, "/series", key);
  for (const auto& [name, arr] : map.items()) {
    const std::string sp = pointer_join(ptr, name);
    if (!arr.is_array()) wrong(sp, "an array of numbers", &arr);
    SeriesView s{name, {}};
    for (std::size_t i = 0; i < arr.size(); ++i) {
      if (!arr[i].is_number()) wrong(pointer_join(sp, i), "a number", &arr[i]);
      s.values.push_back(arr[i].get<double>());
    }
    out.push_back(std::move(s));
  }
  return out;
}

/// The axis from exercise.start_week_s / duration_s, else from the "Mon 08:00" labels, else
/// Monday 08:00 to the latest time in the result.
void read_axis(const json& doc, TimelineData& d) {
  const json& ex = object_at(doc, "", "exercise");
  auto start_label = parse_week_label(text(ex, "/exercise", "start"));
  auto end_label = parse_week_label(text(ex, "/exercise", "end"));
  d.axis.start_week_s =
      number(ex, "/exercise", "start_week_s").value_or(start_label.value_or(8 * kSecondsPerHour));
  auto duration = number(ex, "/exercise", "duration_s");
  if (!duration && end_label)
    duration = std::fmod(*end_label - d.axis.start_week_s + kSecondsPerWeek, kSecondsPerWeek);
  double latest = 0;
  for (const SystemView& s : d.systems)
    for (const PhaseView& p : s.phases) latest = std::max({latest, p.start_s, p.end_s});
  d.axis.duration_s = duration.value_or(0) > 0 ? *duration : std::max(latest, kSecondsPerDay);
  const json& staff = object_at(ex, "/exercise", "staff_hours");
  if (!staff.empty()) {
    d.staff_from_s = parse_clock(text(staff, "/exercise/staff_hours", "from"));
    d.staff_to_s = parse_clock(text(staff, "/exercise/staff_hours", "to"));
    if (!d.staff_from_s || !d.staff_to_s)
      wrong("/exercise/staff_hours", "{\"from\": \"HH:MM\", \"to\": \"HH:MM\"}", &staff);
  }
}

std::vector<double> numbers(const json& obj, const std::string& ptr, const char* key) {
  const json& arr = array_at(obj, ptr, key);
  std::vector<double> out;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    if (!arr[i].is_number()) wrong(pointer_join(pointer_join(ptr, key), i), "a number", &arr[i]);
    out.push_back(arr[i].get<double>());
  }
  return out;
}

/// The distribution section, if any; each system's whisker matched by name.
std::optional<DistributionView> read_distribution(const json& doc, const TimelineData& d) {
  const json& dist = object_at(doc, "", "distribution");
  if (dist.empty()) return std::nullopt;
  const std::string p = "/distribution";
  DistributionView v;
  v.replications = number(dist, p, "replications", true).value_or(0);
  const json& rto = object_at(dist, p, "rto");
  v.probability = number(rto, p + "/rto", "probability").value_or(0);
  std::vector<double> ci = numbers(rto, p + "/rto", "ci95");
  if (ci.size() == 2) v.ci_low = ci[0], v.ci_high = ci[1];
  const json& crit = object_at(dist, p, "critical_up_s");
  const std::string cp = p + "/critical_up_s";
  v.p10 = number(crit, cp, "p10"), v.p50 = number(crit, cp, "p50"), v.p90 = number(crit, cp, "p90");
  v.never_share = number(crit, cp, "never_share").value_or(0);
  const json& hist = object_at(crit, cp, "histogram");
  v.hist_start_s = number(hist, cp + "/histogram", "start_s").value_or(0);
  v.hist_bin_s = std::max(1.0, number(hist, cp + "/histogram", "bin_s").value_or(300));
  v.counts = numbers(hist, cp + "/histogram", "counts");
  v.sys_p10.assign(d.systems.size(), std::nullopt);
  v.sys_p90.assign(d.systems.size(), std::nullopt);
  const json& systems = array_at(dist, p, "systems");
  for (std::size_t i = 0; i < systems.size(); ++i) {
    const std::string sp = pointer_join(p + "/systems", i);
    const json& s = element(systems, p + "/systems", i);
    const std::string name = text(s, sp, "name");
    for (std::size_t k = 0; k < d.systems.size(); ++k)
      if (d.systems[k].name == name)
        v.sys_p10[k] = number(s, sp, "p10"), v.sys_p90[k] = number(s, sp, "p90");
  }
  return v;
}

}  // namespace

TimelineData read_timeline_data(const json& result) {
  if (!result.is_object()) wrong("", "a drsim result object", &result);
  TimelineData d;
  read_scenario(result, d);
  if (!result.contains("systems")) wrong("/systems", "an array", nullptr);
  const json& systems = array_at(result, "", "systems");
  for (std::size_t i = 0; i < systems.size(); ++i)
    d.systems.push_back(read_system(element(systems, "/systems", i), pointer_join("/systems", i)));
  read_axis(result, d);
  for (SystemView& s : d.systems)
    for (PhaseView& p : s.phases)
      if (p.open_end) p.end_s = d.axis.duration_s;
  d.milestones = read_pins(result, "milestones", "id", "label");
  d.findings = read_pins(result, "findings", "code", "subject");
  d.events = read_pins(result, "events", "kind", "subject");
  read_recovery(result, d.recovery);
  const json& series = object_at(result, "", "series");
  d.step_s = number(series, "/series", "step_s").value_or(0);
  d.paging = read_series_map(series, "paging_pages_per_s");
  d.cpu = read_series_map(series, "cpu_utilisation");
  d.peak_paging = number(object_at(result, "", "metrics"), "/metrics", "peak_paging_pages_per_s");
  d.distribution = read_distribution(result, d);
  return d;
}

}  // namespace drsim::reports
