// Tape restores: volumes queued in plan order on the DR site's drive pool (see tape.hpp).
#include "simulator/tape.hpp"

#include <algorithm>

#include "models/tape.hpp"
#include "models/units.hpp"
#include "models/wording.hpp"
#include "simulator/activity.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {

std::string TapePool::drives_label() const {
  return "the " + std::to_string(drives) + " tape drive" + (drives == 1 ? "" : "s");
}

void TapePool::volume_done(World& w, const Volume& v, double started, double drive_s) {
  runs.push_back(attribution::VolumeRun{v.system->name(), started, w.now(), drive_s});
  Restore& r = v.system->restore;
  if (r.start < 0 || started < r.start) r.start = started;
  r.end = w.now();
  r.volumes += 1;
  w.result.volumes_restored += 1;
  w.result.restore_bytes += v.bytes;
  restore_last = w.now();
  if (--r.volumes_left == 0) {
    r.done = true;
    v.system->lane.result().phases.push_back(
        PhaseRecord{Phase::Restore, r.start, r.end, count_noun(r.volumes, "volume")});
    r.finished.fire();
  }
}

bool TapePool::sit_out(World& w, int d) {
  for (const auto& o : outages)
    if (o.drive == d && w.now() >= o.from_s && w.now() < o.to_s) {
      sleep_for(w, o.to_s - w.now());
      return true;
    }
  return false;
}

void TapePool::announce(World& w, const DriveOutage& o) {
  sleep_for(w, o.from_s);
  w.log_event("incident", "drive " + std::to_string(o.drive + 1),
              "tape drive " + std::to_string(o.drive + 1) + " failed: out until " +
                  units::format_week_time(w.sc->exercise.start_week_s + o.to_s));
}

/// One drive: mount, then per volume locate and transfer, and rewind/unload before its next
/// mount; a failed drive finishes its cartridge, then stops until its outage ends.
void TapePool::drive(World& w, int d) {
  const TapeParams& tp = w.sc->params.tape;
  const TapeSpec& spec = w.sc->dr_site.tape;
  // the tape model's fixed overhead, less the rewind/unload that follows the transfer
  const double single = restore_fixed_overhead_s(spec.mount, spec.vts, tp) - tp.rewind_unload_s;
  const double mount = cartridge_fixed_overhead_s(spec.mount, spec.vts, tp) - tp.rewind_unload_s;
  const double per_volume = stacked_volume_overhead_s(tp);
  double unload = 0;  // the previous tape's rewind/unload, done before the next mount
  for (;;) {
    if (unload > 0 && queue_.empty()) {  // idle next: unload now (after the restore span)
      sleep_for(w, unload);
      unload = 0;
    }
    sit_out(w, d);
    items_->acquire();
    if (sit_out(w, d)) {  // failed while waiting: leave the cartridge to the others
      items_->release();
      continue;
    }
    const Cartridge& c = *queue_.front();
    queue_.pop_front();
    for (size_t i = 0; i < c.volumes.size(); ++i) {
      const Volume& v = *c.volumes[i];
      drive_busy_s += unload;
      double started = w.now() + unload;
      if (restore_first < 0) restore_first = started;
      double before = c.volumes.size() == 1 ? single : i == 0 ? mount + per_volume : per_volume;
      sleep_for(w, unload + before);
      unload = 0;
      // one transfer into the DASD subsystem, which all drives share, bounded by the drive's
      // rate (DDR's small blocks: a slower drive); at that rate when the subsystem cannot bind
      double rate = v.ddr ? ddr_rate_Bps : drive_rate_Bps;
      if (dasd_binds || rate <= 0)
        transfer(w, dasd, v.bytes, rate);
      else
        sleep_for(w, v.bytes / rate);
      drive_busy_s += w.now() - started;
      volume_done(w, v, started, before + (rate > 0 ? v.bytes / rate : 0));  // on DASD
    }
    unload = tp.rewind_unload_s;  // the drive still rewinds and unloads
  }
}

void TapePool::enqueue(System& s) {
  if (s.restore.queued) return;
  s.restore.queued = true;
  s.restore.queued_at = sg4::Engine::get_clock();
  if (s.restore.volumes_left == 0) {
    s.restore.done = true;
    s.restore.finished.fire();
    return;
  }
  auto mine = of_system_.find(&s);
  if (mine == of_system_.end()) return;
  for (const Cartridge* c : mine->second) {
    queue_.push_back(c);
    items_->release();
  }
}

void TapePool::wait_restored(System& s) {
  if (s.restore.done) return;
  enqueue(s);
  s.restore.finished.wait();
}

void TapePool::start(World& w) {
  std::vector<int> per_cartridge;
  for (const auto& g : w.sc->backups.volumes) {
    System* s = w.find_system(g.system);
    if (!s) continue;
    for (int i = 1; i <= g.count; ++i) {
      std::string name = g.count == 1 ? g.name : g.name + std::to_string(i);
      volumes.push_back(Volume{name, s, g.bytes, g.ddr});
      per_cartridge.push_back(i == 1 ? std::max(1, g.per_cartridge) : 0);  // 0: same group
      s->restore.volumes_left += 1;
    }
  }
  // the volumes are final now: stack them, per_cartridge at a time within each group
  int room = 0, size = 1;
  for (size_t i = 0; i < volumes.size(); ++i) {
    if (per_cartridge[i] > 0) size = per_cartridge[i], room = 0;
    if (room == 0) cartridges.push_back(Cartridge{volumes[i].system, {}}), room = size;
    cartridges.back().volumes.push_back(&volumes[i]);
    --room;
  }
  for (const auto& c : cartridges) of_system_[c.system].push_back(&c);  // final: pointers stay
  items_ = sg4::Semaphore::create(0);
  w.result.tape_drives = drives;
  for (int d = 0; d < drives; ++d)
    sg4::Actor::create("drive" + std::to_string(d), w.control, [this, &w, d] { drive(w, d); });
  for (const auto& o : outages)
    w.crew.run(w.control, "drive-failure", [this, &w, o] { announce(w, o); });
}

}  // namespace drsim::sim
