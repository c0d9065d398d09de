#pragma once
/// \file startup.hpp
/// IPL and start-up work (DOMAIN.md §2). Each step is split into CPU work, in CP-seconds
/// (the work one full-speed production engine does in a second), and waiting (I/O, timers)
/// that takes elapsed time but no CPU. The engine stretches the CPU part when CPU is short
/// or paging slows the guest; the waiting part is fixed.
/// A negative override throws std::invalid_argument (the scenario validator rejects it first).

#include <optional>

#include "models/params.hpp"

namespace drsim {

/// CPU work and waiting of one start-up step.
struct Work {
  double cpu_s = 0;   ///< CP-seconds of CPU work
  double wait_s = 0;  ///< seconds of waiting that uses no CPU
  /// Elapsed time with a full engine to itself and no paging: cpu_s + wait_s.
  double elapsed_uncontended() const { return cpu_s + wait_s; }
};

/// z/OS IPL up to JES: zos_ipl_to_jes_s (or the override), cpu share zos_cpu_fraction.
Work zos_ipl(const IplParams& p, std::optional<double> override_s);

/// z/OS subsystems (DB2, CICS, TCP/IP) after JES: zos_subsystems_s, cpu share zos_cpu_fraction.
Work zos_subsystems(const IplParams& p, std::optional<double> override_s);

/// z/VM IPL to AUTOLOG1 running: zvm_ipl_s, cpu share zvm_cpu_fraction.
Work zvm_ipl(const IplParams& p, std::optional<double> override_s);

/// Linux guest boot, kernel IPL to services up: linux_boot_s (or the override), plus
/// linux_fsck_extra_s when the disks are crash-consistent (restored FlashCopy dumps);
/// cpu share linux_cpu_fraction of the whole.
Work linux_boot(const IplParams& p, std::optional<double> override_s, bool crash_consistent);

/// Application start in a guest (WAS): app_start_s or the override; an override of 0 means
/// no application (Work{}). cpu share app_cpu_fraction.
Work app_start(const IplParams& p, std::optional<double> override_s);

/// CMS service machine logon and PROFILE EXEC: cms_logon_s, cpu share cms_cpu_fraction.
Work cms_logon(const IplParams& p);

/// CP-seconds of production-engine work expressed on an engine of dr_mips:
/// cpu_s x production_mips / dr_mips (a faster DR engine needs fewer of its seconds).
double scale_for_engine(double cpu_s, double production_mips, double dr_mips);

}  // namespace drsim
