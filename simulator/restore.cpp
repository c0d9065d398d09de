// Tape restores: volumes queued in plan order on the DR site's drive pool. Each volume is one
// transfer into the DASD subsystem that all drives share, bounded by its drive's effective
// rate; mount, locate, rewind and job overhead are fixed delays from the tape model.
#include <algorithm>

#include "models/tape.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {
namespace {

void volume_done(World& w, const Volume& v, double started) {
  SystemLive& s = w.systems[static_cast<size_t>(v.system)];
  if (s.restore_start < 0 || started < s.restore_start) s.restore_start = started;
  s.restore_end = w.now();
  s.volumes += 1;
  w.result.volumes_restored += 1;
  w.result.restore_bytes += v.bytes;
  w.restore_last = w.now();
  if (--w.volumes_left[static_cast<size_t>(v.system)] == 0) {
    s.restored = true;
    Lane& lane = w.lanes[static_cast<size_t>(v.system)];
    lane.result().phases.push_back(PhaseRecord{"restore", s.restore_start, s.restore_end,
                                               std::to_string(s.volumes) + " volumes"});
    w.fire("restored:" + w.topo.systems[static_cast<size_t>(v.system)].spec->name);
  }
}

void drive_loop(World* w) {
  const TapeParams& tp = w->sc->params.tape;
  const TapeSpec& spec = w->sc->dr_site.tape;
  // the tape model's fixed overhead, less the rewind/unload that follows the transfer
  const double before = restore_fixed_overhead_s(spec.mount, spec.vts, tp) - tp.rewind_unload_s;
  double unload = 0;  // the previous tape's rewind/unload, done before the next mount
  for (;;) {
    if (unload > 0 && w->tape_queue.empty()) {  // idle next: unload now (after the restore span)
      sleep_for(*w, unload);
      unload = 0;
    }
    w->tape_items->acquire();
    int vi = w->tape_queue.front();
    w->tape_queue.pop_front();
    if (vi < 0) return;
    const Volume& v = w->volumes[static_cast<size_t>(vi)];
    w->drive_busy_s += unload;
    double started = w->now() + unload;
    if (w->restore_first < 0) w->restore_first = started;
    sleep_for(*w, unload + before);
    // one transfer into the DASD subsystem, which all drives share, bounded by the drive's
    // rate (DDR's small blocks: a slower drive)
    transfer(*w, w->dasd, v.bytes, v.ddr ? w->ddr_rate_Bps : w->drive_rate_Bps);
    w->drive_busy_s += w->now() - started;
    volume_done(*w, v, started);  // the pack is on DASD; the drive still rewinds and unloads
    unload = tp.rewind_unload_s;
  }
}

void expand_volumes(World& w) {
  w.volumes_left.assign(w.topo.systems.size(), 0);
  for (const auto& g : w.sc->backups.volumes) {
    int si = w.topo.find_system(g.system);
    if (si < 0) continue;
    for (int i = 1; i <= g.count; ++i) {
      std::string name = g.count == 1 ? g.name : g.name + std::to_string(i);
      w.volumes.push_back(Volume{name, si, g.bytes, g.ddr});
      w.volumes_left[static_cast<size_t>(si)] += 1;
    }
  }
}

}  // namespace

void enqueue_restore(World& w, int system) {
  const auto& node = w.topo.systems[static_cast<size_t>(system)];
  SystemLive& live = w.systems[static_cast<size_t>(system)];
  if (live.restore_queued) return;
  live.restore_queued = true;
  if (w.volumes_left[static_cast<size_t>(system)] == 0) {
    w.systems[static_cast<size_t>(system)].restored = true;
    w.fire("restored:" + node.spec->name);
    return;
  }
  for (size_t i = 0; i < w.volumes.size(); ++i) {
    if (w.volumes[i].system != system) continue;
    w.tape_queue.push_back(static_cast<int>(i));
    w.tape_items->release();
  }
}

void wait_restored(World& w, int system) {
  if (w.systems[static_cast<size_t>(system)].restored) return;
  enqueue_restore(w, system);
  w.wait_event("restored:" + w.topo.systems[static_cast<size_t>(system)].spec->name);
}

void start_tape(World& w) {
  expand_volumes(w);
  w.tape_items = sg4::Semaphore::create(0);
  w.result.tape_drives = w.drives;
  for (int d = 0; d < w.drives; ++d)
    sg4::Actor::create("drive" + std::to_string(d), w.control, drive_loop, &w);
}

}  // namespace drsim::sim
