// Scenario -> SimGrid platform: a host per LPAR (shared ones with a ladder of share speeds),
// reserved hosts for dedicated CPs; bandwidth hosts for the DASD subsystem and the paging
// volumes (see platform.hpp).
#include "simulator/platform.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "models/paging.hpp"
#include "models/tape.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {
namespace {

// A shared LPAR's share of the pool is its host's speed. SimGrid changes a host's speed only
// through pstates fixed at creation, so each host gets a ladder of speeds: geometric steps
// (cpu.share_steps_per_doubling, by default 64 per doubling: a step is 1.1 %) from 2^-16 CP
// up to its logical CPs, plus every whole CP.
constexpr int kLowestLog2 = -16;
constexpr double kIdleCp = 1e-9;  ///< pstate 0: an LPAR with no work (a speed must be > 0)

/// The CPU hosts, in the spec's order.
void create_cpu_hosts(const PlatformSpec& spec, sg4::NetZone* zone, PlatformHosts& out) {
  // by logical CPs: most LPARs share a few sizes
  std::map<int, std::shared_ptr<const std::vector<double>>> ladders;
  for (const auto& l : spec.lpars) {
    if (l.dedicated) {
      out.lpars.push_back(
          zone->create_host("lpar-" + l.name, spec.flops_per_cp)->set_core_count(l.logical_cps));
      out.ladders.emplace_back();
      continue;
    }
    auto [it, added] = ladders.try_emplace(l.logical_cps);
    if (added)
      it->second = std::make_shared<const std::vector<double>>(
          share_speeds(l.logical_cps, spec.flops_per_cp, spec.share_steps));
    out.lpars.push_back(zone->create_host("lpar-" + l.name, *it->second));
    out.ladders.push_back(it->second);
  }
  for (const auto& [target, n] : spec.reserved)
    out.reserved[target] = zone->create_host("ded-" + target, spec.flops_per_cp)->set_core_count(n);
  out.control = zone->create_host("control", 1.0);
}

Lpar make_lpar(const std::string& name, sg4::Host* host, int logical, bool shared, bool vendor) {
  Lpar c;
  c.name = name;
  auto [on_shared, on_dedicated] = cps_labels(name, vendor);
  c.shared_cps = on_shared, c.dedicated_cps = on_dedicated;
  c.host = host;
  c.logical = logical;
  c.shared = shared;
  return c;
}

void build_lpars(World& w, const PlatformHosts& hosts) {
  const auto& lpars = w.topo.lpars;
  for (size_t li = 0; li < lpars.size(); ++li) {
    const auto& l = lpars[li];
    Lpar c = make_lpar(l.name, hosts.lpars[li], l.logical_cps, !l.dedicated, l.vendor);
    c.weight = l.weight;
    c.capped = l.capped;
    c.ladder = hosts.ladders[li];
    w.prsm.add(std::move(c));
  }
  for (const auto& [name, h] : hosts.reserved)
    w.reserved_dedicated[name] =
        &w.prsm.add(make_lpar(name + " (dedicated)", h, h->get_core_count(), false, false));
}

// Bandwidths are hosts whose speed is bytes/s, and a transfer is an exec of its bytes: not
// SimGrid disks, whose model re-rates every running I/O on every event, nor network transfers,
// whose completion scans a list of every transfer in flight. Execs share a host the same way
// (max-min fair, bounds honoured) and are solved lazily.
void build_storage(World& w, const PlatformHosts& hosts) {
  const auto& tp = w.sc->dr_site.tape;
  auto type = find_tape_drive_type(tp.drive_type);
  double native = tp.rate_Bps.value_or(type ? type->native_Bps : 100e6);
  TapePool& pool = w.tape;
  pool.drive_rate_Bps = effective_restore_rate_Bps(native, w.sc->params.tape);
  // DDR's small blocks: the drive streams slower, so the tape is busy longer
  pool.ddr_rate_Bps = std::min(pool.drive_rate_Bps, w.sc->params.tape.ddr_Bps);
  pool.drives = tp.drives;
  pool.dasd = hosts.dasd;
  pool.dasd_binds =
      pool.drive_rate_Bps <= 0 ||
      tp.drives * std::max(pool.drive_rate_Bps, pool.ddr_rate_Bps) > hosts.dasd->get_speed();
  for (auto& z : w.zvms) {
    z.capacity_pages_per_s =
        paging_capacity_pages_per_s(z.node.paging_volumes, w.sc->params.paging);
    if (auto it = hosts.paging.find(z.node.name); it != hosts.paging.end()) z.paging = it->second;
  }
}

void build_zvms(World& w) {
  for (const auto& node : w.topo.zvms) {
    Zvm& z = w.zvms.emplace_back(node);
    z.real_bytes = node.real_bytes;
    z.xstor_bytes = node.xstor_bytes;
    z.up = node.system.empty();  // the vendor's VM runs from the start
    if (node.virtual_cpus > 0) z.vcpus = std::make_shared<VcpuPool>(node.virtual_cpus);
  }
}

/// The geometric steps 2^(kLowestLog2 + k / per_doubling), k = 0, 1, ..., up to the first at
/// or above `up_to`: computed once for every ladder of the process (their exp2 calls were half
/// of building the platform) and extended when a larger ladder needs more.
const std::vector<double>& geometric_steps(double up_to, int per_doubling) {
  static std::map<int, std::vector<double>> by_steps;
  std::vector<double>& steps = by_steps[per_doubling];
  while (steps.empty() || steps.back() < up_to)
    steps.push_back(std::exp2(kLowestLog2 + double(steps.size()) / per_doubling));
  return steps;
}

}  // namespace

