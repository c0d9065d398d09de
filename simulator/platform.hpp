#pragma once
/// \file platform.hpp
/// Scenario -> SimGrid platform: a host per LPAR (shared ones with a ladder of share speeds),
/// reserved hosts for CPs dedicated later; bandwidth hosts for the DASD subsystem and each
/// z/VM's paging volumes. Creates the Lpars (in Prsm) and the Zvms.

#include <vector>

namespace drsim::sim {

struct World;

/// Builds the hosts, the Lpars and the Zvms, and gives the shared LPARs their first shares.
void build_platform(World& w);
/// Speeds of a shared LPAR's host (its pstates, ascending): the shares it can be given.
std::vector<double> share_speeds(int logical, double flops_per_cp);

}  // namespace drsim::sim
