// z/OS and z/VM IPLs at the DR site, a z/VM's reconfigure, and a system's final status
// (see system.hpp).
#include "simulator/system.hpp"

#include <cmath>

#include "models/cpu.hpp"
#include "models/startup.hpp"
#include "simulator/activity.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {
namespace {

/// Sleeps the fixed waits of its own work, recorded as `cause`.
void own_wait(World& w, Recorder& rec, double s, attr::Cause cause, const std::string& who) {
  double t = w.now();
  sleep_for(w, s);
  rec.add(cause, t, w.now(), who);
}

}  // namespace

void System::ipl_cpu(World& w, Lpar& where, double cpu_s, double mult, attr::Cause cause) {
  CpuWork what{cause, name(), name() + "'s IPL", cpu_s, mult, node.sie_level, {}};
  if (vcpus) what.vcpus = vcpus_label(name(), node.virtual_cpus, node.sie_level);
  CpuProbe probe(w, where);
  CpuTake take = run_cpu(w, where, cpu_s * mult, 1, nullptr, vcpus, 100, what.who);
  probe.record(w, rec, take, what);
}

void System::ipl(World& w, const std::string& why) {
  if (!node.placed) return;
  w.tape.wait_restored(*this);
  if (node.spec->kind == SystemKind::Zos)
    ipl_zos(w, why);
  else
    ipl_zvm(w, why);
}

/// z/VM: IPL work, then up; guests logged on before were logged off first (re-IPL).
void System::ipl_zvm(World& w, const std::string& why) {
  Zvm& z = *zvm;
  z.up = false;
  lane.begin(Phase::Ipl, w.now(), why);
  Work work = zvm_ipl(w.sc->params.ipl, node.spec->ipl_s);
  double mult = sie_cpu_multiplier(node.sie_level, WorkloadClass::Zvm, w.sc->params.cpu);
  ipl_cpu(w, *lpar, work.cpu_s, mult, attr::Cause::Ipl);
  own_wait(w, rec, work.wait_s, attr::Cause::Ipl, name());
  z.up = true;
  z.generation += 1;
  up = true;
  w.result.vm_ipls[name()] += 1;
  if (!lane.result().up_s) lane.result().up_s = w.now();
  lane.begin(Phase::Up, w.now());
  rec.up(w.now());
  z.steady_cpu += node.spec->steady_cpu * mult;
  z.poke();
  z.came_up.fire();
  w.network.notify();
}

void System::failed_ipl(World& w, Lpar& where, double mult) {
  const IplFailure f = *first_ipl_fails;
  first_ipl_fails.reset();
  Work attempt = zos_ipl(w.sc->params.ipl, f.failed_s);
  ipl_cpu(w, where, attempt.cpu_s, mult, attr::Cause::Ipl);
  own_wait(w, rec, attempt.wait_s, attr::Cause::Ipl, name());
  w.log_event("incident", name(),
              "IPL of " + name() + " ended in a wait state; fixed in " +
                  std::to_string(std::lround(f.fix_s / 60)) + " min, then re-IPLed");
  double t = w.now();
  sleep_for(w, f.fix_s);
  rec.add(attr::Cause::LeadTime, t, w.now(), name(), "fixing a failed IPL (wait state)");
}

void System::ipl_zos(World& w, const std::string& why) {
  Lpar& where = *lpar;  // an operator dedicating CPs meanwhile moves its steady load only
  double mult = sie_cpu_multiplier(node.sie_level, WorkloadClass::Zos, w.sc->params.cpu);
  lane.begin(Phase::Ipl, w.now(), why);
  if (first_ipl_fails) failed_ipl(w, where, mult);
  Work ipl = zos_ipl(w.sc->params.ipl, node.spec->ipl_s);
  ipl_cpu(w, where, ipl.cpu_s, mult, attr::Cause::Ipl);
  own_wait(w, rec, ipl.wait_s, attr::Cause::Ipl, name());
  lane.begin(Phase::AppStart, w.now(), "subsystems: JES2, DB2, CICS, TCP/IP");
  Work sub = zos_subsystems(w.sc->params.ipl, node.spec->subsystems_s);
  ipl_cpu(w, where, sub.cpu_s, mult, attr::Cause::AppStart);
  own_wait(w, rec, sub.wait_s, attr::Cause::AppStart, name());
  up = true;
  if (!lane.result().up_s) lane.result().up_s = w.now();
  lane.begin(Phase::Up, w.now());
  rec.up(w.now());
  if (load) load->set_cpu(node.spec->steady_cpu * mult);
  came_up.fire();
  w.network.notify();
}

void System::reconfigure(World& w, std::optional<double> duration) {
  if (!node.placed || !zvm) return;
  lane.begin(Phase::Reconfigure, w.now(), "SYSTEM CONFIG / TCPIP PROFILE for DR device numbers");
  sleep_for(w, duration.value_or(w.sc->params.ipl.reconfigure_s));
  zvm->reconfigured_at_generation = zvm->generation;
  lane.begin(zvm->up ? Phase::Up : Phase::Waiting, w.now());
}

void System::finish() {
  SystemResult& r = lane.result();
  if (up) {
    r.status = Status::Up;
    r.reason.clear();
    return;
  }
  r.status = Status::NotStarted;
  if (node.mode == PlacementMode::GuestsDirect && node.lpar >= 0)
    r.reason = "not brought up: its guests run directly under the vendor's VM " + r.lpar;
  else if (!node.placed)
    r.reason = "not placed at the DR site";
  else if (!r.planned)
    r.reason = "not in the recovery plan";
  else if (!restore.done)
    r.reason = "its volumes were not restored by the exercise end";
  else
    r.reason = "IPL not finished by the exercise end";
}

}  // namespace drsim::sim
