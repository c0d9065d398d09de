#include "models/paging.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

using namespace drsim;

namespace {
constexpr double kGB = 1e9;
}

TEST_CASE("working set and overcommit ratio", "[paging]") {
  const PagingParams p;
  CHECK(guest_working_set(2 * kGB, std::nullopt, p) == Approx(1.2 * kGB));
  CHECK(guest_working_set(2 * kGB, 1.5 * kGB, p) == Approx(1.5 * kGB));
  CHECK_THROWS_AS(guest_working_set(2 * kGB, -1.0, p), std::invalid_argument);
  CHECK(overcommit_ratio(10 * kGB, 8 * kGB, 2 * kGB) == Approx(1.0));
  CHECK(overcommit_ratio(12 * kGB, 10 * kGB, 0) == Approx(1.2));
  CHECK(overcommit_ratio(0, 0, 0) == 0);
  CHECK(overcommit_ratio(kGB, 0, 0) >= 1e9);
  CHECK_THROWS_AS(overcommit_ratio(kGB, -kGB, 0), std::invalid_argument);
}

TEST_CASE("throughput curve: IBM z/VM 5.2 anchors", "[paging]") {
  const PagingParams p;
  CHECK(throughput_factor(0.5, p) == 1.0);
  CHECK(throughput_factor(1.0, p) == 1.0);
  CHECK(throughput_factor(1.2, p) == Approx(0.45));
  CHECK(throughput_factor(1.1, p) == Approx(0.725));
  CHECK(throughput_factor(1.5, p) == Approx(0.35));
  CHECK(throughput_factor(2.0, p) == Approx(0.25));
  CHECK(throughput_factor(4.0, p) == Approx(0.125));
  CHECK(throughput_factor(1e9, p) > 0);
}

TEST_CASE("throughput never increases with the ratio", "[paging]") {
  PagingParams bent;
  bent.curve_factor[2] = 0.6;  // an override out of order is flattened, not followed upwards
  for (const PagingParams& p : {PagingParams{}, bent}) {
    double previous = throughput_factor(0.0, p);
    for (double r = 0.01; r < 6; r += 0.01) {
      const double t = throughput_factor(r, p);
      CHECK(t <= previous);
      CHECK(t > 0);
      previous = t;
    }
  }
  CHECK(throughput_factor(1.5, bent) == Approx(0.45));
  PagingParams broken;
  broken.curve_factor[3] = 0;
  CHECK_THROWS_AS(throughput_factor(3.0, broken), std::invalid_argument);
}

TEST_CASE("page faults per CP-second explain the throughput loss", "[paging]") {
  const PagingParams p;  // 5 ms per block I/O of 8 pages
  CHECK(fault_pages_per_cpu_s(0.8, p) == 0);
  CHECK(fault_pages_per_cpu_s(1.0, p) == 0);
  const double at_cliff = fault_pages_per_cpu_s(1.2, p);
  CHECK(at_cliff == Approx((1 / 0.45 - 1) / (0.005 / 8)));
  // the page wait of those faults is exactly what turns 1 CP-second into 1/T seconds
  CHECK(1 + at_cliff * 0.005 / 8 == Approx(1 / 0.45));
  CHECK(fault_pages_per_cpu_s(2.0, p) > at_cliff);
}

TEST_CASE("paging capacity grows with volumes", "[paging]") {
  const PagingParams p;
  CHECK(paging_capacity_pages_per_s(0, p) == 0);
  CHECK(paging_capacity_pages_per_s(8, p) == Approx(2400));
  CHECK_THROWS_AS(paging_capacity_pages_per_s(-1, p), std::invalid_argument);
  for (int v = 0; v < 32; ++v) {
    CHECK(paging_capacity_pages_per_s(v + 1, p) >= paging_capacity_pages_per_s(v, p));
  }
}

TEST_CASE("estimate: no overcommit, no paging", "[paging]") {
  const PagingParams p;
  const auto e = estimate_paging(6 * kGB, 8 * kGB, 0, 8, 2.0, p);
  CHECK(e.ratio == Approx(0.75));
  CHECK(e.demand_pages_per_s == 0);
  CHECK(e.device_busy == 0);
  CHECK(e.throughput == 1.0);
  CHECK(e.effective_cpu_rate == Approx(2.0));
}

TEST_CASE("estimate: overcommit on an unsaturated paging subsystem", "[paging]") {
  PagingParams p;
  p.pages_per_volume_per_s = 1e6;
  const auto e = estimate_paging(12 * kGB, 10 * kGB, 0, 8, 2.0, p);
  CHECK(e.throughput == Approx(0.45));
  CHECK(e.effective_cpu_rate == Approx(0.9));
  CHECK(e.demand_pages_per_s == Approx(0.9 * fault_pages_per_cpu_s(1.2, p)));
  CHECK(e.device_busy < 1);
}

TEST_CASE("estimate: a saturated paging subsystem throttles the guests", "[paging]") {
  const PagingParams p;  // 300 pages/s per volume
  const auto e = estimate_paging(12 * kGB, 10 * kGB, 0, 1, 2.0, p);
  CHECK(e.capacity_pages_per_s == Approx(300));
  CHECK(e.demand_pages_per_s == Approx(300));
  CHECK(e.device_busy == 1);
  CHECK(e.effective_cpu_rate == Approx(300 / fault_pages_per_cpu_s(1.2, p)));
  CHECK(e.throughput < 0.45);
  const auto none = estimate_paging(12 * kGB, 10 * kGB, 0, 0, 2.0, p);
  CHECK(none.effective_cpu_rate == 0);
  CHECK(none.device_busy == 1);
  const auto idle = estimate_paging(12 * kGB, 10 * kGB, 0, 0, 0.0, p);
  CHECK(idle.device_busy == 0);
  CHECK_THROWS_AS(estimate_paging(kGB, kGB, 0, 1, -1.0, p), std::invalid_argument);
}

TEST_CASE("estimate: more memory, XSTORE or volumes never make paging worse", "[paging]") {
  const PagingParams p;
  const double ws = 16 * kGB;
  for (int volumes : {0, 1, 4, 8, 16}) {
    for (double cpu : {0.5, 2.0}) {
      double last_demand = 1e300, last_cpu = -1;
      for (double real = 4 * kGB; real <= 20 * kGB; real += 0.25 * kGB) {
        const auto e = estimate_paging(ws, real, 0, volumes, cpu, p);
        CHECK(e.demand_pages_per_s <= last_demand * (1 + 1e-12));
        CHECK(e.effective_cpu_rate >= last_cpu * (1 - 1e-12));
        last_demand = e.demand_pages_per_s;
        last_cpu = e.effective_cpu_rate;
        CHECK(estimate_paging(ws, real, 2 * kGB, volumes, cpu, p).demand_pages_per_s <=
              e.demand_pages_per_s * (1 + 1e-12));
        const auto more = estimate_paging(ws, real, 0, volumes + 1, cpu, p);
        CHECK(more.capacity_pages_per_s >= e.capacity_pages_per_s);
        CHECK(more.effective_cpu_rate >= e.effective_cpu_rate * (1 - 1e-12));
      }
    }
  }
}