std::vector<double> share_speeds(int logical, double flops_per_cp, int steps_per_doubling) {
  const std::vector<double>& steps = geometric_steps(logical, std::max(1, steps_per_doubling));
  std::vector<double> cps;  // the geometric steps, with each whole CP merged in
  cps.reserve(steps.size() + static_cast<size_t>(std::max(logical, 0)) + 1);
  cps.push_back(kIdleCp);
  int whole = 1;
  for (double x : steps) {
    if (x >= logical) break;
    for (; whole < x; ++whole) cps.push_back(whole);
    if (x != whole) cps.push_back(x);
  }
  for (; whole <= logical; ++whole) cps.push_back(whole);
  for (double& x : cps) x *= flops_per_cp;
  return cps;
}

PlatformSpec platform_spec(const Scenario& sc, const Topology& topo) {
  PlatformSpec spec;
  const auto& prod = sc.production.machine;
  const auto& dr = sc.dr_site.machine;
  double factor =
      (prod.engine_mips > 0 && dr.engine_mips > 0) ? dr.engine_mips / prod.engine_mips : 1.0;
  spec.flops_per_cp = kFlopsPerCp * factor;
  int dedicated_cps = 0;
  for (const auto& l : topo.lpars) {
    spec.lpars.push_back({l.name, l.dedicated, l.logical_cps});
    dedicated_cps += l.dedicated ? l.logical_cps : 0;
  }
  spec.pool_cps = std::max(1, dr.cps - dedicated_cps);
  for (const auto& r : sc.reactions) {
    if (r.action != ActionKind::DedicateCpus || topo.find_system(r.target) < 0) continue;
    spec.reserved.emplace_back(r.target, std::max(1, r.cpus.value_or(1)));
  }
  spec.dasd_Bps = std::max(1.0, sc.params.tape.dasd_subsystem_Bps);
  spec.share_steps = static_cast<int>(std::lround(sc.params.cpu.share_steps_per_doubling));
  for (const auto& z : topo.zvms) {
    double bw = paging_capacity_pages_per_s(z.paging_volumes, sc.params.paging) *
                sc.params.paging.page_bytes;
    if (bw > 0) spec.paging.emplace_back(z.name, bw);
  }
  return spec;
}

PlatformHosts create_hosts(const PlatformSpec& spec) {
  PlatformHosts out;
  sg4::NetZone* zone = sg4::create_full_zone("dr-site");
  create_cpu_hosts(spec, zone, out);
  out.dasd = zone->create_host("dasd", spec.dasd_Bps);
  for (const auto& [name, bw] : spec.paging)
    out.paging[name] = zone->create_host("paging-" + name, bw);
  zone->seal();
  return out;
}

void build_platform(World& w, const PlatformSpec& spec, const PlatformHosts& hosts) {
  build_zvms(w);
  w.control = hosts.control;
  build_storage(w, hosts);
  w.prsm.configure(w.sc->params.cpu, spec.pool_cps, spec.flops_per_cp);
  build_lpars(w, hosts);
  for (auto& z : w.zvms) z.lpar = &w.prsm.lpars()[z.node.lpar];
  w.prsm.rebalance();
  w.prsm.batch_on(w.control);
}

}  // namespace drsim::sim
