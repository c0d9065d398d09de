// z/OS and z/VM IPLs, guest XAUTOLOG, boot and application start with paging, network
// needs (blocked / waiting), forced logoffs and the steady load of running systems.
#include <algorithm>
#include <cmath>

#include "models/cpu.hpp"
#include "models/finding.hpp"
#include "models/paging.hpp"
#include "models/startup.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {
namespace {

constexpr int kSlices =
    2;  ///< boot/app work is split so paging and CPU interleave (docs/engine.md)

const GuestSpec& gspec(const World& w, int gi) {
  return *w.topo.guests[static_cast<size_t>(gi)].spec;
}
Lane& guest_lane(World& w, int gi) {
  return w.lanes[w.guest_lane0 + static_cast<size_t>(gi)];
}

double guest_multiplier(const World& w, int gi) {
  const GuestNode& n = w.topo.guests[static_cast<size_t>(gi)];
  auto cls = n.spec->kind == GuestKind::Linux ? WorkloadClass::Linux : WorkloadClass::Cms;
  return sie_cpu_multiplier(n.sie_level, cls, w.sc->params.cpu);
}

/// CPU work with page faults, in slices: after each CPU slice the guest faults in the pages
/// that slice touched, at the VM's fault rate averaged over the time the slice ran.
void work_with_paging(World& w, int gi, const Work& work) {
  GuestLive& g = w.guests[static_cast<size_t>(gi)];
  int zi = guest_zvm(w, gi);
  Zvm& z = w.zvms[static_cast<size_t>(zi)];
  double mult = guest_multiplier(w, gi);
  for (int k = 0; k < kSlices; ++k) {
    double slice = work.cpu_s / kSlices;
    double t0 = w.now(), faults0 = z.fault_rate.integral(t0);
    run_cpu(w, z.container, slice * mult, 1, &g, z.vcpus);
    double t1 = w.now();
    double rate =
        t1 > t0 ? (z.fault_rate.integral(t1) - faults0) / (t1 - t0) : z.fault_rate.level();
    run_paging(w, zi, slice * rate, &g);
  }
  sleep_for(w, work.wait_s);
}

struct NeedState {
  enum Kind { Ok, Pending, Missing } kind = Ok;
  std::string code, reason;
};

bool addresses_ok(const World& w, int zi, const std::string& prod_devices,
                  const std::string& dr_devices) {
  if (prod_devices == dr_devices || dr_devices.empty()) return true;
  const Zvm& z = w.zvms[static_cast<size_t>(zi)];
  if (z.node.system.empty()) return true;  // the vendor's VM: the vendor defined its own
  return z.reconfigured_at_generation >= 0 && z.generation > z.reconfigured_at_generation;
}

template <class T>
const T* by_name(const std::vector<T>& v, const std::string& name) {
  for (const auto& x : v)
    if (x.name == name) return &x;
  return nullptr;
}

NeedState check_hipersocket(const World& w, int zi, const std::string& hs) {
  auto it = w.hipersocket_defined.find(hs);
  if (it == w.hipersocket_defined.end() || !it->second)
    return {NeedState::Missing, code::kMissingHipersockets,
            "Hipersocket " + hs + " has no definition at the DR site"};
  const auto* prod = by_name(w.sc->production.networks.hipersockets, hs);
  const auto* dr = by_name(w.sc->dr_site.networks.hipersockets, hs);
  if (prod && dr && !addresses_ok(w, zi, prod->devices, dr->devices))
    return {NeedState::Missing, code::kDeviceAddressChange,
            "Hipersocket " + hs + " is at devices " + dr->devices + " at DR (" + prod->devices +
                " in production): SYSTEM CONFIG change and re-IPL needed"};
  return {};
}

NeedState check_vswitch(const World& w, int zi, const std::string& vs) {
  auto at = w.vswitch_at_dr.find(vs);
  if (at == w.vswitch_at_dr.end() || !at->second)
    return {NeedState::Missing, code::kMissingVswitchController,
            "VSWITCH " + vs + " is not defined at DR"};
  const auto& ctl = w.vswitch_controllers.at(vs);
  if (ctl.empty())
    return {NeedState::Missing, code::kMissingVswitchController,
            "VSWITCH " + vs + " has no controller userid at DR: no OSA uplink"};
  const auto* prod = by_name(w.sc->production.networks.vswitches, vs);
  if (prod) {
    const auto* posa = by_name(w.sc->production.networks.osas, prod->osa);
    const auto* dosa = by_name(w.sc->dr_site.networks.osas, prod->osa);
    if (posa && dosa && !addresses_ok(w, zi, posa->devices, dosa->devices))
      return {NeedState::Missing, code::kDeviceAddressChange,
              "OSA " + posa->name + " of VSWITCH " + vs + " is at " + dosa->devices + " at DR (" +
                  posa->devices + " in production): SYSTEM CONFIG change and re-IPL needed"};
  }
  if (w.zvms[static_cast<size_t>(zi)].node.system.empty()) return {};  // vendor-run controllers
  bool any_planned = false;
  for (const auto& c : ctl) {
    int ci = w.topo.find_guest(c);
    if (ci < 0) continue;
    if (w.guests[static_cast<size_t>(ci)].state == GuestState::Up) return {};
    any_planned = any_planned || w.guest_planned[static_cast<size_t>(ci)];
  }
  if (!any_planned)
    return {NeedState::Missing, code::kMissingVswitchController,
            "no controller of VSWITCH " + vs + " is logged on, and the plan starts none"};
  return {NeedState::Pending, "", "waiting for a VSWITCH controller of " + vs};
}

NeedState check_needs(const World& w, int gi) {
  const GuestSpec& g = gspec(w, gi);
  int zi = guest_zvm(w, gi);
  std::vector<NeedState> found;
  if (g.needs.hipersocket) found.push_back(check_hipersocket(w, zi, *g.needs.hipersocket));
  if (g.needs.vswitch) found.push_back(check_vswitch(w, zi, *g.needs.vswitch));
  if (g.needs.router) {
    int ri = w.topo.find_guest(*g.needs.router);
    if (ri < 0 || !w.topo.guests[static_cast<size_t>(ri)].at_dr ||
        !w.guest_planned[static_cast<size_t>(ri)])
      found.push_back({NeedState::Missing, code::kMissingHipersocketRouter,
                       "the Hipersocket router " + *g.needs.router + " is never started"});
    else if (w.guests[static_cast<size_t>(ri)].state != GuestState::Up)
      found.push_back(
          {NeedState::Pending, "", "waiting for the Hipersocket router " + *g.needs.router});
  }
  for (const auto& zos : g.needs.zos) {
    int si = w.topo.find_system(zos);
    if (si >= 0 && !w.systems[static_cast<size_t>(si)].up)
      found.push_back({NeedState::Pending, "", "waiting for z/OS " + zos});
  }
  for (const auto& f : found)
    if (f.kind == NeedState::Missing) return f;
  for (const auto& f : found)
    if (f.kind == NeedState::Pending) return f;
  return {};
}

void set_steady(World& w, int gi, bool on) {
  GuestLive& g = w.guests[static_cast<size_t>(gi)];
  if (g.steady_added == on) return;
  Zvm& z = w.zvms[static_cast<size_t>(guest_zvm(w, gi))];
  double sign = on ? 1.0 : -1.0;
  if (on) {
    g.steady_fault = gspec(w, gi).steady_cpu;
    g.steady_cpu = g.steady_fault * guest_multiplier(w, gi);
  }
  z.steady_cpu = std::max(0.0, z.steady_cpu + sign * g.steady_cpu);
  z.steady_fault_cpu = std::max(0.0, z.steady_fault_cpu + sign * g.steady_fault);
  g.steady_added = on;
  poke_zvm(w, guest_zvm(w, gi));
}

void become_up(World& w, int gi) {
  GuestLive& g = w.guests[static_cast<size_t>(gi)];
  Lane& lane = guest_lane(w, gi);
  g.state = GuestState::Up;
  if (!lane.result().up_s) lane.result().up_s = w.now();
  lane.begin("up", w.now());
  set_steady(w, gi, true);
  if (gspec(w, gi).role != GuestRole::None) w.notify_network();
  w.fire("up:" + gspec(w, gi).name);
}

void wait_for_needs(World& w, int gi) {
  GuestLive& g = w.guests[static_cast<size_t>(gi)];
  Lane& lane = guest_lane(w, gi);
  for (;;) {
    NeedState n = check_needs(w, gi);
    if (n.kind == NeedState::Ok) return;
    if (n.kind == NeedState::Missing) {
      g.state = GuestState::Blocked;
      lane.begin("blocked", w.now(), n.reason);
      lane.result().blocked_by = n.code;
      lane.result().reason = n.reason;
      w.note_blocked(n.code);
    } else {
      g.state = GuestState::Waiting;
      lane.begin("waiting", w.now(), n.reason);
      lane.result().reason = n.reason;
    }
    set_steady(w, gi, true);  // a booted guest idles along while it waits
    w.net_waiters.push_back(gi);
    g.wake->acquire();
  }
}

void guest_actor(World* w, int gi) {
  GuestLive& g = w->guests[static_cast<size_t>(gi)];
  const GuestSpec& spec = gspec(*w, gi);
  const IplParams& ip = w->sc->params.ipl;
  Lane& lane = guest_lane(*w, gi);
  g.state = GuestState::Starting;
  lane.result().reason.clear();
  lane.result().blocked_by.clear();
  if (spec.kind == GuestKind::Cms) {
    lane.begin("logon", w->now());
    work_with_paging(*w, gi, cms_logon(ip));
  } else {
    lane.begin("boot", w->now());
    work_with_paging(*w, gi, linux_boot(ip, spec.boot_s, true));
    for (const auto& t : w->sc->backups.tsm) {
      if (t.guest != spec.name || t.rate_Bps <= 0) continue;
      lane.begin("tsm-restore", w->now(), "TSM incrementals");
      sleep_for(*w, t.bytes / t.rate_Bps);
    }
    Work app = app_start(ip, spec.app_start_s);
    if (app.cpu_s + app.wait_s > 0) {
      lane.begin("app-start", w->now());
      work_with_paging(*w, gi, app);
    }
  }
  wait_for_needs(*w, gi);
  lane.result().reason.clear();
  lane.result().blocked_by.clear();
  become_up(*w, gi);
}

void logon(World& w, int gi) {
  GuestLive& g = w.guests[static_cast<size_t>(gi)];
  Zvm& z = w.zvms[static_cast<size_t>(guest_zvm(w, gi))];
  g.logged_on = true;
  z.ws_logged_on += w.topo.guests[static_cast<size_t>(gi)].ws_bytes;
  memory_changed(w, guest_zvm(w, gi));
  g.wake = sg4::Semaphore::create(0);
  g.actor = sg4::Actor::create(gspec(w, gi).name, w.control, guest_actor, &w, gi);
}

/// z/VM: IPL work, then up; guests logged on before are logged off first (re-IPL).
void ipl_zvm(World& w, int si, const std::string& why) {
  const SystemNode& node = w.topo.systems[static_cast<size_t>(si)];
  Zvm& z = w.zvms[static_cast<size_t>(node.zvm)];
  Lane& lane = w.lanes[static_cast<size_t>(si)];
  z.up = false;
  lane.begin("ipl", w.now(), why);
  Work work = zvm_ipl(w.sc->params.ipl, node.spec->ipl_s);
  double mult = sie_cpu_multiplier(node.sie_level, WorkloadClass::Zvm, w.sc->params.cpu);
  run_cpu(w, w.system_container[static_cast<size_t>(si)], work.cpu_s * mult, 1, nullptr,
          w.system_vcpus[static_cast<size_t>(si)]);
  sleep_for(w, work.wait_s);
  z.up = true;
  z.generation += 1;
  w.systems[static_cast<size_t>(si)].up = true;
  w.result.vm_ipls[node.spec->name] += 1;
  if (!lane.result().up_s) lane.result().up_s = w.now();
  lane.begin("up", w.now());
  z.steady_cpu += node.spec->steady_cpu * mult;
  poke_zvm(w, node.zvm);
  w.fire("up:" + node.spec->name);
  w.notify_network();
}

void ipl_zos(World& w, int si, const std::string& why) {
  const SystemNode& node = w.topo.systems[static_cast<size_t>(si)];
  Lane& lane = w.lanes[static_cast<size_t>(si)];
  int c = w.system_container[static_cast<size_t>(si)];
  auto vcpus = w.system_vcpus[static_cast<size_t>(si)];
  double mult = sie_cpu_multiplier(node.sie_level, WorkloadClass::Zos, w.sc->params.cpu);
  lane.begin("ipl", w.now(), why);
  Work ipl = zos_ipl(w.sc->params.ipl, node.spec->ipl_s);
  run_cpu(w, c, ipl.cpu_s * mult, 1, nullptr, vcpus);
  sleep_for(w, ipl.wait_s);
  lane.begin("app-start", w.now(), "subsystems: JES2, DB2, CICS, TCP/IP");
  Work sub = zos_subsystems(w.sc->params.ipl, node.spec->subsystems_s);
  run_cpu(w, c, sub.cpu_s * mult, 1, nullptr, vcpus);
  sleep_for(w, sub.wait_s);
  w.systems[static_cast<size_t>(si)].up = true;
  if (!lane.result().up_s) lane.result().up_s = w.now();
  lane.begin("up", w.now());
  for (auto& l : w.zos_loads) {
    if (l.system != si) continue;
    l.steady_cpu = node.spec->steady_cpu * mult;
    l.park.poke();
  }
  w.fire("up:" + node.spec->name);
  w.notify_network();
}

/// The steady load of one group as a persistent CPU demand: `threads` bounded execs that
/// run until the load changes, so the PR/SM controller sees one change per load change
/// rather than two per period.
class SteadyCpu {
 public:
  void set(World& w, int container, double cps, int limit) {
    int threads =
        cps > 0 ? std::clamp(static_cast<int>(std::ceil(cps - 1e-9)), 1, std::max(1, limit)) : 0;
    double demand = std::min(cps, static_cast<double>(threads));
    if (container == container_ && std::fabs(demand - demand_) < 1e-12) return;
    for (auto& e : execs_) e->cancel();
    execs_.clear();
    if (container_ >= 0 && demand_ > 0) cpu_change(w, container_, -demand_);
    container_ = container, demand_ = demand;
    if (demand <= 0) return;
    cpu_change(w, container, demand);
    sg4::Host* host = w.containers[static_cast<size_t>(container)].host;
    for (int t = 0; t < threads; ++t) {
      sg4::ExecPtr e = sg4::Exec::init();
      e->set_flops_amount(1e30);
      e->set_host(host);
      e->set_bound(demand / threads * w.flops_per_cp_dr);
      e->start();
      execs_.push_back(e);
      ++w.activities;
    }
  }

