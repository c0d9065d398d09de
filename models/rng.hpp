#pragma once
/// \file rng.hpp
/// The random numbers of Monte Carlo replications, with a fixed algorithm so that a seed gives
/// the same draws on every platform and library version (std::*_distribution does not
/// promise that): SplitMix64 to derive seeds, xoshiro256** as the generator, and our own
/// transforms (uniform, normal by Box-Muller, lognormal, triangular, Bernoulli, Poisson).

#include <cstdint>

namespace drsim::rng {

/// One SplitMix64 step: advances `state` and returns the next output (Steele et al. 2014).
std::uint64_t splitmix64(std::uint64_t& state);

/// The seed of replication `index` of a batch run with `seed`: independent of how many
/// replications run or in which order, so replication i replays alone.
std::uint64_t replication_seed(std::uint64_t seed, std::uint64_t index);

/// xoshiro256** 1.0 (Blackman and Vigna 2018), seeded through SplitMix64.
class Xoshiro256 {
 public:
  explicit Xoshiro256(std::uint64_t seed);
  /// The next 64 random bits.
  std::uint64_t next();
  /// Uniform in [0, 1) with 53 random bits.
  double uniform01();

 private:
  std::uint64_t s_[4];
};

/// Uniform in [lo, hi).
double uniform(Xoshiro256& g, double lo, double hi);
/// Standard normal (mean 0, sd 1) by the Box-Muller transform (one draw per two uniforms).
double standard_normal(Xoshiro256& g);
/// Lognormal with the given median and log-space sigma: median x exp(sigma x N(0,1)).
double lognormal(Xoshiro256& g, double median, double sigma);
/// Triangular on [lo, hi] with its mode at `mode` (inverse CDF).
double triangular(Xoshiro256& g, double lo, double mode, double hi);
/// True with probability p: p <= 0 never, p >= 1 always.
bool bernoulli(Xoshiro256& g, double p);
/// Poisson count with the given mean (Knuth's product method; means up to ~100).
int poisson(Xoshiro256& g, double mean);

}  // namespace drsim::rng
