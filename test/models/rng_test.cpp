// models/rng: fixed algorithms (known outputs), the transforms' shapes, replication seeds.
#include "models/rng.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <vector>

using namespace drsim::rng;

TEST_CASE("splitmix64 gives the published sequence for seed 0", "[rng]") {
  std::uint64_t s = 0;
  CHECK(splitmix64(s) == 0xe220a8397b1dcdafULL);
  CHECK(splitmix64(s) == 0x6e789e6aa1b965f4ULL);
  CHECK(splitmix64(s) == 0x06c45d188009454fULL);
}

TEST_CASE("xoshiro256** is a fixed function of its seed", "[rng]") {
  Xoshiro256 a(42), b(42), c(43);
  std::vector<std::uint64_t> va, vb, vc;
  for (int i = 0; i < 5; ++i)
    va.push_back(a.next()), vb.push_back(b.next()), vc.push_back(c.next());
  CHECK(va == vb);
  CHECK(va != vc);
  // the state after seeding is splitmix64(42) x 4: the first output is rotl(s1 * 5, 7) * 9
  std::uint64_t sm = 42;
  splitmix64(sm);
  std::uint64_t s1 = splitmix64(sm);
  std::uint64_t x = s1 * 5;
  CHECK(va[0] == ((x << 7) | (x >> 57)) * 9);
}

TEST_CASE("replication seeds differ by index and by seed, and do not depend on order", "[rng]") {
  std::set<std::uint64_t> seen;
  for (std::uint64_t seed = 1; seed <= 3; ++seed)
    for (std::uint64_t i = 0; i < 1000; ++i) seen.insert(replication_seed(seed, i));
  CHECK(seen.size() == 3000);
  CHECK(replication_seed(7, 42) == replication_seed(7, 42));
}

TEST_CASE("uniform01 is at least 0, below 1, with mean 1/2", "[rng]") {
  Xoshiro256 g(1);
  double sum = 0, lo = 1, hi = 0;
  for (int i = 0; i < 100000; ++i) {
    double u = g.uniform01();
    sum += u, lo = std::min(lo, u), hi = std::max(hi, u);
  }
  CHECK(lo >= 0.0);
  CHECK(hi < 1.0);
  CHECK(sum / 100000 == Approx(0.5).margin(0.01));
}

TEST_CASE("standard_normal has mean 0 and sd 1; lognormal has the asked median", "[rng]") {
  Xoshiro256 g(9);
  const int n = 100000;
  double sum = 0, sq = 0;
  std::vector<double> ln;
  for (int i = 0; i < n; ++i) {
    double z = standard_normal(g);
    sum += z, sq += z * z;
    ln.push_back(lognormal(g, 20, 0.5));
  }
  CHECK(sum / n == Approx(0).margin(0.02));
  CHECK(std::sqrt(sq / n) == Approx(1).margin(0.02));
  std::nth_element(ln.begin(), ln.begin() + n / 2, ln.end());
  CHECK(ln[n / 2] == Approx(20).epsilon(0.03));
}

TEST_CASE("triangular stays in its range with its mean (lo + mode + hi) / 3", "[rng]") {
  Xoshiro256 g(3);
  double sum = 0;
  for (int i = 0; i < 100000; ++i) {
    double t = triangular(g, 0.5, 1.0, 3.0);
    REQUIRE(t >= 0.5);
    REQUIRE(t <= 3.0);
    sum += t;
  }
  CHECK(sum / 100000 == Approx(4.5 / 3).epsilon(0.01));
}

TEST_CASE("bernoulli: probability 0 never, 1 always, 0.3 about 30 %", "[rng]") {
  Xoshiro256 g(5);
  int zero = 0, one = 0, third = 0;
  for (int i = 0; i < 100000; ++i) {
    zero += bernoulli(g, 0.0) ? 1 : 0;
    one += bernoulli(g, 1.0) ? 1 : 0;
    third += bernoulli(g, 0.3) ? 1 : 0;
  }
  CHECK(zero == 0);
  CHECK(one == 100000);
  CHECK(third / 100000.0 == Approx(0.3).margin(0.01));
}

TEST_CASE("poisson has the asked mean", "[rng]") {
  Xoshiro256 g(11);
  double sum = 0;
  for (int i = 0; i < 50000; ++i) sum += poisson(g, 1.5);
  CHECK(sum / 50000 == Approx(1.5).margin(0.03));
  CHECK(poisson(g, 0) == 0);
}
