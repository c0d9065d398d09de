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
constexpr long kHorizon = 120;   ///< at most this many minutes looked ahead (then looks again)
/// A wake-up costs about what working this many minutes of one gauge out again does (callgrind,
/// year 1: ~5,000 instructions a wake-up, ~200 a gauge's minute): sets the horizon below.
constexpr double kWakeCost = 25;

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

/// A reaction whose watch still counts minutes: not fired, and not waiting for another.
bool watching(const Reaction& r) {
  return !r.watch.fired && r.ready();
}

}  // namespace

void Gauge::read(long k) const {
  // the integrals at minutes first..k, as a monitor sampling every minute averages them
  long first = std::max(1L, k - static_cast<long>(kAverage));
  double span = kWindow * static_cast<double>(k - first);
  if (span > 0)
    reading_ = (level_.integral_at(kWindow * static_cast<double>(k)) -
                level_.integral_at(kWindow * static_cast<double>(first))) /
               span * scale_;
  read_at_ = k;
}

bool Gauge::surely_below(long k, double threshold) const {
  long first = std::max(1L, k - static_cast<long>(kAverage));
  double from = kWindow * static_cast<double>(first);
  if (k <= first || level_.changed_at() > from) return false;
  // Both integrals are then integral_ + level * (t - last change): their difference is level
  // * span but for a few roundings (2^-53 relative each) of the integral; the margin is a
  // million times that.
  double span = kWindow * static_cast<double>(k - first);
  double exact = level_.level() * scale_;
  double margin =
      1e-9 * (std::fabs(exact) + std::fabs(threshold) +
              std::fabs(scale_ * level_.integral(kWindow * static_cast<double>(k))) / span);
  return exact < threshold - margin;
}

void Gauge::level_changed() {
  read_at_ = -1;  // the readings from now on move
  rest_from = std::numeric_limits<long>::max();
  monitor_.level_changed(*this);
}

Monitor::Monitor(World& w) : w_(w) {
  size_t n = 0;
  for (auto& z : w.zvms) {
    paging_.emplace_back(*this, n++, true, z.node.name, z.paging_busy, z.capacity_pages_per_s);
    z.paging_busy.observe(&paging_.back());
  }
  for (auto& c : w.prsm.lpars()) {
    cpu_.emplace_back(*this, n++, false, c.name, c.busy, 1.0);
    c.busy.observe(&cpu_.back());
  }
  paging_by_name_ = by_name(paging_);
  cpu_by_name_ = by_name(cpu_);
  for (auto& r : w.reactions) {
    if (r.spec.when == ConditionKind::Paging) {
      auto it = std::find_if(paging_.begin(), paging_.end(),
                             [&](const Gauge& g) { return g.name() == r.spec.subject; });
      if (it != paging_.end()) it->reactions.emplace_back(&r, 0), r.gauge = &*it;
    } else if (r.spec.when == ConditionKind::Cpu) {
      auto it = std::find_if(cpu_.begin(), cpu_.end(),
                             [&](const Gauge& g) { return g.name() == r.spec.subject; });
      if (it != cpu_.end()) it->reactions.emplace_back(&r, 0), r.gauge = &*it;
    }
  }
  for (auto& g : paging_) watches_.push_back(&g.finding);
  for (auto& g : cpu_) watches_.push_back(&g.finding);
  for (auto& r : w.reactions) watches_.push_back(&r.watch);
  for (auto* gauges : {&paging_, &cpu_})  // each reaction's watch by its position
    for (auto& g : *gauges)
      for (auto& [r, i] : g.reactions)
        i = static_cast<size_t>(std::find(watches_.begin(), watches_.end(), &r->watch) -
                                watches_.begin());
}

void Monitor::start() {
  sg4::Actor::create("monitor", w_.control, [this] { run(); });
}

void Monitor::poke() {
  poked_ = true;
  if (parked_) parked_ = false, wake_->release();
}

