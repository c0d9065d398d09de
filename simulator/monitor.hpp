#pragma once
/// \file monitor.hpp
/// What the operators watch on their consoles: every minute the monitor samples each z/VM's
/// paging rate and each LPAR's CPU busy (10-minute averages), raises the runtime findings
/// (paging-overload, cpu-saturation) and fires the reactions whose condition held long enough.

#include <deque>
#include <string>
#include <vector>

#include "simulator/level.hpp"
#include "simulator/reactions.hpp"

namespace drsim::sim {

struct World;

/// One averaged reading: a level's integral sampled every minute, its mean over the last ten
/// minutes times `scale` (a z/VM's paging: busy x capacity in pages/s; an LPAR's CPU: busy).
class Gauge {
 public:
  Gauge(const std::string& name, const Level& level, double scale)
      : name_(name), level_(level), scale_(scale) {}
  void sample(double now, double window);
  const std::string& name() const { return name_; }
  /// The latest average (valid once two samples span a window).
  double reading() const { return reading_; }

  Watch finding;  ///< its runtime finding's watch

 private:
  const std::string& name_;
  const Level& level_;
  double scale_;
  std::deque<double> samples_;  ///< integrals at the last samples
  double reading_ = 0;
};

/// The monitor's actor: sample(), check_runtime_findings(), fire_due_reactions(), each minute.
class Monitor {
 public:
  explicit Monitor(World& w);
  /// Starts its actor.
  void start();

 private:
  void run();
  void sample();
  void check_runtime_findings();
  void fire_due_reactions();
  bool holds(const Reaction& r) const;
  bool finding_raised(const std::string& code) const;

  World& w_;
  std::deque<Gauge> paging_;                          ///< per z/VM, in their order
  std::deque<Gauge> cpu_;                             ///< per CPU container, in their order
  std::vector<Gauge*> paging_by_name_, cpu_by_name_;  ///< the order findings are raised in
  long samples_ = 0;
  bool valid_ = false;  ///< two samples span a window
};

/// Starts the monitor.
void start_monitor(World& w);

}  // namespace drsim::sim
