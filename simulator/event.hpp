#pragma once
/// \file event.hpp
/// The two ways an actor waits for another: a one-shot Event (a z/VM came up, a plan step
/// finished, a system's volumes are restored) and a Park (a steady load idles until its load
/// changes). Both wait on SimGrid semaphores, so a killed actor's wait ends cleanly.

#include <simgrid/s4u.hpp>
#include <vector>

namespace drsim::sim {

namespace sg4 = simgrid::s4u;

/// A one-shot event with waiters, owned by the entity it belongs to.
class Event {
 public:
  /// Marks the event as happened now and wakes every waiter, in the order they came.
  void fire();
  /// Returns at once when the event happened, else blocks until it does.
  void wait();
  bool fired() const { return fired_; }

 private:
  bool fired_ = false;
  std::vector<sg4::SemaphorePtr> waiters_;
};

/// Where an actor waits until something pokes it (poke() wakes it once; no-op when not parked).
class Park {
 public:
  void wait() {
    parked_ = true;
    wake_->acquire();
  }
  void poke() {
    if (parked_) parked_ = false, wake_->release();
  }

 private:
  sg4::SemaphorePtr wake_ = sg4::Semaphore::create(0);
  bool parked_ = false;
};

}  // namespace drsim::sim
