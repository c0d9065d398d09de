#include "models/tape.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace drsim {
namespace {

/// DASD geometry, DOMAIN.md §1.3 (BMC/Compuware FDR docs): 56,664 bytes/track, 15 tracks/cyl.
constexpr double kBytesPerTrack = 56664;
constexpr double kTracksPerCylinder = 15;

struct DasdModel {
  const char* name;
  double cylinders;
};

/// Cylinders per model, DOMAIN.md §1.3 ("dasd_model_cyl"; Mod-54 = 65,520 cyl, OMEGAMON table).
constexpr DasdModel kDasdModels[] = {
    {"3390-3", 3339}, {"3390-9", 10017}, {"3390-27", 32760}, {"3390-54", 65520}};

/// Upper-case letters and digits only: "lto-4" -> "LTO4".
std::string normalise(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

void require(bool ok, const char* what) {
  if (!ok) throw std::invalid_argument(what);
}

}  // namespace

// DOMAIN.md §1.1 table "Tape drive speeds and cartridge capacities" (Wikipedia "IBM 3592",
// StorageNewsletter 3590 retrospectives, IBM LTO performance tables). 3590 B: 7 MB/s per
// StorageNewsletter (the low end of the 7-9 MB/s range).
const std::vector<TapeDriveType>& tape_drive_types() {
  static const std::vector<TapeDriveType> types = {
      {"3590B", 7e6, 10e9},     {"3590E", 14e6, 20e9},    {"3590H", 14e6, 30e9},
      {"3592J1A", 40e6, 300e9}, {"TS1120", 100e6, 700e9}, {"TS1130", 160e6, 1000e9},
      {"LTO3", 80e6, 400e9},    {"LTO4", 120e6, 800e9},
  };
  return types;
}

std::optional<TapeDriveType> find_tape_drive_type(std::string_view name) {
  const std::string key = normalise(name);
  for (const TapeDriveType& t : tape_drive_types()) {
    if (t.name == key) return t;
  }
  return std::nullopt;
}

// DOMAIN.md §1.3: volume bytes = cylinders x 15 x 56,664 (3390-9 = 8.514 GB).
std::optional<double> dasd_model_bytes(std::string_view model) {
  for (const DasdModel& m : kDasdModels) {
    if (model == m.name) return m.cylinders * kTracksPerCylinder * kBytesPerTrack;
  }
  return std::nullopt;
}

// DOMAIN.md "Modelling notes" 1: bytes / min(tape_MBps x eff x compression, channel, DASD write);
// tape_effective_fraction, tape_compression_ratio, channel_MBps_limit, dasd_write_MBps rows.
double effective_restore_rate_Bps(double native_Bps, const TapeParams& p) {
  require(native_Bps > 0, "tape native rate must be positive");
  const double tape = native_Bps * p.effective_fraction * p.compression_ratio;
  const double rate = std::min({tape, p.channel_Bps, p.dasd_write_Bps});
  require(rate > 0, "tape effective fraction, compression, channel and DASD write must be > 0");
  return rate;
}

// DOMAIN.md "Modelling notes" 1 and §1.2: tape_robot_mount_s / tape_manual_mount_s,
// tape_load_to_ready_s, tape_avg_locate_s, tape_rewind_unload_s, dss_job_overhead_s,
// vts_recall_penalty_s (IBM-MAIN msg45670).
double restore_fixed_overhead_s(MountKind mount, bool vts, const TapeParams& p) {
  const double mount_s = mount == MountKind::Robot ? p.robot_mount_s : p.manual_mount_s;
  return mount_s + p.load_to_ready_s + p.avg_locate_s + p.rewind_unload_s + p.job_overhead_s +
         (vts ? p.vts_recall_penalty_s : 0.0);
}

// DOMAIN.md "Modelling notes" 1 (restore time per volume) and §1.4 (data-limited part).
VolumeRestoreCost volume_restore_cost(double bytes, double native_Bps, MountKind mount, bool vts,
                                      const TapeParams& p) {
  require(bytes >= 0, "volume size must not be negative");
  VolumeRestoreCost c{};
  c.rate_Bps = effective_restore_rate_Bps(native_Bps, p);
  c.mount_s = mount == MountKind::Robot ? p.robot_mount_s : p.manual_mount_s;
  c.load_s = p.load_to_ready_s;
  c.locate_s = p.avg_locate_s;
  c.transfer_s = bytes / c.rate_Bps;
  c.rewind_unload_s = p.rewind_unload_s;
  c.job_overhead_s = p.job_overhead_s;
  c.recall_s = vts ? p.vts_recall_penalty_s : 0.0;
  c.total_s = c.mount_s + c.load_s + c.locate_s + c.transfer_s + c.rewind_unload_s +
              c.job_overhead_s + c.recall_s;
  return c;
}

// DOMAIN-ROUND2 A5 (mount each tape once, not per volume) with the §1.2 per-volume terms.
double cartridge_fixed_overhead_s(MountKind mount, bool vts, const TapeParams& p) {
  const double mount_s = mount == MountKind::Robot ? p.robot_mount_s : p.manual_mount_s;
  return mount_s + p.load_to_ready_s + p.rewind_unload_s + (vts ? p.vts_recall_penalty_s : 0.0);
}

double stacked_volume_overhead_s(const TapeParams& p) {
  return p.avg_locate_s + p.job_overhead_s;
}

VolumeRestoreCost cartridge_restore_cost(const std::vector<double>& volume_bytes, double native_Bps,
                                         MountKind mount, bool vts, const TapeParams& p) {
  VolumeRestoreCost c = volume_restore_cost(0, native_Bps, mount, vts, p);
  const auto n = static_cast<double>(volume_bytes.size());
  double bytes = 0;
  for (double b : volume_bytes) {
    require(b >= 0, "volume size must not be negative");
    bytes += b;
  }
  c.locate_s = n * p.avg_locate_s;
  c.job_overhead_s = n * p.job_overhead_s;
  c.transfer_s = bytes / c.rate_Bps;
  c.total_s = c.mount_s + c.load_s + c.locate_s + c.transfer_s + c.rewind_unload_s +
              c.job_overhead_s + c.recall_s;
  return c;
}

}  // namespace drsim
