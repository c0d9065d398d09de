// The one parameter table: its defaults are ModelParams', written as a scenario writes them and
// accepted back by the parser; every row has a meaning and a source; the JSON Schema knows
// exactly the table's keys.
#include "models/param_table.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "models/scenario_io.hpp"
#include "models/schema.hpp"
#include "models/uncertainty_table.hpp"
#include "test/unit_helpers.hpp"

using namespace drsim;
using drsim::test::scenario_json;
using nlohmann::json;

namespace {

/// A scenario whose /parameters sets one key to `value`.
LoadResult load_with(const std::string& group, const std::string& key, const json& value) {
  json doc = scenario_json("insurance-2009-year3");
  doc["parameters"] = {{group, {{key, value}}}};
  return load_scenario_text(doc.dump(), "param.json");
}

}  // namespace

TEST_CASE("param table: every row has a key, a unit, a meaning and a source") {
  std::set<std::string> names;
  for (const auto& p : param_table()) {
    CHECK(std::string(p.meaning).size() >= 9);  // "page size"
    CHECK(std::string(p.source).size() > 10);
    CHECK(std::string(p.unit).size() > 0);
    CHECK(names.insert(p.name()).second);
  }
  CHECK(names.size() >= 45);
}

TEST_CASE("param table: the default, written as in a scenario, parses back to itself") {
  for (const auto& p : param_table()) {
    if (p.kind == ParamKind::Curve) continue;
    INFO(p.name() << " = " << p.default_text());
    // a number as a scenario writes it: 512, not 512.0 (an integer-only key refuses 512.0)
    double d = p.default_value();
    json number = d == std::floor(d) ? json(static_cast<long long>(d)) : json(d);
    json value = p.kind == ParamKind::Number ? number : json(p.default_text());
    LoadResult r = load_with(p.group, p.key, value);
    REQUIRE(r.status == LoadStatus::Ok);
    ModelParams parsed = r.scenario.params;
    double got = *p.field(parsed);
    CHECK(std::abs(got - p.default_value()) <= 1e-9 * std::abs(p.default_value()));
    CHECK(p.bounds.contains(p.default_value()));
  }
}

TEST_CASE("param table: a value outside the range is refused with the row's pointer") {
  const ParamInfo* teams = nullptr;
  for (const auto& p : param_table())
    if (p.name() == "distributed.teams") teams = &p;
  REQUIRE(teams != nullptr);
  LoadResult r = load_with("distributed", "teams", 0);
  REQUIRE(r.status == LoadStatus::Invalid);
  CHECK(r.errors.at(0).pointer == "/parameters/distributed/teams");
  LoadResult cms = load_with("ipl", "cms_cpu_fraction", 0.9);
  CHECK(cms.status == LoadStatus::Ok);
  CHECK(cms.scenario.params.ipl.cms_cpu_fraction == 0.9);
}

TEST_CASE("param table: the JSON Schema's parameters are exactly the table's keys") {
  json schema = json::parse(scenario_schema_text());
  const json& groups = schema.at("definitions").at("parameters").at("properties");
  std::set<std::string> in_schema, in_table;
  for (const auto& [group, g] : groups.items()) {
    if (group == kCommentKey || group == "uncertainty") continue;  // Monte Carlo spreads
    for (const auto& [key, v] : g.at("properties").items())
      if (key != kCommentKey) in_schema.insert(group + "." + key);
  }
  for (const auto& p : param_table()) in_table.insert(p.name());
  CHECK(in_schema == in_table);
}

TEST_CASE("param value text: units a scenario accepts") {
  CHECK(param_value_text(ParamKind::Duration, 480) == "8min");
  CHECK(param_value_text(ParamKind::Duration, 20) == "20s");
  CHECK(param_value_text(ParamKind::Duration, 0.005) == "5ms");
  CHECK(param_value_text(ParamKind::Rate, 100e6) == "100MBps");
  CHECK(param_value_text(ParamKind::Size, 4096) == "4096B");
}

TEST_CASE("every uncertainty default, written as params prints it, parses back to itself",
          "[params]") {
  UncertaintyParams defaults;
  for (const auto& u : uncertainty_table()) {
    INFO(u.key << " = " << u.default_text());
    // a duration prints bare ("5min"); spreads and probabilities print as JSON
    std::string text = u.default_text();
    json value = u.kind == UncertaintyKind::Duration ? json(text) : json::parse(text);
    json doc = scenario_json("insurance-2009-year3");
    doc["parameters"] = {{"uncertainty", {{u.key, value}}}};
    LoadResult r = load_scenario_text(doc.dump(), "u.json");
    REQUIRE(r.status == LoadStatus::Ok);
    const UncertaintyParams& got = r.scenario.params.uncertainty;
    if (u.kind == UncertaintyKind::Spread) {
      const Spread &a = got.*(u.spread), &b = defaults.*(u.spread);
      CHECK(a.kind == b.kind);
      CHECK(a.sigma == Approx(b.sigma).margin(1e-3));
      CHECK(a.low == Approx(b.low));
      CHECK(a.high == Approx(b.high));
    } else {
      CHECK(got.*(u.number) == Approx(defaults.*(u.number)));
    }
    CHECK(std::string(u.applies_to).size() > 5);
    CHECK(std::string(u.source).size() > 5);
  }
}

TEST_CASE("the uncertainty table has exactly the schema's uncertainty keys", "[params]") {
  std::ifstream in(std::string(DRSIM_SCENARIOS) + "/drsim-scenario.schema.json");
  json schema = json::parse(in);
  std::set<std::string> want, got;
  for (const auto& [k, v] :
       schema["definitions"]["parameters"]["properties"]["uncertainty"]["anyOf"][1]["properties"]
           .items())
    if (k != "_comment") want.insert(k);
  for (const auto& u : uncertainty_table()) got.insert(u.key);
  CHECK(got == want);
}
