#include "reports/compare_doc.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace drsim::reports::compare_detail {
namespace {

using nlohmann::json;

/// Seconds or null at key, which must be there.
std::optional<double> seconds_or_null(const ResultNode& obj, const char* key) {
  ResultNode v = obj.at(key, "seconds or null");
  if (v.is_null()) return std::nullopt;
  return v.seconds();
}

SystemInfo read_system(const ResultNode& s) {
  SystemInfo info;
  info.up_s = seconds_or_null(s, "up_s");
  info.critical = s.at("critical", "true or false").boolean();
  info.status = s.at("status", "a string").text();
  if (auto b = s.find("blocked_by"); b && b->raw().is_string()) info.blocked_by = b->text();
  return info;
}

ResultNode recovery(const Doc& d) {
  ResultNode rec = d.root.at("recovery", "an object");
  if (!rec.raw().is_object()) rec.fail("an object");
  return rec;
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
  Doc d{in.file, in.doc, ResultNode(in.doc, in.file), std::nullopt};
  if (!in.doc.is_object()) d.root.fail("a drsim result object");
  auto ex = d.root.find("exercise");
  if (ex && ex->raw().is_object())
    if (auto start = ex->find("start_week_s")) d.start_week_s = start->number(0, 7 * 86400.0);
  return d;
}

std::pair<long, long> major_minor(const Doc& d) {
  ResultNode node = d.root.at("drsim_version", "a string");
  std::string v = node.text();
  long major = -1, minor = -1;
  const char* end = v.data() + v.size();
  auto r1 = std::from_chars(v.data(), end, major);
  bool ok = r1.ec == std::errc() && r1.ptr != end && *r1.ptr == '.';
  if (ok) {
    auto r2 = std::from_chars(r1.ptr + 1, end, minor);
    ok = r2.ec == std::errc() && (r2.ptr == end || *r2.ptr == '.' || *r2.ptr == '-');
  }
  if (!ok || major < 0 || minor < 0)
    node.fail("a version such as \"0.3.0\", not \"" + v.substr(0, 40) + "\"");
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
  std::map<std::string, SystemInfo> out;
  for (const ResultNode& s :
       d.root.at("systems", "an array of systems").elements("an array of systems")) {
    if (!s.raw().is_object()) s.fail("a system object");
    ResultNode name_node = s.at("name", "a string");
    std::string name = name_node.text();
    if (out.contains(name))
      name_node.fail("a unique system name; \"" + name.substr(0, 80) + "\" repeats");
    out.emplace(name, read_system(s));
  }
  return out;
}

std::map<FindingKey, std::pair<int, std::string>> read_findings(const Doc& d) {
  std::map<FindingKey, std::pair<int, std::string>> out;
  for (const ResultNode& f :
       d.root.at("findings", "an array of findings").elements("an array of findings")) {
    if (!f.raw().is_object()) f.fail("a finding object");
    FindingKey key{f.at("code", "a string").text(), f.text_at("subject").value_or(""),
                   f.at("severity", "a string").text()};
    auto& [count, message] = out[key];
    ++count;
    if (auto m = f.find("message"); m && m->raw().is_string()) message = m->text();
  }
  return out;
}

std::optional<std::optional<double>> read_recovery_time(const Doc& d, const std::string& key,
                                                        bool optional) {
  ResultNode rec = recovery(d);
  if (optional && !rec.raw().contains(key)) return std::nullopt;
  return seconds_or_null(rec, key.c_str());
}

std::optional<bool> read_rto_met(const Doc& d) {
  ResultNode v = recovery(d).at("rto_met", "true, false or null");
  if (v.is_null()) return std::nullopt;
  return v.boolean();
}

std::optional<double> read_peak_paging(const Doc& d) {
  auto m = d.root.find("metrics");
  if (!m || !m->raw().is_object()) return std::nullopt;
  auto v = m->find("peak_paging_pages_per_s");
  if (!v) return std::nullopt;
  return v->number(0, kMaxResultNumber);
}

}  // namespace drsim::reports::compare_detail
