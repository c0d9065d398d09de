// Loading: the parsed values of the year-1 scenario, defaults, units, absurd input, SHA-256.
// GCC 12 gives a false -Warray-bounds inside nlohmann (JSON_DIAGNOSTICS=1) for JSON built here.
#pragma GCC diagnostic ignored "-Warray-bounds"
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "models/scenario_io.hpp"
#include "models/sha256.hpp"
#include "test/unit_helpers.hpp"

using drsim::LoadStatus;
using drsim::test::has_pointer;
using drsim::test::load_json;
using drsim::test::scenario_json;
using drsim::test::scenario_path;

TEST_CASE("year 1 is read into the Spec structs with units in base units", "[scenario]") {
  drsim::LoadResult r = drsim::load_scenario(scenario_path("insurance-2007-year1"));
  REQUIRE(r.status == LoadStatus::Ok);
  const drsim::Scenario& s = r.scenario;
  CHECK(s.file == scenario_path("insurance-2007-year1"));
  CHECK(s.exercise.start_week_s == 8 * 3600);
  CHECK(s.exercise.end_week_s == 3 * 86400 + 18 * 3600);
  CHECK(s.exercise.rto_s == 48 * 3600);
  REQUIRE(s.production.systems.size() == 3);
  CHECK(s.production.systems[0].memory_bytes == Approx(12e9));
  CHECK(s.production.systems[2].kind == drsim::SystemKind::Zvm);
  CHECK(s.production.systems[2].xstor_bytes == Approx(2e9));
  CHECK(s.production.systems[2].pointer == "/production/systems/2");
  CHECK(s.production.guests.at(0).kind == drsim::GuestKind::Cms);
  CHECK(s.production.guests.at(3).role == drsim::GuestRole::HipersocketRouter);
  CHECK(s.production.guests.at(4).needs.zos == std::vector<std::string>{"ZOSP1"});
  CHECK(s.dr_site.placements.at(2).mode == drsim::PlacementMode::Guest);
  CHECK(*s.dr_site.placements.at(2).memory_bytes == Approx(3.5e9));
  CHECK(s.dr_site.lpars.at(0).vendor);
  CHECK(s.dr_site.lpars.at(0).os == drsim::SystemKind::Zvm);
  CHECK(s.dr_site.tape.mount == drsim::MountKind::Manual);
  CHECK(s.backups.volumes.at(0).bytes == Approx(8.514e9));
  CHECK(s.backups.tsm.at(0).rate_Bps == Approx(20e6));
  CHECK(s.plan.steps.at(5).guests == std::vector<std::string>{"*"});
  CHECK(*s.plan.steps.at(5).stagger_s == 20);
  CHECK(s.reactions.at(2).after_reaction == "more-memory");
  CHECK(r.sha256.size() == 64);
}

TEST_CASE("defaults fill what a scenario leaves out", "[scenario]") {
  nlohmann::json doc = scenario_json("insurance-2007-year1");
  doc.erase("exercise");
  doc["production"]["guests"][0].erase("steady_cpu");
  doc["production"]["guests"][4].erase("steady_cpu");
  drsim::LoadResult r = load_json(doc);
  REQUIRE(r.status == LoadStatus::Ok);
  CHECK(r.scenario.exercise.start_week_s == 8 * 3600);
  CHECK(r.scenario.production.guests[0].steady_cpu == Approx(0.002));
  CHECK(r.scenario.production.guests[4].steady_cpu == Approx(0.02));
  CHECK(r.scenario.params.tape.manual_mount_s == 180);
}

TEST_CASE("parameters take units where the field has one, plain numbers otherwise",
          "[scenario][params]") {
  nlohmann::json doc = scenario_json("insurance-2007-year1");
  doc["parameters"] = {
      {"tape", {{"manual_mount", "3min"}, {"channel", "17MBps"}, {"effective_fraction", 0.5}}},
      {"paging", {{"page_io", "8ms"}, {"curve_factor", {1.0, 0.5, 0.4, 0.3}}}},
      {"distributed", {{"teams", 2}}}};
  drsim::LoadResult r = load_json(doc);
  REQUIRE(r.status == LoadStatus::Ok);
  CHECK(r.scenario.params.tape.manual_mount_s == 180);
  CHECK(r.scenario.params.tape.channel_Bps == Approx(17e6));
  CHECK(r.scenario.params.tape.effective_fraction == 0.5);
  CHECK(r.scenario.params.paging.page_io_s == Approx(0.008));
  CHECK(r.scenario.params.paging.curve_factor[1] == 0.5);
  CHECK(r.scenario.params.distributed.teams == 2);

  doc["parameters"] = {{"tape", {{"manual_mount", 180}, {"channel", "fast"}}},
                       {"paging", {{"curve_ratio", {1, 2}}}}};
  r = load_json(doc);
  CHECK(r.status == LoadStatus::Invalid);
  CHECK(has_pointer(r, "/parameters/tape/manual_mount"));
  CHECK(has_pointer(r, "/parameters/tape/channel"));
  CHECK(has_pointer(r, "/parameters/paging/curve_ratio"));
}

