// A guest's start-up (boot or logon, TSM restore, application start with paging, network
// needs), its steady load, XAUTOLOG and forced logoff (see guest.hpp).
#include "simulator/guest.hpp"

#include <algorithm>
#include <simgrid/Exception.hpp>

#include "models/cpu.hpp"
#include "models/startup.hpp"
#include "simulator/activity.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {
namespace {

constexpr int kSlices =
    2;  ///< boot/app work is split so paging and CPU interleave (docs/engine.md)

}  // namespace

double Guest::multiplier(const World& w) const {
  auto cls = spec().kind == GuestKind::Linux ? WorkloadClass::Linux : WorkloadClass::Cms;
  return sie_cpu_multiplier(node.sie_level, cls, w.sc->params.cpu);
}

/// CPU work with page faults, in slices: after each CPU slice the guest faults in the pages
/// that slice touched, at the VM's fault rate averaged over the time the slice ran.
bool Guest::work_with_paging(World& w, const Work& work, attr::Cause cause, int run) {
  Zvm& z = *zvm;
  double mult = multiplier(w);
  doing_ = cause;
  static const attr::Text kStarting("guests starting");
  CpuWork what{cause, text, kStarting, work.cpu_s / kSlices, mult, node.sie_level, {}};
  if (z.vcpus) what.vcpus = vcpus_label(z.node.name, z.node.virtual_cpus, node.sie_level);
  for (int k = 0; k < kSlices; ++k) {
    double slice = work.cpu_s / kSlices;
    double t0 = w.now(), faults0 = z.fault_rate.integral(t0);
    CpuProbe probe(w, *z.lpar);
    CpuTake take = run_cpu(w, *z.lpar, slice * mult, 1, &holding_, z.vcpus, share_weight, what.who);
    if (gone(run)) return false;
    probe.record(w, rec, take, what);
    double t1 = w.now();
    double rate =
        t1 > t0 ? (z.fault_rate.integral(t1) - faults0) / (t1 - t0) : z.fault_rate.level();
    z.page_in(w, slice * rate, &holding_);
    if (gone(run)) return false;
    rec.add(attr::Cause::Paging, t1, w.now(), z.paging_volumes);
  }
  double t2 = w.now();
  asleep_ = true;
  sleep_for(w, work.wait_s);
  if (gone(run)) return false;
  asleep_ = false;
  rec.add(cause, t2, w.now(), text);
  return true;
}

void Guest::set_steady(World& w, bool on) {
  if (steady_added_ == on) return;
  Zvm& z = *zvm;
  double sign = on ? 1.0 : -1.0;
  if (on) {
    steady_fault_ = spec().steady_cpu;
    steady_cpu_ = steady_fault_ * multiplier(w);
  }
  z.steady_cpu = std::max(0.0, z.steady_cpu + sign * steady_cpu_);
  z.steady_fault_cpu = std::max(0.0, z.steady_fault_cpu + sign * steady_fault_);
  steady_added_ = on;
  z.poke();
}

void Guest::become_up(World& w) {
  state = GuestState::Up;
  if (!lane.result().up_s) lane.result().up_s = w.now();
  lane.begin(Phase::Up, w.now());
  rec.up(w.now());
  set_steady(w, true);
  if (spec().role != GuestRole::None) w.network.notify();
  came_up.fire();
}

bool Guest::wait_for_needs(World& w, int run) {
  for (;;) {
    std::vector<NeedState> needs = w.network.check(w, *this);
    if (needs.empty()) return true;
    const NeedState& n = needs.front();
    lane.result().missing.clear();
    if (n.kind == NeedState::Missing) {
      state = GuestState::Blocked;
      std::string reasons;
      for (const auto& m : needs) {
        if (m.kind != NeedState::Missing) continue;
        reasons += (reasons.empty() ? "" : "; ") + m.reason;
        lane.result().missing.push_back({m.code, m.reason});
        w.note_blocked(m.code);
      }
      lane.begin(Phase::Blocked, w.now(), reasons);
      lane.result().blocked_by = n.code;
      lane.result().reason = reasons;
      rec.open(segment(attr::Cause::Blocked, w.now(), w.now(), n.resource, n.code));
    } else {
      state = GuestState::Waiting;
      lane.begin(Phase::Waiting, w.now(), n.reason);
      lane.result().reason = n.reason;
      attr::Segment s = segment(attr::Cause::Predecessor, w.now(), w.now(), n.resource, n.reason);
      s.gate = n.gate;
      rec.open(s);
    }
    set_steady(w, true);  // a booted guest idles along while it waits
    w.network.wait(*this);
    if (gone(run)) return false;
    rec.close(w.now());
  }
}

