// Releasing what a forced-off guest's actor held (see holding.hpp).
#include "simulator/holding.hpp"

#include "simulator/lpar_shares.hpp"
#include "simulator/zvm.hpp"

namespace drsim::sim {

bool Holding::interrupt() {
  if (!exec_) return false;
  exec_->cancel();
  exec_ = nullptr;
  return true;
}

void Holding::release(Prsm& prsm) {
  if (lpar_) prsm.change(*lpar_, -threads_, who_);
  if (pool_ && ticket_) pool_->withdraw(ticket_);
  if (io_) io_->end_io();
  lpar_ = nullptr, pool_ = nullptr, ticket_ = nullptr, io_ = nullptr;
  ++epoch_;
}

}  // namespace drsim::sim
