// z/OS and z/VM IPLs at the DR site, a z/VM's reconfigure, and a system's final status
// (see system.hpp).
#include "simulator/system.hpp"

#include "models/cpu.hpp"
#include "models/startup.hpp"
#include "simulator/activity.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {

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
  run_cpu(w, *lpar, work.cpu_s * mult, 1, nullptr, vcpus);
  sleep_for(w, work.wait_s);
  z.up = true;
  z.generation += 1;
  up = true;
  w.result.vm_ipls[name()] += 1;
  if (!lane.result().up_s) lane.result().up_s = w.now();
  lane.begin(Phase::Up, w.now());
  z.steady_cpu += node.spec->steady_cpu * mult;
  z.poke();
  z.came_up.fire();
  w.network.notify();
}

void System::failed_ipl(World& w, Lpar& where, double mult) {
  const IplFailure f = *first_ipl_fails;
  first_ipl_fails.reset();
  Work attempt = zos_ipl(w.sc->params.ipl, f.failed_s);
  run_cpu(w, where, attempt.cpu_s * mult, 1, nullptr, vcpus);
  sleep_for(w, attempt.wait_s);
  w.log_event("incident", name(),
              "IPL of " + name() + " ended in a wait state; fixed in " +
                  std::to_string(static_cast<int>(f.fix_s / 60 + 0.5)) + " min, then re-IPLed");
  sleep_for(w, f.fix_s);
}

void System::ipl_zos(World& w, const std::string& why) {
  Lpar& where = *lpar;  // an operator dedicating CPs meanwhile moves its steady load only
  double mult = sie_cpu_multiplier(node.sie_level, WorkloadClass::Zos, w.sc->params.cpu);
  lane.begin(Phase::Ipl, w.now(), why);
  if (first_ipl_fails) failed_ipl(w, where, mult);
  Work ipl = zos_ipl(w.sc->params.ipl, node.spec->ipl_s);
  run_cpu(w, where, ipl.cpu_s * mult, 1, nullptr, vcpus);
  sleep_for(w, ipl.wait_s);
  lane.begin(Phase::AppStart, w.now(), "subsystems: JES2, DB2, CICS, TCP/IP");
  Work sub = zos_subsystems(w.sc->params.ipl, node.spec->subsystems_s);
  run_cpu(w, where, sub.cpu_s * mult, 1, nullptr, vcpus);
  sleep_for(w, sub.wait_s);
  up = true;
  if (!lane.result().up_s) lane.result().up_s = w.now();
  lane.begin(Phase::Up, w.now());
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