 private:
  std::vector<sg4::ExecPtr> execs_;
  int container_ = -1;
  double demand_ = 0;
};

void steady_actor(World* w, int zvm, int zos_load) {
  const double period = 300;
  SteadyCpu steady;
  for (;;) {
    double t0 = w->now();
    double cpu = 0, fault = 0;
    int container = -1, limit = 1;
    if (zvm >= 0) {
      Zvm& z = w->zvms[static_cast<size_t>(zvm)];
      cpu = z.steady_cpu, fault = z.steady_fault_cpu, container = z.container;
      limit = z.node.virtual_cpus > 0 ? z.node.virtual_cpus
                                      : w->containers[static_cast<size_t>(container)].logical;
    } else {
      const ZosLoad& l = w->zos_loads[static_cast<size_t>(zos_load)];
      cpu = l.steady_cpu;
      container = l.system >= 0 ? w->system_container[static_cast<size_t>(l.system)] : l.container;
      int vc = l.system >= 0 ? w->topo.systems[static_cast<size_t>(l.system)].virtual_cpus : 0;
      limit = vc > 0 ? vc : w->containers[static_cast<size_t>(container)].logical;
    }
    steady.set(*w, container, cpu, limit);
    double pages = 0;
    if (zvm >= 0 && fault > 0) {
      Zvm& z = w->zvms[static_cast<size_t>(zvm)];
      pages = fault * period * z.fault_rate.level();
    }
    if (pages <= 0) {  // nothing pages: the CPU demand runs by itself until the load changes
      (zvm >= 0 ? w->zvms[static_cast<size_t>(zvm)].park
                : w->zos_loads[static_cast<size_t>(zos_load)].park)
          .wait();
      continue;
    }
    run_paging(*w, zvm, pages, nullptr);  // the guests' page faults over the period
    sleep_for(*w, period - (w->now() - t0));
  }
}

/// A guest's minidisks are on its production VM's packs: under the vendor's VM (option 2)
/// nothing else waits for them, so the guest does.
void wait_guest_volumes(World& w, int gi) {
  int si = w.topo.find_system(gspec(w, gi).vm);
  if (si >= 0) wait_restored(w, si);
}

}  // namespace

