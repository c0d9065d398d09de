// One-shot events (see event.hpp).
#include "simulator/event.hpp"

namespace drsim::sim {

void Event::fire() {
  if (fired_) return;
  fired_ = true;
  for (auto& s : waiters_) s->release();
  waiters_.clear();
}

void Event::wait() {
  if (fired_) return;
  auto sem = sg4::Semaphore::create(0);
  waiters_.push_back(sem);
  sem->acquire();
}

}  // namespace drsim::sim
