#pragma once
/// \file crew.hpp
/// Actors reused for short jobs: a guest's start-up, a system's IPL in a plan step, an
/// operator's reaction, a staff team. Creating a SimGrid actor (its context, a 128 KiB stack
/// behind a guard page) and destroying it when its job ends cost more than the job's own
/// events in a small run (issues 12 and 18, bench/README.md); a member of the crew that
/// finished its job waits on its own semaphore for the next one instead. Waking an idle
/// member puts it at the end of SimGrid's run list exactly where a new actor would go, so
/// the jobs run in the same order as with an actor each.

#include <deque>
#include <functional>
#include <simgrid/s4u.hpp>
#include <string>
#include <vector>

namespace drsim::sim {

namespace sg4 = simgrid::s4u;

class Crew {
 public:
  /// Runs `job` on an idle member, or on a new one (named `name`) on `host` when none is idle,
  /// and returns the member's actor (to kill it mid-job: it then just leaves the crew).
  sg4::ActorPtr run(sg4::Host* host, const std::string& name, std::function<void()> job);

 private:
  struct Member {
    sg4::SemaphorePtr wake = sg4::Semaphore::create(0);
    std::function<void()> job;
    sg4::ActorPtr actor;
  };
  void work(Member* m);

  std::deque<Member> members_;  ///< every member ever created (deque: pointers stay valid)
  std::vector<Member*> idle_;   ///< members waiting for a job, the latest idle last
};

}  // namespace drsim::sim
