// A piecewise-constant level, integrated exactly (see level.hpp).
#include "simulator/level.hpp"

#include <algorithm>
#include <cmath>

namespace drsim::sim {

void Level::set(double now, double level) {
  if (level == level_) return;
  integral_ += level_ * (now - last_);
  last_ = now;
  level_ = level;
  if (!changes_.empty() && changes_.back().first == now) {
    changes_.back().second = level;
  } else {
    changes_.emplace_back(now, level);
    integrals_.push_back(integral_);
  }
  if (observer_) observer_->level_changed();
}

double Level::integral_at(double t) const {
  if (t >= last_) return integral(t);
  // the last change at or before t: the state (integral, time, level) integral(t) saw then
  auto it =
      std::upper_bound(changes_.begin(), changes_.end(), t,
                       [](double x, const std::pair<double, double>& c) { return x < c.first; });
  if (it == changes_.begin()) return 0;  // before any change: the level was 0
  size_t j = static_cast<size_t>(it - changes_.begin()) - 1;
  return integrals_[j] + changes_[j].second * (t - changes_[j].first);
}

std::vector<double> Level::series(double step, double end) const {
  auto n = static_cast<size_t>(std::ceil(end / step));
  std::vector<double> out(n, 0.0);
  double cur = 0, t = 0;
  size_t ci = 0;
  for (size_t i = 0; i < n; ++i) {
    double b0 = static_cast<double>(i) * step, b1 = std::min(end, b0 + step);
    double acc = 0;
    t = b0;
    while (ci < changes_.size() && changes_[ci].first < b1) {
      double ct = std::max(changes_[ci].first, b0);
      acc += cur * (ct - t);
      t = ct;
      cur = changes_[ci].second;
      ++ci;
    }
    acc += cur * (b1 - t);
    out[i] = b1 > b0 ? acc / (b1 - b0) : 0;
  }
  return out;
}

}  // namespace drsim::sim
