// Issue 11: a verdict a planner can trust. Each case failed on main before the fix.
#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine_helpers.hpp"

using drsim::test::events_of;
using drsim::test::opt_number;
using drsim::test::opt_string;
using drsim::test::restores_done;
using drsim::test::run_file;
using drsim::test::shipped;
using drsim::test::system_of;

namespace {

std::string test_scenario(const std::string& name) {
  return std::string(DRSIM_TEST_DATA) + "/scenarios/" + name + ".json";
}

const nlohmann::json* finding(const nlohmann::json& r, const std::string& code,
                              const std::string& subject = {}) {
  for (const auto& f : r.at("findings"))
    if (f.at("code") == code && (subject.empty() || f.at("subject") == subject)) return &f;
  return nullptr;
}

std::vector<std::string> missing_codes(const nlohmann::json& system) {
  std::vector<std::string> out;
  for (const auto& m : system.at("missing")) out.push_back(m.at("code").get<std::string>());
  return out;
}

}  // namespace

// Defect 2: LNXP02-08 were up, then forced off by keep-one-linux, and read not_started; the
// RTO read missed although every critical guest had been up together within it.
TEST_CASE("year 1 with the Hipersocket: forced-off guests say so, the RTO rule holds",
          "[engine][verdict]") {
  auto r = run_file(test_scenario("year1-hipersocket-defined"));
  const auto& lnx = system_of(r, "LNXP02");
  CHECK(lnx.at("status") == "forced_off");
  REQUIRE(lnx.at("forced_off").is_object());
  CHECK(lnx.at("forced_off").at("by") == "keep-one-linux");
  auto from = opt_number(lnx.at("forced_off").at("up_from_s"));
  REQUIRE(from.has_value());
  CHECK(*from < lnx.at("forced_off").at("off_s").get<double>());
  CHECK(system_of(r, "LNXP01").at("status") == "up");
  const auto& rec = r.at("recovery");
  auto critical_up = opt_number(rec.at("critical_up_s"));
  REQUIRE(critical_up.has_value());
  CHECK(*critical_up <= rec.at("rto_s").get<double>());
  CHECK(rec.at("rto_met") == true);
  CHECK(*critical_up <= *from + 1e-6);  // all up together no later than LNXP02's up interval
  const auto* off = finding(r, "critical-forced-off");
  REQUIRE(off != nullptr);
  CHECK(off->at("severity") == "error");
  CHECK(off->at("message").get<std::string>().find("LNXP02") != std::string::npos);
}

// Defect 1: a critical guest left out of the XAUTOLOG lists (and no distributed step) gave
// "RTO met" and no finding.
TEST_CASE("a critical system the plan never starts misses the RTO, unless out of scope",
          "[engine][verdict]") {
  auto r = run_file(test_scenario("year1-critical-not-planned"));
  CHECK(finding(r, "critical-not-planned", "LNXP01") != nullptr);
  CHECK(finding(r, "critical-not-planned", "WIN-AD") != nullptr);
  CHECK(r.at("recovery").at("rto_met") == false);
  CHECK(r.at("recovery").at("critical_up_s").is_null());
  const auto* missed = finding(r, "rto-missed");
  REQUIRE(missed != nullptr);
  CHECK(missed->at("message").get<std::string>().find("LNXP01") != std::string::npos);

  auto doc = drsim::test::scenario_doc(test_scenario("year1-critical-not-planned"));
  doc["plan"]["out_of_scope"] = nlohmann::json::parse(
      R"([{"system":"LNXP01","reason":"runs elsewhere"},{"system":"WIN-AD","reason":"x"},)"
      R"({"system":"WIN-EXCHANGE","reason":"x"},{"system":"WIN-TSM","reason":"x"}])");
  auto scoped = drsim::test::run_doc(doc);
  CHECK(finding(scoped, "critical-not-planned") == nullptr);
  CHECK(system_of(scoped, "LNXP01").at("out_of_scope") == "runs elsewhere");
  CHECK(scoped.at("recovery").at("out_of_scope").size() == 4);
  CHECK(scoped.at("recovery").at("rto_met") == true);
}

TEST_CASE("year 2 keeps its story: VMPROD and HSROUTER out of scope, the RTO met",
          "[engine][verdict]") {
  auto r = run_file(shipped("insurance-2008-year2"));
  CHECK(r.at("recovery").at("rto_met") == true);
  CHECK(r.at("recovery").at("out_of_scope").size() == 2);
  CHECK(opt_string(system_of(r, "VMPROD").at("out_of_scope")).find("option 2") !=
        std::string::npos);
  CHECK(finding(r, "critical-not-planned") == nullptr);
}

