#include "simulator/result.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

#include "models/units.hpp"

namespace drsim {
namespace {

using nlohmann::json;

double r3(double v) {
  return round3(v);
}

json time_or_null(const std::optional<double>& t) {
  return t ? json(r3(*t)) : json(nullptr);
}

json str_or_null(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

class Labeler {
 public:
  explicit Labeler(double start_week_s) : start_(start_week_s) {}
  std::string operator()(double t_s) const { return units::format_week_time(start_ + t_s); }
  json opt(const std::optional<double>& t) const { return t ? json((*this)(*t)) : json(nullptr); }

 private:
  double start_;
};

/// Objects are built member by member: an initializer list makes a [key, value] array per
/// member first (about 250,000 of them for 5,000 guests, issue 18). Same document.
json phase_json(const PhaseRecord& p, const Labeler& at) {
  json o = json::object();
  o.emplace("phase", to_string(p.phase));
  o.emplace("start_s", r3(p.start_s));
  o.emplace("end_s", r3(p.end_s));
  o.emplace("start_at", at(p.start_s));
  o.emplace("end_at", at(p.end_s));
  o.emplace("note", str_or_null(p.note));
  return o;
}

json system_json(const SystemResult& s, const Labeler& at) {
  json phases = json::array();
  phases.get_ref<json::array_t&>().reserve(s.phases.size());
  for (const auto& p : s.phases) phases.push_back(phase_json(p, at));
  json missing = json::array();
  for (const auto& [code, reason] : s.missing)
    missing.push_back({{"code", code}, {"reason", reason}});
  json forced = nullptr;
  if (s.forced_off)
    forced = {{"up_from_s", time_or_null(s.forced_off->up_from_s)},
              {"up_from_at", at.opt(s.forced_off->up_from_s)},
              {"off_s", r3(s.forced_off->off_s)},
              {"off_at", at(s.forced_off->off_s)},
              {"by", s.forced_off->by}};
  json o = json::object();
  o.emplace("name", s.name);
  o.emplace("kind", s.kind);
  o.emplace("role", str_or_null(s.role));
  o.emplace("machine", str_or_null(s.machine));
  o.emplace("lpar", str_or_null(s.lpar));
  o.emplace("host", str_or_null(s.host));
  o.emplace("sie_level", s.sie_level > 0 ? json(s.sie_level) : json(nullptr));
  o.emplace("tier", s.tier);
  o.emplace("critical", s.critical);
  o.emplace("planned", s.planned);
  o.emplace("status", to_string(s.status));
  o.emplace("up_s", time_or_null(s.up_s));
  o.emplace("up_at", at.opt(s.up_s));
  o.emplace("blocked_by", str_or_null(s.blocked_by));
  o.emplace("reason", str_or_null(s.reason));
  o.emplace("missing", std::move(missing));
  o.emplace("forced_off", std::move(forced));
  o.emplace("out_of_scope", str_or_null(s.out_of_scope));
  o.emplace("phases", std::move(phases));
  return o;
}

json finding_json(const Finding& f, const Labeler& at) {
  return {{"code", f.code},
          {"severity", to_string(f.severity)},
          {"subject", f.subject},
          {"t_s", r3(f.t_s)},
          {"at", at(f.t_s)},
          {"message", f.message},
          {"production", str_or_null(f.production)},
          {"dr", str_or_null(f.dr)},
          {"consequence", str_or_null(f.consequence)},
          {"remedy", str_or_null(f.remedy)}};
}

json series_json(const std::map<std::string, std::vector<double>>& m) {
  json out = json::object();
  for (const auto& [k, v] : m) {
    json arr = json::array();
    for (double x : v) arr.push_back(r3(x));
    out[k] = std::move(arr);
  }
  return out;
}

json map_json(const std::map<std::string, double>& m) {
  json out = json::object();
  for (const auto& [k, v] : m) out[k] = r3(v);
  return out;
}

}  // namespace

namespace {

/// Everything but attribution.
json result_json(const Result& r) {
  Labeler at(r.start_week_s);
  json systems = json::array(), milestones = json::array(), findings = json::array(),
       events = json::array();
  for (const auto& s : r.systems) systems.push_back(system_json(s, at));
  for (const auto& m : r.milestones)
    milestones.push_back({{"id", m.id}, {"label", m.label}, {"t_s", r3(m.t_s)}, {"at", at(m.t_s)}});
  for (const auto& f : r.findings) findings.push_back(finding_json(f, at));
  for (const auto& e : r.events)
    events.push_back({{"t_s", r3(e.t_s)},
                      {"at", at(e.t_s)},
                      {"kind", e.kind},
                      {"subject", e.subject},
                      {"message", e.message}});
  json staff = nullptr;
  if (r.staff_from_s && r.staff_to_s)
    staff = {{"from", units::format_week_time(*r.staff_from_s).substr(4)},
             {"to", units::format_week_time(*r.staff_to_s).substr(4)}};
  json out_of_scope = json::array();
  for (const auto& o : r.out_of_scope)
    out_of_scope.push_back({{"system", o.system}, {"reason", o.reason}});
  json vm_ipls = json::object();
  for (const auto& [k, v] : r.vm_ipls) vm_ipls[k] = v;
  return {{"drsim_version", DRSIM_VERSION},
          {"scenario",
           {{"name", r.scenario_name},
            {"file", r.scenario_file},
            {"sha256", r.scenario_sha256},
            {"description", r.description}}},
          {"seed", r.seed},
          {"exercise",
           {{"start", at(0)},
            {"end", at(r.duration_s)},
            {"start_week_s", r.start_week_s},
            {"duration_s", r.duration_s},
            {"staff_hours", std::move(staff)}}},
          {"systems", std::move(systems)},
          {"milestones", std::move(milestones)},
          {"findings", std::move(findings)},
          {"events", std::move(events)},
          {"recovery",
           {{"rto_target_h", r3(r.rto_s / 3600.0)},
            {"rto_s", r.rto_s},
            {"first_zos_up_s", time_or_null(r.first_zos_up_s)},
            {"critical_up_s", time_or_null(r.critical_up_s)},
            {"critical_up_at", at.opt(r.critical_up_s)},
            {"all_up_s", time_or_null(r.all_up_s)},
            {"rto_met", r.rto_met},
            {"rto_rule", "all critical systems in scope up at the same time within the RTO"},
            {"out_of_scope", std::move(out_of_scope)}}},
          {"metrics",
           {{"peak_paging_pages_per_s", r3(r.peak_paging)},
            {"peak_paging_by_vm", map_json(r.peak_paging_by_vm)},
            {"vm_ipls", std::move(vm_ipls)},
            {"tape_drives", r.tape_drives},
            {"tape_drive_utilisation", r3(r.tape_utilisation)},
            {"volumes_restored", r.volumes_restored},
            {"restore_bytes", r.restore_bytes},
            {"restores_done_s", time_or_null(r.restores_done_s)},
            {"cpu_utilisation", map_json(r.cpu_mean)},
            {"peak_cpu_utilisation", map_json(r.cpu_peak)},
            {"events", r.sim_events}}},
          {"series",
           {{"step_s", r.step_s},
            {"paging_pages_per_s", series_json(r.paging_series)},
            {"cpu_utilisation", series_json(r.cpu_series)}}}};
}

}  // namespace

double round3(double v) {
  return std::round(v * 1000.0) / 1000.0;
}

json to_json(const Result& r) {
  json out = result_json(r);
  if (!r.attribution) return out;
  const attribution::RecoveryAttribution& a = *r.attribution;
  Labeler at(r.start_week_s);
  auto label = [&at](double t) { return at(t); };
  json& systems = out["systems"];
  for (size_t i = 0; i < systems.size() && i < a.accounts.size(); ++i)
    systems[i]["attribution"] = attribution::account_json(a.accounts[i], a.until[i], label);
  out["critical_path"] = attribution::path_json(a.path, label);
  out["rto_drivers"] = attribution::drivers_json(a.moment, a.drivers, label);
  return out;
}

std::string summary_text(const Result& r) {
  Labeler at(r.start_week_s);
  std::ostringstream o;
  o << "drsim: " << r.scenario_name << " (seed " << r.seed << ")\n";
  for (const auto& m : r.milestones) o << "  " << at(m.t_s) << "  " << m.label << "\n";
  o << "  RTO " << units::format_duration(r.rto_s) << ": " << (r.rto_met ? "met" : "MISSED");
  if (r.critical_up_s)
    o << " (all critical systems in scope up together at " << at(*r.critical_up_s) << ", after "
      << units::format_duration(*r.critical_up_s) << ")";
  o << "\n";
  int up = 0, planned = 0, critical = 0, critical_up = 0;
  for (const auto& s : r.systems) {
    if (s.critical && s.out_of_scope.empty()) {
      ++critical;
      critical_up += s.status == Status::Up ? 1 : 0;
    }
    if (!s.planned) continue;
    ++planned;
    up += s.status == Status::Up ? 1 : 0;
  }
  o << "  systems up at the end: " << up << " of " << planned
    << " in the plan; critical: " << critical_up << " of " << critical << " in scope\n";
  for (const auto& x : r.out_of_scope)
    o << "  out of scope: " << x.system << " (" << x.reason << ")\n";
  if (r.peak_paging > 0) o << "  peak paging: " << std::lround(r.peak_paging) << " pages/s\n";
  std::vector<const Finding*> top;
  for (const auto& f : r.findings) top.push_back(&f);
  std::stable_sort(top.begin(), top.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  size_t shown = 0;
  for (const Finding* f : top) {
    if (shown++ == 8) {
      o << "  ... " << top.size() - 8 << " more findings in result.json\n";
      break;
    }
    o << "  " << to_string(f->severity) << " " << f->code << " " << f->subject << " @ "
      << at(f->t_s) << ": " << f->message << "\n";
  }
  return o.str();
}

}  // namespace drsim
