#pragma once
/// \file tape.hpp
/// The DR site's tape library: the drives restoring the production volumes onto DASD, in the
/// order the plan queues the systems. A drive takes a cartridge (one volume, or several
/// stacked by a full-pack dump) and reads its volumes in order: one mount and load per
/// cartridge, a locate and a job per volume. Each volume is one transfer into the DASD
/// subsystem that all drives share, bounded by its drive's effective rate; the fixed delays
/// come from the tape model.

#include <deque>
#include <simgrid/s4u.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/attribution.hpp"
#include "models/replication.hpp"

namespace drsim::sim {

namespace sg4 = simgrid::s4u;
struct World;
class System;

/// One tape volume of a production system (a DASD pack dumped to tape).
struct Volume {
  std::string name;
  System* system = nullptr;
  double bytes = 0;
  bool ddr = false;  ///< dumped with DDR (small blocks: a slower drive)
};

/// One cartridge: the volumes stacked on it, in order.
struct Cartridge {
  System* system = nullptr;
  std::vector<const Volume*> volumes;
};

/// The drive pool and its queue of cartridges.
class TapePool {
 public:
  /// Lists the volumes and starts one actor per drive.
  void start(World& w);
  /// Queues a system's volumes on the drives, once (later calls do nothing).
  void enqueue(System& s);
  /// Queues the system's volumes if nobody did, and waits until they are all restored.
  void wait_restored(System& s);

  int drives = 0;
  double drive_rate_Bps = 0;  ///< each drive's effective restore rate (tape model)
  double ddr_rate_Bps = 0;    ///< a drive's rate for DDR's small blocks
  sg4::Host* dasd = nullptr;  ///< the DASD subsystem restores write to: speed = its bandwidth
  /// Whether the drives together can write faster than the DASD subsystem takes. When they
  /// cannot, its bandwidth never binds and a volume's transfer is a wait of bytes / rate: a
  /// transfer on the shared host would re-solve every drive's transfer at each start and end
  /// for the same rates (issue 18: 400 drives, 80,000 volumes).
  bool dasd_binds = true;
  std::vector<Volume> volumes;
  std::vector<Cartridge> cartridges;
  double drive_busy_s = 0;
  double restore_first = -1, restore_last = -1;
  std::vector<DriveOutage> outages;          ///< failed drives (Monte Carlo incidents)
  std::vector<attribution::VolumeRun> runs;  ///< each volume's time on a drive (attribution)
  /// "the 4 tape drives".
  std::string drives_label() const;

 private:
  void drive(World& w, int d);
  /// Sleeps through drive d's outage if it is out now; true if it was.
  bool sit_out(World& w, int d);
  void announce(World& w, const DriveOutage& o);
  void volume_done(World& w, const Volume& v, double started, double drive_s);

  std::deque<const Cartridge*> queue_;
  /// Each system's cartridges in their order (issue 18: enqueue scanned every cartridge per
  /// system, 800 systems x 80,000 cartridges at 20,000 guests).
  std::unordered_map<const System*, std::vector<const Cartridge*>> of_system_;
  sg4::SemaphorePtr items_;
};

}  // namespace drsim::sim
