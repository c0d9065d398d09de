#pragma once
/// \file params.hpp
/// Every default of the cost models. What each parameter means, its unit, the range a scenario
/// may set and its source (the DOMAIN.md row) are in ONE table, models/param_table.cpp, which
/// the parser, `drsim params` and docs/parameters.md read. A scenario overrides any of them
/// under "parameters": the JSON key is the table's key, values with units carry them ("20s",
/// "60MBps"). CPU work is measured in CP-seconds: the work one full-speed engine of the
/// production machine does in one second.

#include "models/uncertainty.hpp"

namespace drsim {

/// Tape restore (/parameters/tape).
struct TapeParams {
  double robot_mount_s = 20;
  double manual_mount_s = 180;
  double load_to_ready_s = 15;
  double avg_locate_s = 45;
  double rewind_unload_s = 70;
  double effective_fraction = 0.6;
  double compression_ratio = 2.0;
  double channel_Bps = 100e6;
  double dasd_write_Bps = 60e6;
  double dasd_subsystem_Bps = 400e6;
  double job_overhead_s = 60;
  double vts_recall_penalty_s = 120;
  double ddr_Bps = 10e6;
};

/// IPL and start-up (/parameters/ipl).
struct IplParams {
  double zos_ipl_to_jes_s = 8 * 60;
  double zos_subsystems_s = 15 * 60;
  double zos_cpu_fraction = 0.8;
  double zvm_ipl_s = 4 * 60;
  double zvm_cpu_fraction = 0.5;
  double xautolog_stagger_s = 20;
  double linux_boot_s = 120;
  double linux_fsck_extra_s = 60;
  double linux_cpu_fraction = 0.5;
  double cms_logon_s = 10;
  double cms_cpu_fraction = 0.5;
  double app_start_s = 240;
  double app_cpu_fraction = 0.7;
  double reconfigure_s = 20 * 60;
  double fix_missing_userid_s = 45 * 60;
  double problem_detection_s = 15 * 60;
};

/// Paging and memory (/parameters/paging).
struct PagingParams {
  double page_bytes = 4096;
  double pages_per_volume_per_s = 300;
  double page_io_s = 0.005;
  double pages_per_block_io = 8;
  double xstor_page_s = 5e-6;
  double linux_ws_fraction = 0.6;
  double overload_pages_per_s = 1000;
  double overload_for_s = 30 * 60;
  /// The overcommitment curve: throughput factor vs working set / (real + Xstor).
  double curve_ratio[4] = {1.0, 1.2, 1.5, 2.0};
  double curve_factor[4] = {1.0, 0.45, 0.35, 0.25};
};

/// SIE levels and CPU (/parameters/cpu).
struct CpuParams {
  double sie_level3_linux = 4.0;
  double sie_level3_cms = 1.1;
  double sie_level3_zos = 1.5;
  double lpar_overhead_dedicated = 0.01;
  double lpar_overhead_shared = 0.05;
  double guest_overhead_level2 = 0.05;
  double saturation_busy = 0.98;
  double saturation_for_s = 3600;
  /// The shares PR/SM can give a shared LPAR: geometric steps per doubling (64: 1.1 % apart),
  /// each share rounded down to one (simulator/platform.cpp share_speeds). The default was 512
  /// (0.14 % apart) until 2026-12-02: bench/README.md "The share ladder's default".
  double share_steps_per_doubling = 64;
};

/// Distributed (non-mainframe) systems rebuilt by the customer's staff (/parameters/distributed).
struct DistributedParams {
  double teams = 3;
};

/// All model parameters of one scenario.
struct ModelParams {
  TapeParams tape;
  IplParams ipl;
  PagingParams paging;
  CpuParams cpu;
  DistributedParams distributed;
  UncertaintyParams uncertainty;  ///< spreads and incidents of replications (uncertainty.hpp)
};

}  // namespace drsim
