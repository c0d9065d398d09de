#pragma once
/// \file holding.hpp
/// What a guest's actor holds at a given moment: CPs of work in an LPAR, one of its
/// 2nd-level VM's virtual CPs, a page I/O in flight, the exec it waits for. When an operator
/// forces the guest off, interrupt() cancels that exec and release() gives all of it back;
/// the start-up then ends normally instead of its actor being killed (guest.cpp).

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
  /// The exec (CPU work or page I/O) being waited for, or none.
  void hold_exec(sg4::ExecPtr exec) { exec_ = std::move(exec); }
  /// Cancels the exec in flight (its wait returns); true if there was one.
  bool interrupt();
  /// Gives back what the forced-off guest held: its CPU demand, its virtual CP, its page I/O.
  void release(Prsm& prsm);
  /// How many times it was released: run_cpu and transfer compare it before and after a
  /// wait, and touch nothing more when it moved (the wait ended or was cut short after
  /// release() gave everything back).
  long epoch() const { return epoch_; }

 private:
  Lpar* lpar_ = nullptr;
  double threads_ = 0;
  std::string who_;
  std::shared_ptr<VcpuPool> pool_;
  VcpuPool::TicketPtr ticket_;
  Zvm* io_ = nullptr;
  sg4::ExecPtr exec_;
  long epoch_ = 0;
};

}  // namespace drsim::sim