TEST_CASE("all problems are reported at once, each once", "[scenario]") {
  nlohmann::json doc = scenario_json("insurance-2007-year1");
  doc["dr_site"]["tape"]["drives"] = 0;
  doc["production"]["guests"][4]["vm"] = "NOPE";
  doc["plan"]["steps"][2]["after"] = {"ipl-vm"};
  doc["plan"]["steps"][3]["after"] = {"ipl-zos"};
  doc["exercise"]["rto"] = "soon";
  drsim::LoadResult r = load_json(doc);
  CHECK(r.status == LoadStatus::Invalid);
  CHECK(has_pointer(r, "/dr_site/tape/drives"));
  CHECK(has_pointer(r, "/production/guests/4/vm"));
  CHECK(has_pointer(r, "/exercise/rto"));
  CHECK(has_pointer(r, "/plan/steps/2"));
  for (size_t i = 0; i < r.errors.size(); ++i)
    for (size_t j = i + 1; j < r.errors.size(); ++j)
      CHECK(r.errors[i].pointer != r.errors[j].pointer);
}

TEST_CASE("absurd input is refused cleanly", "[scenario][robustness]") {
  std::string deep = std::string(200000, '[') + std::string(200000, ']');
  CHECK(drsim::load_scenario_text(deep, "deep.json").status == LoadStatus::Unreadable);
  std::string deep_open = std::string(200000, '[');
  CHECK(drsim::load_scenario_text(deep_open, "deep.json").status == LoadStatus::Unreadable);
  std::string inside = "{\"name\": " + deep + "}";
  CHECK(drsim::load_scenario_text(inside, "deep.json").status == LoadStatus::Unreadable);
  CHECK(drsim::load_scenario_text("", "empty.json").status == LoadStatus::Unreadable);
  CHECK(drsim::load_scenario_text("{\"a\": NaN}", "nan.json").status == LoadStatus::Unreadable);
  CHECK(drsim::load_scenario_text("{\"a\": 1e999}", "big.json").status == LoadStatus::Unreadable);
  CHECK(drsim::load_scenario_text(std::string("\x00\xff\xfe", 3), "bin.json").status ==
        LoadStatus::Unreadable);
  CHECK(drsim::load_scenario_text("\"just a string\"", "s.json").status == LoadStatus::Invalid);
  CHECK(drsim::load_scenario("/nonexistent/scenario.json").status == LoadStatus::Unreadable);
  CHECK(drsim::load_scenario(DRSIM_SCENARIOS).status == LoadStatus::Unreadable);
}

TEST_CASE("wrong types anywhere are errors, never exceptions", "[scenario][robustness]") {
  nlohmann::json doc = scenario_json("insurance-2007-year1");
  for (const char* section :
       {"exercise", "production", "dr_site", "backups", "plan", "reactions", "parameters"}) {
    for (const nlohmann::json& value :
         {nlohmann::json(1e12), nlohmann::json("x"), nlohmann::json::array({1, "a"}),
          nlohmann::json::object({{"k", nullptr}}), nlohmann::json(nullptr)}) {
      nlohmann::json broken = doc;
      broken[section] = value;
      drsim::LoadResult r = load_json(broken);
      INFO(section << " = " << value.dump());
      CHECK(r.status == LoadStatus::Invalid);
    }
  }
  nlohmann::json arrays = doc;
  arrays["production"]["guests"] =
      nlohmann::json::array({1, "x", nullptr, nlohmann::json::object()});
  arrays["plan"]["steps"][0] = {{"id", 5}, {"action", true}, {"after", "x"}};
  CHECK(load_json(arrays).status == LoadStatus::Invalid);
}

TEST_CASE("integers: 1e12 and fractions are range or type errors", "[scenario][units]") {
  nlohmann::json doc = scenario_json("insurance-2007-year1");
  doc["production"]["machine"]["cps"] = 1000000000000LL;
  doc["dr_site"]["lpars"][0]["cps"] = 2.5;
  doc["backups"]["volumes"][0]["count"] = -1;
  drsim::LoadResult r = load_json(doc);
  CHECK(has_pointer(r, "/production/machine/cps"));
  CHECK(has_pointer(r, "/dr_site/lpars/0/cps"));
  CHECK(has_pointer(r, "/backups/volumes/0/count"));
}

TEST_CASE("values with units: bare numbers refused except 0", "[scenario][units]") {
  nlohmann::json doc = scenario_json("insurance-2007-year1");
  doc["dr_site"]["placements"][2]["xstor"] = 0;
  CHECK(load_json(doc).status == LoadStatus::Ok);
  doc["dr_site"]["placements"][2]["xstor"] = 2;
  doc["production"]["distributed"][0]["work"] = "3 fortnights";
  doc["exercise"]["staff_hours"]["from"] = "25:00";
  drsim::LoadResult r = load_json(doc);
  CHECK(has_pointer(r, "/dr_site/placements/2/xstor"));
  CHECK(has_pointer(r, "/production/distributed/0/work"));
  CHECK(has_pointer(r, "/exercise/staff_hours/from"));
}

TEST_CASE("SHA-256 matches the FIPS 180-4 test vectors", "[sha256]") {
  CHECK(drsim::sha256_hex("") ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(drsim::sha256_hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(drsim::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(drsim::sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(drsim::sha256_hex(std::string(55, 'x')).size() == 64);
  CHECK(drsim::sha256_hex(std::string(56, 'x')) != drsim::sha256_hex(std::string(57, 'x')));
}
