#pragma once
/// \file lane.hpp
/// A system's row of the result (result.json "systems"): the phases its bar shows in the
/// timeline, appended as the simulated system goes through them.

#include <string>

#include "simulator/result.hpp"

namespace drsim::sim {

/// Appends and closes the phases of one result row.
class Lane {
 public:
  explicit Lane(SystemResult* r) : r_(r) {}
  /// Starts `phase` now (closing the open one), unless it is already the open phase.
  void begin(Phase phase, double now, const std::string& note = {});
  /// Closes the open phase at `now`.
  void end(double now);
  /// Whether `phase` is the open phase.
  bool in(Phase phase) const { return open_ && current_ == phase; }
  SystemResult& result() { return *r_; }
  const SystemResult& result() const { return *r_; }

 private:
  SystemResult* r_;
  bool open_ = false;
  Phase current_ = Phase::Up;
};

}  // namespace drsim::sim