// Defect 3: year 3 without the OSA brought all 23 VSW1 users up.
TEST_CASE("year 3 without the OSA at DR: the VSWITCH's users are blocked", "[engine][verdict]") {
  auto r = run_file(test_scenario("year3-no-osa"));
  const auto& g = system_of(r, "LNXP01");
  CHECK(g.at("status") == "blocked");
  auto codes = missing_codes(g);
  CHECK(std::find(codes.begin(), codes.end(), "missing-osa") != codes.end());
  CHECK(r.at("recovery").at("rto_met") == false);
  CHECK(finding(r, "missing-osa", "OSAVM") != nullptr);
}

// Defect 5: static findings were added after the simulation (a reaction on one never fired),
// and a blocked guest knew only its first missing need.
TEST_CASE("reactions see static findings from t = 0, and a blocked guest lists every missing need",
          "[engine][verdict]") {
  auto r = run_file(shipped("insurance-2007-year1"),
                    {R"(/dr_site/networks/vswitches=[{"name":"VSW1","controllers":[]}])",
                     R"(/reactions=[{"id":"call-vendor","when":{"kind":"finding",)"
                     R"("subject":"memory-shortfall"},"action":{"kind":"start","target":"VMPROD",)"
                     R"("guests":["LNXT01"]},"lead_time":"0s"}])"});
  auto fired = events_of(r, "reaction", "call-vendor");
  REQUIRE(fired.size() == 1);
  CHECK(fired[0].at("t_s").get<double>() <= 120);
  const auto& router = system_of(r, "HSROUTER");
  CHECK(router.at("status") == "blocked");
  auto codes = missing_codes(router);
  CHECK(codes == std::vector<std::string>{"missing-hipersockets", "missing-vswitch-controller"});
  CHECK(router.at("blocked_by") == "missing-hipersockets");
}

namespace {

/// Start of the first phase `phase` of `system` at or after `from`.
std::optional<double> phase_start(const nlohmann::json& system, const std::string& phase,
                                  double from = 0) {
  for (const auto& p : system.at("phases"))
    if (p.at("phase") == phase && p.at("start_s").get<double>() >= from)
      return p.at("start_s").get<double>();
  return std::nullopt;
}

}  // namespace

TEST_CASE("calendars: year 1's memory re-IPL waits for the customer's team, Tuesday 08:00",
          "[engine][calendar]") {
  auto r = run_file(shipped("insurance-2007-year1"));
  auto waits = events_of(r, "calendar", "more-memory");
  REQUIRE(waits.size() == 1);
  CHECK(waits[0].at("message").get<std::string>().find("customer's team") != std::string::npos);
  const auto& vm = system_of(r, "VMPROD");
  auto wait = phase_start(vm, "waiting", 3600);
  REQUIRE(wait.has_value());
  CHECK(*wait < 16 * 3600);  // the vendor changed the storage Monday night
  auto reipl = phase_start(vm, "ipl", *wait);
  REQUIRE(reipl.has_value());
  CHECK(*reipl == Approx(24 * 3600));  // Tue 08:00, the staff's first hour
  CHECK(r.at("metrics").at("vm_ipls").at("VMPROD") == 2);
}

TEST_CASE("calendars: a customer step due at night waits for its staff hours",
          "[engine][calendar]") {
  auto doc = drsim::test::scenario_doc(shipped("insurance-2009-year3"));
  doc["plan"]["steps"][4]["not_before"] = "Mon 20:00";
  auto r = drsim::test::run_doc(doc);
  auto waits = events_of(r, "calendar", "change-addresses");
  REQUIRE(waits.size() == 1);
  const auto& vm = system_of(r, "VMPROD");
  auto reconf = phase_start(vm, "reconfigure");
  REQUIRE(reconf.has_value());
  CHECK(*reconf == Approx(24 * 3600));
  doc["plan"]["steps"][4]["by"] = "operations";
  auto as_ops = drsim::test::run_doc(doc);
  CHECK(events_of(as_ops, "calendar", "change-addresses").empty());
  CHECK(*phase_start(system_of(as_ops, "VMPROD"), "reconfigure") == Approx(12 * 3600));
}

TEST_CASE("cartridges: volumes stacked 4 to a cartridge restore sooner, all of them",
          "[engine][tape]") {
  auto base = run_file(shipped("insurance-2009-year3"));
  auto doc = drsim::test::scenario_doc(shipped("insurance-2009-year3"));
  for (auto& v : doc["backups"]["volumes"]) v["volumes_per_cartridge"] = 4;
  auto stacked = drsim::test::run_doc(doc);
  CHECK(stacked.at("metrics").at("volumes_restored") == base.at("metrics").at("volumes_restored"));
  CHECK(restores_done(stacked) < restores_done(base));
  for (auto& v : doc["backups"]["volumes"]) v["volumes_per_cartridge"] = 1;
  auto same = drsim::test::run_doc(doc);
  CHECK(restores_done(same) == restores_done(base));
}
