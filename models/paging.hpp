#pragma once
/// \file paging.hpp
/// z/VM paging and memory overcommitment (DOMAIN.md §3 and "Paging / memory" defaults).
/// Expanded storage counts as memory in the overcommit ratio (the fast tier); what does not fit
/// in real + XSTORE is paged to DASD, whose capacity is the number of paging volumes times a
/// sustainable rate per volume (z/VM 5.x does one I/O per volume at a time).
/// Negative sizes or volume counts throw std::invalid_argument.

#include <optional>

#include "models/params.hpp"

namespace drsim {

/// A guest's working set: ws_bytes when given, else linux_ws_fraction x virtual_bytes.
double guest_working_set(double virtual_bytes, std::optional<double> ws_bytes,
                         const PagingParams& p);

/// Overcommit ratio: working set / (real + XSTORE). With no memory at all: 0 for no working
/// set, else a large finite value (1e9) so that callers never divide by zero.
double overcommit_ratio(double working_set_bytes, double real_bytes, double xstor_bytes);

/// Throughput factor T(ratio) of the guests: 1 at ratio <= 1, piecewise-linear through
/// curve_ratio / curve_factor (1.2 -> 0.45, IBM z/VM 5.2), beyond the last point
/// last_factor x last_ratio / ratio. Never increases with the ratio, even for a curve
/// overridden out of order; stays in (0, 1].
double throughput_factor(double ratio, const PagingParams& p);

/// Pages faulted per CP-second of guest work: (1/T - 1) / (page_io_s / pages_per_block_io),
/// the page wait that explains the measured throughput loss on an unsaturated paging subsystem.
/// 0 at ratio <= 1.
double fault_pages_per_cpu_s(double ratio, const PagingParams& p);

/// DASD paging capacity: volumes x pages_per_volume_per_s.
double paging_capacity_pages_per_s(int volumes, const PagingParams& p);

/// Steady state of one z/VM instance's paging.
struct PagingEstimate {
  double ratio;                 ///< overcommit_ratio
  double throughput;            ///< effective_cpu_rate / cpu_rate (T(ratio) when unsaturated)
  double demand_pages_per_s;    ///< DASD page rate, at most capacity_pages_per_s
  double capacity_pages_per_s;  ///< paging_capacity_pages_per_s
  double device_busy;           ///< demand / capacity, 0..1 (1 when demand meets no capacity)
  double effective_cpu_rate;    ///< CP-seconds of guest work done per second
};

/// Planning estimate: guests that would use cpu_rate_cps CPs without paging progress at
/// T(ratio) x cpu_rate_cps and fault fault_pages_per_cpu_s per CP-second; if that demand exceeds
/// the DASD capacity, progress is throttled so that demand == capacity.
PagingEstimate estimate_paging(double ws_bytes, double real_bytes, double xstor_bytes, int volumes,
                               double cpu_rate_cps, const PagingParams& p);

}  // namespace drsim
