#include "models/rng.hpp"

#include <cmath>
#include <numbers>

namespace drsim::rng {
namespace {

std::uint64_t rotl(std::uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

}  // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t replication_seed(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t a = seed;
  std::uint64_t mixed_seed = splitmix64(a);
  std::uint64_t b = index ^ 0x5851f42d4c957f2dULL;
  std::uint64_t mixed_index = splitmix64(b);
  std::uint64_t c = mixed_seed ^ rotl(mixed_index, 17);
  return splitmix64(c);
}

Xoshiro256::Xoshiro256(std::uint64_t seed) {
  for (auto& s : s_) s = splitmix64(seed);
}

std::uint64_t Xoshiro256::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Xoshiro256::uniform01() {
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double uniform(Xoshiro256& g, double lo, double hi) {
  return lo + (hi - lo) * g.uniform01();
}

double standard_normal(Xoshiro256& g) {
  // 1 - u is in (0, 1]: the logarithm is finite
  const double u1 = 1.0 - g.uniform01();
  const double u2 = g.uniform01();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double lognormal(Xoshiro256& g, double median, double sigma) {
  return median * std::exp(sigma * standard_normal(g));
}

double triangular(Xoshiro256& g, double lo, double mode, double hi) {
  if (hi <= lo) return lo;
  const double u = g.uniform01();
  const double cut = (mode - lo) / (hi - lo);
  if (u < cut) return lo + std::sqrt(u * (hi - lo) * (mode - lo));
  return hi - std::sqrt((1.0 - u) * (hi - lo) * (hi - mode));
}

bool bernoulli(Xoshiro256& g, double p) {
  // uniform01() is in [0, 1): p = 0 is never below it, p = 1 always is
  return g.uniform01() < p;
}

int poisson(Xoshiro256& g, double mean) {
  if (mean <= 0) return 0;
  const double limit = std::exp(-mean);
  int k = 0;
  double prod = g.uniform01();
  while (prod > limit && k < 10000) {
    ++k;
    prod *= g.uniform01();
  }
  return k;
}

}  // namespace drsim::rng
