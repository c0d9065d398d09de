#pragma once
/// \file zvm.hpp
/// A z/VM instance at the DR site that owns storage and pages: the customer's VM (in its own
/// LPAR or as a guest of the vendor's VM) or the vendor's VM its guests run directly under.
/// It keeps its logged-on guests' working sets, the fault rate their overcommit gives, its
/// paging volumes (a bandwidth host), and the steady CPU of its running guests.

#include <simgrid/s4u.hpp>

#include "models/attribution.hpp"
#include "models/topology.hpp"
#include "simulator/event.hpp"
#include "simulator/level.hpp"
#include "simulator/vcpu_pool.hpp"

namespace drsim::sim {

namespace sg4 = simgrid::s4u;
struct World;
struct Lpar;
class Holding;
class SteadyLoad;

/// A z/VM that pages, with its live state.
class Zvm {
 public:
  explicit Zvm(const ZvmNode& node) : node(node), paging_volumes(node.name + "'s paging volumes") {}

  /// Re-reads the overcommit (working sets, storage, Xstor changed) into the fault rate.
  void memory_changed(World& w);
  /// Blocking page-in of `pages` on the paging volumes; `holding` (may be null) records it.
  void page_in(World& w, double pages, Holding* holding);
  /// A page I/O ended (done, or its guest was forced off mid-I/O).
  void end_io();
  /// Its running guests' steady page faults now take `fraction` (0..1) of the paging volumes.
  void set_steady_paging(double now, double fraction);
  /// Wakes its steady load (its load, LPAR or memory changed).
  void poke();
  /// The vendor's VM: running from the start, defining its own devices.
  bool vendors() const { return node.system.empty(); }
  /// Whether a device address that changed at DR is in effect: a reconfigure, then a re-IPL.
  bool addresses_updated() const {
    return reconfigured_at_generation >= 0 && generation > reconfigured_at_generation;
  }

  const ZvmNode& node;
  /// "VMPROD's paging volumes": where its guests' page-ins are attributed
  const attribution::Text paging_volumes;
  Lpar* lpar = nullptr;         ///< where it and its guests run (an operator may dedicate CPs)
  sg4::Host* paging = nullptr;  ///< its paging volumes: speed = their bandwidth (bytes/s)
  double capacity_pages_per_s = 0;
  std::shared_ptr<VcpuPool> vcpus;  ///< 2nd-level VM: its virtual CPs (null = none)
  double real_bytes = 0, xstor_bytes = 0;
  double ws_logged_on = 0;  ///< sum of working sets of logged-on guests
  Level fault_rate;         ///< page faults per CP-second of guest work, from the overcommit
  Level paging_busy;        ///< 1 while a page I/O is in flight, else the steady paging's fraction
  bool up = false;
  int generation = 0;  ///< IPL count (re-IPLs increment)
  int reconfigured_at_generation = -1;
  double steady_cpu = 0;        ///< sum of steady CPs (x SIE multiplier) of up guests + CP itself
  double steady_fault_cpu = 0;  ///< guest work that touches pages (no multiplier)
  Event came_up;                ///< first time it is up (the vendor's VM: at the start)
  SteadyLoad* load = nullptr;   ///< its steady load

 private:
  int io_in_flight_ = 0;
  double steady_paging_ = 0;  ///< the fraction of the volumes the steady page faults take
};

}  // namespace drsim::sim