void Monitor::level_changed(Gauge& g) {
  if (!parked_) return;  // awake: it looks ahead again before it sleeps
  // a reading at minute j <= now integrates the level up to j: only later ones move
  const long from = std::max(base_, static_cast<long>(std::floor(w_.now() / kWindow))) + 1;
  if (from >= limit_) return;
  // fired watches, and reactions waiting for another, stay as they are: nothing to work out
  auto live = [](const auto& ri) { return watching(*ri.first); };
  if (g.finding.fired && std::none_of(g.reactions.begin(), g.reactions.end(), live)) return;
  ++changes_;
  // g's watches as checked for real, kept; then as the look-ahead had them before `from`
  kept_.clear();
  kept_.push_back(g.finding);
  for (const auto& [r, i] : g.reactions) kept_.push_back(r->watch);
  if (from - 1 > base_) {
    const Watch* before = after(from - 1);
    g.finding = before[g.index()];
    for (const auto& [r, i] : g.reactions) r->watch = before[i];
  }
  long k = from;
  for (; k < limit_; ++k) {  // the other watches do not read g: their look-ahead stands
    double now = kWindow * static_cast<double>(k);
    minute_ = k;
    valid_ = k >= 2;
    const bool rests = valid_ && resting(g);  // then also every later minute (levels stay)
    if (rests) {
      rest(g);
    } else {
      if (finding_fires(g, now)) break;
      if (std::any_of(g.reactions.begin(), g.reactions.end(),
                      [&](const auto& ri) { return reaction_fires(*ri.first, now); }))
        break;
    }
    for (long j = k; j < (rests ? limit_ : k + 1); ++j) {
      Watch* a = after(j);
      a[g.index()] = g.finding;
      for (const auto& [r, i] : g.reactions) a[i] = r->watch;
    }
    if (rests) k = limit_ - 1;
  }
  g.finding = kept_[0];
  for (size_t i = 0; i < g.reactions.size(); ++i) g.reactions[i].first->watch = kept_[i + 1];
  if (k < limit_) limit_ = k, parked_ = false, wake_->release();  // fires sooner: wake up
}

/// Asleep until the first minute at which something would fire, or the horizon; a finding
/// noticed or a reaction's end wakes it to check the minutes up to now (poke), a level change
/// only if it makes something fire sooner (level_changed).
void Monitor::run() {
  long m = 0;  // the last minute checked
  for (;;) {
    const long next = predict(m);
    poked_ = false;
    changes_ = 0;
    parked_ = true;
    bool timed_out = wake_->acquire_timeout(kWindow * static_cast<double>(next) - w_.now());
    ++w_.activities;
    adapt_horizon(static_cast<long>(std::floor(w_.now() / kWindow)) - base_);
    if (!timed_out) {
      // The minutes before now are quiet (the look-ahead's watches): what changed is new now.
      // A minute that ends now is checked again when poked (a change it may see).
      const double now = w_.now();
      long last = std::min(limit_, static_cast<long>(std::floor(now / kWindow)));
      long quiet = poked_ && kWindow * static_cast<double>(last) == now ? last - 1 : last;
      if (quiet > m) restore_after(quiet), m = quiet;
      while (m < last) check_minute(++m, false);
      continue;
    }
    if (!parked_) wake_->acquire();  // poked at the very instant: take its token back
    if (limit_ - 1 > m) {
      // Levels the look-ahead followed, anything else changed now at the earliest: minutes
      // m+1..limit_-1 checked for real would give what it gave (nothing fires).
      restore_after(limit_ - 1);
      m = limit_ - 1;
    }
    parked_ = false;
    while (m < limit_) check_minute(++m, false);
  }
}

void Monitor::adapt_horizon(long minutes) {
  if (every_minute_) return;
  if (changes_ == 0) {
    horizon_ = std::min(kHorizon, horizon_ * 2);
    return;
  }
  // a change costs ~horizon/2 minutes of its gauge, a wake-up kWakeCost: the best horizon is
  // sqrt(2 kWakeCost / changes per minute)
  double per_minute = static_cast<double>(changes_) / static_cast<double>(std::max(1L, minutes));
  horizon_ = std::clamp(std::lround(std::sqrt(2 * kWakeCost / per_minute)), 2L, kHorizon);
}

long Monitor::predict(long m) {
  base_ = m;
  for (auto* gauges : {&paging_, &cpu_})
    for (auto& g : *gauges) g.rest_from = std::numeric_limits<long>::max();
  const size_t n = watches_.size();
  after_.resize(static_cast<size_t>(horizon_) * n);
  save_watches(real_);
  long k = m + 1;
  for (; k < m + horizon_; ++k) {
    if (check_minute(k, true)) break;
    Watch* a = after(k);
    for (size_t i = 0; i < n; ++i) a[i] = *watches_[i];
    if (k + 1 < m + horizon_ && settled()) {  // the minutes after k leave every watch as k did
      for (long j = k + 1; j < m + horizon_; ++j) std::copy_n(a, n, after(j));
      k = m + horizon_;
      break;
    }
  }
  restore_watches(real_);
  limit_ = k;
  return k;
}

