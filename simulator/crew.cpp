// Reused actors for short jobs (see crew.hpp).
#include "simulator/crew.hpp"

#include <utility>

namespace drsim::sim {

sg4::ActorPtr Crew::run(sg4::Host* host, const std::string& name, std::function<void()> job) {
  if (!idle_.empty()) {
    Member* m = idle_.back();
    idle_.pop_back();
    m->job = std::move(job);
    m->wake->release();
    return m->actor;
  }
  Member* m = &members_.emplace_back();
  m->job = std::move(job);
  m->actor = sg4::Actor::create(name, host, [this, m] { work(m); });
  return m->actor;
}

void Crew::work(Member* m) {
  for (;;) {
    std::function<void()> job = std::move(m->job);
    m->job = nullptr;
    job();
    idle_.push_back(m);
    m->wake->acquire();
  }
}

}  // namespace drsim::sim
