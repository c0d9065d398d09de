// The monitor: readings, runtime findings and reaction triggers (see monitor.hpp).
#include "simulator/monitor.hpp"

#include <algorithm>
#include <cmath>

#include "models/finding.hpp"
#include "models/units.hpp"
#include "simulator/activity.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {
namespace {

constexpr double kWindow = 60;   ///< seconds between samples
constexpr size_t kAverage = 10;  ///< readings average this many windows

/// True once: the first time `holds` has held long enough. A condition seen holding is taken
/// to hold since `lookback` seconds before (a reading averages the window before it).
template <class LongEnough>
bool watch(Watch& wt, bool holds, double now, double lookback, LongEnough long_enough) {
  if (wt.fired) return false;
  if (!holds) {
    wt.since = -1;
    return false;
  }
  if (wt.since < 0) wt.since = now - lookback;
  if (!long_enough(now - wt.since)) return false;
  wt.fired = true;
  return true;
}

std::vector<Gauge*> by_name(std::deque<Gauge>& gauges) {
  std::vector<Gauge*> out;
  for (auto& g : gauges) out.push_back(&g);
  std::stable_sort(out.begin(), out.end(),
                   [](const Gauge* a, const Gauge* b) { return a->name() < b->name(); });
  return out;
}

void runtime_finding(World& w, const std::string& c, const std::string& subject, double since,
                     const std::string& msg, const std::string& consequence,
                     const std::string& remedy) {
  Finding f;
  f.code = c;
  f.severity = Severity::Warning;
  f.subject = subject;
  f.t_s = since;
  f.message = msg;
  f.consequence = consequence;
  f.remedy = remedy;
  w.result.findings.push_back(f);
}

}  // namespace

void Gauge::sample(double now, double window) {
  samples_.push_back(level_.integral(now));
  if (samples_.size() > kAverage + 1) samples_.pop_front();
  double span = window * static_cast<double>(samples_.size() - 1);
  if (span > 0) reading_ = (samples_.back() - samples_.front()) / span * scale_;
}

Monitor::Monitor(World& w) : w_(w) {
  for (const auto& z : w.zvms)
    paging_.emplace_back(z.node.name, z.paging_busy, z.capacity_pages_per_s);
  for (const auto& c : w.prsm.lpars()) cpu_.emplace_back(c.name, c.busy, 1.0);
  paging_by_name_ = by_name(paging_);
  cpu_by_name_ = by_name(cpu_);
  for (auto& r : w.reactions) {
    if (r.spec.when == ConditionKind::Paging) {
      auto it = std::find_if(paging_.begin(), paging_.end(),
                             [&](const Gauge& g) { return g.name() == r.spec.subject; });
      r.gauge = it == paging_.end() ? nullptr : &*it;
    } else if (r.spec.when == ConditionKind::Cpu) {
      auto it = std::find_if(cpu_.begin(), cpu_.end(),
                             [&](const Gauge& g) { return g.name() == r.spec.subject; });
      r.gauge = it == cpu_.end() ? nullptr : &*it;
    }
  }
}

void Monitor::start() {
  sg4::Actor::create("monitor", w_.control, [this] { run(); });
}

void Monitor::run() {
  for (;;) {
    sleep_for(w_, kWindow);
    sample();
    check_runtime_findings();
    fire_due_reactions();
  }
}

void Monitor::sample() {
  double now = w_.now();
  for (auto& g : paging_) g.sample(now, kWindow);
  for (auto& g : cpu_) g.sample(now, kWindow);
  valid_ = ++samples_ >= 2;
}

void Monitor::check_runtime_findings() {
  if (!valid_) return;
  const auto& pp = w_.sc->params.paging;
  const auto& cp = w_.sc->params.cpu;
  double now = w_.now();
  for (Gauge* g : paging_by_name_) {
    const std::string& vm = g->name();
    if (watch(g->finding, g->reading() > pp.overload_pages_per_s, now, kWindow,
              [&](double held) { return held >= pp.overload_for_s; }))
      runtime_finding(w_, code::kPagingOverload, vm, g->finding.since,
                      vm + " pages above " + std::to_string(std::lround(pp.overload_pages_per_s)) +
                          " pages/s for " + units::format_duration(pp.overload_for_s),
                      "every guest of " + vm + " waits for page I/O; start-ups crawl",
                      "give the VM the storage (and Xstor) production has, add paging volumes, or "
                      "log off non-production guests");
  }
  for (Gauge* g : cpu_by_name_) {
    const std::string& lpar = g->name();
    if (watch(g->finding, g->reading() >= cp.saturation_busy, now, kWindow,
              [&](double held) { return held > cp.saturation_for_s; }))
      runtime_finding(w_, code::kCpuSaturation, lpar, g->finding.since,
                      "the logical CPs of " + lpar + " are at 100 % for over an hour",
                      "everything in " + lpar + " runs slower than planned",
                      "dedicate CPs, avoid 3rd-level Linux (own LPAR or guests under the vendor's "
                      "VM), start fewer guests at once");
  }
}

bool Monitor::finding_raised(const std::string& code) const {
  if (w_.noticed.count(code)) return true;
  for (const auto& f : w_.result.findings)
    if (f.code == code) return true;
  return false;
}

bool Monitor::holds(const Reaction& r) const {
  switch (r.spec.when) {
    case ConditionKind::Paging:
    case ConditionKind::Cpu:
      return valid_ && r.gauge && r.gauge->reading() > r.spec.above;
    case ConditionKind::Finding:
      return finding_raised(r.spec.subject);
    case ConditionKind::Time:
      return r.spec.at_week_s && w_.now() >= *r.spec.at_week_s - w_.sc->exercise.start_week_s;
  }
  return false;
}

void Monitor::fire_due_reactions() {
  double now = w_.now();
  for (auto& r : w_.reactions) {
    if (r.watch.fired || !r.ready()) continue;
    bool averaged = r.spec.when == ConditionKind::Paging || r.spec.when == ConditionKind::Cpu;
    if (watch(r.watch, holds(r), now, averaged ? kWindow : 0,
              [&](double held) { return held + 1e-9 >= r.spec.for_s; }))
      r.trigger(w_);
  }
}

void start_monitor(World& w) {
  w.monitor = std::make_unique<Monitor>(w);
  w.monitor->start();
}

}  // namespace drsim::sim
