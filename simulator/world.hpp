#pragma once
/// \file world.hpp
/// Internal state of one simulation: the SimGrid platform objects and what the actors share.
/// Only simulator/*.cpp include this. Actors run one at a time (contexts/nthreads = 1), so
/// plain containers are safe.

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <simgrid/s4u.hpp>
#include <string>
#include <vector>

#include "models/scenario.hpp"
#include "models/topology.hpp"
#include "simulator/result.hpp"

namespace drsim::sim {

namespace sg4 = simgrid::s4u;

/// Work of one full-speed production engine in one second, in SimGrid flops.
inline constexpr double kFlopsPerCp = 1e9;

/// A piecewise-constant level over time (busy CPs, paging volumes busy), integrated exactly.
class Level {
 public:
  void set(double now, double level);
  double integral(double now) const { return integral_ + level_ * (now - last_); }
  double level() const { return level_; }
  /// Mean level over each [i*step, (i+1)*step) up to end.
  std::vector<double> series(double step, double end) const;

 private:
  double level_ = 0, last_ = 0, integral_ = 0;
  std::vector<std::pair<double, double>> changes_;  ///< (time, new level)
};

/// A CPU container: a DR LPAR (a VM on the shared pool, or a dedicated host), or CPs
/// dedicated later to a customer's z/VM by an operator action.
struct Container {
  std::string name;
  sg4::Host* host = nullptr;  ///< where execs run (one core; its pstate = the share when shared)
  int logical = 1;
  bool shared = true;
  int dedicated_later = 0;  ///< CPs an operator dedicated to this (formerly shared) LPAR
  double weight = 100;
  bool capped = false;
  double threads = 0;  ///< active demand, in CPs
  double demand = 0;   ///< min(threads, logical): what PR/SM could give it
  double bound = -1;   ///< last share set, in CPs (-1 = none yet)
  long pstate = -1;    ///< the host's pstate for that share
  Level busy;          ///< fraction of logical CPs with work (what the OS sees)
};

/// Where a steady-load actor waits until its load changes (poke() wakes it once).
struct Park {
  sg4::SemaphorePtr wake = sg4::Semaphore::create(0);
  bool parked = false;
  void wait() {
    parked = true;
    wake->acquire();
  }
  void poke() {
    if (parked) parked = false, wake->release();
  }
};

/// A z/VM instance that pages (topology ZvmNode) with its live state.
struct Zvm {
  ZvmNode node;
  int container = -1;
  sg4::Host* paging =
      nullptr;  ///< its paging volumes: a host whose speed is their bandwidth (bytes/s)
  double capacity_pages_per_s = 0;
  sg4::SemaphorePtr vcpus;  ///< 2nd-level VM: its virtual CPs (null = none)
  double real_bytes = 0, xstor_bytes = 0;
  double ws_logged_on = 0;  ///< sum of working sets of logged-on guests
  Level fault_rate;         ///< page faults per CP-second of guest work, from the overcommit
  int io_in_flight = 0;
  Level paging_busy;   ///< 1 while a page I/O is in flight
  bool up = false;     ///< the vendor's VM is up from the start
  int generation = 0;  ///< IPL count (re-IPLs increment)
  int reconfigured_at_generation = -1;
  double steady_cpu = 0;        ///< sum of steady CPs (x SIE multiplier) of up guests + CP itself
  double steady_fault_cpu = 0;  ///< guest work that touches pages (no multiplier)
  Park park;                    ///< its steady-load actor waits here while nothing pages
};

/// A load group running steady work outside any z/VM: an up z/OS system, or the vendor's
/// own workload in its LPAR (system == -1).
struct ZosLoad {
  int system = -1;
  double steady_cpu = 0;
  int container = -1;  ///< vendor workload: the LPAR it runs in
  Park park;
};

/// A one-shot named event with waiters (semaphores: killable waits).
struct Event {
  bool fired = false;
  double t = 0;
  std::vector<sg4::SemaphorePtr> waiters;
};

enum class GuestState { Off, Starting, Waiting, Blocked, Up, ForcedOff };

struct GuestLive {
  GuestState state = GuestState::Off;
  bool logged_on = false;
  bool operator_forced = false;
  sg4::ActorPtr actor;
  sg4::SemaphorePtr wake;
  // what the actor holds right now (cleaned up by whoever kills it)
  int exec_container = -1;
  double exec_threads = 0;
  bool holds_token = false;
  int io_zvm = -1;
  bool steady_added = false;
  double steady_cpu = 0, steady_fault = 0;
};

struct SystemLive {
  bool up = false;
  bool restored = false;
  bool restore_queued = false;
  double restore_start = -1, restore_end = -1;
  int volumes = 0;
};

struct Volume {
  std::string name;
  int system = -1;
  double bytes = 0;
  bool ddr = false;
};

struct World;

/// Appends/updates phases of one result lane.
class Lane {
 public:
  explicit Lane(SystemResult* r) : r_(r) {}
  void begin(const std::string& phase, double now, const std::string& note = {});
  void end(double now);
  bool open() const { return open_; }
  const std::string& current() const { return current_; }
  SystemResult& result() { return *r_; }

