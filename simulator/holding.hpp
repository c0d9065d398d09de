#pragma once
/// \file holding.hpp
/// What a guest's actor holds at a given moment: CPs of work in an LPAR, one of its
/// 2nd-level VM's virtual CPs, a page I/O in flight. When an operator forces the guest off,
/// its actor is killed mid-wait and release() gives all of it back.

#include <memory>
#include <simgrid/s4u.hpp>
#include <string>
#include <utility>

#include "simulator/vcpu_pool.hpp"

namespace drsim::sim {

namespace sg4 = simgrid::s4u;
struct Lpar;
class Prsm;
class Zvm;

/// The resources a guest's actor holds right now.
class Holding {
 public:
  void hold_cpu(Lpar* lpar, double threads, const std::string& who = {}) {
    lpar_ = lpar, threads_ = threads, who_ = who;
  }
  /// A virtual CP requested (waiting or granted), or none.
  void hold_token(std::shared_ptr<VcpuPool> pool, VcpuPool::TicketPtr ticket) {
    pool_ = std::move(pool), ticket_ = std::move(ticket);
  }
  void hold_io(Zvm* zvm) { io_ = zvm; }
  /// Gives back what the killed actor held: its CPU demand, its virtual CP, its page I/O.
  void release(Prsm& prsm);

 private:
  Lpar* lpar_ = nullptr;
  double threads_ = 0;
  std::string who_;
  std::shared_ptr<VcpuPool> pool_;
  VcpuPool::TicketPtr ticket_;
  Zvm* io_ = nullptr;
};

}  // namespace drsim::sim
