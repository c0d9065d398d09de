#pragma once
/// \file platform.hpp
/// Scenario -> SimGrid platform: a host per LPAR (shared ones with a ladder of share speeds),
/// reserved hosts for CPs dedicated later; bandwidth hosts for the DASD subsystem and each
/// z/VM's paging volumes. Creates the Lpars (in Prsm) and the Zvms.

#include <map>
#include <memory>
#include <simgrid/s4u.hpp>
#include <string>
#include <utility>
#include <vector>

#include "models/scenario.hpp"
#include "models/topology.hpp"

namespace drsim::sim {

struct World;

/// What the SimGrid hosts of a DR site are made from. A Monte Carlo draw changes none of it
/// (durations, volume counts, networks), so replications can share hosts created once before
/// they fork (app/replicate_batch.cpp); equal specs give the same hosts.
struct PlatformSpec {
  struct LparHost {
    std::string name;
    bool dedicated = false;
    int logical_cps = 1;
    bool operator==(const LparHost&) const = default;
  };
  std::vector<LparHost> lpars;                         ///< topology order
  std::vector<std::pair<std::string, int>> reserved;   ///< dedicate-cpus reactions: z/VM, CPs
  std::vector<std::pair<std::string, double>> paging;  ///< z/VMs with paging volumes: bytes/s
  double flops_per_cp = 0;
  int pool_cps = 1;  ///< the machine's CPs not dedicated to an LPAR
  double dasd_Bps = 1;
  int share_steps = 64;  ///< geometric steps per doubling of the shares' ladders
  bool operator==(const PlatformSpec&) const = default;
};

/// The hosts created for a spec.
struct PlatformHosts {
  std::vector<simgrid::s4u::Host*> lpars;  ///< spec.lpars order
  /// Each shared LPAR host's pstate speeds (null for a dedicated one), spec.lpars order: the
  /// ladder SimGrid copied into the host, shared by LPARs of the same size, so that PR/SM
  /// finds a share's pstate without asking SimGrid for speed after speed.
  std::vector<std::shared_ptr<const std::vector<double>>> ladders;
  std::map<std::string, simgrid::s4u::Host*> reserved;  ///< by z/VM name
  std::map<std::string, simgrid::s4u::Host*> paging;    ///< by z/VM name
  simgrid::s4u::Host* control = nullptr;                ///< where the actors that only wait run
  simgrid::s4u::Host* dasd = nullptr;
};

/// The spec of a scenario's DR site (its resolved topology).
PlatformSpec platform_spec(const Scenario& sc, const Topology& topo);
/// Creates the hosts in one sealed zone (once per process, after the Engine).
PlatformHosts create_hosts(const PlatformSpec& spec);
/// Creates the Lpars (in Prsm) and the Zvms over the hosts, and gives the shared LPARs their
/// first shares.
void build_platform(World& w, const PlatformSpec& spec, const PlatformHosts& hosts);
/// Speeds of a shared LPAR's host (its pstates, ascending): the shares it can be given,
/// `steps_per_doubling` geometric steps per doubling plus every whole CP.
std::vector<double> share_speeds(int logical, double flops_per_cp, int steps_per_doubling);

}  // namespace drsim::sim
