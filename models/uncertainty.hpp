#pragma once
/// \file uncertainty.hpp
/// Distributions around the modelled durations and the probabilities of incidents, for Monte
/// Carlo replications (DOMAIN-ROUND2.md section A). A plain `drsim run` ignores them (it is
/// the nominal run); `--replications N` and `--replication K` draw from them.
/// A Spread is a distribution of a factor applied to a nominal duration, so it stays around
/// whatever value the scenario or the cost models give that duration.

#include "models/rng.hpp"

namespace drsim {

/// z of the 95th percentile of the standard normal.
inline constexpr double kNormalZ95 = 1.6448536269514722;

enum class SpreadKind { Fixed, Lognormal, Uniform, Triangular };

/// A distribution of a factor x nominal.
struct Spread {
  SpreadKind kind = SpreadKind::Fixed;
  double sigma = 0;  ///< Lognormal: log-space sd (median factor 1)
  double low = 1;    ///< Uniform / Triangular: lowest factor
  double high = 1;   ///< Uniform / Triangular: highest factor (Triangular: mode 1)

  static Spread fixed() { return {}; }
  /// Lognormal with median factor 1 and the given p95 / median ratio.
  static Spread lognormal_p95(double p95_ratio);
  /// Lognormal with median factor 1 and the given coefficient of variation.
  static Spread lognormal_cv(double cv);
  static Spread uniform(double low, double high);
  static Spread triangular(double low, double high);
};

/// One draw of `nominal` x the spread's factor (nominal itself for a Fixed spread).
double sample(const Spread& s, double nominal, rng::Xoshiro256& g);

/// The spreads and incident probabilities of one scenario (parameters.uncertainty).
struct UncertaintyParams {
  bool enabled = true;  ///< false: "uncertainty": "none" (replications equal the nominal run)
  // durations (DOMAIN-ROUND2.md "Suggested default")
  Spread robot_mount = Spread::lognormal_p95(3);      ///< A1 median 20 s; p95 60 s from A3 (5x max)
  Spread manual_mount = Spread::lognormal_p95(5);     ///< Assumption: median 180 s, p95 900 s
  Spread locate = Spread::uniform(0, 2);              ///< A4: 0 .. 2 x mean (max = 2 x avg)
  Spread rewind_unload = Spread::uniform(0.5, 1.5);   ///< A4 (max 2 x avg): Assumption on shape
  Spread restore_rate = Spread::uniform(0.6, 1.0);    ///< Assumption (A5/A6: mounts dominate)
  Spread zos_ipl = Spread::lognormal_cv(0.3);         ///< Assumption (zvm_ipl's CV 0.3)
  Spread zos_subsystems = Spread::lognormal_cv(0.3);  ///< Assumption
  Spread zvm_ipl = Spread::lognormal_cv(0.3);         ///< Assumption: CV 0.3 (DOMAIN-ROUND2)
  Spread linux_boot = Spread::lognormal_cv(0.3);      ///< Assumption: CV 0.3 (DOMAIN-ROUND2)
  Spread app_start = Spread::lognormal_cv(0.3);       ///< Assumption (A9: 80 s for 6 servers)
  Spread reconfigure = Spread::lognormal_cv(0.3);     ///< Assumption
  Spread lead_time = Spread::lognormal_cv(0.5);       ///< operator/vendor lead times: Assumption
  Spread distributed_work = Spread::lognormal_cv(0.3);  ///< staff rebuilds: Assumption
  // incidents
  double cartridge_unreadable_p = 0.003;  ///< A13, per volume restored
  double reread_fails_p = 0.5;    ///< Assumption: the re-read fails too -> previous week's backup
  double drive_failure_p = 0.02;  ///< per drive per exercise: Assumption (A14: ~40 % of failures)
  double ipl_failure_p = 0.15;    ///< per first DR IPL of a z/OS: Assumption (causes A8)
  double ipl_fix_min_s = 5 * 60;  ///< A8: "fix ~5 min once diagnosed"; 5-30 min Assumption
  double ipl_fix_max_s = 30 * 60;
};

}  // namespace drsim
