// Engine test helpers: load, simulate in a forked child, read result.json back.
#include "engine_helpers.hpp"

#include <fstream>

#include "models/text_guard.hpp"
#include "simulator/engine.hpp"
#include "simulator/result.hpp"

namespace drsim::test {

const char* const kBaseScenario = R"({
  "schema_version": 1,
  "name": "engine-test",
  "exercise": {"start": "Mon 08:00", "end": "Wed 08:00", "rto": "24h"},
  "production": {
    "machine": {"model": "z9 EC", "cps": 6, "engine_mips": 580},
    "systems": [
      {"name": "ZOS1", "kind": "zos", "memory": "8GB", "cpus": 2, "steady_cpu": 0.3},
      {"name": "VM1", "kind": "zvm", "memory": "4GB", "cpus": 2, "dedicated": true, "steady_cpu": 0.02, "paging_volumes": 4}
    ],
    "guests": [
      {"name": "LNX1", "vm": "VM1", "kind": "linux", "tier": "production", "critical": true, "virtual_memory": "1GB", "steady_cpu": 0.05, "app_start": "120s"},
      {"name": "LNX2", "vm": "VM1", "kind": "linux", "tier": "production", "virtual_memory": "1GB", "steady_cpu": 0.05, "app_start": "120s"},
      {"name": "LNX3", "vm": "VM1", "kind": "linux", "tier": "test", "virtual_memory": "1GB", "steady_cpu": 0.05, "app_start": "120s"},
      {"name": "LNX4", "vm": "VM1", "kind": "linux", "tier": "test", "virtual_memory": "1GB", "steady_cpu": 0.05, "app_start": "120s"}
    ],
    "networks": {"hipersockets": [], "osas": [], "vswitches": []}
  },
  "dr_site": {
    "machine": {"model": "z9 EC", "cps": 6, "engine_mips": 580},
    "lpars": [
      {"name": "DRZOS", "owner": "customer", "cps": 2, "weight": 100, "memory": "8GB"},
      {"name": "DRVM", "owner": "customer", "cps": 2, "dedicated": true, "memory": "8GB", "paging_volumes": 4}
    ],
    "placements": [
      {"system": "ZOS1", "mode": "lpar", "lpar": "DRZOS"},
      {"system": "VM1", "mode": "lpar", "lpar": "DRVM"}
    ],
    "tape": {"drives": 4, "drive_type": "TS1120", "mount": "robot"},
    "networks": {"hipersockets": [], "osas": [], "vswitches": []}
  },
  "backups": {
    "volumes": [
      {"name": "ZA", "system": "ZOS1", "count": 12, "model": "3390-9"},
      {"name": "VA", "system": "VM1", "count": 4, "model": "3390-9"}
    ]
  },
  "plan": {
    "steps": [
      {"id": "restore", "action": "restore", "systems": ["ZOS1", "VM1"]},
      {"id": "ipl-zos", "action": "ipl", "systems": ["ZOS1"]},
      {"id": "ipl-vm", "action": "ipl", "systems": ["VM1"]},
      {"id": "autolog", "action": "xautolog", "vm": "VM1", "guests": ["*"], "after": ["ipl-vm"], "stagger": "20s"}
    ]
  },
  "reactions": []
})";

void require_loaded(const LoadResult& loaded) {
  std::string errors;
  for (const auto& e : loaded.errors) errors += e.to_string() + "\n";
  INFO(errors);
  REQUIRE(loaded.status == LoadStatus::Ok);
}

namespace {

std::string simulate_isolated(const LoadResult& loaded, unsigned long long seed,
                              bool monitor_every_minute = false) {
  RunOptions options;
  options.seed = seed;
  options.monitor_every_minute = monitor_every_minute;
  options.scenario_file = loaded.scenario.file;
  options.scenario_sha256 = loaded.sha256;
  const Scenario& scenario = loaded.scenario;
  return run_isolated(
      [&scenario, &options] { return to_json(simulate(scenario, options)).dump(); });
}

}  // namespace

std::string run_text_raw(const std::string& text, const std::vector<std::string>& overrides,
                         unsigned long long seed) {
  LoadResult loaded = load_scenario_text(text, "test.json", overrides);
  require_loaded(loaded);
  return simulate_isolated(loaded, seed);
}

nlohmann::json run_text_monitor_every_minute(const std::string& text) {
  LoadResult loaded = load_scenario_text(text, "test.json");
  require_loaded(loaded);
  return parse_result(simulate_isolated(loaded, 1, true));
}

nlohmann::json parse_result(const std::string& text) {
  nlohmann::json doc;
  std::string error;
  bool parsed = parse_json_text(text, doc, error);
  INFO("the simulation's result is not JSON: " << error);
  REQUIRE(parsed);
  return doc;
}

nlohmann::json run_text(const std::string& text, const std::vector<std::string>& overrides,
                        unsigned long long seed) {
  return parse_result(run_text_raw(text, overrides, seed));
}

nlohmann::json scenario_doc(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  return nlohmann::json::parse(in);
}

nlohmann::json run_doc(const nlohmann::json& doc, const std::vector<std::string>& overrides) {
  return run_text(doc.dump(), overrides);
}

nlohmann::json run_file(const std::string& path, const std::vector<std::string>& overrides) {
  LoadResult loaded = load_scenario(path, overrides);
  require_loaded(loaded);
  return parse_result(simulate_isolated(loaded, 1));
}

const nlohmann::json& system_of(const nlohmann::json& result, const std::string& name) {
  for (const auto& s : result.at("systems"))
    if (s.at("name").get<std::string>() == name) return s;
  FAIL("no system named " << name << " in the result");
  return result;  // not reached: FAIL throws
}

std::optional<double> opt_number(const nlohmann::json& value) {
  if (value.is_null()) return std::nullopt;
  return value.get<double>();
}

std::optional<double> up_s(const nlohmann::json& result, const std::string& name) {
  return opt_number(system_of(result, name).at("up_s"));
}

double restores_done(const nlohmann::json& result) {
  auto t = opt_number(result.at("metrics").at("restores_done_s"));
  REQUIRE(t.has_value());
  return *t;
}

std::string opt_string(const nlohmann::json& value) {
  return value.is_null() ? std::string() : value.get<std::string>();
}

const nlohmann::json* find_phase(const nlohmann::json& system, const std::string& phase) {
  for (const auto& p : system.at("phases"))
    if (p.at("phase").get<std::string>() == phase) return &p;
  return nullptr;
}

std::vector<nlohmann::json> events_of(const nlohmann::json& result, const std::string& kind,
                                      const std::string& subject) {
  std::vector<nlohmann::json> out;
  for (const auto& e : result.at("events"))
    if (e.at("kind").get<std::string>() == kind && e.at("subject").get<std::string>() == subject)
      out.push_back(e);
  return out;
}

std::string shipped(const std::string& name) {
  return std::string(DRSIM_SCENARIOS) + "/" + name + ".json";
}

}  // namespace drsim::test
