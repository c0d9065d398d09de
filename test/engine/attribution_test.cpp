// Attribution recorded by the engine (issue 14, docs/result-format.md "Attribution and the
// critical path") on small constructed scenarios (test/data/scenarios/attribution-*.json):
// what leads the RTO drivers, where the critical path ends, and that every system's causes
// add up to its up time (or the exercise end).
#include <catch2/catch.hpp>
#include <string>

#include "engine_helpers.hpp"

using drsim::test::opt_number;
using drsim::test::run_file;
using drsim::test::system_of;

namespace {

std::string data(const std::string& name) {
  return std::string(DRSIM_TEST_DATA) + "/scenarios/" + name + ".json";
}

/// Every system's causes add up to its until_s, which is its up time (else the exercise end).
void require_accounts_add_up(const nlohmann::json& r) {
  const double end = r.at("exercise").at("duration_s").get<double>();
  for (const auto& s : r.at("systems")) {
    INFO(s.at("name").get<std::string>());
    REQUIRE(s.contains("attribution"));
    const auto& a = s.at("attribution");
    double sum = 0;
    for (const auto& c : a.at("causes")) {
      CHECK(c.at("s").get<double>() > 0);
      CHECK(c.at("cause").get<std::string>() != "up");
      sum += c.at("s").get<double>();
    }
    double until = a.at("until_s").get<double>();
    CHECK(until == Approx(opt_number(s.at("up_s")).value_or(end)).margin(0.002));
    CHECK(sum == Approx(until).margin(0.01));
  }
}

/// The critical path covers [0, the RTO moment] without gaps or overlaps.
void require_path_contiguous(const nlohmann::json& r) {
  const auto& path = r.at("critical_path");
  REQUIRE_FALSE(path.empty());
  double t = 0;
  for (const auto& p : path) {
    CHECK(p.at("start_s").get<double>() == Approx(t).margin(0.002));
    t = p.at("end_s").get<double>();
  }
  CHECK(t == Approx(r.at("rto_drivers").at("from").at("t_s").get<double>()).margin(0.002));
}

std::string first_class(const nlohmann::json& r) {
  const auto& by_class = r.at("rto_drivers").at("by_class");
  REQUIRE_FALSE(by_class.empty());
  return by_class.at(0).at("class").get<std::string>();
}

}  // namespace

TEST_CASE("attribution: with one tape drive the RTO drivers are led by tape", "[engine]") {
  nlohmann::json r = run_file(data("attribution-one-drive"));
  require_accounts_add_up(r);
  require_path_contiguous(r);
  CHECK(first_class(r) == "tape");
  CHECK(r.at("rto_drivers").at("top").at(0).at("resource") == "the 1 tape drive");
  bool queued_behind = false;  // VM1's volumes wait behind ZOS1's cartridges
  for (const auto& c : system_of(r, "VM1").at("attribution").at("causes"))
    queued_behind |= c.at("cause") == "tape-queue" && c.at("detail").is_string() &&
                     c.at("detail").get<std::string>().find("ZOS1") != std::string::npos;
  CHECK(queued_behind);
}

TEST_CASE("attribution: the customer's VM under the vendor's VM is led by CPs at SIE level 3",
          "[engine]") {
  nlohmann::json r = run_file(data("attribution-vm-under-vm"));
  require_accounts_add_up(r);
  require_path_contiguous(r);
  CHECK(first_class(r) == "cps");
  bool sie3 = false;
  for (const auto& p : r.at("critical_path")) {
    if (p.at("class") != "cps") continue;
    std::string res = p.at("resource").is_string() ? p.at("resource").get<std::string>() : "";
    std::string det = p.at("detail").is_string() ? p.at("detail").get<std::string>() : "";
    sie3 |= (res + det).find("SIE level 3") != std::string::npos;
  }
  CHECK(sie3);
  // who else held the vendor's shared CPs while the guest's work ran
  bool vendor_cps = false;
  for (const auto& c : system_of(r, "LNX2").at("attribution").at("causes"))
    vendor_cps |= c.at("cause") == "cpu-starved" && c.at("resource").is_string() &&
                  c.at("resource").get<std::string>() == "the vendor's shared CPs (VNDVM)";
  CHECK(vendor_cps);
}

TEST_CASE("attribution: with a missing Hipersocket the critical path ends in the block",
          "[engine]") {
  nlohmann::json r = run_file(data("attribution-missing-hipersocket"));
  require_accounts_add_up(r);
  require_path_contiguous(r);
  const auto& from = r.at("rto_drivers").at("from");
  CHECK(from.at("system") == "LNX1");
  CHECK(from.at("all_critical_up") == false);
  const auto& last = r.at("critical_path").back();
  CHECK(last.at("system") == "LNX1");
  CHECK(last.at("cause") == "blocked");
  CHECK(last.at("resource") == "Hipersocket HSZOS");
  CHECK(first_class(r) == "network");
}

TEST_CASE("attribution: with staff hours the wait outside them is on the critical path",
          "[engine]") {
  nlohmann::json r = run_file(data("attribution-staff-hours"));
  require_accounts_add_up(r);
  require_path_contiguous(r);
  CHECK(r.at("rto_drivers").at("from").at("system") == "WIN-AD");
  double off = 0;
  for (const auto& p : r.at("critical_path"))
    if (p.at("cause") == "off-hours")
      off += p.at("end_s").get<double>() - p.at("start_s").get<double>();
  CHECK(off == Approx(14 * 3600).margin(1));  // Mon 18:00 to Tue 08:00
}
