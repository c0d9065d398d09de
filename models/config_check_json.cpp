#include "models/config_check_json.hpp"

#include <nlohmann/json.hpp>

#include "models/contract.hpp"

namespace drsim {

namespace {

using nlohmann::json;

json summary_json(const std::vector<Finding>& findings) {
  int counts[3] = {0, 0, 0};
  for (const auto& f : findings) ++counts[static_cast<int>(f.severity)];
  return {{"errors", counts[static_cast<int>(Severity::Error)]},
          {"warnings", counts[static_cast<int>(Severity::Warning)]},
          {"info", counts[static_cast<int>(Severity::Info)]}};
}

json against_json(const Scenario& last, const Scenario& current) {
  json diffs = json::array();
  int counts[3] = {0, 0, 0};
  for (const auto& d : diff_dr_sites(last, current)) {
    diffs.push_back(config_diff_json(d));
    ++counts[static_cast<int>(d.verdict)];
  }
  return {{"scenario", {{"name", last.name}, {"file", last.file}}},
          {"differences", diffs},
          {"summary",
           {{"better", counts[static_cast<int>(DiffVerdict::Better)]},
            {"worse", counts[static_cast<int>(DiffVerdict::Worse)]},
            {"changed", counts[static_cast<int>(DiffVerdict::Changed)]}}}};
}

}  // namespace

json finding_json(const Finding& f) {
  return {{"code", f.code},
          {"severity", to_string(f.severity)},
          {"subject", f.subject},
          {"message", f.message},
          {"production", f.production},
          {"dr", f.dr},
          {"consequence", f.consequence},
          {"remedy", f.remedy},
          {"pointer", f.pointer},
          {"blocks", f.blocks}};
}

json config_diff_json(const ConfigDiff& d) {
  return {{"subject", d.subject},
          {"item", d.item},
          {"last", d.last},
          {"current", d.current},
          {"verdict", to_string(d.verdict)},
          {"pointer", d.pointer}};
}

json check_report_json(const Scenario& s, const Scenario* last) {
  auto findings = static_findings(s);
  json fs = json::array();
  for (const auto& f : findings) fs.push_back(finding_json(f));
  auto cost = exercise_cost(s);
  return {{"scenario", {{"name", s.name}, {"file", s.file}}},
          {"findings", fs},
          {"cost", cost ? cost_json(*cost) : json(nullptr)},
          {"ask_the_vendor", vendor_questions(s, findings)},
          {"against", last ? against_json(*last, s) : json(nullptr)},
          {"summary", summary_json(findings)}};
}

}  // namespace drsim
