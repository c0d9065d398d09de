#include "models/startup.hpp"

#include <stdexcept>

namespace drsim {
namespace {

/// Splits an elapsed time into CPU work and waiting.
Work split(double elapsed_s, double cpu_fraction) {
  if (!(elapsed_s >= 0)) throw std::invalid_argument("a start-up duration must not be negative");
  if (!(cpu_fraction >= 0 && cpu_fraction <= 1)) {
    throw std::invalid_argument("a CPU fraction must be between 0 and 1");
  }
  return Work{elapsed_s * cpu_fraction, elapsed_s * (1 - cpu_fraction)};
}

}  // namespace

// DOMAIN.md §2 row "z/OS IPL through JES up" (zos_ipl_to_jes_min, Assumption; SG24-7816).
// The CPU share zos_cpu_fraction is an Assumption (NIP/MSI dominate, IBM-MAIN msg03509).
Work zos_ipl(const IplParams& p, std::optional<double> override_s) {
  return split(override_s.value_or(p.zos_ipl_to_jes_s), p.zos_cpu_fraction);
}

// DOMAIN.md §2 row "z/OS IPL through JES up, and subsystems up" (zos_subsystems_start_min).
Work zos_subsystems(const IplParams& p, std::optional<double> override_s) {
  return split(override_s.value_or(p.zos_subsystems_s), p.zos_cpu_fraction);
}

// DOMAIN.md §2 row "z/VM IPL elapsed to AUTOLOG1 running" (zvm_ipl_min, Assumption).
Work zvm_ipl(const IplParams& p, std::optional<double> override_s) {
  return split(override_s.value_or(p.zvm_ipl_s), p.zvm_cpu_fraction);
}

// DOMAIN.md §2 row "SLES 9/10 guest boot" (linux_boot_s) and suggested default
// linux_fsck_extra_s (crash-consistent FlashCopy, §2 "Modelling note" and §6 "Consistency").
Work linux_boot(const IplParams& p, std::optional<double> override_s, bool crash_consistent) {
  const double base = override_s.value_or(p.linux_boot_s);
  if (!(base >= 0)) throw std::invalid_argument("a start-up duration must not be negative");
  return split(base + (crash_consistent ? p.linux_fsck_extra_s : 0.0), p.linux_cpu_fraction);
}

// DOMAIN.md §2 row "Normal WAS app-server start" (was_start_s, Assumption 2-5 min).
Work app_start(const IplParams& p, std::optional<double> override_s) {
  const double elapsed = override_s.value_or(p.app_start_s);
  if (elapsed == 0) return Work{};
  return split(elapsed, p.app_cpu_fraction);
}

// DOMAIN.md §2 row "AUTOLOG1 mechanism" (a CMS machine logs on and runs its PROFILE EXEC);
// cms_logon_s and cms_cpu_fraction are Assumptions.
Work cms_logon(const IplParams& p) {
  return split(p.cms_logon_s, p.cms_cpu_fraction);
}

// DOMAIN.md §4.3 "Uni-processor MIPS" / engine_mips_z9ec, engine_mips_z10ec: work in
// production CP-seconds takes production_mips / dr_mips seconds per CP-second on the DR engine.
double scale_for_engine(double cpu_s, double production_mips, double dr_mips) {
  if (!(production_mips > 0 && dr_mips > 0)) {
    throw std::invalid_argument("engine MIPS must be positive");
  }
  return cpu_s * production_mips / dr_mips;
}

}  // namespace drsim