 private:
  SystemResult* r_;
  bool open_ = false;
  std::string current_;
};

struct World {
  const Scenario* sc = nullptr;
  Topology topo;
  Result result;
  double end_s = 0;  ///< exercise duration
  double flops_per_cp_dr = kFlopsPerCp;

  // platform
  sg4::Host* control = nullptr;
  double pool_cps = 0;                            ///< the DR machine's shared CPs
  double shared_demand = 0;                       ///< sum of the shared LPARs' demand, in CPs
  std::vector<Container> containers;              ///< first topo.lpars.size() entries = DR LPARs
  std::map<std::string, int> reserved_dedicated;  ///< z/VM name -> container for dedicate-cpus
  std::vector<Zvm> zvms;
  std::vector<int> system_container;            ///< per production system: where its own work runs
  std::vector<sg4::SemaphorePtr> system_vcpus;  ///< guest-mode systems

  // tape
  int drives = 0;
  double ddr_rate_Bps = 0;    ///< a drive's rate for DDR's small blocks
  sg4::Host* dasd = nullptr;  ///< the DASD subsystem restores write to: speed = its bandwidth
  double drive_rate_Bps = 0;  ///< each drive's effective restore rate (tape model)
  std::vector<Volume> volumes;
  std::deque<int> tape_queue;
  sg4::SemaphorePtr tape_items;
  std::vector<int> volumes_left;  ///< per system
  double drive_busy_s = 0;
  double restore_first = -1, restore_last = -1;

  // live state
  std::vector<SystemLive> systems;
  std::vector<GuestLive> guests;
  std::vector<ZosLoad> zos_loads;
  std::vector<Lane> lanes;  ///< systems, then guests, then distributed
  size_t guest_lane0 = 0, dist_lane0 = 0;
  std::map<std::string, Event> events;
  std::vector<int> net_waiters;                     ///< guests waiting for a network change
  std::map<std::string, bool> hipersocket_defined;  ///< by production name
  std::map<std::string, std::vector<std::string>> vswitch_controllers;  ///< at DR
  std::map<std::string, bool> vswitch_at_dr;
  std::map<std::string, double> noticed;  ///< finding code -> first hour a system hit it
  std::vector<bool> guest_planned;
  long long activities = 0;

  // helpers
  double now() const { return sg4::Engine::get_clock(); }
  Event& event(const std::string& name) { return events[name]; }
  void fire(const std::string& name);
  void wait_event(const std::string& name);
  void notify_network();
  void note_blocked(const std::string& code);
  void log_event(const std::string& kind, const std::string& subject, const std::string& msg);
};

// cpu.cpp
void cpu_change(World& w, int container, double delta_threads);
/// Takes a shared LPAR out of the pool with `cps` CPs of its own (an operator's action).
void dedicate_lpar(World& w, int container, int cps);
void cpu_rebalance(World& w);
/// Runs cp_seconds of work (already multiplied) in a container; g may be null.
void run_cpu(World& w, int container, double cp_seconds, int threads, GuestLive* g,
             const sg4::SemaphorePtr& vcpus);
/// Moves `bytes` through a bandwidth host (its speed is bytes/s, shared max-min fairly with
/// the other transfers there), at most `bound` bytes/s when > 0; blocks until done.
void transfer(World& w, sg4::Host* bandwidth, double bytes, double bound = -1);
/// Blocking page-in of `pages` on a z/VM's paging volumes (its paging host).
void run_paging(World& w, int zvm, double pages, GuestLive* g);
void sleep_for(World& w, double seconds);

// platform.cpp
void build_platform(World& w);
/// Speeds of a shared LPAR's host (its pstates, ascending): the shares it can be given.
std::vector<double> share_speeds(int logical, double flops_per_cp);

// restore.cpp
void start_tape(World& w);
/// Queues a system's volumes on the drives, once (later calls do nothing).
void enqueue_restore(World& w, int system);
/// Queues the system's volumes if nobody did, and waits until they are all restored.
void wait_restored(World& w, int system);

// systems.cpp
void ipl_system(World& w, int system, const std::string& why);
void reconfigure_system(World& w, int system, std::optional<double> duration);
void xautolog(World& w, const std::vector<int>& guests, double stagger);
void force_off(World& w, int guest, const std::string& why, bool by_operator);
void start_steady_loads(World& w);
/// Wakes the steady-load actor of a z/VM (its load, container or memory changed).
void poke_zvm(World& w, int zvm);
/// Re-reads a z/VM's overcommit (working sets, storage, Xstor changed) into its fault rate.
void memory_changed(World& w, int zvm);
int guest_zvm(const World& w, int guest);

// plan.cpp
void start_plan(World& w);
void start_monitor(World& w);
void start_distributed(World& w);

// finish.cpp
void finish_result(World& w);

}  // namespace drsim::sim
