#pragma once
/// \file topology.hpp
/// The resource kinds of a DR exercise, resolved from a scenario's placements: which DR
/// LPAR every production system and guest runs in, under which z/VM instance, at which SIE
/// level, with how much memory and how many paging volumes. Pure data, used by the engine
/// (to build the SimGrid world) and by reports of the configuration.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/scenario.hpp"

namespace drsim {

/// A DR LPAR: a CPU container on the DR machine.
struct LparNode {
  std::string name;
  int logical_cps = 1;
  bool dedicated = false;
  double weight = 100;
  bool capped = false;
  bool vendor = false;
  double busy_cps = 0;  ///< the vendor's own competing workload
};

/// A z/VM instance that owns memory and pages: the customer's VM (in its own LPAR or as a
/// guest of the vendor's VM) or the vendor's VM (when guests run directly under it).
struct ZvmNode {
  std::string name;         ///< the customer's VM system name, or the vendor LPAR name
  int lpar = -1;            ///< index into Topology::lpars
  std::string system;       ///< production system name; empty for the vendor's VM
  int guest_sie_level = 2;  ///< SIE level of its guests (3 when VM under VM)
  double real_bytes = 0;    ///< storage it has at DR (after the vendor LPAR's overcommit)
  double stated_bytes = 0;  ///< storage the scenario gives it (placement or LPAR)
  double xstor_bytes = 0;
  int paging_volumes = 0;
  int virtual_cpus = 0;  ///< 0 = the LPAR's logical CPs (first-level VM)
};

/// A production z/OS or z/VM system as it runs at DR.
struct SystemNode {
  const SystemSpec* spec = nullptr;
  bool placed = false;  ///< false: not at the DR site (or GuestsDirect for a VM)
  PlacementMode mode = PlacementMode::Lpar;
  int lpar = -1;
  int sie_level = 1;     ///< 1 in an LPAR, 2 as a guest of the vendor's VM
  int zvm = -1;          ///< z/VM systems: their ZvmNode
  int virtual_cpus = 0;  ///< Guest mode: virtual CPs (0 = LPAR's)
};

/// A guest as it runs at DR.
struct GuestNode {
  const GuestSpec* spec = nullptr;
  bool at_dr = false;  ///< false when its VM is not at the DR site / not moved
  int zvm = -1;        ///< the ZvmNode it runs under
  int lpar = -1;
  int sie_level = 2;
  double ws_bytes = 0;  ///< working set
};

struct Topology {
  std::vector<LparNode> lpars;
  std::vector<ZvmNode> zvms;
  std::vector<SystemNode> systems;  ///< same order as production.systems
  std::vector<GuestNode> guests;    ///< same order as production.guests
  std::map<std::string, int> lpar_index;
  std::map<std::string, int> system_index;
  std::map<std::string, int> guest_index;
  std::map<std::string, int> zvm_index;  ///< by ZvmNode::name

  int find_lpar(const std::string& n) const;
  int find_system(const std::string& n) const;
  int find_guest(const std::string& n) const;
};

/// Resolves a (valid) scenario's placements. Unknown names are skipped, not fatal: the
/// validator reports them. Memory: systems placed as guests of one vendor z/VM share its
/// LPAR's storage; when their storage (z/OS and z/VM guests: what they are given; guests
/// running directly under it: their working sets) exceeds the LPAR's, each z/VM guest gets
/// its stated storage scaled by LPAR / demand, and the vendor's own z/VM (for direct guests)
/// what is left of the LPAR (docs/engine.md "Memory at the DR site").
Topology resolve_topology(const Scenario& s);

/// The storage demand on a vendor z/VM LPAR and the factor its guests' storage is scaled by.
struct VendorMemory {
  double lpar_bytes = 0;  ///< the LPAR's storage
  double demand_bytes = 0;
  double factor = 1;  ///< min(1, lpar / demand)
};
VendorMemory vendor_memory(const Scenario& s, const std::string& lpar);

/// When staff working `work_s` from `start_week_s` finish, working only between
/// `from_s` and `to_s` each day (times of day); without staff hours, start + work.
double staff_finish_week_s(double start_week_s, double work_s, std::optional<double> from_s,
                           std::optional<double> to_s);

}  // namespace drsim
