#include "reports/attribution_view.hpp"

#include <nlohmann/json.hpp>

#include "reports/result_io.hpp"

namespace drsim::reports {
namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& file, const std::string& ptr, const std::string& want) {
  throw ResultFileError(file + ": " + ptr + ": expected " + want);
}

const json& member(const json& obj, const std::string& key, const std::string& file,
                   const std::string& ptr, const std::string& want) {
  if (!obj.is_object() || !obj.contains(key)) bad(file, ptr + "/" + key, want);
  return obj.at(key);
}

std::string text(const json& obj, const std::string& key, const std::string& file,
                 const std::string& ptr) {
  const json& v = member(obj, key, file, ptr, "a string");
  if (v.is_null()) return "";
  if (!v.is_string()) bad(file, ptr + "/" + key, "a string or null");
  return v.get<std::string>();
}

double number(const json& obj, const std::string& key, const std::string& file,
              const std::string& ptr) {
  const json& v = member(obj, key, file, ptr, "a number");
  if (!v.is_number()) bad(file, ptr + "/" + key, "a number");
  return v.get<double>();
}

std::optional<double> opt_number(const json& obj, const std::string& key) {
  if (!obj.contains(key) || !obj.at(key).is_number()) return std::nullopt;
  return obj.at(key).get<double>();
}

const json& array_at(const json& obj, const std::string& key, const std::string& file,
                     const std::string& ptr) {
  const json& v = member(obj, key, file, ptr, "an array");
  if (!v.is_array()) bad(file, ptr + "/" + key, "an array");
  return v;
}

CauseLine cause_line(const json& c, const std::string& file, const std::string& ptr) {
  return CauseLine{text(c, "cause", file, ptr), text(c, "class", file, ptr),
                   text(c, "resource", file, ptr), text(c, "detail", file, ptr),
                   number(c, "s", file, ptr)};
}

std::vector<DriverLine> driver_lines(const json& arr, const std::string& file,
                                     const std::string& ptr, bool with_resource) {
  std::vector<DriverLine> out;
  for (size_t i = 0; i < arr.size(); ++i) {
    std::string p = ptr + "/" + std::to_string(i);
    const json& d = arr.at(i);
    DriverLine l;
    l.cls = text(d, "class", file, p);
    l.label = d.contains("label") ? text(d, "label", file, p) : l.cls;
    if (with_resource) l.resource = text(d, "resource", file, p);
    l.s = number(d, "s", file, p);
    out.push_back(l);
  }
  return out;
}

}  // namespace

bool has_attribution(const json& doc) {
  return doc.is_object() && doc.contains("critical_path") && doc.contains("rto_drivers");
}

std::vector<SystemAccount> read_accounts(const json& doc, const std::string& file) {
  std::vector<SystemAccount> out;
  const json& systems = array_at(doc, "systems", file, "");
  for (size_t i = 0; i < systems.size(); ++i) {
    std::string ptr = "/systems/" + std::to_string(i);
    const json& s = systems.at(i);
    SystemAccount a;
    a.name = text(s, "name", file, ptr);
    a.kind = s.contains("kind") ? text(s, "kind", file, ptr) : "";
    a.status = s.contains("status") ? text(s, "status", file, ptr) : "";
    a.critical =
        s.contains("critical") && s.at("critical").is_boolean() && s.at("critical").get<bool>();
    a.up_s = opt_number(s, "up_s");
    const json& att = member(s, "attribution", file, ptr, "an attribution object");
    std::string ap = ptr + "/attribution";
    a.until_s = number(att, "until_s", file, ap);
    const json& causes = array_at(att, "causes", file, ap);
    for (size_t k = 0; k < causes.size(); ++k)
      a.causes.push_back(cause_line(causes.at(k), file, ap + "/causes/" + std::to_string(k)));
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<PathLine> read_critical_path(const json& doc, const std::string& file) {
  std::vector<PathLine> out;
  const json& path = array_at(doc, "critical_path", file, "");
  for (size_t i = 0; i < path.size(); ++i) {
    std::string ptr = "/critical_path/" + std::to_string(i);
    const json& p = path.at(i);
    out.push_back(PathLine{text(p, "system", file, ptr), text(p, "cause", file, ptr),
                           text(p, "class", file, ptr), text(p, "resource", file, ptr),
                           text(p, "detail", file, ptr), number(p, "start_s", file, ptr),
                           number(p, "end_s", file, ptr)});
  }
  return out;
}

Drivers read_drivers(const json& doc, const std::string& file) {
  const json& d = member(doc, "rto_drivers", file, "", "an object");
  const std::string ptr = "/rto_drivers";
  Drivers out;
  const json& from = member(d, "from", file, ptr, "an object or null");
  if (!from.is_null()) {
    out.system = text(from, "system", file, ptr + "/from");
    out.t_s = number(from, "t_s", file, ptr + "/from");
    out.met = from.contains("all_critical_up") && from.at("all_critical_up").is_boolean() &&
              from.at("all_critical_up").get<bool>();
  }
  out.by_class = driver_lines(array_at(d, "by_class", file, ptr), file, ptr + "/by_class", false);
  out.top = driver_lines(array_at(d, "top", file, ptr), file, ptr + "/top", true);
  out.summary = text(d, "summary", file, ptr);
  return out;
}

std::string cause_label(const std::string& cause) {
  static const std::vector<std::pair<std::string, std::string>> kLabels = {
      {"tape-queue", "waiting for a tape drive"},
      {"tape-read", "reading tape"},
      {"predecessor", "waiting for a predecessor"},
      {"ipl", "IPL"},
      {"boot", "boot"},
      {"app-start", "application start"},
      {"tsm-restore", "TSM restore"},
      {"cpu-starved", "CPU-starved"},
      {"paging", "paging wait"},
      {"blocked", "blocked"},
      {"lead-time", "operator or vendor lead time"},
      {"off-hours", "outside working hours"},
      {"staff-work", "staff work"},
      {"forced-off", "forced off"},
      {"not-started", "not started"},
      {"up", "up"}};
  for (const auto& [k, v] : kLabels)
    if (k == cause) return v;
  return cause;
}

std::string resource_and_detail(const std::string& resource, const std::string& detail) {
  if (resource.empty()) return detail;
  if (detail.empty()) return resource;
  return resource + " (" + detail + ")";
}

}  // namespace drsim::reports
