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
  if (!changes_.empty() && changes_.back().first == now)
    changes_.back().second = level;
  else
    changes_.emplace_back(now, level);
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
