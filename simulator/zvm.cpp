// A z/VM's storage, paging volumes and steady load (see zvm.hpp).
#include "simulator/zvm.hpp"

#include "models/paging.hpp"
#include "simulator/activity.hpp"
#include "simulator/holding.hpp"
#include "simulator/steady_load.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {

void Zvm::memory_changed(World& w) {
  fault_rate.set(w.now(),
                 fault_pages_per_cpu_s(overcommit_ratio(ws_logged_on, real_bytes, xstor_bytes),
                                       w.sc->params.paging));
  poke();  // its running guests' steady page faults follow the new rate
}

void Zvm::page_in(World& w, double pages, Holding* holding) {
  if (pages <= 0 || paging == nullptr) return;
  if (io_in_flight_++ == 0) paging_busy.set(w.now(), 1.0);
  if (holding) holding->hold_io(this);
  if (!transfer(w, paging, pages * w.sc->params.paging.page_bytes, -1, holding))
    return;  // forced off: its guest's Holding ended the I/O
  if (holding) holding->hold_io(nullptr);
  end_io();
}

void Zvm::end_io() {
  if (--io_in_flight_ == 0) paging_busy.set(sg4::Engine::get_clock(), steady_paging_);
}

void Zvm::set_steady_paging(double now, double fraction) {
  steady_paging_ = fraction;
  if (io_in_flight_ == 0) paging_busy.set(now, fraction);
}

void Zvm::poke() {
  if (load) load->poke();
}

}  // namespace drsim::sim