void Monitor::restore_after(long k) {
  const Watch* a = after(k);
  for (size_t i = 0; i < watches_.size(); ++i) *watches_[i] = a[i];
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
  minute_ = k;  // each gauge read when a watch asks for it (a fired one does not)
  valid_ = k >= 2;
  if (check_runtime_findings(now, dry)) return true;
  return fire_due_reactions(now, dry);
}

bool Monitor::finding_fires(Gauge& g, double now) {
  if (!valid_ || g.finding.fired) return false;  // fired: watch() changes nothing
  if (g.paging()) {
    const auto& pp = w_.sc->params.paging;
    return watch(g.finding, g.reading(minute_) > pp.overload_pages_per_s, now, kWindow,
                 [&](double held) { return held >= pp.overload_for_s; });
  }
  const auto& cp = w_.sc->params.cpu;
  return watch(g.finding, g.reading(minute_) >= cp.saturation_busy, now, kWindow,
               [&](double held) { return held > cp.saturation_for_s; });
}

bool Monitor::check_runtime_findings(double now, bool dry) {
  if (!valid_) return false;
  const auto& pp = w_.sc->params.paging;
  for (Gauge* g : paging_by_name_) {
    const std::string& vm = g->name();
    if (dry && resting(*g)) {
      rest_finding(*g);
      continue;
    }
    if (!finding_fires(*g, now)) continue;
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
    if (dry && resting(*g)) {
      rest_finding(*g);
      continue;
    }
    if (!finding_fires(*g, now)) continue;
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
      return valid_ && r.gauge && r.gauge->reading(minute_) > r.spec.above;
    case ConditionKind::Finding:
      return finding_raised(r.spec.subject);
    case ConditionKind::Time:
      return r.spec.at_week_s && now >= *r.spec.at_week_s - w_.sc->exercise.start_week_s;
  }
  return false;
}

bool Monitor::resting(const Gauge& g) const {
  if (minute_ >= g.rest_from) return true;
  const double finding_at =
      g.paging() ? w_.sc->params.paging.overload_pages_per_s : w_.sc->params.cpu.saturation_busy;
  if (!g.finding.fired && !g.surely_below(minute_, finding_at)) return false;
  for (const auto& [r, i] : g.reactions)
    if (watching(*r) && !g.surely_below(minute_, r->spec.above)) return false;
  g.rest_from = minute_;
  return true;
}

bool Monitor::settled() const {
  // a look-ahead's levels do not move: a gauge resting now rests to its end
  for (const auto* gauges : {&paging_, &cpu_})
    for (const auto& g : *gauges)
      if (!resting(g)) return false;
  // a condition on a finding or a time can begin to hold later
  return std::all_of(w_.reactions.begin(), w_.reactions.end(), [](const Reaction& r) {
    bool on_gauge = r.spec.when == ConditionKind::Paging || r.spec.when == ConditionKind::Cpu;
    return on_gauge || !watching(r);
  });
}

void Monitor::rest_finding(Gauge& g) {
  if (!g.finding.fired) g.finding.since = -1;
}

void Monitor::rest_reaction(Reaction& r) {
  if (watching(r)) r.watch.since = -1;
}

void Monitor::rest(Gauge& g) {
  rest_finding(g);
  for (const auto& [r, i] : g.reactions) rest_reaction(*r);
}

bool Monitor::reaction_fires(Reaction& r, double now) {
  if (!watching(r)) return false;
  bool averaged = r.spec.when == ConditionKind::Paging || r.spec.when == ConditionKind::Cpu;
  return watch(r.watch, holds(r, now), now, averaged ? kWindow : 0,
               [&](double held) { return held + 1e-9 >= r.spec.for_s; });
}

bool Monitor::fire_due_reactions(double now, bool dry) {
  for (auto& r : w_.reactions) {
    if (dry && valid_ && r.gauge && resting(*r.gauge)) {
      rest_reaction(r);
      continue;
    }
    if (!reaction_fires(r, now)) continue;
    if (dry) return true;
    r.trigger(w_);
  }
  return false;
}

void start_monitor(World& w, bool every_minute) {
  w.monitor = std::make_unique<Monitor>(w);
  if (every_minute) w.monitor->every_minute();
  w.monitor->start();
}

}  // namespace drsim::sim
