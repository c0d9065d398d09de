#pragma once
/// \file tape.hpp
/// Tape restore cost model (DOMAIN.md §1): drive types, 3390 volume sizes, the time one
/// full-volume restore job takes on one drive, and a planning estimate of a drive pool.
/// Invalid arguments (negative sizes, no drives for a non-empty pool, a non-positive rate)
/// throw std::invalid_argument; the scenario validator rejects such input first.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/params.hpp"
#include "models/scenario.hpp"

namespace drsim {

/// One tape drive generation: native (uncompressed) rate and native cartridge capacity.
struct TapeDriveType {
  std::string name;        ///< canonical name: "TS1120"
  double native_Bps;       ///< native data rate, bytes/s
  double cartridge_bytes;  ///< native capacity of one cartridge, bytes
};

/// All known drive types, oldest first (DOMAIN.md §1.1).
const std::vector<TapeDriveType>& tape_drive_types();

/// Looks a drive type up by name: 3590B 3590E 3590H 3592J1A TS1120 TS1130 LTO3 LTO4.
/// Case, spaces, '-' and '_' are ignored ("lto-4", "3592-J1A").
std::optional<TapeDriveType> find_tape_drive_type(std::string_view name);

/// Bytes of one full 3390 volume: "3390-3" "3390-9" "3390-27" "3390-54"
/// (cylinders x 15 tracks x 56,664 bytes, DOMAIN.md §1.3).
std::optional<double> dasd_model_bytes(std::string_view model);

/// Rate of one restore job: min(native x effective_fraction x compression, channel, DASD write).
double effective_restore_rate_Bps(double native_Bps, const TapeParams& p);

/// Per-volume fixed time: mount + load-to-ready + locate + rewind/unload + job overhead
/// (+ VTS recall penalty).
double restore_fixed_overhead_s(MountKind mount, bool vts, const TapeParams& p);

/// The parts of one full-volume restore job on one drive, in seconds.
struct VolumeRestoreCost {
  double mount_s;          ///< robot or operator mount
  double load_s;           ///< load to ready
  double locate_s;         ///< average locate
  double transfer_s;       ///< bytes / rate_Bps
  double rewind_unload_s;  ///< rewind and unload
  double job_overhead_s;   ///< JCL, allocation, WTOs
  double recall_s;         ///< VTS recall (0 without VTS)
  double total_s;          ///< sum of the above
  double rate_Bps;         ///< effective_restore_rate_Bps
};

/// The cost of restoring one volume of `bytes` on a drive of native rate `native_Bps`.
VolumeRestoreCost volume_restore_cost(double bytes, double native_Bps, MountKind mount, bool vts,
                                      const TapeParams& p);

/// The cost of restoring the volumes stacked on one cartridge (a full-pack dump writes several
/// DASD volumes onto one cartridge), read in order on one drive: one mount, load, rewind/unload
/// (and VTS recall) for the cartridge; a locate, the transfer and the job overhead per volume
/// (A5: mounting each tape once, not per volume). One volume gives volume_restore_cost.
VolumeRestoreCost cartridge_restore_cost(const std::vector<double>& volume_bytes, double native_Bps,
                                         MountKind mount, bool vts, const TapeParams& p);

/// Per-cartridge fixed time: mount + load-to-ready + rewind/unload (+ VTS recall).
double cartridge_fixed_overhead_s(MountKind mount, bool vts, const TapeParams& p);

/// Per-volume fixed time on a cartridge: locate + job overhead.
double stacked_volume_overhead_s(const TapeParams& p);

/// Restoring `volume_bytes` on `drives` drives as list scheduling: each volume, in order, goes
/// to the earliest-free drive (the lowest-numbered on a tie); a job's transfer phase shares the
/// DASD subsystem bandwidth (dasd_subsystem_Bps) equally with the other jobs transferring at
/// the same moment, each job running at most at effective_restore_rate_Bps. Returns the time
/// the last drive is done (0 for no volumes). Not monotone in `drives` (Graham's anomaly).
double list_schedule_makespan_s(const std::vector<double>& volume_bytes, int drives,
                                double native_Bps, MountKind mount, bool vts, const TapeParams& p);

/// Planning estimate for `drives` drives: the shortest list_schedule_makespan_s over using
/// 1 .. `drives` of them (an operator need not use a drive that makes things worse), so more
/// drives are never slower. 0 for no volumes.
double pool_makespan_s(const std::vector<double>& volume_bytes, int drives, double native_Bps,
                       MountKind mount, bool vts, const TapeParams& p);

}  // namespace drsim