int guest_zvm(const World& w, int guest) {
  return w.topo.guests[static_cast<size_t>(guest)].zvm;
}

void ipl_system(World& w, int si, const std::string& why) {
  const SystemNode& node = w.topo.systems[static_cast<size_t>(si)];
  if (!node.placed) return;
  wait_restored(w, si);
  if (node.spec->kind == SystemKind::Zos)
    ipl_zos(w, si, why);
  else
    ipl_zvm(w, si, why);
}

void reconfigure_system(World& w, int si, std::optional<double> duration) {
  const SystemNode& node = w.topo.systems[static_cast<size_t>(si)];
  if (!node.placed || node.zvm < 0) return;
  Lane& lane = w.lanes[static_cast<size_t>(si)];
  lane.begin("reconfigure", w.now(), "SYSTEM CONFIG / TCPIP PROFILE for DR device numbers");
  sleep_for(w, duration.value_or(w.sc->params.ipl.reconfigure_s));
  Zvm& z = w.zvms[static_cast<size_t>(node.zvm)];
  z.reconfigured_at_generation = z.generation;
  lane.begin(z.up ? "up" : "waiting", w.now());
}

void xautolog(World& w, const std::vector<int>& guests, double stagger) {
  bool first = true;
  for (int gi : guests) {
    const GuestNode& n = w.topo.guests[static_cast<size_t>(gi)];
    GuestLive& g = w.guests[static_cast<size_t>(gi)];
    if (!n.at_dr || g.logged_on || g.operator_forced) continue;
    const Zvm& z = w.zvms[static_cast<size_t>(n.zvm)];
    if (!z.up) w.wait_event("up:" + z.node.name);
    wait_guest_volumes(w, gi);
    if (!first) sleep_for(w, stagger);
    first = false;
    if (!g.operator_forced && !g.logged_on) logon(w, gi);
  }
}

