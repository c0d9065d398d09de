#include "models/cpu.hpp"

#include <algorithm>

namespace drsim {
namespace {

double positive_weight_sum(const std::vector<LparDemand>& lpars) {
  double sum = 0;
  for (const LparDemand& l : lpars) sum += std::max(0.0, l.weight);
  return sum;
}

/// The most one LPAR may get: its demand, its logical CPs, and (capped) its entitlement.
double ceiling_cps(const LparDemand& l, double total_weight, double pool_cps) {
  if (l.weight <= 0) return 0;
  double c = std::min(l.demand_cps, l.logical_cps);
  if (l.capped) c = std::min(c, entitled_cps(l.weight, total_weight, pool_cps, l.logical_cps));
  return std::max(0.0, c);
}

std::vector<double> ceilings_cps(const std::vector<LparDemand>& lpars, double total_weight,
                                 double pool_cps) {
  std::vector<double> ceiling;
  ceiling.reserve(lpars.size());
  for (const LparDemand& l : lpars) ceiling.push_back(ceiling_cps(l, total_weight, pool_cps));
  return ceiling;
}

/// LPARs with a positive weight, those that fill up first (lowest ceiling per weight) first;
/// ties keep their input order. `order` is any earlier order of them (or anything else, then
/// rebuilt and sorted): the result is the same, one total order by (ceiling / weight, index),
/// and an insertion sort from a nearly sorted earlier order is one pass.
void fill_order(const std::vector<LparDemand>& lpars, const std::vector<double>& ceiling,
                std::vector<std::size_t>& order) {
  std::size_t positive = 0;
  for (const LparDemand& l : lpars) positive += l.weight > 0 ? 1 : 0;
  bool reusable = order.size() == positive;
  if (reusable) {  // a permutation of the positive-weight LPARs?
    std::vector<bool> seen(lpars.size(), false);
    for (std::size_t i : order) {
      if (i >= lpars.size() || !(lpars[i].weight > 0) || seen[i]) {
        reusable = false;
        break;
      }
      seen[i] = true;
    }
  }
  auto key = [&](std::size_t i) { return ceiling[i] / lpars[i].weight; };
  if (!reusable) {
    order.clear();
    for (std::size_t i = 0; i < lpars.size(); ++i) {
      if (lpars[i].weight > 0) order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    return;
  }
  auto before = [&](std::size_t a, std::size_t b) {
    const double ka = key(a), kb = key(b);
    return ka < kb || (!(kb < ka) && a < b);
  };
  // an order far from the new one (many demands moved at once) is sorted outright instead
  std::size_t budget = 8 * order.size() + 64;
  for (std::size_t k = 1; k < order.size(); ++k) {
    const std::size_t v = order[k];
    std::size_t j = k;
    for (; j > 0 && before(v, order[j - 1]); --j, --budget) {
      if (budget == 0) {
        order[j] = v;
        std::sort(order.begin(), order.end(), before);
        return;
      }
      order[j] = order[j - 1];
    }
    order[j] = v;
  }
}

}  // namespace

// DOMAIN.md §4.1 "Hardware SIE levels" (IBM z890.html): PR/SM uses the 1st level for an LPAR,
// so a system in an LPAR runs at level 1 and one inside the vendor's z/VM at level 2.
int system_sie_level(PlacementMode mode) {
  switch (mode) {
    case PlacementMode::Lpar:
      return 1;
    case PlacementMode::Guest:
      return 2;
    case PlacementMode::GuestsDirect:
      return 0;
  }
  return 0;
}

// DOMAIN.md §4.1 "Linux under a 2nd-level z/VM" (Buelens: a 2nd-level z/VM in an LPAR puts its
// guests at the 3rd level) and suggested default guest_level 2 (LPAR -> z/VM -> Linux).
int guest_sie_level(PlacementMode vm_mode) {
  switch (vm_mode) {
    case PlacementMode::Lpar:
      return 2;
    case PlacementMode::Guest:
      return 3;
    case PlacementMode::GuestsDirect:
      return 2;
  }
  return 2;
}

// DOMAIN.md §4.1 "Guest classes" and suggested defaults sie_level3_cpu_multiplier_linux (4.0,
// Assumption; Buelens' 50 % as the lower bound) and _cms (1.1, Assumption); the 2nd-level
// guest overhead and the z/OS value are Assumptions (params.hpp). Only two levels are done in
// hardware (Stewart, Altmark), so level 3 is never cheaper than level 2.
double sie_cpu_multiplier(int level, WorkloadClass cls, const CpuParams& p) {
  if (level <= 1) return 1.0;
  const double level2 = 1.0 + p.guest_overhead_level2;
  if (level == 2) return level2;
  double level3 = p.sie_level3_cms;
  if (cls == WorkloadClass::Linux) level3 = p.sie_level3_linux;
  if (cls == WorkloadClass::Zos) level3 = p.sie_level3_zos;
  return std::max(level2, level3);
}

// DOMAIN.md §4.2 "PR/SM overhead" (CA MICS guide: about 0.1 % dedicated, up to about 12 %
// shared); defaults lpar_overhead_dedicated / lpar_overhead_shared.
double lpar_overhead_fraction(bool dedicated, const CpuParams& p) {
  return dedicated ? p.lpar_overhead_dedicated : p.lpar_overhead_shared;
}

// DOMAIN.md §4.2 "Weights" (z9 PR/SM Planning Guide SB10-7041-03): share = weight / sum of
// weights; more when others are idle (uncapped), never more when capped, never more than the
// logical CP count allows.
std::vector<double> share_cps(const std::vector<LparDemand>& lpars, double pool_cps) {
  std::vector<std::size_t> order;
  return share_cps(lpars, pool_cps, order);
}

std::vector<double> share_cps(const std::vector<LparDemand>& lpars, double pool_cps,
                              std::vector<std::size_t>& order) {
  std::vector<double> got(lpars.size(), 0.0);
  if (!(pool_cps > 0)) return got;
  const double total_weight = positive_weight_sum(lpars);
  const std::vector<double> ceiling = ceilings_cps(lpars, total_weight, pool_cps);
  double left = pool_cps, weight_left = total_weight;
  fill_order(lpars, ceiling, order);
  for (std::size_t i : order) {
    got[i] = std::min(ceiling[i], left * lpars[i].weight / weight_left);
    left = std::max(0.0, left - got[i]);
    weight_left -= lpars[i].weight;
  }
  return got;
}

// DOMAIN.md §4.2 "Weights" and suggested default lpar_weight_share (weight / sum of weights,
// capped by the logical CP count).
double entitled_cps(double weight, double total_weight, double pool_cps, double logical_cps) {
  if (!(total_weight > 0) || weight <= 0) return 0;
  return std::min(logical_cps, weight / total_weight * pool_cps);
}

/// z/VM: ABSOLUTE shares above this sum are scaled down to it (DOMAIN-ROUND2 B "abs_total_cap":
/// Assumption).
constexpr double kAbsTotalCap = 0.99;

// DOMAIN-ROUND2 B2-B6 and its "Model": ABSOLUTE first, then RELATIVE water-filled by
// n / virtual CPUs per virtual CPU (a user's total weight is n), excess to whoever wants more.
std::vector<double> zvm_share_split(const std::vector<ShareDemand>& users, double capacity_cps,
                                    const CpuParams& p) {
  (void)p;  // the ABSOLUTE cap is a constant for now (kAbsTotalCap)
  std::vector<double> got(users.size(), 0.0);
  if (!(capacity_cps > 0)) return got;
  auto ceiling = [&](size_t i) {
    return std::max(0.0, std::min(users[i].demand_cps, double(std::max(1, users[i].virtual_cpus))));
  };
  double abs_pct = 0;
  for (size_t i = 0; i < users.size(); ++i)
    if (users[i].share.absolute && ceiling(i) > 0) abs_pct += users[i].share.value;
  double scale = abs_pct / 100 > kAbsTotalCap ? kAbsTotalCap * 100 / abs_pct : 1.0;
  double left = capacity_cps;
  for (size_t i = 0; i < users.size(); ++i) {
    if (!users[i].share.absolute) continue;
    got[i] = std::min(ceiling(i), users[i].share.value / 100 * scale * capacity_cps);
    left -= got[i];
  }
  left = std::max(0.0, left);
  auto fill = [&](bool absolute) {  // water-fill what is left among one kind of user
    std::vector<LparDemand> d;
    std::vector<size_t> idx;
    for (size_t i = 0; i < users.size(); ++i) {
      if (users[i].share.absolute != absolute || ceiling(i) - got[i] <= 1e-12) continue;
      d.push_back(
          LparDemand{users[i].share.value, ceiling(i) - got[i], ceiling(i) - got[i], false});
      idx.push_back(i);
    }
    std::vector<double> add = share_cps(d, left);
    for (size_t k = 0; k < idx.size(); ++k) got[idx[k]] += add[k], left -= add[k];
    left = std::max(0.0, left);
  };
  fill(false);
  fill(true);
  return got;
}

double share_weight(const ShareSpec& share, double rel_total, double abs_total_pct,
                    const CpuParams& p) {
  (void)p;
  if (!share.absolute) return share.value;
  if (rel_total <= 0) return share.value;
  double abs_cap = kAbsTotalCap * 100;
  double scale = abs_total_pct > abs_cap ? abs_cap / abs_total_pct : 1.0;
  double pct = share.value * scale, others = std::max(1.0, 100 - abs_total_pct * scale);
  return pct / others * rel_total;
}

}  // namespace drsim
