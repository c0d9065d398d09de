#pragma once
/// \file vcpu_pool.hpp
/// The virtual CPs of a 2nd-level z/VM (or of a z/OS guest of the vendor's VM): at most n
/// pieces of work run on them at once. When all are busy, the next work to get one is the
/// waiting work with the earliest z/VM scheduler deadline (DOMAIN-ROUND2 B6: deadline ~ time
/// slice x 1 / normalized share), here arrival + its CP-seconds x (100 / weight - 1): a
/// RELATIVE 100 user is served in arrival order, a user with share 200 as if it had arrived
/// half its work earlier, one with share 50 as if a whole work later (**Assumption**: the
/// time slice taken as the work's length). Ties by arrival. With every share at the default
/// this is first come, first served, as a plain semaphore.

#include <memory>
#include <simgrid/s4u.hpp>
#include <vector>

namespace drsim::sim {

namespace sg4 = simgrid::s4u;

class VcpuPool {
 public:
  /// One request: granted once it holds a virtual CP.
  struct Ticket {
    bool granted = false;
    sg4::SemaphorePtr wake = sg4::Semaphore::create(0);
  };
  using TicketPtr = std::shared_ptr<Ticket>;

  explicit VcpuPool(int n) : free_(n) {}
  /// A ticket for work of `cp_seconds` by a user of share `weight`, at `now`. Call wait() on
  /// it next (a holder can withdraw it if its actor is killed meanwhile).
  TicketPtr request(double now, double cp_seconds, double weight);
  /// Blocks until the ticket holds a virtual CP.
  static void wait(const TicketPtr& t);
  /// The work is done (or its actor was killed while it held the CP): the CP goes to the
  /// waiting ticket with the earliest deadline.
  void release();
  /// A killed actor's ticket: gives its CP back if granted, else leaves the queue.
  void withdraw(const TicketPtr& t);

 private:
  struct Waiter {
    double deadline;
    long seq;
    TicketPtr ticket;
  };
  int free_;
  long seq_ = 0;
  std::vector<Waiter> waiting_;
};

}  // namespace drsim::sim
