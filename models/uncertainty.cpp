#include "models/uncertainty.hpp"

#include <algorithm>
#include <cmath>

namespace drsim {
Spread Spread::lognormal_p95(double p95_ratio) {
  Spread s;
  s.kind = SpreadKind::Lognormal;
  s.sigma = std::log(std::max(1.0, p95_ratio)) / kNormalZ95;
  return s;
}

Spread Spread::lognormal_cv(double cv) {
  Spread s;
  s.kind = SpreadKind::Lognormal;
  s.sigma = std::sqrt(std::log1p(cv * cv));
  return s;
}

Spread Spread::uniform(double low, double high) {
  Spread s;
  s.kind = SpreadKind::Uniform;
  s.low = low, s.high = high;
  return s;
}

Spread Spread::triangular(double low, double high) {
  Spread s;
  s.kind = SpreadKind::Triangular;
  s.low = low, s.high = high;
  return s;
}

double sample(const Spread& s, double nominal, rng::Xoshiro256& g) {
  switch (s.kind) {
    case SpreadKind::Fixed:
      return nominal;
    case SpreadKind::Lognormal:
      return nominal * rng::lognormal(g, 1.0, s.sigma);
    case SpreadKind::Uniform:
      return nominal * rng::uniform(g, s.low, s.high);
    case SpreadKind::Triangular:
      return nominal * rng::triangular(g, s.low, 1.0, s.high);
  }
  return nominal;
}

}  // namespace drsim