/// The start-up's body; it returns at once when its logon was forced off meanwhile.
void Guest::start_up(World& w, int run) {
  if (gone(run)) return;  // forced off before its crew member began
  const IplParams& ip = w.sc->params.ipl;
  state = GuestState::Starting;
  lane.result().reason.clear();
  lane.result().blocked_by.clear();
  if (spec().kind == GuestKind::Cms) {
    lane.begin(Phase::Logon, w.now());
    if (!work_with_paging(w, cms_logon(ip), attr::Cause::Boot, run)) return;
  } else {
    lane.begin(Phase::Boot, w.now());
    if (!work_with_paging(w, linux_boot(ip, spec().boot_s, true), attr::Cause::Boot, run)) return;
    for (const auto& t : w.sc->backups.tsm) {
      if (t.guest != name() || t.rate_Bps <= 0) continue;
      lane.begin(Phase::TsmRestore, w.now(), "TSM incrementals");
      double t0 = w.now();
      doing_ = attr::Cause::TsmRestore;
      asleep_ = true;
      sleep_for(w, t.bytes / t.rate_Bps);
      if (gone(run)) return;
      asleep_ = false;
      static const attr::Text kTsm("TSM incrementals");
      rec.add(attr::Cause::TsmRestore, t0, w.now(), text, kTsm);
    }
    Work app = app_start(ip, spec().app_start_s);
    if (app.cpu_s + app.wait_s > 0) {
      lane.begin(Phase::AppStart, w.now());
      if (!work_with_paging(w, app, attr::Cause::AppStart, run)) return;
    }
  }
  if (!wait_for_needs(w, run)) return;
  lane.result().reason.clear();
  lane.result().blocked_by.clear();
  lane.result().missing.clear();
  become_up(w);
}

void Guest::logon(World& w) {
  logged_on = true;
  logged_on_at = w.now();
  zvm->ws_logged_on += node.ws_bytes;
  zvm->memory_changed(w);
  wake = nullptr;  // a fresh one per logon, made at its first network wait (Network::wait)
  member_ = w.crew.run(w.control, name(), [this, &w, run = ++run_] {
    try {
      start_up(w, run);
    } catch (const simgrid::CancelException&) {  // forced off while it waited for an exec
    }
    if (!gone(run)) member_ = nullptr;  // its crew member goes on to other jobs
  });
}

