// After the run: every row's recorded timeline summed into its account, the critical path
// and what set the RTO (see finish.hpp; the arithmetic is models/attribution_result.hpp).
#include <algorithm>

#include "models/attribution_result.hpp"
#include "simulator/finish.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {
namespace {

attr::SystemTimeline timeline(const SystemResult& r, std::vector<attr::Segment> segments) {
  attr::SystemTimeline t;
  t.name = r.name;
  t.critical = r.critical && r.out_of_scope.empty();
  t.planned = r.planned;
  t.up_s = r.up_s;
  t.segments = std::move(segments);
  if (r.up_s)
    t.gap = attr::portion(attr::Cause::Predecessor, 0, "the recovery plan", "waiting in the plan");
  else
    t.gap = attr::portion(attr::Cause::NotStarted, 0, "", r.reason);
  return t;
}

}  // namespace

void attribute_result(World& w) {
  std::vector<attr::SystemTimeline> all;
  all.reserve(w.result.systems.size());
  const std::string drives = w.tape.drives_label();
  const attr::VolumeRuns runs(w.tape.runs);
  for (auto& s : w.systems) {
    std::vector<attr::Segment> segs;
    const Restore& r = s.restore;
    if (r.queued && r.volumes > 0)
      segs = attr::restore_segments(s.name(), r.queued_at, r.done ? r.end : w.end_s, runs, drives);
    for (const auto& seg : s.rec.take(w.end_s)) segs.push_back(seg);
    all.push_back(timeline(s.lane.result(), std::move(segs)));
  }
  for (auto& g : w.guests) all.push_back(timeline(g.lane.result(), g.rec.take(w.end_s)));
  for (auto& d : w.distributed) all.push_back(timeline(d.lane.result(), d.rec.take(w.end_s)));
  w.result.attribution = attr::attribute(std::move(all), w.end_s);
}

}  // namespace drsim::sim
