// CPU sharing (PR/SM weights through VM bounds), page I/O, and the small shared helpers.
#include "models/cpu.hpp"

#include <algorithm>
#include <cmath>

#include "simulator/world.hpp"

namespace drsim::sim {

void Level::set(double now, double level) {
  if (level == level_) return;
  integral_ += level_ * (now - last_);
  last_ = now;
  level_ = level;
  if (!changes_.empty() && changes_.back().first == now)
    changes_.back().second = level;
  else
    changes_.emplace_back(now, level);
}

std::vector<double> Level::series(double step, double end) const {
  size_t n = static_cast<size_t>(std::ceil(end / step));
  std::vector<double> out(n, 0.0);
  double cur = 0, t = 0;
  size_t ci = 0;
  for (size_t i = 0; i < n; ++i) {
    double b0 = static_cast<double>(i) * step, b1 = std::min(end, b0 + step);
    double acc = 0;
    t = b0;
    while (ci < changes_.size() && changes_[ci].first < b1) {
      double ct = std::max(changes_[ci].first, b0);
      acc += cur * (ct - t);
      t = ct;
      cur = changes_[ci].second;
      ++ci;
    }
    acc += cur * (b1 - t);
    out[i] = b1 > b0 ? acc / (b1 - b0) : 0;
  }
  return out;
}

void Lane::begin(const std::string& phase, double now, const std::string& note) {
  if (open_ && current_ == phase) return;
  end(now);
  r_->phases.push_back(PhaseRecord{phase, now, now, note});
  open_ = true;
  current_ = phase;
}

void Lane::end(double now) {
  if (!open_) return;
  r_->phases.back().end_s = now;
  open_ = false;
  current_.clear();
}

void World::fire(const std::string& name) {
  Event& e = events[name];
  if (e.fired) return;
  e.fired = true;
  e.t = now();
  for (auto& s : e.waiters) s->release();
  e.waiters.clear();
}

void World::wait_event(const std::string& name) {
  Event& e = events[name];
  if (e.fired) return;
  auto sem = sg4::Semaphore::create(0);
  e.waiters.push_back(sem);
  sem->acquire();
}

void World::notify_network() {
  std::vector<int> waiting;
  waiting.swap(net_waiters);
  for (int g : waiting) guests[static_cast<size_t>(g)].wake->release();
}

void World::note_blocked(const std::string& code) {
  if (noticed.count(code) == 0) noticed[code] = now();
}

void World::log_event(const std::string& kind, const std::string& subject, const std::string& msg) {
  result.events.push_back(EventRecord{now(), kind, subject, msg});
}

namespace {

/// Gives an LPAR `cps` CPs: its host's pstate with the largest speed not above that (only
/// when it changed: a new speed makes SimGrid re-solve that host's activities).
void set_share(World& w, Container& c, double cps) {
  if (std::fabs(cps - c.bound) <= 1e-12) return;
  c.bound = cps;
  const double want = cps * w.flops_per_cp_dr * (1 + 1e-12);
  long lo = 0, hi = static_cast<long>(c.host->get_pstate_count()) - 1;  // speed(lo) <= want
  while (lo < hi) {
    long mid = (lo + hi + 1) / 2;
    if (c.host->get_pstate_speed(static_cast<unsigned long>(mid)) <= want)
      lo = mid;
    else
      hi = mid - 1;
  }
  long k = lo;
  if (k == c.pstate) return;
  c.pstate = k;
  c.host->set_pstate(static_cast<unsigned long>(k));
}

double pool_capacity(const World& w) {
  return w.pool_cps * (1.0 - lpar_overhead_fraction(false, w.sc->params.cpu));
}

}  // namespace

void cpu_rebalance(World& w) {
  std::vector<LparDemand> demands;
  std::vector<Container*> shared;
  for (auto& c : w.containers) {
    if (!c.shared) continue;
    shared.push_back(&c);
    demands.push_back(LparDemand{c.weight, c.demand, double(c.logical), c.capped});
  }
  if (shared.empty()) return;
  std::vector<double> alloc = share_cps(demands, pool_capacity(w));
  for (size_t k = 0; k < shared.size(); ++k) set_share(w, *shared[k], alloc[k]);
}

void cpu_change(World& w, int container, double delta_threads) {
  Container& c = w.containers[static_cast<size_t>(container)];
  c.threads = std::max(0.0, c.threads + delta_threads);
  if (c.threads < 1e-9) c.threads = 0;
  c.busy.set(w.now(), std::min(1.0, c.threads / c.logical));
  double old = c.demand;
  c.demand = std::min(c.threads, double(c.logical));
  if (c.demand == old) return;
  if (c.dedicated_later > 0) set_share(w, c, std::min(c.demand, double(c.dedicated_later)));
  if (!c.shared) return;
  double before = w.shared_demand;
  w.shared_demand += c.demand - old;
  double cap = pool_capacity(w);
  // While the pool has room before and after, every uncapped LPAR gets its demand: only this
  // LPAR's share moves, and the weighted water-filling over all LPARs can be skipped.
  if (before <= cap && w.shared_demand <= cap && !c.capped)
    set_share(w, c, c.demand);
  else
    cpu_rebalance(w);
}

void dedicate_lpar(World& w, int container, int cps) {
  Container& c = w.containers[static_cast<size_t>(container)];
  if (!c.shared) return;
  w.shared_demand -= c.demand;
  c.shared = false;
  c.dedicated_later = std::min(cps, c.logical);
  set_share(w, c, std::min(c.demand, double(c.dedicated_later)));
}

void run_cpu(World& w, int container, double cp_seconds, int threads, GuestLive* g,
             const sg4::SemaphorePtr& vcpus) {
  if (cp_seconds <= 0) return;
  if (vcpus) {
    vcpus->acquire();
    if (g) g->holds_token = true;
  }
  threads = std::max(1, threads);
  Container& c = w.containers[static_cast<size_t>(container)];
  cpu_change(w, container, threads);
  if (g) g->exec_container = container, g->exec_threads = threads;
  sg4::ExecPtr e = sg4::Exec::init();
  e->set_flops_amount(cp_seconds * kFlopsPerCp / threads);
  e->set_host(c.host);
  e->set_thread_count(threads);
  e->start();
  e->wait();
  ++w.activities;
  if (g) g->exec_container = -1, g->exec_threads = 0;
  cpu_change(w, container, -threads);
  if (vcpus) {
    if (g) g->holds_token = false;
    vcpus->release();
  }
}

void transfer(World& w, sg4::Host* bandwidth, double bytes, double bound) {
  sg4::ExecPtr io = sg4::Exec::init();
  io->set_flops_amount(bytes);
  io->set_host(bandwidth);
  if (bound > 0) io->set_bound(bound);
  io->start();
  io->wait();
  ++w.activities;
}

void run_paging(World& w, int zvm, double pages, GuestLive* g) {
  Zvm& z = w.zvms[static_cast<size_t>(zvm)];
  if (pages <= 0 || z.paging == nullptr) return;
  if (z.io_in_flight++ == 0) z.paging_busy.set(w.now(), 1.0);
  if (g) g->io_zvm = zvm;
  transfer(w, z.paging, pages * w.sc->params.paging.page_bytes);
  if (g) g->io_zvm = -1;
  if (--z.io_in_flight == 0) z.paging_busy.set(w.now(), 0.0);
}

void sleep_for(World& w, double seconds) {
  if (seconds <= 0) return;
  sg4::this_actor::sleep_for(seconds);
  ++w.activities;
}

}  // namespace drsim::sim
