// The DR contract and its cost model: parsing, the priced quantities of the shipped year-2
// (option 2) and year-3 (option 1) DR sites, no contract means no cost, bad prices are errors.
#pragma GCC diagnostic ignored "-Warray-bounds"
#include "models/contract.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "models/scenario_io.hpp"
#include "test/unit_helpers.hpp"

using drsim::LoadStatus;
using drsim::test::load_json;

namespace {

nlohmann::json shipped(const char* file) {
  std::ifstream in(std::string(DRSIM_SCENARIOS) + "/" + file);
  std::ostringstream buf;
  buf << in.rdbuf();
  return nlohmann::json::parse(buf.str());
}

double quantity(const drsim::CostBreakdown& c, const std::string& item) {
  for (const auto& i : c.items)
    if (i.item == item) return i.quantity;
  FAIL("no item " << item);
  return -1;
}

nlohmann::json simple_contract() {
  return {{"currency", "EUR"}, {"lpar", 100},     {"cp", 10},         {"memory_gb", 1},
          {"xstor_gb", 2},     {"tape_drive", 5}, {"test_day", 1000}, {"declared_day", 9000}};
}

}  // namespace

TEST_CASE("exercise days count the calendar days the window touches", "[contract]") {
  const double h = 3600, d = 86400;
  CHECK(drsim::exercise_days(8 * h, 3 * d + 18 * h) == 4);  // Mon 08:00 - Thu 18:00
  CHECK(drsim::exercise_days(8 * h, 18 * h) == 1);
  CHECK(drsim::exercise_days(8 * h, d) == 1);  // ends at midnight: Monday only
  CHECK(drsim::exercise_days(8 * h, d + 1) == 2);
  CHECK(drsim::exercise_days(5 * h, 5 * h) == 1);
}

TEST_CASE("without a contract there is no cost, not a cost of zero", "[contract]") {
  auto doc = shipped("insurance-2007-year1.json");
  REQUIRE_FALSE(doc["dr_site"].contains("contract"));
  auto r = load_json(doc);
  REQUIRE(r.status == LoadStatus::Ok);
  CHECK_FALSE(drsim::exercise_cost(r.scenario).has_value());
}

TEST_CASE("a contract prices customer LPARs, engines, memory, xstor and drives per day",
          "[contract]") {
  auto doc = shipped("insurance-2009-year3.json");
  doc["dr_site"]["contract"] = simple_contract();
  auto r = load_json(doc);
  REQUIRE(r.status == LoadStatus::Ok);
  auto c = drsim::exercise_cost(r.scenario);
  REQUIRE(c);
  CHECK(c->currency == "EUR");
  // year 3: DRZOS1 (3 CPs, 12GB), DRZOS2 (2, 8GB), DRVM (3, 12GB + 2GB xstor); vendor's
  // VNDZOS is not the customer's
  CHECK(quantity(*c, "lpar") == 3);
  CHECK(quantity(*c, "cp") == 8);
  CHECK(quantity(*c, "memory_gb") == Approx(32));
  CHECK(quantity(*c, "xstor_gb") == Approx(2));
  CHECK(quantity(*c, "tape_drive") == 4);
  double per_day = 3 * 100 + 8 * 10 + 32 * 1 + 2 * 2 + 4 * 5;
  CHECK(c->resources_per_day == Approx(per_day));
  CHECK(c->days == 4);
  CHECK(c->test == Approx(4 * (per_day + 1000)));
  CHECK(c->declared_per_day == Approx(per_day + 9000));
  CHECK_FALSE(c->per_year.has_value());  // no tests_per_year: no yearly figure

  doc["dr_site"]["contract"]["tests_per_year"] = 2;
  auto c2 = drsim::exercise_cost(load_json(doc).scenario);
  REQUIRE(c2->per_year);
  CHECK(*c2->per_year == Approx(2 * c2->test));
  auto j = drsim::cost_json(*c2);
  CHECK(j.at("per_year").get<double>() == Approx(2 * c2->test));
  CHECK(j.at("items").size() == 5);
}

TEST_CASE("guests run directly under the vendor's VM are priced by their virtual memory",
          "[contract]") {
  auto doc = shipped("insurance-2008-year2.json");
  doc["dr_site"]["contract"] = simple_contract();
  auto r = load_json(doc);
  REQUIRE(r.status == LoadStatus::Ok);
  auto c = drsim::exercise_cost(r.scenario);
  REQUIRE(c);
  double guests = 0;
  for (const auto& g : r.scenario.production.guests)
    if (g.name == "LNXP01" || g.name == "LNXP02" || g.name == "LNXP03") guests += g.virtual_bytes;
  CHECK(quantity(*c, "lpar") == 2);  // DRZOS1, DRZOS2; VNDVM is the vendor's
  CHECK(quantity(*c, "cp") == 5);
  CHECK(quantity(*c, "memory_gb") == Approx(20 + guests / 1e9));
}

TEST_CASE("the shipped contracts make option 1 (own LPAR, year 3) dearer than option 2",
          "[contract]") {
  auto y2 = drsim::load_scenario(std::string(DRSIM_SCENARIOS) + "/insurance-2008-year2.json");
  auto y3 = drsim::load_scenario(std::string(DRSIM_SCENARIOS) + "/insurance-2009-year3.json");
  REQUIRE(y2.status == LoadStatus::Ok);
  REQUIRE(y3.status == LoadStatus::Ok);
  auto c2 = drsim::exercise_cost(y2.scenario);
  auto c3 = drsim::exercise_cost(y3.scenario);
  REQUIRE(c2);
  REQUIRE(c3);
  CHECK(c3->test > c2->test);
  CHECK(c3->test < 1.5 * c2->test);  // "usually costs a little more"
}

TEST_CASE("bad contract values are reported with their pointer", "[contract]") {
  auto doc = shipped("insurance-2009-year3.json");
  doc["dr_site"]["contract"] = {
      {"cp", -1}, {"tape_drive", "cheap"}, {"tests_per_year", 0}, {"per_mips", 3}};
  auto r = load_json(doc);
  CHECK(r.status == LoadStatus::Invalid);
  std::vector<std::string> pointers;
  for (const auto& e : r.errors) pointers.push_back(e.pointer);
  for (const char* p :
       {"/dr_site/contract/currency", "/dr_site/contract/cp", "/dr_site/contract/tape_drive",
        "/dr_site/contract/tests_per_year", "/dr_site/contract/per_mips"}) {
    INFO(p);
    CHECK(std::find(pointers.begin(), pointers.end(), p) != pointers.end());
  }
}
