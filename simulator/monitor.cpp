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
constexpr long kHorizon = 30;    ///< minutes a quiet monitor looks ahead (then looks again)

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
  out.reserve(gauges.size());
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

void Gauge::read(long k, double window) {
  // the integrals at minutes first..k, as a monitor sampling every minute averages them
  long first = std::max(1L, k - static_cast<long>(kAverage));
  double span = window * static_cast<double>(k - first);
  if (span > 0)
    reading_ = (level_.integral_at(window * static_cast<double>(k)) -
                level_.integral_at(window * static_cast<double>(first))) /
               span * scale_;
}

Monitor::Monitor(World& w) : w_(w) {
  for (auto& z : w.zvms) {
    paging_.emplace_back(z.node.name, z.paging_busy, z.capacity_pages_per_s);
    z.paging_busy.observe(this);
  }
  for (auto& c : w.prsm.lpars()) {
    cpu_.emplace_back(c.name, c.busy, 1.0);
    c.busy.observe(this);
  }
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
  for (auto& g : paging_) watches_.push_back(&g.finding);
  for (auto& g : cpu_) watches_.push_back(&g.finding);
  for (auto& r : w.reactions) watches_.push_back(&r.watch);
}

void Monitor::start() {
  sg4::Actor::create("monitor", w_.control, [this] { run(); });
}

void Monitor::poke() {
  dirty_ = true;
  if (parked_) parked_ = false, wake_->release();
}

/// Minute by minute while things change (as a console watched every minute); across a quiet
/// stretch in one sleep, the minutes in it checked when it ends (nothing fires in them).
void Monitor::run() {
  long m = 0;  // the last minute checked
  for (;;) {
    long next = dirty_ ? m + 1 : predict(m);
    dirty_ = false;
    if (next == m + 1) {
      sleep_for(w_, kWindow * static_cast<double>(next) - w_.now());
    } else {
      parked_ = true;
      bool timed_out = wake_->acquire_timeout(kWindow * static_cast<double>(next) - w_.now());
      ++w_.activities;
      horizon_ = timed_out ? std::min(kHorizon, horizon_ * 2) : std::max(2L, horizon_ / 2);
      if (!timed_out) {  // poked: the minutes up to now (predicted quiet), then minute by minute
        long last = std::min(next, static_cast<long>(std::floor(w_.now() / kWindow)));
        while (m < last) check_minute(++m, false);
        continue;
      }
      if (!parked_) {
        wake_->acquire();  // poked at the very instant: take its token back
      } else if (quiet_at_ == next - 1 && quiet_at_ > m) {
        // Not poked: nothing a check reads changed (levels, findings noticed, reactions done
        // all poke), so minutes m+1..next-1 checked for real would give what the look-ahead
        // gave (nothing fires): take its watches as they were before minute next.
        restore_watches(quiet_);
        m = quiet_at_;
      }
      parked_ = false;
    }
    while (m < next) check_minute(++m, false);
  }
}

long Monitor::predict(long m) {
  std::vector<Watch> saved;
  save_watches(saved);
  long k = m + 1;
  for (;; ++k) {
    save_watches(quiet_);  // as minutes m+1..k-1 leave them
    if (k >= m + horizon_ || check_minute(k, true)) break;
  }
  quiet_at_ = k - 1;
  restore_watches(saved);
  return k;
}

void Monitor::save_watches(std::vector<Watch>& out) const {
  out.resize(watches_.size());
  for (size_t i = 0; i < watches_.size(); ++i) out[i] = *watches_[i];
}

void Monitor::restore_watches(const std::vector<Watch>& in) {
  for (size_t i = 0; i < watches_.size(); ++i) *watches_[i] = in[i];
}

bool Monitor::check_minute(long k, bool dry) {
  double now = kWindow * static_cast<double>(k);
  for (auto& g : paging_) g.read(k, kWindow);
  for (auto& g : cpu_) g.read(k, kWindow);
  valid_ = k >= 2;
  if (check_runtime_findings(now, dry)) return true;
  return fire_due_reactions(now, dry);
}

bool Monitor::check_runtime_findings(double now, bool dry) {
  if (!valid_) return false;
  const auto& pp = w_.sc->params.paging;
  const auto& cp = w_.sc->params.cpu;
  for (Gauge* g : paging_by_name_) {
    const std::string& vm = g->name();
    if (!watch(g->finding, g->reading() > pp.overload_pages_per_s, now, kWindow,
               [&](double held) { return held >= pp.overload_for_s; }))
      continue;
    if (dry) return true;
    runtime_finding(w_, code::kPagingOverload, vm, g->finding.since,
                    vm + " pages above " + std::to_string(std::lround(pp.overload_pages_per_s)) +
                        " pages/s for " + units::format_duration(pp.overload_for_s),
                    "every guest of " + vm + " waits for page I/O; start-ups crawl",
                    "give the VM the storage (and Xstor) production has, add paging volumes, or "
                    "log off non-production guests");
  }
  for (Gauge* g : cpu_by_name_) {
    const std::string& lpar = g->name();
    if (!watch(g->finding, g->reading() >= cp.saturation_busy, now, kWindow,
               [&](double held) { return held > cp.saturation_for_s; }))
      continue;
    if (dry) return true;
    runtime_finding(w_, code::kCpuSaturation, lpar, g->finding.since,
                    "the logical CPs of " + lpar + " are at 100 % for over an hour",
                    "everything in " + lpar + " runs slower than planned",
                    "dedicate CPs, avoid 3rd-level Linux (own LPAR or guests under the vendor's "
                    "VM), start fewer guests at once");
  }
  return false;
}

bool Monitor::finding_raised(const std::string& code) const {
  if (w_.noticed.contains(code)) return true;
  for (const auto& f : w_.result.findings)
    if (f.code == code) return true;
  return false;
}

bool Monitor::holds(const Reaction& r, double now) const {
  switch (r.spec.when) {
    case ConditionKind::Paging:
    case ConditionKind::Cpu:
      return valid_ && r.gauge && r.gauge->reading() > r.spec.above;
    case ConditionKind::Finding:
      return finding_raised(r.spec.subject);
    case ConditionKind::Time:
      return r.spec.at_week_s && now >= *r.spec.at_week_s - w_.sc->exercise.start_week_s;
  }
  return false;
}

bool Monitor::fire_due_reactions(double now, bool dry) {
  for (auto& r : w_.reactions) {
    if (r.watch.fired || !r.ready()) continue;
    bool averaged = r.spec.when == ConditionKind::Paging || r.spec.when == ConditionKind::Cpu;
    if (!watch(r.watch, holds(r, now), now, averaged ? kWindow : 0,
               [&](double held) { return held + 1e-9 >= r.spec.for_s; }))
      continue;
    if (dry) return true;
    r.trigger(w_);
  }
  return false;
}

void start_monitor(World& w) {
  w.monitor = std::make_unique<Monitor>(w);
  w.monitor->start();
}

}  // namespace drsim::sim
