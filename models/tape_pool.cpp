// The drive-pool planning estimate of tape.hpp: a small fluid simulation of restore jobs on
// drives that share the DASD subsystem's write bandwidth.
#include <algorithm>
#include <limits>
#include <stdexcept>

#include "models/tape.hpp"

namespace drsim {
namespace {

enum class Phase { Idle, Before, Transfer, After };

/// One drive: the phase of its current job and what is left of it (seconds or bytes).
struct Drive {
  Phase phase = Phase::Idle;
  double left = 0;
};

/// The fixed parts of a job: before the transfer (mount, load, locate, job start, recall)
/// and after it (rewind and unload).
struct JobShape {
  double before_s;
  double after_s;
};

struct Pool {
  std::vector<Drive> drives;
  const std::vector<double>& bytes;
  std::size_t next = 0;
  JobShape shape;
  double job_rate_Bps;
  double subsystem_Bps;
};

/// Moves a drive past every phase that has nothing left, taking the next volume when idle.
void settle(Drive& d, Pool& pool) {
  for (;;) {
    if (d.phase != Phase::Idle && d.left > 0) return;
    switch (d.phase) {
      case Phase::Idle:
        if (pool.next == pool.bytes.size()) return;
        d = {Phase::Before, pool.shape.before_s};
        ++pool.next;
        break;
      case Phase::Before:
        d = {Phase::Transfer, pool.bytes[pool.next - 1]};
        break;
      case Phase::Transfer:
        d = {Phase::After, pool.shape.after_s};
        break;
      case Phase::After:
        d = {Phase::Idle, 0};
        break;
    }
  }
}

/// Rate of each transferring job: its own limit, or an equal part of the subsystem.
double transfer_rate(const Pool& pool) {
  const auto n = std::count_if(pool.drives.begin(), pool.drives.end(),
                               [](const Drive& d) { return d.phase == Phase::Transfer; });
  if (n == 0) return pool.job_rate_Bps;
  return std::min(pool.job_rate_Bps, pool.subsystem_Bps / static_cast<double>(n));
}

double time_to_finish(const Drive& d, double rate) {
  if (d.phase == Phase::Idle) return std::numeric_limits<double>::infinity();
  return d.phase == Phase::Transfer ? d.left / rate : d.left;
}

/// Advances the pool to its next phase end; returns the time that passed.
double step(Pool& pool) {
  const double rate = transfer_rate(pool);
  double dt = std::numeric_limits<double>::infinity();
  for (const Drive& d : pool.drives) dt = std::min(dt, time_to_finish(d, rate));
  for (Drive& d : pool.drives) {
    if (d.phase == Phase::Idle) continue;
    if (time_to_finish(d, rate) <= dt) {
      d.left = 0;
    } else {
      d.left -= d.phase == Phase::Transfer ? rate * dt : dt;
    }
  }
  for (Drive& d : pool.drives) settle(d, pool);
  return dt;
}

bool busy(const Pool& pool) {
  return std::any_of(pool.drives.begin(), pool.drives.end(),
                     [](const Drive& d) { return d.phase != Phase::Idle; });
}

}  // namespace

// DOMAIN.md "Modelling notes" 1: drives are the bottleneck resource, concurrent restore jobs =
// dr_vendor_tape_drives; per job the restore time of volume_restore_cost; the shared cap is
// TapeParams::dasd_subsystem_Bps (aggregate DR DASD write bandwidth, Assumption).
double list_schedule_makespan_s(const std::vector<double>& volume_bytes, int drives,
                                double native_Bps, MountKind mount, bool vts, const TapeParams& p) {
  if (volume_bytes.empty()) return 0;
  if (drives <= 0) throw std::invalid_argument("a tape pool needs at least one drive");
  if (!(p.dasd_subsystem_Bps > 0)) throw std::invalid_argument("DASD subsystem rate must be > 0");
  for (double b : volume_bytes) {
    if (!(b >= 0)) throw std::invalid_argument("volume size must not be negative");
  }
  const VolumeRestoreCost c = volume_restore_cost(0, native_Bps, mount, vts, p);
  const JobShape shape{c.mount_s + c.load_s + c.locate_s + c.job_overhead_s + c.recall_s,
                       c.rewind_unload_s};
  Pool pool{std::vector<Drive>(static_cast<std::size_t>(drives)),
            volume_bytes,
            0,
            shape,
            c.rate_Bps,
            p.dasd_subsystem_Bps};
  for (Drive& d : pool.drives) settle(d, pool);
  double now = 0;
  while (busy(pool)) now += step(pool);
  return now;
}

// As above; taking the best drive count up to `drives` avoids Graham's list-scheduling anomaly
// (one more drive can start a large volume later), so that more drives are never slower.
double pool_makespan_s(const std::vector<double>& volume_bytes, int drives, double native_Bps,
                       MountKind mount, bool vts, const TapeParams& p) {
  double best = list_schedule_makespan_s(volume_bytes, drives, native_Bps, mount, vts, p);
  const int useful = std::min<int>(drives, static_cast<int>(volume_bytes.size()));
  for (int k = 1; k < useful; ++k) {
    best = std::min(best, list_schedule_makespan_s(volume_bytes, k, native_Bps, mount, vts, p));
  }
  return best;
}

}  // namespace drsim
