#pragma once
/// \file system.hpp
/// A production z/OS or z/VM system as it comes back at the DR site: its volumes restored
/// from tape, its IPL (and a z/VM's reconfigure for DR device numbers), then up.

#include <optional>
#include <simgrid/s4u.hpp>
#include <string>

#include "models/replication.hpp"
#include "models/topology.hpp"
#include "simulator/event.hpp"
#include "simulator/lane.hpp"
#include "simulator/recorder.hpp"
#include "simulator/vcpu_pool.hpp"

namespace drsim::sim {

namespace sg4 = simgrid::s4u;
struct World;
struct Lpar;
class Zvm;
class ZosLoad;

/// A system's restore from tape: its volumes on the drives, then all on DASD.
struct Restore {
  bool queued = false;
  double queued_at = 0;  ///< when its volumes entered the drives' queue
  bool done = false;
  int volumes_left = 0;  ///< volumes not yet on DASD
  int volumes = 0;       ///< volumes restored so far
  double start = -1, end = -1;
  Event finished;
};

/// A production z/OS or z/VM system at DR.
class System {
 public:
  System(const SystemNode& node, Lane lane) : node(node), lane(lane) {}

  /// Waits for its volumes, then IPLs it (a z/OS with its subsystems); nothing if not placed.
  void ipl(World& w, const std::string& why);
  /// A z/VM's SYSTEM CONFIG / TCPIP PROFILE edit for DR device numbers (needs a re-IPL).
  void reconfigure(World& w, std::optional<double> duration);
  /// Its status and reason at the exercise end.
  void finish();
  const std::string& name() const { return node.spec->name; }

  const SystemNode& node;
  Lane lane;
  Lpar* lpar = nullptr;             ///< where its own work runs (null: not placed)
  std::shared_ptr<VcpuPool> vcpus;  ///< guest mode: its virtual CPs
  Zvm* zvm = nullptr;               ///< a z/VM system: the z/VM it is
  ZosLoad* load = nullptr;          ///< a z/OS: its steady load
  bool up = false;
  Restore restore;
  std::optional<IplFailure> first_ipl_fails;  ///< a Monte Carlo incident: the next IPL fails once
  Event came_up;                              ///< a z/OS: first IPL done
  Recorder rec;                               ///< what its time went to (attribution)

 private:
  /// CPU work of its IPL (or subsystems) in `where`, recorded as `cause`.
  void ipl_cpu(World& w, Lpar& where, double cpu_s, double mult, attr::Cause cause);
  void ipl_zos(World& w, const std::string& why);
  /// The failed attempt and the fix before the real IPL (first_ipl_fails), once.
  void failed_ipl(World& w, Lpar& where, double mult);
  void ipl_zvm(World& w, const std::string& why);
};

}  // namespace drsim::sim
