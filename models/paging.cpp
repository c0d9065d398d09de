#include "models/paging.hpp"

#include <algorithm>
#include <stdexcept>
#include <type_traits>

namespace drsim {
namespace {

constexpr double kNoMemoryRatio = 1e9;

void require(bool ok, const char* what) {
  if (!ok) throw std::invalid_argument(what);
}

/// Seconds of page wait per page faulted from DASD (block paging).
double page_wait_s(const PagingParams& p) {
  require(p.page_io_s > 0 && p.pages_per_block_io > 0,
          "page_io_s and pages_per_block_io must be positive");
  return p.page_io_s / p.pages_per_block_io;
}

}  // namespace

// DOMAIN.md §3 row "Linux guest working set vs defined size" (linux_ws_fraction, Assumption).
double guest_working_set(double virtual_bytes, std::optional<double> ws_bytes,
                         const PagingParams& p) {
  const double ws = ws_bytes.value_or(p.linux_ws_fraction * virtual_bytes);
  require(ws >= 0, "a working set must not be negative");
  return ws;
}

// DOMAIN.md §3 row "Overcommit ratio definition" (IBM memory.html) with the working set in place
// of the defined size, and XSTORE as the fast paging tier counted as memory (IBM storconf.html).
double overcommit_ratio(double working_set_bytes, double real_bytes, double xstor_bytes) {
  require(working_set_bytes >= 0 && real_bytes >= 0 && xstor_bytes >= 0,
          "memory sizes must not be negative");
  const double memory = real_bytes + xstor_bytes;
  if (memory <= 0) return working_set_bytes > 0 ? kNoMemoryRatio : 0.0;
  return working_set_bytes / memory;
}

// DOMAIN.md §3 row "Overcommit cliff (measured)" (IBM z/VM 5.2 test: about 1.2:1 cut throughput
// by more than 50 %, further guests degraded it more slowly) and the suggested default
// overcommit_throughput_curve {1.0: 1, 1.2: 0.45, 1.5: 0.35, 2.0: 0.25}.
double throughput_factor(double ratio, const PagingParams& p) {
  constexpr std::size_t n = std::extent_v<decltype(PagingParams::curve_ratio)>;
  for (double f : p.curve_factor) require(f > 0, "overcommit curve factors must be positive");
  if (ratio <= p.curve_ratio[0]) return std::min(1.0, p.curve_factor[0]);
  double envelope = std::min(1.0, p.curve_factor[0]);
  for (std::size_t i = 1; i < n; ++i) {
    const double r0 = p.curve_ratio[i - 1], r1 = p.curve_ratio[i];
    const double f0 = envelope, f1 = std::min(envelope, p.curve_factor[i]);
    if (ratio <= r1) {
      return r1 > r0 ? f0 + (f1 - f0) * (ratio - r0) / (r1 - r0) : f1;
    }
    envelope = f1;
  }
  return envelope * p.curve_ratio[n - 1] / ratio;
}

// DOMAIN.md "Modelling notes" 2 with page_io_ms and pages_per_block_io (Assumptions): a guest
// at throughput T waits (1/T - 1) s per CP-second; each DASD page costs page_io_s / block pages.
double fault_pages_per_cpu_s(double ratio, const PagingParams& p) {
  const double wait_s = 1.0 / throughput_factor(ratio, p) - 1.0;
  return std::max(0.0, wait_s) / page_wait_s(p);
}

// DOMAIN.md §3 rows "Paging I/O concurrency improved only in z/VM 6.4" (throughput scales with
// the number of paging volumes) and "Sustainable paging per 3390 paging volume" (Assumption).
double paging_capacity_pages_per_s(int volumes, const PagingParams& p) {
  require(volumes >= 0, "the number of paging volumes must not be negative");
  return volumes * p.pages_per_volume_per_s;
}

// DOMAIN.md "Modelling notes" 2: ratio -> overcommit_throughput_curve; demand beyond
// volumes x pages/s per volume cannot be served, so the guests slow down to what it can serve.
PagingEstimate estimate_paging(double ws_bytes, double real_bytes, double xstor_bytes, int volumes,
                               double cpu_rate_cps, const PagingParams& p) {
  require(cpu_rate_cps >= 0, "a CPU rate must not be negative");
  PagingEstimate e{};
  e.ratio = overcommit_ratio(ws_bytes, real_bytes, xstor_bytes);
  e.capacity_pages_per_s = paging_capacity_pages_per_s(volumes, p);
  const double t = throughput_factor(e.ratio, p);
  const double per_cpu_s = fault_pages_per_cpu_s(e.ratio, p);
  const double wanted_cpu = cpu_rate_cps * t;
  const double wanted_pages = wanted_cpu * per_cpu_s;
  if (wanted_pages <= e.capacity_pages_per_s) {
    e.effective_cpu_rate = wanted_cpu;
    e.demand_pages_per_s = wanted_pages;
  } else {
    e.demand_pages_per_s = e.capacity_pages_per_s;
    e.effective_cpu_rate = e.capacity_pages_per_s / per_cpu_s;
  }
  e.throughput = cpu_rate_cps > 0 ? e.effective_cpu_rate / cpu_rate_cps : t;
  if (e.capacity_pages_per_s > 0) {
    e.device_busy = std::min(1.0, e.demand_pages_per_s / e.capacity_pages_per_s);
  } else {
    e.device_busy = wanted_pages > 0 ? 1.0 : 0.0;
  }
  return e;
}

}  // namespace drsim
