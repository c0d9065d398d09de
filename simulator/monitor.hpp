#pragma once
/// \file monitor.hpp
/// What the operators watch on their consoles: every minute the monitor reads each z/VM's
/// paging rate and each LPAR's CPU busy (10-minute averages), raises the runtime findings
/// (paging-overload, cpu-saturation) and fires the reactions whose condition held long enough.
/// The readings are computed from the levels' exact integrals at the whole minutes, so the
/// monitor need not wake every minute: while nothing it watches changes, it works out ahead
/// the first minute at which something would fire and sleeps until then, unless a watched
/// level, a blocking finding or a reaction's end wakes it first (docs/engine.md).

#include <deque>
#include <simgrid/s4u.hpp>
#include <string>
#include <vector>

#include "simulator/level.hpp"
#include "simulator/reactions.hpp"

namespace drsim::sim {

struct World;

/// One averaged reading: a level's integral at each whole minute, its mean over the last ten
/// minutes times `scale` (a z/VM's paging: busy x capacity in pages/s; an LPAR's CPU: busy).
class Gauge {
 public:
  Gauge(const std::string& name, const Level& level, double scale)
      : name_(name), level_(level), scale_(scale) {}
  /// Reads the average at minute `k` (its 10 minutes before, fewer in the first 10).
  void read(long k, double window);
  const std::string& name() const { return name_; }
  /// The average at the last minute read (valid from minute 2 on).
  double reading() const { return reading_; }

  Watch finding;  ///< its runtime finding's watch

 private:
  const std::string& name_;
  const Level& level_;
  double scale_;
  double reading_ = 0;
};

/// The monitor's actor: each minute it has to look at, check_minute() (readings, runtime
/// findings, reactions due); between them it sleeps as long as nothing could fire.
class Monitor : public LevelObserver {
 public:
  explicit Monitor(World& w);
  /// Starts its actor.
  void start();
  /// Something a condition depends on changed (a finding was noticed, a reaction ended).
  void poke();
  void level_changed() override { poke(); }

 private:
  void run();
  /// The first minute after `m` at which something would fire if nothing changes (at most a
  /// horizon ahead: the minute after the horizon, to look again).
  long predict(long m);
  /// Minute k: readings, then runtime findings, then reactions due. `dry`: changes watches
  /// only and returns true at the first thing that would fire, without firing it.
  bool check_minute(long k, bool dry);
  bool check_runtime_findings(double now, bool dry);
  bool fire_due_reactions(double now, bool dry);
  bool holds(const Reaction& r, double now) const;
  /// The watches of the findings and reactions, in a fixed order (watches_).
  void save_watches(std::vector<Watch>& out) const;
  void restore_watches(const std::vector<Watch>& in);
  bool finding_raised(const std::string& code) const;

  World& w_;
  std::deque<Gauge> paging_;                          ///< per z/VM, in their order
  std::deque<Gauge> cpu_;                             ///< per CPU container, in their order
  std::vector<Gauge*> paging_by_name_, cpu_by_name_;  ///< the order findings are raised in
  bool valid_ = false;                                ///< two minutes span a window
  bool dirty_ = true;  ///< something changed since the last minute checked
  bool parked_ = false;
  /// Minutes the next look-ahead covers: halved (down to 2) when a change cut the last sleep
  /// short, doubled (up to 30) when it ran out: on a site where something changes every
  /// few minutes, working 30 minutes ahead is mostly thrown away (issue 18).
  long horizon_ = 30;  // kHorizon (monitor.cpp)
  /// The watches as the last look-ahead left them after minute quiet_at_ (the one before the
  /// minute it stopped at), with nothing fired in its minutes.
  std::vector<Watch> quiet_;
  long quiet_at_ = -1;
  /// every watch a check changes (save_watches): the gauges' findings, then the reactions'
  std::vector<Watch*> watches_;
  simgrid::s4u::SemaphorePtr wake_ = simgrid::s4u::Semaphore::create(0);
};

/// Starts the monitor.
void start_monitor(World& w);

}  // namespace drsim::sim
