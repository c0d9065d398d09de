// libFuzzer target: the scenario loader with --set overrides, then the preflight check and its
// terminal rendering. Input: scenario text, then optionally a NUL byte and overrides separated
// by NUL bytes ("/dr_site/tape/drives=6"). Any input must give a LoadResult, never a crash.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "models/config_check_json.hpp"
#include "models/scenario_io.hpp"
#include "reports/check_text.hpp"
#include "reports/result_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t nul = input.find('\0'); nul != std::string::npos; nul = input.find('\0', start)) {
    parts.push_back(input.substr(start, nul - start));
    start = nul + 1;
  }
  parts.push_back(input.substr(start));
  std::vector<std::string> sets(parts.begin() + 1, parts.end());
  drsim::LoadResult r = drsim::load_scenario_text(parts[0], "fuzz.json", sets);
  if (r.status != drsim::LoadStatus::Ok) {
    for (const auto& e : r.errors) (void)e.to_string();
    return 0;
  }
  nlohmann::json report = drsim::check_report_json(r.scenario, &r.scenario);
  (void)drsim::reports::render_check_text(report, true);
  return 0;
}
