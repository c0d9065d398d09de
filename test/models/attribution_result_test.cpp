#include "models/attribution_result.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test/unit_helpers.hpp"

using namespace drsim::attribution;
using drsim::test::seg;

namespace {

std::string label(double t) {
  return "T" + std::to_string(static_cast<long>(t));
}

}  // namespace

TEST_CASE("attribution result: accounts fill gaps and add up to each system's up time") {
  SystemTimeline zos{"ZOS",
                     true,
                     true,
                     500,
                     {seg(Cause::TapeRead, 100, 400, "drives"), seg(Cause::Ipl, 400, 500, "ZOS")},
                     portion(Cause::Predecessor, 0, "step restore")};
  SystemTimeline lnx{"LNX", false, true, std::nullopt, {seg(Cause::Blocked, 700, 900, "HS")}, {}};
  RecoveryAttribution a = attribute({zos, lnx}, 1000);
  REQUIRE(a.accounts.size() == 2);
  double sum = 0;
  for (const auto& e : a.accounts[0]) sum += e.seconds;
  CHECK(sum == Approx(500));
  CHECK(a.until[1] == 1000);
  CHECK(a.accounts[0][0].cause == Cause::TapeRead);
  CHECK(a.accounts[0][1].cause == Cause::Predecessor);  // the gap before the restore
  CHECK(a.moment.system == "ZOS");
  CHECK(a.moment.met);
  REQUIRE(!a.path.empty());
  CHECK(a.path.back().segment.end == 500);

  auto acc = account_json(a.accounts[0], a.until[0], label);
  CHECK(acc.at("until_s") == 500);
  CHECK(acc.at("until_at") == "T500");
  CHECK(acc.at("causes").at(0).at("cause") == "tape-read");
  CHECK(acc.at("causes").at(0).at("detail").is_null());
  auto path = path_json(a.path, label);
  CHECK(path.at(0).at("start_at") == "T0");
  auto drivers = drivers_json(a.moment, a.drivers, label);
  CHECK(drivers.at("from").at("system") == "ZOS");
  CHECK(drivers.at("from").at("all_critical_up") == true);
  CHECK(drivers.at("by_class").at(0).at("class") == "tape");
  CHECK(drivers.at("by_class").at(0).at("label") == "tape drives");
}

TEST_CASE("attribution result: nothing planned means no path and a null start") {
  SystemTimeline off{"OFF", true, false, std::nullopt, {}, {}};
  RecoveryAttribution a = attribute({off}, 100);
  CHECK(a.path.empty());
  CHECK(a.accounts[0].at(0).cause == Cause::NotStarted);
  CHECK(drivers_json(a.moment, a.drivers, label).at("from").is_null());
}
