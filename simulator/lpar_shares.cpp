// PR/SM weights: the shared pool water-filled among the shared LPARs whenever their demand
// changes, each share set as its host's pstate (see lpar_shares.hpp, docs/engine.md).
#include "simulator/lpar_shares.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "models/cpu.hpp"

namespace drsim::sim {

void Prsm::configure(const CpuParams& params, double pool_cps, double flops_per_cp) {
  params_ = &params;
  pool_cps_ = pool_cps;
  flops_per_cp_ = flops_per_cp;
}

Lpar& Prsm::add(Lpar lpar) {
  lpars_.push_back(std::move(lpar));
  return lpars_.back();
}

/// Gives an LPAR `cps` CPs: its host's pstate with the largest speed not above that (set on
/// the host only when it changed and work with an end runs there: a new speed makes SimGrid
/// re-solve that host's activities).
void Prsm::set_share(Lpar& c, double cps) {
  if (std::fabs(cps - c.bound) <= 1e-12) return;
  c.bound = cps;
  note_denied(c);
  const double want = cps * flops_per_cp_ * (1 + 1e-12);
  // the host's own pstates, ascending (every LPAR PR/SM shares was made with one: platform.cpp)
  const std::vector<double>& ladder = *c.ladder;
  auto above = std::upper_bound(ladder.begin(), ladder.end(), want);
  long k = above == ladder.begin() ? 0 : static_cast<long>(above - ladder.begin()) - 1;
  if (k == c.pstate) return;
  c.pstate = k;
  if (c.working > 0) apply(c);
}

void Prsm::apply(Lpar& c) {
  if (c.pstate < 0 || c.pstate == c.applied) return;
  c.applied = c.pstate;
  c.host->set_pstate(static_cast<unsigned long>(c.pstate));
}

void Prsm::begin_work(Lpar& c) {
  ++c.working;
  apply(c);
}

double Prsm::capacity() const {
  return pool_cps_ * (1.0 - lpar_overhead_fraction(false, *params_));
}

void Prsm::rebalance() {
  demands_.clear();
  shared_.clear();
  for (auto& c : lpars_) {
    if (!c.shared) continue;
    shared_.push_back(&c);
    demands_.push_back(LparDemand{c.weight, c.demand, double(c.logical), c.capped});
  }
  if (shared_.empty()) return;
  std::vector<double> alloc = share_cps(demands_, capacity(), order_);
  for (size_t k = 0; k < shared_.size(); ++k) set_share(*shared_[k], alloc[k]);
}

void Prsm::batch_on(sg4::Host* host) {
  batch_ = sg4::Semaphore::create(0);
  sg4::Actor::create("prsm", host, [this] {
    for (;;) {
      batch_->acquire();
      pending_ = false;
      rebalance();
    }
  });
}

void Prsm::request_rebalance() {
  if (!batch_) {
    rebalance();
  } else if (!pending_) {
    pending_ = true;
    batch_->release();
  }
}

void Prsm::note_denied(Lpar& c) {
  bool has_share = c.shared || c.dedicated_later > 0;
  double given = has_share ? std::max(0.0, c.bound) : double(c.logical);
  c.denied.set(sg4::Engine::get_clock(), std::max(0.0, c.demand - given));
}

void Prsm::change(Lpar& c, double delta_threads, const std::string& who) {
  if (!who.empty()) c.held_by[who].add(sg4::Engine::get_clock(), delta_threads);
  c.threads = std::max(0.0, c.threads + delta_threads);
  if (c.threads < 1e-9) c.threads = 0;
  c.busy.set(sg4::Engine::get_clock(), std::min(1.0, c.threads / c.logical));
  double old = c.demand;
  c.demand = std::min(c.threads, double(c.logical));
  if (c.demand == old) return;
  note_denied(c);
  if (c.dedicated_later > 0) set_share(c, std::min(c.demand, double(c.dedicated_later)));
  if (!c.shared) return;
  double before = shared_demand_;
  shared_demand_ += c.demand - old;
  double cap = capacity();
  // While the pool has room before and after, every uncapped LPAR gets its demand: only this
  // LPAR's share moves, and the weighted water-filling over all LPARs can be skipped.
  // (A re-share already due this instant sets every share from the demands it then sees.)
  if (before <= cap && shared_demand_ <= cap && !c.capped && !pending_)
    set_share(c, c.demand);
  else
    request_rebalance();
}

void Prsm::dedicate(Lpar& c, int cps) {
  if (!c.shared) return;
  shared_demand_ -= c.demand;
  c.shared = false;
  c.dedicated_later = std::min(cps, c.logical);
  set_share(c, std::min(c.demand, double(c.dedicated_later)));
}

void Prsm::shrink_pool(int cps) {
  pool_cps_ = std::max(1.0, pool_cps_ - cps);
  rebalance();
}

}  // namespace drsim::sim
