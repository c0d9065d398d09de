#pragma once
/// \file level.hpp
/// A piecewise-constant level over time (busy CPs, paging volumes busy, a fault rate),
/// integrated exactly: what an RMF or z/VM performance monitor would have averaged.

#include <utility>
#include <vector>

namespace drsim::sim {

/// Told when a level it observes changes (the monitor, which sleeps through quiet stretches).
class LevelObserver {
 public:
  virtual void level_changed() = 0;

 protected:
  ~LevelObserver() = default;
};

/// A level that changes at instants and is integrated exactly between them.
class Level {
 public:
  /// Sets the level from `now` on.
  void set(double now, double level);
  /// The integral of the level from 0 to `now`.
  double integral(double now) const { return integral_ + level_ * (now - last_); }
  /// The integral from 0 to `t`, any t >= 0 (earlier ones too): the same value, to the bit,
  /// that integral(t) returned or will return at time t while no change comes after t.
  double integral_at(double t) const;
  /// `o` (may be null) is told of every change from now on.
  void observe(LevelObserver* o) { observer_ = o; }
  double level() const { return level_; }
  /// When it last changed (0: never).
  double changed_at() const { return last_; }
  /// Mean level over each [i*step, (i+1)*step) up to end.
  std::vector<double> series(double step, double end) const;

 private:
  double level_ = 0, last_ = 0, integral_ = 0;
  std::vector<std::pair<double, double>> changes_;  ///< (time, new level)
  std::vector<double> integrals_;                   ///< the integral at each change
  LevelObserver* observer_ = nullptr;
};

/// A level changed by deltas and integrated exactly, without a history (attribution).
class Integral {
 public:
  /// Adds `delta` to the level from `now` on.
  void add(double now, double delta) { set(now, level_ + delta); }
  void set(double now, double level) {
    integral_ += level_ * (now - last_);
    last_ = now, level_ = level;
  }
  /// The integral from 0 to `now`.
  double at(double now) const { return integral_ + level_ * (now - last_); }

 private:
  double level_ = 0, last_ = 0, integral_ = 0;
};

}  // namespace drsim::sim
