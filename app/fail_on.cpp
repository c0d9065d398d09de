// run --fail-on rto-missed|error|warning: is the run's verdict that bad? Read from the result
// document, so that a nominal run and a Monte Carlo run answer alike.
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "app/cli.hpp"

namespace drsim {
namespace {

std::string findings_text(int n, const char* severity) {
  return std::to_string(n) + " " + severity + (n == 1 ? " finding" : " findings");
}

/// Why the RTO counts as missed, or "".
std::string rto_missed(const nlohmann::json& doc) {
  const auto rec = doc.find("recovery");
  if (rec != doc.end() && rec->is_object()) {
    const auto met = rec->find("rto_met");
    if (met != rec->end() && met->is_boolean() && !met->get<bool>()) return "the RTO was missed";
  }
  const auto dist = doc.find("distribution");
  if (dist != doc.end() && dist->contains("rto") && (*dist)["rto"].contains("probability")) {
    double p = (*dist)["rto"]["probability"].get<double>();
    if (p < 1)
      return "the RTO was missed in " + std::to_string(std::lround((1 - p) * 100)) +
             " % of the replications";
  }
  return "";
}

}  // namespace

std::string fail_on_reason(const nlohmann::json& doc, const std::string& level) {
  if (level.empty()) return "";
  if (std::string why = rto_missed(doc); !why.empty()) return why;
  int errors = 0, warnings = 0;
  if (doc.contains("findings") && doc["findings"].is_array())
    for (const auto& f : doc["findings"]) {
      std::string sev = f.value("severity", "");
      errors += sev == "error" ? 1 : 0;
      warnings += sev == "warning" ? 1 : 0;
    }
  if (level != "rto-missed" && errors > 0) return findings_text(errors, "error");
  if (level == "warning" && warnings > 0) return findings_text(warnings, "warning");
  return "";
}

}  // namespace drsim
