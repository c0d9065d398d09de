// --set /json/pointer=VALUE: replaces existing values only; malformed arguments are exit 2.
// GCC 12 gives a false -Warray-bounds inside nlohmann (JSON_DIAGNOSTICS=1) for JSON built here.
#pragma GCC diagnostic ignored "-Warray-bounds"
#include "models/overrides.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "models/scenario_io.hpp"
#include "test/unit_helpers.hpp"

using drsim::OverrideStatus;
using drsim::test::scenario_path;
using nlohmann::json;

namespace {

json small_doc() {
  return json::parse(R"({"name": "a", "dr_site": {"tape": {"drives": 4}},
                         "production": {"guests": [{"tier": "qa"}, {"tier": "dev"}]}, "a/b": {"c~d": 1}})");
}

}  // namespace

TEST_CASE("set: replaces an existing value with JSON", "[overrides]") {
  json doc = small_doc();
  CHECK(drsim::apply_override(doc, "/dr_site/tape/drives=6").status == OverrideStatus::Applied);
  CHECK(doc["dr_site"]["tape"]["drives"].get<int>() == 6);
  CHECK(drsim::apply_override(doc, "/name=\"what-if\"").status == OverrideStatus::Applied);
  CHECK(doc["name"].get<std::string>() == "what-if");
  CHECK(drsim::apply_override(doc, "/dr_site/tape={\"drives\": 2}").status ==
        OverrideStatus::Applied);
  CHECK(doc["dr_site"]["tape"]["drives"].get<int>() == 2);
  CHECK(drsim::apply_override(doc, "/name=\"a=b\"").status == OverrideStatus::Applied);
  CHECK(doc["name"].get<std::string>() == "a=b");
}

TEST_CASE("set: reaches array elements by index and escaped keys", "[overrides]") {
  json doc = small_doc();
  CHECK(drsim::apply_override(doc, "/production/guests/1/tier=\"test\"").status ==
        OverrideStatus::Applied);
  CHECK(doc["production"]["guests"][1]["tier"].get<std::string>() == "test");
  CHECK(drsim::apply_override(doc, "/a~1b/c~0d=2").status == OverrideStatus::Applied);
  CHECK(doc["a/b"]["c~d"].get<int>() == 2);
}

TEST_CASE("set: on a pointer that does not exist is an error naming it", "[overrides]") {
  json doc = small_doc();
  json before = doc;
  for (const char* arg : {"/dr_site/tape/drivez=6", "/production/guests/2/tier=\"qa\"",
                          "/production/guests/-/tier=\"qa\"", "/production/guests/x=1",
                          "/name/deeper=1", "/production/guests/01/tier=\"qa\""}) {
    drsim::OverrideResult r = drsim::apply_override(doc, arg);
    INFO(arg);
    CHECK(r.status == OverrideStatus::Missing);
    CHECK(r.message.find(r.pointer) != std::string::npos);
    CHECK_FALSE(r.pointer.empty());
  }
  CHECK(doc == before);
}

TEST_CASE("a malformed --set argument is reported as such", "[overrides]") {
  json doc = small_doc();
  json before = doc;
  for (const char* arg : {"/dr_site/tape/drives", "dr_site/tape/drives=6", "=6", "/name=what-if",
                          "/name=", "/dr_site/tape/drives=6 7", "/bad~2escape=1",
                          "/name=[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                          "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]"}) {
    INFO(arg);
    drsim::OverrideResult r = drsim::apply_override(doc, arg);
    CHECK(r.status == OverrideStatus::Malformed);
    CHECK_FALSE(r.expected.empty());
  }
  CHECK(doc == before);
}

TEST_CASE("load_scenario applies --set before validating", "[overrides][scenario]") {
  drsim::LoadResult ok = drsim::load_scenario(scenario_path("insurance-2007-year1"),
                                              {"/dr_site/tape/drives=6", "/name=\"what-if\""});
  REQUIRE(ok.status == drsim::LoadStatus::Ok);
  CHECK(ok.scenario.dr_site.tape.drives == 6);
  CHECK(ok.scenario.name == "what-if");
  CHECK(ok.document["dr_site"]["tape"]["drives"].get<int>() == 6);

  drsim::LoadResult plain = drsim::load_scenario(scenario_path("insurance-2007-year1"));
  CHECK(plain.sha256 == ok.sha256);

  drsim::LoadResult invalid =
      drsim::load_scenario(scenario_path("insurance-2007-year1"), {"/dr_site/tape/drives=\"six\""});
  CHECK(invalid.status == drsim::LoadStatus::Invalid);
  REQUIRE_FALSE(invalid.errors.empty());
  CHECK(invalid.errors[0].pointer == "/dr_site/tape/drives");

  drsim::LoadResult tier = drsim::load_scenario(scenario_path("insurance-2007-year1"),
                                                {"/production/guests/3/tier=\"qa\""});
  CHECK(tier.status == drsim::LoadStatus::Ok);
  CHECK(tier.scenario.production.guests[3].tier == drsim::Tier::Qa);

  drsim::LoadResult missing =
      drsim::load_scenario(scenario_path("insurance-2007-year1"), {"/dr_site/tape/drivez=6"});
  CHECK(missing.status == drsim::LoadStatus::Invalid);
  REQUIRE_FALSE(missing.errors.empty());
  CHECK(missing.errors[0].to_string().find("/dr_site/tape/drivez") != std::string::npos);

  drsim::LoadResult malformed =
      drsim::load_scenario(scenario_path("insurance-2007-year1"), {"/dr_site/tape/drives"});
  CHECK(malformed.status == drsim::LoadStatus::Unreadable);
}
