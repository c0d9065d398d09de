// What the bare-SimGrid peers (scale_peer, seed_peer) share: S4U only, nothing of drsim.
#pragma once

#include <simgrid/s4u.hpp>
#include <vector>

namespace peer {

namespace sg4 = simgrid::s4u;

/// One CP of a host, in flops per second.
constexpr double kFlopsPerCp = 1e9;

/// The activities a peer started, counted the way drsim counts its events.
inline long long events = 0;

/// A one-shot event: fire() wakes every waiter.
class Gate {
 public:
  void fire() {
    fired_ = true;
    for (auto& s : waiters_) s->release();
    waiters_.clear();
  }
  void wait() {
    if (fired_) return;
    auto s = sg4::Semaphore::create(0);
    waiters_.push_back(s);
    s->acquire();
  }

 private:
  bool fired_ = false;
  std::vector<sg4::SemaphorePtr> waiters_;
};

/// `cp_s` CP-seconds of work on host `h`.
inline void cpu(sg4::Host* h, double cp_s) {
  sg4::Exec::init()->set_flops_amount(cp_s * kFlopsPerCp)->set_host(h)->start()->wait();
  ++events;
}

/// `n` bytes through a bandwidth host `h` (its speed is bytes per second), at most `bound` B/s.
inline void bytes(sg4::Host* h, double n, double bound = -1) {
  sg4::ExecPtr e = sg4::Exec::init()->set_flops_amount(n)->set_host(h);
  if (bound > 0) e->set_bound(bound);
  e->start()->wait();
  ++events;
}

inline void sleep(double s) {
  sg4::this_actor::sleep_for(s);
  ++events;
}

/// A persistent load at `cps` CPs of its host (never ends); none for `cps` <= 0.
inline void steady(sg4::Host* h, double cps) {
  if (cps <= 0) return;
  sg4::Exec::init()->set_flops_amount(1e30)->set_host(h)->set_bound(cps * kFlopsPerCp)->start();
  ++events;
}

}  // namespace peer
