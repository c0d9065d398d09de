#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "reports/sweep_table.hpp"

namespace drsim::reports {
namespace {

using nlohmann::json;

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string number_text(double v) {
  if (!std::isfinite(v)) return "";
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
  std::string s(buf, ec == std::errc{} ? end : buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

/// A cell: strings as they are, numbers without trailing zeros, null as empty.
std::string cell(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return csv_field(v.get<std::string>());
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number()) return number_text(v.get<double>());
  if (v.is_array()) {
    std::string joined;
    for (const auto& e : v)
      joined += (joined.empty() ? "" : " ") + (e.is_string() ? e.get<std::string>() : e.dump());
    return csv_field(joined);
  }
  return csv_field(v.dump());
}

const char* const kColumns[] = {"critical_up_s",
                                "critical_up_at",
                                "all_up_s",
                                "all_up_at",
                                "rto_s",
                                "rto_met",
                                "guests_up",
                                "guests",
                                "last_guest_up_s",
                                "last_guest_up_at",
                                "systems_up",
                                "systems",
                                "blocked",
                                "error_findings",
                                "currency",
                                "cost_test",
                                "cost_per_year",
                                "replications",
                                "critical_up_s_p50",
                                "critical_up_s_p90",
                                "critical_up_p90_at",
                                "all_up_s_p50",
                                "all_up_s_p90",
                                "rto_probability",
                                "pareto"};

}  // namespace

std::string render_sweep_csv(const json& sweep) {
  std::string out = "id,option";
  for (const auto& axis : sweep.value("vary", json::array()))
    out += "," + csv_field(axis.value("pointer", ""));
  for (const char* c : kColumns) out += std::string(",") + c;
  out += "\n";
  for (const auto& row : sweep.at("points")) {
    out += cell(row.at("id")) + "," + cell(row.at("option"));
    for (const auto& s : row.at("settings")) out += "," + cell(s.at("value"));
    for (const char* c : kColumns) out += "," + cell(row.value(c, json(nullptr)));
    out += "\n";
  }
  return out;
}

}  // namespace drsim::reports
