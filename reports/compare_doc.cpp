#include "reports/compare_doc.hpp"

#include <charconv>
#include <cmath>

namespace drsim::reports::compare_detail {
namespace {

using nlohmann::json;

[[noreturn]] void bad(const Doc& d, const std::string& ptr, const std::string& expected) {
  throw CompareError(d.file + ": " + ptr + ": expected " + expected);
}

const json& member(const Doc& d, const json& obj, const std::string& ptr, const char* key,
                   const char* expected) {
  if (!obj.is_object() || !obj.contains(key))
    throw CompareError(d.file + ": " + ptr + "/" + key + " is missing; expected " + expected);
  return obj.at(key);
}

std::optional<double> number_or_null(const Doc& d, const json& v, const std::string& ptr,
                                     const char* what = "seconds") {
  if (v.is_null()) return std::nullopt;
  if (!v.is_number()) bad(d, ptr, std::string(what) + " (a number) or null");
  auto x = v.get<double>();
  if (!std::isfinite(x)) bad(d, ptr, std::string(what) + " as a finite number");
  return x;
}

std::string string_at(const Doc& d, const json& obj, const std::string& ptr, const char* key) {
  const json& v = member(d, obj, ptr, key, "a string");
  if (!v.is_string()) bad(d, ptr + "/" + key, "a string");
  return v.get<std::string>();
}

SystemInfo read_system(const Doc& d, const json& s, const std::string& ptr) {
  SystemInfo info;
  info.up_s = number_or_null(d, member(d, s, ptr, "up_s", "seconds or null"), ptr + "/up_s");
  const json& critical = member(d, s, ptr, "critical", "true or false");
  if (!critical.is_boolean()) bad(d, ptr + "/critical", "true or false");
  info.critical = critical.get<bool>();
  info.status = string_at(d, s, ptr, "status");
  if (s.contains("blocked_by") && s.at("blocked_by").is_string())
    info.blocked_by = s.at("blocked_by").get<std::string>();
  return info;
}

}  // namespace

CompareRow make_row(std::string metric, std::string subject, std::string baseline,
                    std::string current) {
  CompareRow r;
  r.metric = std::move(metric);
  r.subject = std::move(subject);
  r.baseline = std::move(baseline);
  r.current = std::move(current);
  return r;
}

Doc make_doc(const ResultInput& in) {
  Doc d{in.file, in.doc, std::nullopt};
  const json* ex = in.doc.contains("exercise") ? &in.doc.at("exercise") : nullptr;
  if (ex != nullptr && ex->is_object() && ex->contains("start_week_s") &&
      ex->at("start_week_s").is_number())
    d.start_week_s = ex->at("start_week_s").get<double>();
  return d;
}

std::pair<long, long> major_minor(const Doc& d) {
  std::string v = string_at(d, d.j, "", "drsim_version");
  long major = -1, minor = -1;
  const char* end = v.data() + v.size();
  auto r1 = std::from_chars(v.data(), end, major);
  bool ok = r1.ec == std::errc() && r1.ptr != end && *r1.ptr == '.';
  if (ok) {
    auto r2 = std::from_chars(r1.ptr + 1, end, minor);
    ok = r2.ec == std::errc() && (r2.ptr == end || *r2.ptr == '.' || *r2.ptr == '-');
  }
  if (!ok || major < 0 || minor < 0)
    bad(d, "/drsim_version", "a version such as \"0.3.0\", not \"" + v + "\"");
  return {major, minor};
}

ResultSummary summary(const Doc& d) {
  ResultSummary s{d.file, "?", "?", "?"};
  const json& j = d.j;
  if (j.contains("drsim_version") && j.at("drsim_version").is_string())
    s.version = j.at("drsim_version").get<std::string>();
  if (j.contains("scenario") && j.at("scenario").is_object() && j.at("scenario").contains("name") &&
      j.at("scenario").at("name").is_string())
    s.scenario = j.at("scenario").at("name").get<std::string>();
  if (j.contains("seed") && !j.at("seed").is_null()) s.seed = j.at("seed").dump();
  return s;
}

std::map<std::string, SystemInfo> read_systems(const Doc& d) {
  const json& systems = member(d, d.j, "", "systems", "an array of systems");
  if (!systems.is_array()) bad(d, "/systems", "an array of systems");
  std::map<std::string, SystemInfo> out;
  for (size_t i = 0; i < systems.size(); ++i) {
    std::string ptr = "/systems/" + std::to_string(i);
    if (!systems.at(i).is_object()) bad(d, ptr, "a system object");
    std::string name = string_at(d, systems.at(i), ptr, "name");
    if (out.contains(name)) bad(d, ptr + "/name", "a unique system name; \"" + name + "\" repeats");
    out.emplace(name, read_system(d, systems.at(i), ptr));
  }
  return out;
}

std::map<FindingKey, std::pair<int, std::string>> read_findings(const Doc& d) {
  const json& findings = member(d, d.j, "", "findings", "an array of findings");
  if (!findings.is_array()) bad(d, "/findings", "an array of findings");
  std::map<FindingKey, std::pair<int, std::string>> out;
  for (size_t i = 0; i < findings.size(); ++i) {
    std::string ptr = "/findings/" + std::to_string(i);
    const json& f = findings.at(i);
    if (!f.is_object()) bad(d, ptr, "a finding object");
    FindingKey key{string_at(d, f, ptr, "code"), "", string_at(d, f, ptr, "severity")};
    if (f.contains("subject") && !f.at("subject").is_null())
      key.subject = string_at(d, f, ptr, "subject");
    auto& [count, message] = out[key];
    ++count;
    if (f.contains("message") && f.at("message").is_string())
      message = f.at("message").get<std::string>();
  }
  return out;
}

std::optional<std::optional<double>> read_recovery_time(const Doc& d, const std::string& key,
                                                        bool optional) {
  const json& rec = member(d, d.j, "", "recovery", "an object");
  if (!rec.is_object()) bad(d, "/recovery", "an object");
  if (optional && !rec.contains(key)) return std::nullopt;
  const json& v = member(d, rec, "/recovery", key.c_str(), "seconds or null");
  return number_or_null(d, v, "/recovery/" + key);
}

std::optional<bool> read_rto_met(const Doc& d) {
  const json& rec = member(d, d.j, "", "recovery", "an object");
  const json& v = member(d, rec, "/recovery", "rto_met", "true, false or null");
  if (v.is_null()) return std::nullopt;
  if (!v.is_boolean()) bad(d, "/recovery/rto_met", "true, false or null");
  return v.get<bool>();
}

std::optional<double> read_peak_paging(const Doc& d) {
  if (!d.j.contains("metrics") || !d.j.at("metrics").is_object()) return std::nullopt;
  const json& m = d.j.at("metrics");
  if (!m.contains("peak_paging_pages_per_s")) return std::nullopt;
  auto v = number_or_null(d, m.at("peak_paging_pages_per_s"), "/metrics/peak_paging_pages_per_s",
                          "pages/s");
  return v;
}

}  // namespace drsim::reports::compare_detail
