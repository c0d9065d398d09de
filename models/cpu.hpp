#pragma once
/// \file cpu.hpp
/// SIE levels, their CPU cost, and PR/SM sharing of a CPC's shared CPs (DOMAIN.md §4).
/// Levels count from the hardware: an LPAR is the 1st SIE level, a guest of a z/VM in an LPAR
/// the 2nd (the last level the hardware does), a guest of a 2nd-level z/VM the 3rd.

#include <vector>

#include "models/params.hpp"
#include "models/scenario.hpp"

namespace drsim {

/// What kind of work runs at a SIE level; decides the 3rd-level multiplier.
enum class WorkloadClass { Zos, Zvm, Linux, Cms };

/// SIE level of a production system placed as `mode`: Lpar -> 1, Guest -> 2,
/// GuestsDirect -> 0 (the VM itself does not run).
int system_sie_level(PlacementMode mode);

/// SIE level of the guests of a z/VM placed as `vm_mode`: Lpar -> 2, Guest -> 3,
/// GuestsDirect -> 2 (they run directly under the vendor's z/VM).
int guest_sie_level(PlacementMode vm_mode);

/// CPU work per unit of useful work at a SIE level: level <= 1: 1; level 2:
/// 1 + guest_overhead_level2; level >= 3: sie_level3_linux / _cms / _zos (z/VM itself counts
/// as CMS-like), never below the level-2 multiplier.
double sie_cpu_multiplier(int level, WorkloadClass cls, const CpuParams& p);

/// PR/SM overhead as a fraction of capacity: lpar_overhead_dedicated or lpar_overhead_shared.
double lpar_overhead_fraction(bool dedicated, const CpuParams& p);

/// One shared LPAR as PR/SM sees it.
struct LparDemand {
  double weight;       ///< processing weight
  double demand_cps;   ///< CPs of work it could use now
  double logical_cps;  ///< logical CPs it has (a hard ceiling)
  bool capped;         ///< never more than its weight's entitlement
};

/// PR/SM weighted water-filling of `pool_cps` shared CPs: each LPAR gets at most
/// min(demand, logical CPs) and, when capped, at most its entitlement weight/sum x pool;
/// what an LPAR does not need goes to the others in proportion to their weights.
/// The sum never exceeds the pool. LPARs with weight <= 0 get nothing. Deterministic.
/// Dedicated CPs are not part of the pool: the caller subtracts them.
std::vector<double> share_cps(const std::vector<LparDemand>& lpars, double pool_cps);

/// share_cps for a caller that re-shares the same LPARs again and again (PR/SM at every change
/// of demand): the same shares, with `order` the fill order of the last call, kept between
/// calls. Between two calls only a few LPARs' demands move, so re-sorting the last order costs
/// about one pass instead of a sort of every LPAR. Any `order` is accepted (one that is not a
/// permutation of the LPARs with a positive weight is rebuilt).
std::vector<double> share_cps(const std::vector<LparDemand>& lpars, double pool_cps,
                              std::vector<std::size_t>& order);

/// Entitlement of one shared LPAR: weight/total_weight x pool, at most its logical CPs
/// (0 when total_weight <= 0).
double entitled_cps(double weight, double total_weight, double pool_cps, double logical_cps);

/// One z/VM user competing for the CPs its z/VM has (DOMAIN-ROUND2 §B).
struct ShareDemand {
  ShareSpec share;        ///< SET SHARE: RELATIVE n or ABSOLUTE p%
  double demand_cps = 0;  ///< CPs of work it could use now
  int virtual_cpus = 1;   ///< its virtual CPs: never more than one engine each (B5)
};

/// The z/VM scheduler's split of `capacity_cps` among its users (DOMAIN-ROUND2 §B "Model"):
/// (1) ABSOLUTE users get min(demand, p% x capacity), their percentages scaled down to
/// 99 % (abs_total_cap, an Assumption) when they add up to more; (2) the rest is water-filled among
/// RELATIVE users in proportion to n (n / virtual CPUs per virtual CPU), each at most min(demand,
/// virtual CPUs), what one does not use going to the others; (3) capacity still left goes to
/// ABSOLUTE users that want more (NOLIMIT maximum, the default), in proportion to p. Users with no
/// demand get 0. The sum never exceeds the capacity. Deterministic.
std::vector<double> zvm_share_split(const std::vector<ShareDemand>& users, double capacity_cps,
                                    const CpuParams& p);

/// The weight a user's work gets when CPs are contended inside a z/VM whose users' RELATIVE
/// shares add up to `rel_total` and ABSOLUTE shares to `abs_total_pct`: n for RELATIVE n;
/// for ABSOLUTE p%, the RELATIVE weight that gives p% of the VM when every user is busy
/// (p / (100 - abs_total) x rel_total, or p when there are no RELATIVE users).
double share_weight(const ShareSpec& share, double rel_total, double abs_total_pct,
                    const CpuParams& p);

}  // namespace drsim
