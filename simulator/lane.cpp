// A result row's phases (see lane.hpp).
#include "simulator/lane.hpp"

namespace drsim::sim {

void Lane::begin(Phase phase, double now, const std::string& note) {
  if (open_ && current_ == phase) return;
  end(now);
  r_->phases.push_back(PhaseRecord{phase, now, now, note});
  open_ = true;
  current_ = phase;
}

void Lane::end(double now) {
  if (!open_) return;
  r_->phases.back().end_s = now;
  open_ = false;
}

}  // namespace drsim::sim