void Guest::force_off(World& w, const std::string& why, bool by_operator,
                      const std::string& reaction) {
  if (by_operator) operator_forced = true;
  if (!logged_on) return;
  if (by_operator) {
    SystemResult::ForcedOff f;
    if (state == GuestState::Up && lane.in(Phase::Up))
      f.up_from_s = lane.result().phases.back().start_s;
    f.off_s = w.now();
    f.by = reaction;
    lane.result().forced_off = f;
  }
  if (state == GuestState::Starting && rec.cursor() < w.now())  // its work so far is lost
    rec.add(doing_, rec.cursor(), w.now(), text, "lost: logged off before it was up");
  if (by_operator)
    rec.open(segment(attr::Cause::ForcedOff, w.now(), w.now(), reaction, why));
  else if (System* vm = w.find_system(spec().vm)) {
    attr::Segment wait = segment(attr::Cause::Predecessor, w.now(), w.now(), vm->name(), why);
    wait.gate = vm->name();  // its z/VM restarts it once up again
    rec.open(wait);
  } else
    rec.close(w.now());
  if (member_ && state != GuestState::Up) {
    // its start-up ends where it waits, in one SimGrid call as a kill was, so that the other
    // actors of this instant run in the same order: a sleep runs out (a yield here), its exec
    // is cancelled here, or its wait for a network change ends below; else (a virtual-CP
    // queue, or woken but not yet run) its crew member is killed. (Waking it from a
    // virtual-CP queue changed year 1's results: not done.)
    if (asleep_)
      sg4::this_actor::yield();
    else if (!holding_.interrupt() && !w.network.waiting(*this))
      member_->kill();
  }
  member_ = nullptr;
  asleep_ = false;
  ++run_;  // its start-up, if any, stops touching anything
  holding_.release(w.prsm);
  if (w.network.forget(*this)) wake->release();
  set_steady(w, false);
  zvm->ws_logged_on = std::max(0.0, zvm->ws_logged_on - node.ws_bytes);
  zvm->memory_changed(w);
  logged_on = false;
  bool was_role_up = state == GuestState::Up && spec().role != GuestRole::None;
  state = by_operator ? GuestState::ForcedOff : GuestState::Off;
  if (by_operator)
    lane.begin(Phase::ForcedOff, w.now(), why);
  else
    lane.begin(Phase::Waiting, w.now(), why);
  lane.result().reason = why;
  lane.result().blocked_by.clear();
  lane.result().missing.clear();
  if (was_role_up) w.network.notify();
}

void Guest::finish() {
  SystemResult& r = lane.result();
  switch (state) {
    case GuestState::Up:
      r.status = Status::Up;
      r.reason.clear();
      r.blocked_by.clear();
      return;
    case GuestState::Blocked:
      r.status = Status::Blocked;
      return;
    case GuestState::Waiting:
      r.status = Status::Degraded;
      return;
    case GuestState::Starting:
      r.status = Status::Degraded;
      r.reason = "still starting at the exercise end";
      return;
    case GuestState::ForcedOff:
      r.status = Status::ForcedOff;
      return;
    case GuestState::Off:
      break;
  }
  r.status = Status::NotStarted;
  if (!node.at_dr)
    r.reason = "not at the DR site";
  else if (!r.planned)
    r.reason = "not in the recovery plan";
  else if (r.reason.empty())
    r.reason = "never logged on (its VM was not up)";
}

void xautolog(World& w, const std::vector<Guest*>& guests, double stagger, const std::string& by) {
  // the texts of its waits, interned once (a Text is a lookup in the process's pool)
  static const attr::Text kInOrder("XAUTOLOG in order, after the guests before it"),
      kVmUp("waiting for its z/VM to come up"),
      kMinidisks("waiting for its minidisks to be restored"), kStagger("XAUTOLOG stagger"), kNone;
  const attr::Text issuer(by);
  bool first = true;
  const double issued = w.now();
  for (Guest* g : guests) {
    if (!g->node.at_dr || g->logged_on || g->operator_forced) continue;
    System* vm = w.find_system(g->spec().vm);
    const attr::Text vm_name(vm ? vm->name() : g->spec().vm);
    Recorder& rec = g->rec;
    rec.wait(issued, w.now(), issuer, kInOrder);
    double t = w.now();
    if (!g->zvm->up) g->zvm->came_up.wait();
    rec.wait(t, w.now(), vm_name, kVmUp, vm ? vm_name : kNone, w.now());
    // its minidisks are on its production VM's packs: under the vendor's VM nothing else
    // waits for them, so the guest does
    t = w.now();
    if (vm) w.tape.wait_restored(*vm);
    if (vm) rec.wait(t, w.now(), vm_name, kMinidisks, vm_name, vm->restore.end);
    t = w.now();
    if (!first) sleep_for(w, stagger);
    rec.wait(t, w.now(), issuer, kStagger);
    first = false;
    if (!g->operator_forced && !g->logged_on) g->logon(w);
  }
}

}  // namespace drsim::sim
