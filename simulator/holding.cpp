// Releasing what a forced-off guest's actor held (see holding.hpp).
#include "simulator/holding.hpp"

#include "simulator/lpar_shares.hpp"
#include "simulator/zvm.hpp"

namespace drsim::sim {

void Holding::release(Prsm& prsm) {
  if (lpar_) prsm.change(*lpar_, -threads_, who_);
  if (pool_ && ticket_) pool_->withdraw(ticket_);
  if (io_) io_->end_io();
  lpar_ = nullptr, pool_ = nullptr, ticket_ = nullptr, io_ = nullptr;
}

}  // namespace drsim::sim
