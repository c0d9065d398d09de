// simulate(): builds the world, runs SimGrid to the exercise end, and collects the Result.
#include "simulator/engine.hpp"

#include <sys/wait.h>
#include <unistd.h>
#include <xbt/log.h>

#include <csignal>
#include <cstdio>
#include <stdexcept>

#include "models/config_check.hpp"
#include "simulator/finish.hpp"
#include "simulator/platform.hpp"
#include "simulator/world.hpp"

namespace drsim {
namespace sim {
namespace {

void configure_simgrid() {
  // Only SimGrid's critical messages, on stderr: an assertion inside SimGrid says why before
  // it aborts (drsim's SIGABRT handler then exits 2).
  xbt_log_control_set("root.thres:critical");
  sg4::Engine::set_config("network/model:CM02");
  sg4::Engine::set_config("network/crosstraffic", false);
  sg4::Engine::set_config("cpu/optim:Lazy");
  // Actors are shallow (no JSON, no recursion): 128 KiB stacks, each behind a guard page so an
  // overflow crashes instead of corrupting. 5,000 guests: 170 MiB RSS (bench/scale). Under
  // ASan, whose redzones make frames larger, 1 MiB.
#if defined(DRSIM_ASAN)
  constexpr int kStackKiB = 1024;
#else
  constexpr int kStackKiB = 128;
#endif
  sg4::Engine::set_config("contexts/stack-size", kStackKiB);
}

/// The Engine and hosts of this process (SimGrid: one per process), never destroyed.
struct Prepared {
  PlatformSpec spec;
  PlatformHosts hosts;
  sg4::ExecPtr warm_up;  ///< warm_cpu_model()'s exec, kept: SimGrid still points at it
};
Prepared* g_prepared = nullptr;

void make_engine() {
  char name[] = "drsim";
#if defined(DRSIM_ASAN)
  // AddressSanitizer does not see SimGrid's own stack switching (Debian's SimGrid is built
  // without ASan's fiber annotations): stale poisoning on a reused actor stack then reads as a
  // stack overflow, and LeakSanitizer's scan of those stacks crashes. Actors as system threads
  // are what ASan understands, and give the same results (SIMGRID.md: bit-identical across
  // context factories). The factory is chosen when the Engine is made, so it rides in argv.
  char factory[] = "--cfg=contexts/factory:thread";
  char* argv[] = {name, factory, nullptr};
  int argc = 2;
  xbt_log_control_set("xbt_cfg.thres:warning");  // not "Configuration change" on stderr
#else
  char* argv[] = {name, nullptr};
  int argc = 1;
#endif
  // SimGrid's Engine installs a SIGINT handler that exits 1 without a word; the caller's
  // handler stays in force (drsim run: "interrupted", exit 130, no temporary file left).
  struct sigaction caller_sigint {};
  sigaction(SIGINT, nullptr, &caller_sigint);
  new sg4::Engine(&argc, argv);
  sigaction(SIGINT, &caller_sigint, nullptr);
  configure_simgrid();
}

/// SimGrid fills the CPU model's pool of LMM variables at its first activity: a 65,536-slot
/// table zeroed and 1,000 variables allocated, ~160 page faults in a Monte Carlo child. An
/// exec started and cancelled here, before anything runs, fills it once before a batch forks.
/// Its action is taken out of the failed set and freed (its variable back to the pool), so
/// the run never sees it; the cancelled exec itself stays referenced (by its host's
/// on_state_change callback and by maestro) and is returned to be kept. The solve is the
/// same, so are the results (bench/README.md "Monte Carlo").
sg4::ExecPtr warm_cpu_model(sg4::Host* host) {
  sg4::ExecPtr e = sg4::Exec::init();
  e->set_flops_amount(1)->set_host(host)->start();
  e->cancel();
  for (auto* model : sg4::Engine::get_instance()->get_all_models())
    while (auto* action = model->extract_failed_action()) action->unref();
  return e;
}

const Prepared& prepare_spec(PlatformSpec spec) {
  make_engine();
  PlatformHosts hosts = create_hosts(spec);
  sg4::ExecPtr warm_up = warm_cpu_model(hosts.control);
  g_prepared = new Prepared{std::move(spec), std::move(hosts), std::move(warm_up)};
  return *g_prepared;
}

}  // namespace
}  // namespace sim

void prepare_engine(const Scenario& scenario) {
  sim::PlatformSpec spec = sim::platform_spec(scenario, resolve_topology(scenario));
  if (sim::g_prepared == nullptr)
    sim::prepare_spec(std::move(spec));
  else if (sim::g_prepared->spec != spec)
    throw std::logic_error("prepare_engine: this process prepared another platform");
}

Result simulate(const Scenario& scenario, const RunOptions& options) {
  // Actors still blocked at the exercise end hold SimGrid objects: the engine and the world
  // are left to the process exit (one simulation per process), never destroyed under them.
  auto* world = new sim::World;
  sim::World& w = *world;
  w.sc = &scenario;
  w.topo = resolve_topology(scenario);
  sim::PlatformSpec spec = sim::platform_spec(scenario, w.topo);
  if (sim::g_prepared == nullptr)
    sim::prepare_spec(std::move(spec));
  else if (sim::g_prepared->spec != spec)
    throw std::logic_error("simulate: the prepared platform is not this scenario's");
  w.end_s = scenario.exercise.duration_s();
  sim::make_rows(w);
  sim::build_platform(w, sim::g_prepared->spec, sim::g_prepared->hosts);
  sim::make_entities(w);
  if (options.summary_only) {
    w.full_result = false;
    for (auto& s : w.systems) s.rec.disable();
    for (auto& g : w.guests) g.rec.disable();
    for (auto& d : w.distributed) d.rec.disable();
  }
  for (auto& z : w.zvms)
    if (z.up) z.came_up.fire();
  w.tape.outages = options.drive_outages;
  for (const auto& f : options.ipl_failures)
    if (sim::System* s = w.find_system(f.system)) s->first_ipl_fails = f;
  // static findings exist from t = 0: a reaction on one of them fires at the first check
  w.result.findings =
      options.static_findings ? *options.static_findings : static_findings(scenario);
  w.tape.start(w);
  sim::start_steady_loads(w);
  sim::start_plan(w);
  sim::start_monitor(w, options.monitor_every_minute);
  simgrid::s4u::Engine::get_instance()->run_until(w.end_s);
  w.result.seed = options.seed;
  w.result.scenario_file = options.scenario_file;
  w.result.scenario_sha256 = options.scenario_sha256;
  sim::finish_result(w);
  // Moved, not copied: nothing reads the world's result after this (issue 18: the copy was
  // ~2 KiB per guest of the peak memory).
  return std::move(w.result);
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
