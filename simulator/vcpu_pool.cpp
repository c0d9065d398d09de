// Share-ordered virtual CPs of a 2nd-level z/VM (see vcpu_pool.hpp).
#include "simulator/vcpu_pool.hpp"

#include <algorithm>

namespace drsim::sim {

VcpuPool::TicketPtr VcpuPool::request(double now, double cp_seconds, double weight) {
  auto t = std::make_shared<Ticket>();
  if (free_ > 0 && waiting_.empty()) {
    --free_;
    t->granted = true;
    return t;
  }
  double deadline = now + cp_seconds * (100.0 / std::max(weight, 1e-3) - 1.0);
  waiting_.push_back(Waiter{deadline, seq_++, t});
  return t;
}

void VcpuPool::wait(const TicketPtr& t) {
  if (!t->granted) t->wake->acquire();
}

void VcpuPool::release() {
  if (waiting_.empty()) {
    ++free_;
    return;
  }
  auto next =
      std::min_element(waiting_.begin(), waiting_.end(), [](const Waiter& a, const Waiter& b) {
        return a.deadline != b.deadline ? a.deadline < b.deadline : a.seq < b.seq;
      });
  TicketPtr t = next->ticket;
  waiting_.erase(next);
  t->granted = true;
  t->wake->release();
}

void VcpuPool::withdraw(const TicketPtr& t) {
  if (t->granted) return release();
  std::erase_if(waiting_, [&](const Waiter& w) { return w.ticket == t; });
}

}  // namespace drsim::sim
