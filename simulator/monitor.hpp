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
#include <limits>
#include <simgrid/s4u.hpp>
#include <string>
#include <utility>
#include <vector>

#include "simulator/level.hpp"
#include "simulator/reactions.hpp"

namespace drsim::sim {

struct World;
class Monitor;

/// One averaged reading: a level's integral at each whole minute, its mean over the last ten
/// minutes times `scale` (a z/VM's paging: busy x capacity in pages/s; an LPAR's CPU: busy).
/// It observes its level and tells the monitor which reading a change can move.
class Gauge : public LevelObserver {
 public:
  Gauge(Monitor& m, size_t index, bool paging, const std::string& name, const Level& level,
        double scale)
      : monitor_(m), index_(index), paging_(paging), name_(name), level_(level), scale_(scale) {}
  /// The average at minute `k` (its 10 minutes before, fewer in the first 10; valid from
  /// minute 2 on), read when first asked for since the level last changed.
  double reading(long k) const {
    if (read_at_ != k) read(k);
    return reading_;
  }
  /// True when the reading at minute `k` (>= 2) is surely below `threshold`: the level did
  /// not change over the window, so the reading is the level times the scale but for a few
  /// roundings, and that is below by far more than they can add. Reads nothing.
  bool surely_below(long k, double threshold) const;
  const std::string& name() const { return name_; }
  /// Its position among the monitor's watches (the finding's).
  size_t index() const { return index_; }
  bool paging() const { return paging_; }
  void level_changed() override;

  /// From this minute of a look-ahead on no live watch on it holds (Monitor::resting), while
  /// its level stays
  mutable long rest_from = std::numeric_limits<long>::max();
  Watch finding;  ///< its runtime finding's watch
  /// the reactions on its reading, in their order, with their watches' positions (Monitor)
  std::vector<std::pair<Reaction*, size_t>> reactions;

 private:
  Monitor& monitor_;
  size_t index_;
  bool paging_;
  const std::string& name_;
  const Level& level_;
  double scale_;
  void read(long k) const;
  mutable double reading_ = 0;
  mutable long read_at_ = -1;  ///< the minute reading_ is of (-1: none since a change)
};

/// The monitor's actor: each minute it has to look at, check_minute() (readings, runtime
/// findings, reactions due); between them it sleeps as long as nothing could fire.
class Monitor {
 public:
  explicit Monitor(World& w);
  /// Starts its actor.
  void start();
  /// Something a condition depends on changed (a finding was noticed, a reaction ended): wakes
  /// the monitor to check the minutes up to now again.
  void poke();
  /// `g`'s level changed: only its readings after now move, so the minutes ahead are worked
  /// out again for its watches, and the monitor woken only if one of them fires sooner.
  void level_changed(Gauge& g);
  /// From now on it looks no minute ahead: it sleeps to the next minute and checks it, as a
  /// console watched every minute (the reference of its look-ahead, for tests).
  void every_minute() { horizon_ = 1, every_minute_ = true; }

 private:
  void run();
  /// Works minutes m+1.. out ahead on copies of the watches (snapshots in after_), up to the
  /// first at which something would fire if nothing changes, at most a horizon ahead (the
  /// minute after the horizon, to look again); it becomes limit_.
  long predict(long m);
  /// Minute k: readings, then runtime findings, then reactions due. `dry`: changes watches
  /// only and returns true at the first thing that would fire, without firing it.
  bool check_minute(long k, bool dry);
  bool check_runtime_findings(double now, bool dry);
  bool fire_due_reactions(double now, bool dry);
  /// One minute of a gauge's finding watch (valid_ and its reading set): true if it fires.
  bool finding_fires(Gauge& g, double now);
  /// In a look-ahead at minute_: true when no live watch on `g` can hold (its level did not
  /// change over the window and is below every live threshold by far more than rounding):
  /// its minute is then since = -1 for them, unread (rest).
  bool resting(const Gauge& g) const;
  static void rest(Gauge& g);
  /// A resting gauge's minute for its finding's watch, and for a reaction's on it: the
  /// condition does not hold (since = -1), unless the watch fired or the reaction waits.
  static void rest_finding(Gauge& g);
  static void rest_reaction(Reaction& r);
  /// Every gauge resting and no live condition on a finding or a time: no watch changes in
  /// the rest of the look-ahead.
  bool settled() const;
  /// One minute of a reaction's watch: true if it fires.
  bool reaction_fires(Reaction& r, double now);
  bool holds(const Reaction& r, double now) const;
  /// The watches of the findings and reactions, in a fixed order (watches_).
  void save_watches(std::vector<Watch>& out) const;
  void restore_watches(const std::vector<Watch>& in);
  /// The look-ahead's watches after minute k (base_ < k < limit_).
  Watch* after(long k) {  // data(): no watches at all leaves it empty
    return after_.data() + static_cast<size_t>(k - base_ - 1) * watches_.size();
  }
  void restore_after(long k);
  /// The horizon of the next look-ahead, from how often levels changed during the last one.
  void adapt_horizon(long minutes);
  bool finding_raised(const std::string& code) const;

  World& w_;
  std::deque<Gauge> paging_;                          ///< per z/VM, in their order
  std::deque<Gauge> cpu_;                             ///< per CPU container, in their order
  std::vector<Gauge*> paging_by_name_, cpu_by_name_;  ///< the order findings are raised in
  bool valid_ = false;                                ///< two minutes span a window
  long minute_ = 0;                                   ///< the minute being checked
  bool parked_ = false;
  /// Minutes a look-ahead covers: each level change while the monitor sleeps works its
  /// gauge's minutes out again up to limit_, so where levels change often a short look-ahead
  /// is cheaper (issue 18), where they do not, a long one saves wake-ups (issue 12).
  long horizon_ = 30;
  bool every_minute_ = false;  ///< horizon_ stays 1 (every_minute)
  long base_ = 0;              ///< the minute the last look-ahead started after (checked for real)
  long limit_ = 0;    ///< the minute the monitor sleeps to: the first that fires, or the horizon
  long changes_ = 0;  ///< level changes worked out again during the current sleep
  /// after_[(k - base_ - 1) * watches: ...]: every watch as the look-ahead left it after
  /// minute k, with nothing fired in minutes base_+1..k
  std::vector<Watch> after_;
  std::vector<Watch> real_;  ///< the watches as checked for real, kept during a look-ahead
  std::vector<Watch> kept_;  ///< a gauge's watches kept the same way (level_changed)
  bool poked_ = false;       ///< poked since it went to sleep
  /// every watch a check changes (save_watches): the gauges' findings, then the reactions'
  std::vector<Watch*> watches_;
  simgrid::s4u::SemaphorePtr wake_ = simgrid::s4u::Semaphore::create(0);
};

/// Starts the monitor.
/// `every_minute`: no look-ahead (RunOptions::monitor_every_minute).
void start_monitor(World& w, bool every_minute = false);

}  // namespace drsim::sim
