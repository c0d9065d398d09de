// The bare-SimGrid peer of bench/scale (issue 18): the same site shape as a drsim scenario
// written by `scale --total N --per-vm K`, in S4U only, with no domain layer. Tape drives are
// a pool of actors taking volumes from one queue (a mount wait, then a bounded exec on the
// DASD subsystem's bandwidth host); every LPAR is a host whose speed is its fixed share of the
// machine's pool; each system IPLs once its volumes are restored; each z/VM XAUTOLOGs its
// guests with a stagger, and a guest is an actor running boot and application start as execs
// at its share on its LPAR (with page-ins on its z/VM's paging host when the z/VM is
// overcommitted), waits for its z/OS, then stays as a bounded steady exec. It prints its wall
// time and the activities it started ("events", counted as drsim counts metrics.events).
//
//   scale_peer [--total N] [--per-vm K]          (defaults: 5,000 guests, 50 per z/VM)
#include <xbt/log.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <simgrid/s4u.hpp>
#include <string>
#include <vector>

#include "bench/peers/peer_kit.hpp"
#include "bench/site_size.hpp"

namespace sg4 = simgrid::s4u;

namespace {

// The drsim defaults these stand for (models/params.hpp), for the scale scenario's choices.
constexpr int kPoolCps = 128;                     // dr_site machine: z10 EC, 128 CPs
constexpr double kEnd = 3 * 86400 + 10 * 3600;    // Mon 08:00 - Thu 18:00
constexpr double kVolumeBytes = 2.838e9;          // 3390-3
constexpr double kDriveBps = 60e6;                // TS1120 at its effective fraction
constexpr double kDasdBps = 400e6;                // unless the site sets it
constexpr double kMountS = 45;                    // robot mount, locate
constexpr double kPagingBps = 16 * 300 * 4096.0;  // 16 paging volumes
constexpr double kPageInBytes = 2000 * 4096.0;    // per slice of an overcommitted z/VM
constexpr double kStagger = 10;

// the peers' kit (bench/peers/peer_kit.hpp)
using peer::bytes, peer::cpu, peer::events, peer::Gate, peer::kFlopsPerCp, peer::sleep,
    peer::steady;

struct System {
  sg4::Host* lpar = nullptr;
  sg4::Host* paging = nullptr;  // z/VM only
  bool zvm = false, pages = false;
  int volumes_left = 0;
  Gate restored, up;
  System* zos = nullptr;  // a z/VM's guests need this z/OS
  int guests = 0;
  std::string name;
};

struct Site {
  std::deque<System> systems;  // z/OS first, then the z/VMs (the scenario's order)
  std::deque<System*> queue;   // one entry per volume, in plan order
  sg4::SemaphorePtr items = sg4::Semaphore::create(0);
  sg4::Host* dasd = nullptr;
  sg4::Host* control = nullptr;
};

void drive(Site& s) {
  for (;;) {
    s.items->acquire();
    System* sys = s.queue.front();
    s.queue.pop_front();
    sleep(kMountS);
    bytes(s.dasd, kVolumeBytes, kDriveBps);
    if (--sys->volumes_left == 0) sys->restored.fire();
  }
}

/// Boot (90 CP-s, 90 s waiting) and application start (84 CP-s, 36 s): 2 slices each.
void guest(System& vm) {
  const double work[2][2] = {{90, 90}, {84, 36}};
  for (const auto& w : work) {
    for (int k = 0; k < 2; ++k) {
      cpu(vm.lpar, w[0] / 2);
      if (vm.pages) bytes(vm.paging, kPageInBytes);
    }
    sleep(w[1]);
  }
  vm.zos->up.wait();
  steady(vm.lpar, 0.02);
}

void ipl(Site& site, System& sys) {
  sys.restored.wait();
  if (sys.zvm) {
    cpu(sys.lpar, 120);
    sleep(120);
    sys.up.fire();
    steady(sys.lpar, 0.02);
    for (int g = 0; g < sys.guests; ++g) {
      if (g > 0) sleep(kStagger);
      sg4::Actor::create(sys.name + "L" + std::to_string(g), site.control, [&sys] { guest(sys); });
    }
    return;
  }
  cpu(sys.lpar, 384 + 720);  // IPL to JES and subsystems, at the CPU fraction
  sleep(96 + 180);
  sys.up.fire();
  steady(sys.lpar, 0.3);
}

void build(Site& site, const drsim::bench::SiteSize& n) {
  auto* zone = sg4::create_full_zone("dr-site");
  // every LPAR has 2 logical CPs and weight 100: its fixed share of the pool
  double share = std::min(2.0, double(kPoolCps) / n.systems());
  for (int i = 0; i < n.systems(); ++i) {
    System& s = site.systems.emplace_back();
    s.zvm = i >= n.zos;
    s.name = (s.zvm ? "VM" : "ZOS") + std::to_string(s.zvm ? i - n.zos : i);
    s.lpar = zone->create_host("lpar-" + s.name, share * kFlopsPerCp)->set_core_count(2);
    s.volumes_left = n.volumes;
    if (!s.zvm) continue;
    int v = i - n.zos;
    s.paging = zone->create_host("paging-" + s.name, kPagingBps);
    s.pages = v % 2 == 1;  // half the z/VMs are overcommitted
    s.guests = n.guests_of(v);
  }
  site.dasd = zone->create_host("dasd", n.dasd_MBps > 0 ? n.dasd_MBps * 1e6 : kDasdBps);
  site.control = zone->create_host("control", 1.0);
  zone->seal();
  for (auto& s : site.systems) {
    if (s.zvm) s.zos = &site.systems[std::stoi(s.name.substr(2)) % n.zos];
    for (int k = 0; k < n.volumes; ++k) site.queue.push_back(&s);
  }
  for (size_t k = 0; k < site.queue.size(); ++k) site.items->release();
}

}  // namespace

int main(int argc, char** argv) {
  int total = 5000, per_vm = 50;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--total"))
      total = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--per-vm"))
      per_vm = std::atoi(argv[i + 1]);
  }
  auto t0 = std::chrono::steady_clock::now();
  sg4::Engine engine(&argc, argv);
  xbt_log_control_set("root.thres:critical");
  sg4::Engine::set_config("cpu/optim:Lazy");
  sg4::Engine::set_config("contexts/stack-size", 128);
  drsim::bench::SiteSize n = drsim::bench::proportional(total, per_vm);
  Site site;
  build(site, n);
  for (int d = 0; d < n.drives; ++d)
    sg4::Actor::create("drive" + std::to_string(d), site.control, [&site] { drive(site); });
  for (auto& s : site.systems)
    sg4::Actor::create("ipl-" + s.name, site.control, [&site, &s] { ipl(site, s); });
  engine.run_until(kEnd);
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("peer: %d guests (%d per z/VM), %d z/VM, %d z/OS, %d volumes, %d drives\n", n.total,
              n.guests, n.vms, n.zos, n.volumes * n.systems(), n.drives);
  std::printf("simulate: %.3f s, events %lld\n", wall, events);
  std::fflush(stdout);
  std::_Exit(0);  // actors still blocked at the end hold SimGrid objects: leave them to exit
}
