// Engine mechanism: z/VM memory overcommitment pages on the paging volumes and slows the
// guests' start-up; forcing guests off lowers the page rate.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "engine_helpers.hpp"

using drsim::test::events_of;
using drsim::test::kBaseScenario;
using drsim::test::run_text;
using drsim::test::up_s;

namespace {

/// 4 guests with a 0.6 GB working set each in a 1 GB VM.
const std::string kTightMemory = R"(/dr_site/lpars/1/memory="1GB")";

/// Force off the two test-tier guests at Mon 12:00 (in effect 10 minutes later).
const std::string kShedTestAtNoon =
    R"(/reactions=[{"id":"shed-test","when":{"kind":"time","at":"Mon 12:00"},)"
    R"("action":{"kind":"force-off","target":"VM1","tiers":["test"]},"lead_time":"10min"}])";

double peak_paging(const nlohmann::json& r) {
  return r.at("metrics").at("peak_paging_pages_per_s").get<double>();
}

/// Mean of a series over [first, last) buckets.
double mean(const std::vector<double>& s, size_t first, size_t last) {
  REQUIRE(first < last);
  REQUIRE(last <= s.size());
  double sum = 0;
  for (size_t i = first; i < last; ++i) sum += s[i];
  return sum / static_cast<double>(last - first);
}

std::vector<double> vm1_paging(const nlohmann::json& r) {
  return r.at("series").at("paging_pages_per_s").at("VM1").get<std::vector<double>>();
}

}  // namespace

TEST_CASE(
    "paging slowdown and relief: overcommit pages, guests come up later, a force-off relieves it",
    "[engine]") {
  nlohmann::json roomy = run_text(kBaseScenario);
  nlohmann::json tight = run_text(kBaseScenario, {kTightMemory});
  CHECK(peak_paging(roomy) == 0.0);
  CHECK(peak_paging(tight) > 0.0);
  for (const std::string name : {"LNX1", "LNX2", "LNX3", "LNX4"}) {
    INFO(name);
    auto roomy_up = up_s(roomy, name);
    auto tight_up = up_s(tight, name);
    REQUIRE(roomy_up.has_value());
    REQUIRE(tight_up.has_value());
    CHECK(*tight_up > *roomy_up);
  }

  nlohmann::json relieved = run_text(kBaseScenario, {kTightMemory, kShedTestAtNoon});
  auto acted = events_of(relieved, "operator", "shed-test");
  REQUIRE(acted.size() == 1);
  double fired = acted[0].at("t_s").get<double>();
  double step = relieved.at("series").at("step_s").get<double>();
  auto after0 = static_cast<size_t>(std::ceil(fired / step));
  auto before1 = static_cast<size_t>(std::floor(fired / step));
  const size_t hour = static_cast<size_t>(3600 / step);
  REQUIRE(before1 >= hour);
  // every guest is up before the hour compared with: steady-state paging, no start-ups
  for (const std::string name : {"LNX1", "LNX2", "LNX3", "LNX4"})
    CHECK(up_s(tight, name).value_or(1e18) < static_cast<double>(before1 - hour) * step);
  auto with = vm1_paging(relieved);
  auto without = vm1_paging(tight);
  CHECK(mean(with, after0, after0 + hour) < mean(with, before1 - hour, before1));
  CHECK(mean(with, after0, with.size()) < mean(without, after0, without.size()));
  CHECK(mean(with, before1 - hour, before1) == Approx(mean(without, before1 - hour, before1)));
}

TEST_CASE("steady paging is a stream: flat once every guest is up, no events while nothing moves",
          "[engine]") {
  // The running guests' page faults are one bounded transfer on the paging volumes while the
  // load and the fault rate stay (SteadyPaging), not a burst of page-ins every few minutes.
  nlohmann::json two_days = run_text(kBaseScenario, {kTightMemory});
  nlohmann::json three_days =
      run_text(kBaseScenario, {kTightMemory, R"(/exercise/end="Thu 08:00")"});
  const auto events = [](const nlohmann::json& r) {
    return r.at("metrics").at("events").get<long long>();
  };
  // the extra day adds only the monitor's wake-ups at its horizon (12 here); page-ins every
  // 300 s were ~300 more (974 against 677 events)
  CHECK(events(three_days) - events(two_days) <= 24);
  const auto paging = vm1_paging(three_days);
  const double step = three_days.at("series").at("step_s").get<double>();
  const auto day = static_cast<size_t>(86400 / step);
  REQUIRE(paging.size() > 2 * day);
  for (const std::string name : {"LNX1", "LNX2", "LNX3", "LNX4"})
    REQUIRE(up_s(three_days, name).value_or(1e18) <
            static_cast<double>(paging.size() - 2 * day) * step);
  const double level = paging[paging.size() - 2 * day];
  CHECK(level > 0);
  for (size_t i = paging.size() - 2 * day; i + 1 < paging.size(); ++i) {
    INFO("bucket " << i);
    CHECK(paging[i] == Approx(level).epsilon(1e-9));
  }
}