void force_off(World& w, int gi, const std::string& why, bool by_operator) {
  GuestLive& g = w.guests[static_cast<size_t>(gi)];
  if (by_operator) g.operator_forced = true;
  if (!g.logged_on) return;
  if (g.actor && g.state != GuestState::Up) g.actor->kill();
  g.actor = nullptr;
  if (g.exec_container >= 0) cpu_change(w, g.exec_container, -g.exec_threads);
  Zvm& z = w.zvms[static_cast<size_t>(guest_zvm(w, gi))];
  if (g.holds_token && z.vcpus) z.vcpus->release();
  if (g.io_zvm >= 0 && --z.io_in_flight == 0) z.paging_busy.set(w.now(), 0.0);
  g.exec_container = -1, g.holds_token = false, g.io_zvm = -1;
  w.net_waiters.erase(std::remove(w.net_waiters.begin(), w.net_waiters.end(), gi),
                      w.net_waiters.end());
  set_steady(w, gi, false);
  z.ws_logged_on = std::max(0.0, z.ws_logged_on - w.topo.guests[static_cast<size_t>(gi)].ws_bytes);
  memory_changed(w, guest_zvm(w, gi));
  g.logged_on = false;
  bool was_role_up = g.state == GuestState::Up && gspec(w, gi).role != GuestRole::None;
  g.state = by_operator ? GuestState::ForcedOff : GuestState::Off;
  Lane& lane = guest_lane(w, gi);
  if (by_operator)
    lane.begin("forced-off", w.now(), why);
  else
    lane.begin("waiting", w.now(), why);
  lane.result().reason = why;
  lane.result().blocked_by.clear();
  if (was_role_up) w.notify_network();
}

