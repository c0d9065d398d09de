// simulate(): builds the world, runs SimGrid to the exercise end, and collects the Result.
#include "simulator/engine.hpp"

#include <sys/wait.h>
#include <unistd.h>
#include <xbt/log.h>

#include <cstdio>
#include <stdexcept>

#include "models/config_check.hpp"
#include "simulator/world.hpp"

namespace drsim {
namespace sim {
namespace {

void configure_simgrid() {
  xbt_log_control_set("root.thres:critical");
  xbt_log_control_set("root.app:file:/dev/null");
  sg4::Engine::set_config("network/model:CM02");
  sg4::Engine::set_config("network/crosstraffic", false);
  sg4::Engine::set_config("cpu/optim:Lazy");
  // Actors are shallow (no JSON, no recursion): 128 KiB stacks, each behind a guard page so an
  // overflow crashes instead of corrupting. 5,000 guests: 170 MiB RSS (bench/scale).
  sg4::Engine::set_config("contexts/stack-size", 128);
}

const char* guest_kind(const GuestSpec& g) {
  return g.kind == GuestKind::Linux ? "linux" : "cms";
}

void make_lanes(World& w) {
  const Scenario& sc = *w.sc;
  std::string machine = "DR " + sc.dr_site.machine.model;
  for (const auto& n : w.topo.systems) {
    SystemResult r;
    r.name = n.spec->name;
    r.kind = n.spec->kind == SystemKind::Zos ? "zos" : "zvm";
    r.critical = n.spec->critical;
    if (n.lpar >= 0) {
      r.machine = machine;
      r.lpar = w.topo.lpars[static_cast<size_t>(n.lpar)].name;
      r.host = r.lpar;
      r.sie_level = n.placed ? n.sie_level : 0;
    }
    w.result.systems.push_back(r);
  }
  w.guest_lane0 = w.result.systems.size();
  for (const auto& n : w.topo.guests) {
    SystemResult r;
    r.name = n.spec->name;
    r.kind = guest_kind(*n.spec);
    r.role = n.spec->role == GuestRole::None ? "" : to_string(n.spec->role);
    r.tier = to_string(n.spec->tier);
    r.critical = n.spec->critical;
    if (n.at_dr) {
      r.machine = machine;
      r.lpar = w.topo.lpars[static_cast<size_t>(n.lpar)].name;
      r.host = w.topo.zvms[static_cast<size_t>(n.zvm)].name;
      r.sie_level = n.sie_level;
    }
    w.result.systems.push_back(r);
  }
  w.dist_lane0 = w.result.systems.size();
  for (const auto& d : sc.production.distributed) {
    SystemResult r;
    r.name = d.name;
    r.kind = "distributed";
    r.host = "staff";
    r.tier = to_string(d.tier);
    r.critical = d.critical;
    w.result.systems.push_back(r);
  }
  for (auto& r : w.result.systems) w.lanes.emplace_back(&r);
}

void init_networks(World& w) {
  for (const auto& h : w.sc->dr_site.networks.hipersockets) w.hipersocket_defined[h.name] = true;
  for (const auto& v : w.sc->production.networks.vswitches) {
    // the customer's own VM defines its VSWITCHes in SYSTEM CONFIG; under the vendor's VM
    // only what the vendor defined exists (checked against the DR entries below)
    w.vswitch_at_dr[v.name] = false;
  }
  for (const auto& v : w.sc->dr_site.networks.vswitches) {
    w.vswitch_at_dr[v.name] = true;
    w.vswitch_controllers[v.name] = v.controllers;
  }
  for (const auto& v : w.sc->production.networks.vswitches) {
    int si = w.topo.find_system(v.vm);
    bool own_vm = si >= 0 && w.topo.systems[static_cast<size_t>(si)].placed;
    if (own_vm && !w.vswitch_at_dr[v.name]) {
      w.vswitch_at_dr[v.name] = true;
      w.vswitch_controllers[v.name] = v.controllers;
    }
  }
}

void mark_planned(World& w) {
  w.guest_planned.assign(w.topo.guests.size(), false);
  for (auto& r : w.result.systems) r.planned = false;
  for (const auto& st : w.sc->plan.steps) {
    if (st.action == StepAction::Ipl)
      for (const auto& n : st.systems)
        if (int si = w.topo.find_system(n); si >= 0)
          w.result.systems[static_cast<size_t>(si)].planned = true;
    if (st.action == StepAction::Distributed)
      for (size_t i = w.dist_lane0; i < w.result.systems.size(); ++i)
        w.result.systems[i].planned = true;
    if (st.action != StepAction::Xautolog) continue;
    for (const auto& n : st.guests)
      for (size_t gi = 0; gi < w.topo.guests.size(); ++gi) {
        const auto& g = *w.topo.guests[gi].spec;
        if (n == g.name || (n == "*" && g.vm == st.vm)) w.guest_planned[gi] = true;
      }
  }
  for (size_t gi = 0; gi < w.guest_planned.size(); ++gi)
    w.result.systems[w.guest_lane0 + gi].planned = w.guest_planned[gi] && w.topo.guests[gi].at_dr;
}

}  // namespace
}  // namespace sim

Result simulate(const Scenario& scenario, const RunOptions& options) {
  namespace sg4 = simgrid::s4u;
  int argc = 1;
  char name[] = "drsim";
  char* argv[] = {name, nullptr};
  // Actors still blocked at the exercise end hold SimGrid objects: the engine and the world
  // are left to the process exit (one simulation per process), never destroyed under them.
  auto* engine = new sg4::Engine(&argc, argv);
  sim::configure_simgrid();
  auto* world = new sim::World;
  sim::World& w = *world;
  w.sc = &scenario;
  w.topo = resolve_topology(scenario);
  w.end_s = scenario.exercise.duration_s();
  w.result.systems.reserve(scenario.production.systems.size() + scenario.production.guests.size() +
                           scenario.production.distributed.size());
  sim::make_lanes(w);
  sim::build_platform(w);
  sim::init_networks(w);
  sim::mark_planned(w);
  w.guests.assign(w.topo.guests.size(), sim::GuestLive{});
  for (const auto& z : w.zvms)
    if (z.up) w.fire("up:" + z.node.name);
  sim::start_tape(w);
  sim::start_steady_loads(w);
  sim::start_plan(w);
  sim::start_monitor(w);
  engine->run_until(w.end_s);
  w.result.seed = options.seed;
  w.result.scenario_file = options.scenario_file;
  w.result.scenario_sha256 = options.scenario_sha256;
  std::vector<Finding> statics = static_findings(scenario);
  w.result.findings.insert(w.result.findings.begin(), statics.begin(), statics.end());
  sim::finish_result(w);
  return w.result;
}

std::string run_isolated(const std::function<std::string()>& fn) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("cannot create a pipe for the simulation");
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("cannot fork the simulation");
  if (pid == 0) {
    close(fds[0]);
    int rc = 0;
    try {
      std::string out = fn();
      const char* p = out.data();
      size_t left = out.size();
      while (left > 0) {
        ssize_t n = write(fds[1], p, left);
        if (n <= 0) {
          rc = 3;
          break;
        }
        p += n, left -= static_cast<size_t>(n);
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "drsim: simulation failed: %s\n", e.what());
      rc = 3;
    }
    close(fds[1]);
    _exit(rc);
  }
  close(fds[1]);
  std::string data;
  char buf[65536];
  for (;;) {
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    data.append(buf, static_cast<size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || data.empty())
    throw std::runtime_error("the simulation process failed (status " + std::to_string(status) +
                             ")");
  return data;
}

}  // namespace drsim
