#include "models/cpu.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <numeric>
#include <random>

using namespace drsim;

namespace {

double sum(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

LparDemand busy(double weight, double logical = 4) {
  return {weight, 1e9, logical, false};
}

}  // namespace

TEST_CASE("SIE levels of systems and their guests", "[cpu]") {
  CHECK(system_sie_level(PlacementMode::Lpar) == 1);
  CHECK(system_sie_level(PlacementMode::Guest) == 2);
  CHECK(system_sie_level(PlacementMode::GuestsDirect) == 0);
  CHECK(guest_sie_level(PlacementMode::Lpar) == 2);
  CHECK(guest_sie_level(PlacementMode::Guest) == 3);
  CHECK(guest_sie_level(PlacementMode::GuestsDirect) == 2);
}

TEST_CASE("SIE CPU multipliers", "[cpu]") {
  const CpuParams p;
  CHECK(sie_cpu_multiplier(1, WorkloadClass::Linux, p) == 1.0);
  CHECK(sie_cpu_multiplier(0, WorkloadClass::Zos, p) == 1.0);
  CHECK(sie_cpu_multiplier(2, WorkloadClass::Linux, p) == Approx(1.05));
  CHECK(sie_cpu_multiplier(3, WorkloadClass::Linux, p) == Approx(4.0));
  CHECK(sie_cpu_multiplier(3, WorkloadClass::Cms, p) == Approx(1.1));
  CHECK(sie_cpu_multiplier(3, WorkloadClass::Zvm, p) == Approx(1.1));
  CHECK(sie_cpu_multiplier(3, WorkloadClass::Zos, p) == Approx(1.5));
  // Buelens: at least 50 % overhead for Linux at the 3rd level.
  CHECK(sie_cpu_multiplier(3, WorkloadClass::Linux, p) >= 1.5);
}

TEST_CASE("a deeper SIE level is never cheaper", "[cpu]") {
  CpuParams odd;
  odd.sie_level3_cms = 1.0;  // an override below the level-2 overhead
  for (const CpuParams& p : {CpuParams{}, odd}) {
    for (auto cls :
         {WorkloadClass::Zos, WorkloadClass::Zvm, WorkloadClass::Linux, WorkloadClass::Cms}) {
      for (int level = 0; level < 4; ++level) {
        CHECK(sie_cpu_multiplier(level + 1, cls, p) >= sie_cpu_multiplier(level, cls, p));
      }
    }
  }
}

TEST_CASE("PR/SM overhead", "[cpu]") {
  const CpuParams p;
  CHECK(lpar_overhead_fraction(true, p) == Approx(0.01));
  CHECK(lpar_overhead_fraction(false, p) == Approx(0.05));
  CHECK(lpar_overhead_fraction(false, p) > lpar_overhead_fraction(true, p));
}

TEST_CASE("entitlement is weight over sum, at most the logical CPs", "[cpu]") {
  CHECK(entitled_cps(700, 1000, 4, 4) == Approx(2.8));
  CHECK(entitled_cps(700, 1000, 4, 2) == Approx(2.0));
  CHECK(entitled_cps(100, 0, 4, 4) == 0);
  CHECK(entitled_cps(0, 1000, 4, 4) == 0);
}

TEST_CASE("shares: all busy get their weight's share", "[cpu]") {
  const auto s = share_cps({busy(700), busy(200), busy(100)}, 4);
  CHECK(s[0] == Approx(2.8));
  CHECK(s[1] == Approx(0.8));
  CHECK(s[2] == Approx(0.4));
}

TEST_CASE("shares: an idle LPAR's share goes to the others by weight", "[cpu]") {
  auto lpars = std::vector<LparDemand>{busy(700), busy(200), busy(100)};
  lpars[0].demand_cps = 0;
  const auto s = share_cps(lpars, 4);
  CHECK(s[0] == 0);
  CHECK(s[1] == Approx(4 * 2.0 / 3));
  CHECK(s[2] == Approx(4 * 1.0 / 3));
  lpars[0].demand_cps = 1.0;  // needs less than its 2.8
  const auto t = share_cps(lpars, 4);
  CHECK(t[0] == Approx(1.0));
  CHECK(t[1] == Approx(2.0));
  CHECK(t[2] == Approx(1.0));
}

TEST_CASE("shares: capped LPARs and logical CPs are ceilings", "[cpu]") {
  auto lpars = std::vector<LparDemand>{busy(700), busy(200), busy(100)};
  lpars[0].demand_cps = 0;
  lpars[2].capped = true;
  const auto s = share_cps(lpars, 4);
  CHECK(s[2] == Approx(0.4));
  CHECK(s[1] == Approx(3.6));
  // 2 logical CPs of a 3-way: at most 2, even alone.
  const auto alone = share_cps({busy(100, 2), LparDemand{100, 0, 3, false}}, 3);
  CHECK(alone[0] == Approx(2.0));
  CHECK(alone[1] == 0);
}

TEST_CASE("shares: edge cases", "[cpu]") {
  CHECK(share_cps({}, 4).empty());
  CHECK(sum(share_cps({busy(100)}, 0)) == 0);
  const auto zero_weight = share_cps({busy(0), busy(100)}, 4);
  CHECK(zero_weight[0] == 0);
  CHECK(zero_weight[1] == Approx(4));
}

TEST_CASE("shares: never above pool, demand or logical CPs, and more pool never less", "[cpu]") {
  std::mt19937 gen(2009);
  auto uniform = [&](double hi) { return hi * static_cast<double>(gen() % 1000) / 1000.0; };
  for (int trial = 0; trial < 500; ++trial) {
    std::vector<LparDemand> lpars(1 + gen() % 6);
    for (auto& l : lpars) l = {1 + uniform(999), uniform(6), 1.0 + gen() % 4, gen() % 3 == 0};
    const double pool = 1 + uniform(7);
    const auto s = share_cps(lpars, pool);
    CHECK(sum(s) <= pool * (1 + 1e-12));
    double wanted = 0;
    for (std::size_t i = 0; i < lpars.size(); ++i) {
      CHECK(s[i] >= 0);
      CHECK(s[i] <= std::min(lpars[i].demand_cps, lpars[i].logical_cps) + 1e-12);
      wanted += lpars[i].capped ? 0 : std::min(lpars[i].demand_cps, lpars[i].logical_cps);
    }
    if (std::none_of(lpars.begin(), lpars.end(), [](auto& l) { return l.capped; })) {
      CHECK(sum(s) == Approx(std::min(pool, wanted)));  // work-conserving when nobody is capped
    }
    const auto bigger = share_cps(lpars, pool + 1);
    for (std::size_t i = 0; i < lpars.size(); ++i) CHECK(bigger[i] >= s[i] - 1e-12);
    CHECK(share_cps(lpars, pool) == s);
  }
}

TEST_CASE("shares: a fill order kept between calls gives the shares of a fresh one", "[cpu]") {
  // PR/SM keeps the last fill order and re-sorts it (Prsm::rebalance): whatever that order is,
  // the shares, and the order itself, must be those of a call without one.
  std::mt19937 gen(2026);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(gen() % n); };
  std::vector<LparDemand> lpars(300);
  for (auto& l : lpars) l = {double(1 + pick(4)) * 10, double(pick(5)) * 0.5, 2, pick(7) == 0};
  std::vector<std::size_t> kept;
  int resorted = 0;
  for (int step = 0; step < 3000; ++step) {
    const std::size_t moves = step % 50 == 0 ? lpars.size() : 1 + pick(4);
    for (std::size_t m = 0; m < moves; ++m) {  // coarse demands: many ties by ceiling / weight
      lpars[pick(lpars.size())].demand_cps = double(pick(5)) * 0.5;
    }
    if (step % 97 == 0) lpars[pick(lpars.size())].weight = double(pick(3)) * 10;  // 0: out
    if (step % 211 == 0) lpars.push_back({30, 1, 2, false});
    if (step % 307 == 0) kept = {0, 0, lpars.size() + 5};  // not a permutation: rebuilt
    const double pool = 20 + double(pick(40));
    std::vector<std::size_t> fresh;
    const auto expected = share_cps(lpars, pool, fresh);
    const std::vector<std::size_t> before = kept;
    const auto got = share_cps(lpars, pool, kept);
    resorted += before != kept;
    REQUIRE(got == expected);
    REQUIRE(kept == fresh);
    REQUIRE(got == share_cps(lpars, pool));
  }
  CHECK(resorted > 1000);  // the kept order did move: the re-sort was exercised
}
