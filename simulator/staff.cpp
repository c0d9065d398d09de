// Staff teams rebuilding the distributed systems during staff hours (see staff.hpp).
#include "simulator/staff.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <memory>

#include "models/topology.hpp"
#include "simulator/activity.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {
namespace {

using Queue = std::deque<Distributed*>;

/// One team: takes the next system off the shared queue until none is left.
void team(World& w, const std::shared_ptr<Queue>& queue, double queued) {
  const ExerciseSpec& ex = w.sc->exercise;
  while (!queue->empty()) {
    Distributed& d = *queue->front();
    queue->pop_front();
    d.rec.wait(queued, w.now(), "staff teams", "waiting for a free team");
    d.lane.begin(Phase::Work, w.now(), "staff rebuilding it");
    double begun = w.now();
    double finish = staff_finish_week_s(ex.start_week_s + w.now(), d.spec.work_s, ex.staff_from_s,
                                        ex.staff_to_s) -
                    ex.start_week_s;
    sleep_for(w, finish - w.now());
    for (const auto& s : attribution::staff_segments(begun, w.now(), ex.start_week_s,
                                                     ex.staff_from_s, ex.staff_to_s, "staff"))
      d.rec.add(s);
    d.lane.result().up_s = w.now();
    d.lane.begin(Phase::Up, w.now());
    d.rec.up(w.now());
  }
}

}  // namespace

void start_distributed(World& w) {
  auto queue = std::make_shared<Queue>();
  for (int pass = 0; pass < 2; ++pass)  // critical systems first, then in listed order
    for (auto& d : w.distributed)
      if (d.spec.critical == (pass == 0)) queue->push_back(&d);
  int teams = std::max(1, static_cast<int>(std::lround(w.sc->params.distributed.teams)));
  double queued = w.now();
  for (int t = 0; t < teams; ++t)
    w.crew.run(w.control, "team" + std::to_string(t),
               [&w, queue, queued] { team(w, queue, queued); });
}

}  // namespace drsim::sim
