#include "reports/explain.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "reports/attribution_view.hpp"
#include "reports/duration_format.hpp"
#include "reports/result_io.hpp"

namespace drsim::reports {
namespace {

using nlohmann::json;

std::optional<double> start_week(const json& doc) {
  if (!doc.contains("exercise") || !doc.at("exercise").is_object()) return std::nullopt;
  const json& e = doc.at("exercise");
  if (!e.contains("start_week_s") || !e.at("start_week_s").is_number()) return std::nullopt;
  return e.at("start_week_s").get<double>();
}

std::string scenario_name(const json& doc) {
  if (doc.contains("scenario") && doc.at("scenario").is_object() &&
      doc.at("scenario").contains("name") && doc.at("scenario").at("name").is_string())
    return doc.at("scenario").at("name").get<std::string>();
  return "result";
}

void require_attribution(const json& doc, const std::string& file) {
  if (!has_attribution(doc))
    throw ResultFileError(file +
                          ": /critical_path is missing; expected a result.json written by a "
                          "drsim that records attribution (re-run the scenario)");
}

/// Causes that are the system's own start-up work at some speed: a stretch of them is shown
/// as one line of the path (boot 12m, CPU-starved 40m, paging 17m).
bool is_work(const std::string& cause) {
  static const std::set<std::string> kWork = {"ipl",         "boot",   "app-start",
                                              "tsm-restore", "paging", "cpu-starved"};
  return kWork.contains(cause);
}

/// Consecutive path segments shown as one line.
struct Stretch {
  std::string system;
  double start = 0, end = 0;
  std::vector<PathLine> parts;
};

std::vector<Stretch> stretches(const std::vector<PathLine>& path) {
  std::vector<Stretch> out;
  for (const auto& p : path) {
    bool joins = !out.empty() && out.back().system == p.system && is_work(p.cause) &&
                 is_work(out.back().parts.back().cause);
    if (!joins) out.push_back(Stretch{p.system, p.start_s, p.end_s, {}});
    out.back().end = p.end_s;
    out.back().parts.push_back(p);
  }
  return out;
}

/// "boot 12m, CPU-starved 40m (VMPROD's 2 virtual CPs ...), paging 17m": causes of a stretch
/// summed, largest first; the largest resource of each cause in brackets.
std::string describe_parts(const std::vector<PathLine>& parts) {
  std::vector<std::pair<std::string, double>> causes;
  std::map<std::string, std::map<std::string, double>> by_res;
  for (const auto& p : parts) {
    auto it = std::find_if(causes.begin(), causes.end(),
                           [&](const auto& c) { return c.first == p.cause; });
    if (it == causes.end())
      causes.emplace_back(p.cause, p.end_s - p.start_s);
    else
      it->second += p.end_s - p.start_s;
    by_res[p.cause][resource_and_detail(p.resource, p.detail)] += p.end_s - p.start_s;
  }
  std::stable_sort(causes.begin(), causes.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (const auto& [cause, s] : causes) {
    const auto& res = by_res[cause];
    auto top = std::max_element(res.begin(), res.end(),
                                [](const auto& a, const auto& b) { return a.second < b.second; });
    out += (out.empty() ? "" : ", ") + cause_label(cause);
    if (causes.size() > 1) out += " " + format_duration(s);
    if (top != res.end() && !top->first.empty()) out += ": " + top->first;
  }
  return out;
}

std::string pad(std::string s, size_t n) {
  if (s.size() < n) s.resize(n, ' ');
  return s;
}

std::string bar(double fraction) {
  auto n = static_cast<size_t>(std::lround(std::clamp(fraction, 0.0, 1.0) * 30));
  return std::string(n, '#');
}

std::string moment_line(const json& doc, const Drivers& d, std::optional<double> week) {
  std::string when = format_exercise_time(week, d.t_s);
  if (d.met) return "RTO moment " + when + ": " + d.system + ", the last critical system, came up";
  std::string rto = "the RTO was missed";
  if (doc.contains("recovery") && doc.at("recovery").is_object() &&
      doc.at("recovery").value("rto_met", false))
    rto = "the RTO was met";
  return "RTO moment " + when + " (the exercise end): " + d.system + " never came up; " + rto;
}

}  // namespace

std::string render_explain_text(const json& doc, const std::string& file) {
  require_attribution(doc, file);
  Drivers d = read_drivers(doc, file);
  std::vector<PathLine> path = read_critical_path(doc, file);
  std::optional<double> week = start_week(doc);
  std::ostringstream o;
  o << "drsim explain: " << scenario_name(doc) << "\n";
  if (d.system.empty()) {
    o << "  nothing in the plan: no critical path\n";
    return o.str();
  }
  o << "  " << moment_line(doc, d, week) << "\n\n";
  o << "What set the RTO (time on the critical path):\n";
  double total = 0;
  for (const auto& c : d.by_class) total += c.s;
  for (const auto& c : d.by_class)
    o << "  " << pad(c.label, 20) << " " << pad(format_duration(c.s), 8) << " "
      << bar(total > 0 ? c.s / total : 0) << "\n";
  if (!d.summary.empty()) o << "  top: " << d.summary << "\n";
  o << "\nCritical path (from the exercise start to the RTO moment):\n";
  size_t width = 0;
  for (const auto& p : path) width = std::max(width, p.system.size());
  for (const auto& s : stretches(path)) {
    o << "  " << format_exercise_time(week, s.start) << " - " << format_exercise_time(week, s.end)
      << "  " << pad(format_duration(s.end - s.start), 7) << " " << pad(s.system, width) << "  "
      << describe_parts(s.parts) << "\n";
  }
  return o.str();
}

std::string render_account_text(const json& doc, const std::string& file,
                                const std::string& system) {
  require_attribution(doc, file);
  std::vector<SystemAccount> all = read_accounts(doc, file);
  auto it = std::find_if(all.begin(), all.end(),
                         [&](const SystemAccount& a) { return a.name == system; });
  if (it == all.end()) {
    std::string names;
    for (const auto& a : all)
      if (a.critical) names += (names.empty() ? "" : ", ") + a.name;
    throw ResultFileError(file + ": no system named \"" + system + "\"; expected one of /systems" +
                          (names.empty() ? "" : " (critical: " + names + ")"));
  }
  std::optional<double> week = start_week(doc);
  const SystemAccount& a = *it;
  std::ostringstream o;
  o << a.name << " (" << a.kind << (a.critical ? ", critical" : "") << ", " << a.status << "): ";
  o << (a.up_s ? "up " + format_exercise_time(week, *a.up_s)
               : "not up by the exercise end " + format_exercise_time(week, a.until_s));
  o << ", " << format_duration(a.until_s) << " after the exercise start\n";
  size_t width = 0;
  for (const auto& c : a.causes) width = std::max(width, cause_label(c.cause).size());
  for (const auto& c : a.causes) {
    double pct = a.until_s > 0 ? 100.0 * c.s / a.until_s : 0;
    char share[16];
    std::snprintf(share, sizeof share, "%3.0f%%", pct);
    o << "  " << pad(format_duration(c.s), 7) << " " << share << "  "
      << pad(cause_label(c.cause), width) << "  " << resource_and_detail(c.resource, c.detail)
      << "\n";
  }
  return o.str();
}

json explain_json(const json& doc, const std::string& file,
                  const std::optional<std::string>& system) {
  require_attribution(doc, file);
  json out = {{"scenario", scenario_name(doc)}};
  if (!system) {
    read_drivers(doc, file);  // checks the shape
    read_critical_path(doc, file);
    out["recovery"] = doc.value("recovery", json(nullptr));
    out["rto_drivers"] = doc.at("rto_drivers");
    out["critical_path"] = doc.at("critical_path");
    return out;
  }
  render_account_text(doc, file, *system);  // checks the system exists and its shape
  for (const auto& s : doc.at("systems")) {
    if (s.value("name", "") != *system) continue;
    json sys = json::object();
    for (const char* k : {"name", "kind", "status", "critical", "up_s", "up_at", "attribution"})
      if (s.contains(k)) sys[k] = s.at(k);
    out["system"] = sys;
  }
  return out;
}

}  // namespace drsim::reports
