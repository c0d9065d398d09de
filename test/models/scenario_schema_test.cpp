// The JSON Schema and the C++ checks agree on the shipped scenarios; the embedded schema is
// GCC 12 gives a false -Warray-bounds inside nlohmann (JSON_DIAGNOSTICS=1) for JSON built here.
#pragma GCC diagnostic ignored "-Warray-bounds"
// the shipped file; valijson contexts become JSON Pointers.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "models/scenario_io.hpp"
#include "models/schema.hpp"

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

bool is_scenario(const std::filesystem::path& p) {
  return p.extension() == ".json" && p.filename().string().find(".schema.") == std::string::npos;
}

}  // namespace

TEST_CASE("the embedded schema is the shipped file and valid draft-07 JSON", "[schema]") {
  std::string shipped = read_text(std::string(DRSIM_SCENARIOS) + "/drsim-scenario.schema.json");
  CHECK(shipped == drsim::scenario_schema_text());
  nlohmann::json schema = nlohmann::json::parse(shipped);
  CHECK(schema.at("$schema").get<std::string>() == "http://json-schema.org/draft-07/schema#");
  CHECK(schema.at("additionalProperties").get<bool>() == false);
}

TEST_CASE("every shipped scenario passes both the schema and the C++ checks",
          "[schema][scenarios]") {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(DRSIM_SCENARIOS)) {
    if (!is_scenario(entry.path())) continue;
    std::string path = entry.path().string();
    INFO(path);
    ++count;
    drsim::LoadResult r = drsim::load_scenario(path);
    for (const auto& e : r.errors) UNSCOPED_INFO(e.to_string());
    CHECK(r.status == drsim::LoadStatus::Ok);
    nlohmann::json doc = nlohmann::json::parse(read_text(path));
    CHECK(drsim::check_against_schema(doc, path).empty());
    CHECK(r.scenario.name == entry.path().stem().string());
  }
  CHECK(count >= 1);
}

TEST_CASE("the four story scenarios are valid once they are shipped", "[scenarios]") {
  for (const char* name : {"insurance-2006-pre-linux", "insurance-2007-year1",
                           "insurance-2008-year2", "insurance-2009-year3"}) {
    std::string path = std::string(DRSIM_SCENARIOS) + "/" + name + ".json";
    if (!std::filesystem::exists(path)) {
      WARN(path << " is not written yet");
      continue;
    }
    INFO(path);
    drsim::LoadResult r = drsim::load_scenario(path);
    CHECK(r.status == drsim::LoadStatus::Ok);
    CHECK(r.scenario.name == name);
  }
  CHECK(std::filesystem::exists(std::string(DRSIM_SCENARIOS) + "/insurance-2007-year1.json"));
}

TEST_CASE("valijson contexts become JSON Pointers", "[schema]") {
  CHECK(drsim::context_to_pointer({"<root>"}).empty());
  CHECK(drsim::context_to_pointer({"<root>", "[dr_site]", "[tape]"}) == "/dr_site/tape");
  CHECK(drsim::context_to_pointer({"<root>", "[production]", "[guests]", "[3]", "[tier]"}) ==
        "/production/guests/3/tier");
  CHECK(drsim::context_to_pointer({"<root>", "[a/b]"}) == "/a~1b");
}

TEST_CASE("schema errors name the failing value, not the enclosing objects", "[schema]") {
  nlohmann::json doc =
      nlohmann::json::parse(read_text(std::string(DRSIM_SCENARIOS) + "/insurance-2007-year1.json"));
  doc["dr_site"]["tape"]["drives"] = "four";
  doc["production"]["guests"][3]["tier"] = "gold";
  doc["dr_site"]["tape"].erase("mount");
  doc["dr_site"]["tape"]["mout"] = "robot";
  auto errors = drsim::check_against_schema(doc, "x.json");
  std::vector<std::string> pointers;
  for (const auto& e : errors) pointers.push_back(e.pointer);
  std::sort(pointers.begin(), pointers.end());
  CHECK(pointers == std::vector<std::string>{"/dr_site/tape/drives", "/dr_site/tape/mout",
                                             "/production/guests/3/tier"});
}

TEST_CASE("strings too long for the schema's patterns are refused before the regex runs",
          "[schema]") {
  nlohmann::json doc =
      nlohmann::json::parse(read_text(std::string(DRSIM_SCENARIOS) + "/insurance-2007-year1.json"));
  doc["production"]["systems"][0]["memory"] = std::string(1000000, '9') + "GB";
  auto errors = drsim::check_against_schema(doc, "x.json");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].pointer == "/production/systems/0/memory");
}
