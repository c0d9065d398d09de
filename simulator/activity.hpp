#pragma once
/// \file activity.hpp
/// The three ways simulated time passes for an actor: CPU work in an LPAR, bytes through a
/// bandwidth (paging volumes, the DASD subsystem), and plain waiting. Each counts one
/// activity in World::activities (result.json metrics.events).

#include <memory>
#include <simgrid/s4u.hpp>
#include <string>

#include "simulator/vcpu_pool.hpp"

namespace drsim::sim {

namespace sg4 = simgrid::s4u;
struct World;
struct Lpar;
class Holding;

/// When a piece of CPU work asked for the CPs, got its virtual CP, and was done.
struct CpuTake {
  double asked = 0, granted = 0, done = 0;
};

/// Runs cp_seconds of work (already multiplied for SIE) on `threads` CPs of an LPAR, taking
/// one of `vcpus` first when the work runs in a 2nd-level VM; `holding` (may be null) records
/// what is held meanwhile; when its guest is forced off meanwhile (Holding::interrupt
/// cancelled the exec) it returns at once, touching nothing. `weight` is the
/// user's z/VM share weight (models/cpu share_weight, RELATIVE 100 = 100): it orders the virtual
/// CPs' queue and weighs the work against the other work in the LPAR. `who` names its demand among
/// the LPAR's holders (attribution).
CpuTake run_cpu(World& w, Lpar& lpar, double cp_seconds, int threads, Holding* holding,
                const std::shared_ptr<VcpuPool>& vcpus, double weight = 100,
                const std::string& who = {});
/// Moves `bytes` through a bandwidth host (its speed is bytes/s, shared max-min fairly with
/// the other transfers there), at most `bound` bytes/s when > 0; blocks until done.
/// `holding` (may be null) records the exec, so that a forced-off guest's I/O is cancelled
/// (then false).
bool transfer(World& w, sg4::Host* bandwidth, double bytes, double bound = -1,
              Holding* holding = nullptr);
/// Waits `seconds` of simulated time (nothing when <= 0).
void sleep_for(World& w, double seconds);

}  // namespace drsim::sim
