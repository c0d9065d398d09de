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
// through pstates fixed at creation, so each host gets a ladder of speeds: 512 geometric steps
// per doubling (a step is 0.14 %) from 2^-16 CP up to its logical CPs, plus every whole CP.
constexpr int kStepsPerDoubling = 512;
constexpr int kLowestLog2 = -16;
constexpr double kIdleCp = 1e-9;  ///< pstate 0: an LPAR with no work (a speed must be > 0)

/// The CPU hosts: one per LPAR (in topology order), then the reserved ones (by reaction).
struct CpuHosts {
  std::vector<sg4::Host*> lpars;
  std::map<std::string, sg4::Host*> reserved;  ///< by z/VM name
  int pool_cps = 1;
};

CpuHosts build_cpu_hosts(World& w, sg4::NetZone* zone, double flops_per_cp) {
  CpuHosts out;
  int dedicated_cps = 0;
  for (const auto& l : w.topo.lpars) dedicated_cps += l.dedicated ? l.logical_cps : 0;
  out.pool_cps = std::max(1, w.sc->dr_site.machine.cps - dedicated_cps);
  std::map<int, std::vector<double>> ladders;  // by logical CPs: most LPARs share a few sizes
  for (const auto& l : w.topo.lpars) {
    if (l.dedicated) {
      out.lpars.push_back(
          zone->create_host("lpar-" + l.name, flops_per_cp)->set_core_count(l.logical_cps));
      continue;
    }
    auto [it, added] = ladders.try_emplace(l.logical_cps);
    if (added) it->second = share_speeds(l.logical_cps, flops_per_cp);
    out.lpars.push_back(zone->create_host("lpar-" + l.name, it->second));
  }
  for (const auto& r : w.sc->reactions) {
    if (r.action != ActionKind::DedicateCpus || w.topo.find_system(r.target) < 0) continue;
    int n = std::max(1, r.cpus.value_or(1));
    out.reserved[r.target] = zone->create_host("ded-" + r.target, flops_per_cp)->set_core_count(n);
  }
  w.control = zone->create_host("control", 1.0);
  return out;
}

Lpar make_lpar(const std::string& name, sg4::Host* host, int logical, bool shared) {
  Lpar c;
  c.name = name;
  c.host = host;
  c.logical = logical;
  c.shared = shared;
  return c;
}

void build_lpars(World& w, const CpuHosts& hosts) {
  const auto& lpars = w.topo.lpars;
  for (size_t li = 0; li < lpars.size(); ++li) {
    const auto& l = lpars[li];
    Lpar c = make_lpar(l.name, hosts.lpars[li], l.logical_cps, !l.dedicated);
    c.weight = l.weight;
    c.capped = l.capped;
    w.prsm.add(std::move(c));
  }
  for (const auto& [name, h] : hosts.reserved)
    w.reserved_dedicated[name] =
        &w.prsm.add(make_lpar(name + " (dedicated)", h, h->get_core_count(), false));
}

// Bandwidths are hosts whose speed is bytes/s, and a transfer is an exec of its bytes: not
// SimGrid disks, whose model re-rates every running I/O on every event, nor network transfers,
// whose completion scans a list of every transfer in flight. Execs share a host the same way
// (max-min fair, bounds honoured) and are solved lazily.
void build_storage(World& w, sg4::NetZone* zone) {
  const auto& tp = w.sc->dr_site.tape;
  auto type = find_tape_drive_type(tp.drive_type);
  double native = tp.rate_Bps.value_or(type ? type->native_Bps : 100e6);
  TapePool& pool = w.tape;
  pool.drive_rate_Bps = effective_restore_rate_Bps(native, w.sc->params.tape);
  // DDR's small blocks: the drive streams slower, so the tape is busy longer
  pool.ddr_rate_Bps = std::min(pool.drive_rate_Bps, w.sc->params.tape.ddr_Bps);
  pool.drives = tp.drives;
  pool.dasd = zone->create_host("dasd", std::max(1.0, w.sc->params.tape.dasd_subsystem_Bps));
  for (auto& z : w.zvms) {
    z.capacity_pages_per_s =
        paging_capacity_pages_per_s(z.node.paging_volumes, w.sc->params.paging);
    double bw = z.capacity_pages_per_s * w.sc->params.paging.page_bytes;
    if (bw > 0) z.paging = zone->create_host("paging-" + z.node.name, bw);
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

}  // namespace

std::vector<double> share_speeds(int logical, double flops_per_cp) {
  std::vector<double> cps{kIdleCp};  // the geometric steps, with each whole CP merged in
  int whole = 1;
  for (long k = 0;; ++k) {
    double x = std::exp2(kLowestLog2 + double(k) / kStepsPerDoubling);
    if (x >= logical) break;
    for (; whole < x; ++whole) cps.push_back(whole);
    if (x != whole) cps.push_back(x);
  }
  for (; whole <= logical; ++whole) cps.push_back(whole);
  for (double& x : cps) x *= flops_per_cp;
  return cps;
}

void build_platform(World& w) {
  const auto& prod = w.sc->production.machine;
  const auto& dr = w.sc->dr_site.machine;
  double factor =
      (prod.engine_mips > 0 && dr.engine_mips > 0) ? dr.engine_mips / prod.engine_mips : 1.0;
  double flops_per_cp = kFlopsPerCp * factor;
  sg4::NetZone* zone = sg4::create_full_zone("dr-site");
  build_zvms(w);
  CpuHosts hosts = build_cpu_hosts(w, zone, flops_per_cp);
  build_storage(w, zone);
  zone->seal();
  w.prsm.configure(w.sc->params.cpu, hosts.pool_cps, flops_per_cp);
  build_lpars(w, hosts);
  for (auto& z : w.zvms) z.lpar = &w.prsm.lpars()[z.node.lpar];
  w.prsm.rebalance();
}

}  // namespace drsim::sim
