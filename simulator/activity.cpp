// CPU work, transfers and waits: the activities every actor is made of (see activity.hpp).
#include "simulator/activity.hpp"

#include <algorithm>

#include "simulator/holding.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {

CpuTake run_cpu(World& w, Lpar& lpar, double cp_seconds, int threads, Holding* holding,
                const std::shared_ptr<VcpuPool>& vcpus, double weight, const std::string& who) {
  CpuTake take{w.now(), w.now(), w.now()};
  if (cp_seconds <= 0) return take;
  const long epoch = holding ? holding->epoch() : 0;
  if (vcpus) {
    VcpuPool::TicketPtr ticket = vcpus->request(w.now(), cp_seconds, weight);
    if (holding) holding->hold_token(vcpus, ticket);
    VcpuPool::wait(ticket);
  }
  take.granted = w.now();
  threads = std::max(1, threads);
  w.prsm.change(lpar, threads, who);
  if (holding) holding->hold_cpu(&lpar, threads, who);
  struct Working {  // the host follows the LPAR's share while this work runs (Prsm::begin_work)
    Prsm& prsm;
    Lpar& lpar;
    ~Working() { prsm.end_work(lpar); }
  } working{w.prsm, lpar};
  w.prsm.begin_work(lpar);
  sg4::ExecPtr e = sg4::Exec::init();
  e->set_flops_amount(cp_seconds * kFlopsPerCp / threads);
  e->set_host(lpar.host);
  e->set_thread_count(threads);
  if (weight != 100) e->set_priority(weight / 100);
  e->start();
  if (holding) holding->hold_exec(e);
  e->wait();
  ++w.activities;
  if (holding && holding->epoch() != epoch) return take;  // forced off: released already
  if (holding) holding->hold_exec(nullptr);
  if (holding) holding->hold_cpu(nullptr, 0);
  w.prsm.change(lpar, -threads, who);
  if (vcpus) {
    if (holding) holding->hold_token(nullptr, nullptr);
    vcpus->release();
  }
  take.done = w.now();
  return take;
}

bool transfer(World& w, sg4::Host* bandwidth, double bytes, double bound, Holding* holding) {
  const long epoch = holding ? holding->epoch() : 0;
  sg4::ExecPtr io = sg4::Exec::init();
  io->set_flops_amount(bytes);
  io->set_host(bandwidth);
  if (bound > 0) io->set_bound(bound);
  io->start();
  if (holding) holding->hold_exec(io);
  io->wait();
  ++w.activities;
  if (holding && holding->epoch() != epoch) return false;  // forced off: released already
  if (holding) holding->hold_exec(nullptr);
  return true;
}

void sleep_for(World& w, double seconds) {
  if (seconds <= 0) return;
  sg4::this_actor::sleep_for(seconds);
  ++w.activities;
}

}  // namespace drsim::sim