void memory_changed(World& w, int zvm) {
  Zvm& z = w.zvms[static_cast<size_t>(zvm)];
  z.fault_rate.set(
      w.now(), fault_pages_per_cpu_s(overcommit_ratio(z.ws_logged_on, z.real_bytes, z.xstor_bytes),
                                     w.sc->params.paging));
}

void poke_zvm(World& w, int zvm) {
  if (zvm < 0) return;
  w.zvms[static_cast<size_t>(zvm)].park.poke();
}

void start_steady_loads(World& w) {
  for (size_t z = 0; z < w.zvms.size(); ++z)
    sg4::Actor::create("steady-" + w.zvms[z].node.name, w.control, steady_actor, &w,
                       static_cast<int>(z), -1);
  for (size_t s = 0; s < w.topo.systems.size(); ++s) {
    const SystemNode& n = w.topo.systems[s];
    if (!n.placed || n.spec->kind != SystemKind::Zos) continue;
    ZosLoad load;
    load.system = static_cast<int>(s);
    w.zos_loads.push_back(load);
  }
  for (size_t li = 0; li < w.topo.lpars.size(); ++li) {
    if (w.topo.lpars[li].busy_cps <= 0) continue;
    ZosLoad load;
    load.steady_cpu = w.topo.lpars[li].busy_cps;
    load.container = static_cast<int>(li);
    w.zos_loads.push_back(load);
  }
  for (size_t l = 0; l < w.zos_loads.size(); ++l)
    sg4::Actor::create("steady-zos" + std::to_string(l), w.control, steady_actor, &w, -1,
                       static_cast<int>(l));
}

}  // namespace drsim::sim
