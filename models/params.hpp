#pragma once
/// \file params.hpp
/// Every default of the cost models, with the DOMAIN.md row it comes from.
/// A scenario overrides any of them under "parameters" (see scenarios/README.md):
/// the JSON key is the field name, values with units carry them ("20s", "60MBps").
/// CPU work is measured in CP-seconds: the work one full-speed engine of the production
/// machine does in one second.

#include "models/uncertainty.hpp"

namespace drsim {

/// Tape restore (DOMAIN.md §1 and "Suggested default parameters / Tape").
struct TapeParams {
  double robot_mount_s = 20;    ///< tape_robot_mount_s: Oracle ACSLS SL8500 10-15 s + move
  double manual_mount_s = 180;  ///< tape_manual_mount_s: Assumption (1-5 min per mount)
  double load_to_ready_s = 15;  ///< tape_load_to_ready_s: IBM LTO specs 12-17 s
  double avg_locate_s = 45;     ///< tape_avg_locate_s: IBM LTO-9 "average space" 45 s
  double rewind_unload_s = 70;  ///< tape_rewind_unload_s: IBM LTO rewind 55 s + unload
  double effective_fraction =
      0.6;  ///< tape_effective_fraction: Assumption (small blocks pre z/OS 1.12)
  double compression_ratio = 2.0;     ///< tape_compression_ratio: IBM 3:1 quoted, 2:1 typical
  double channel_Bps = 100e6;         ///< channel_MBps_limit: Assumption (ESCON 17 .. FICON 400)
  double dasd_write_Bps = 60e6;       ///< dasd_write_MBps per restore target: Assumption
  double dasd_subsystem_Bps = 400e6;  ///< aggregate DR DASD write bandwidth: Assumption
  double job_overhead_s = 60;         ///< dss_job_overhead_s: Assumption (JCL, allocation, WTOs)
  double vts_recall_penalty_s = 120;  ///< vts_recall_penalty_s: derived, IBM-MAIN msg45670
  double ddr_Bps = 10e6;              ///< ddr_MBps: Assumption (z/VM DDR, 4 KB blocks, 5-15 MB/s)
};

/// IPL and start-up (DOMAIN.md §2).
struct IplParams {
  double zos_ipl_to_jes_s = 8 * 60;   ///< zos_ipl_to_jes_min: Assumption, SG24-7816
  double zos_subsystems_s = 15 * 60;  ///< zos_subsystems_start_min: Assumption
  double zos_cpu_fraction = 0.8;      ///< share of a z/OS IPL that is CPU work: Assumption
  double zvm_ipl_s = 4 * 60;          ///< zvm_ipl_min: Assumption (2-5 min to AUTOLOG1)
  double zvm_cpu_fraction = 0.5;      ///< Assumption
  double xautolog_stagger_s = 20;     ///< xautolog_stagger_s: Assumption (10-30 s)
  double linux_boot_s = 120;          ///< linux_boot_s: Assumption (60-180 s)
  double linux_fsck_extra_s = 60;     ///< linux_fsck_extra_s: Assumption (crash-consistent)
  double linux_cpu_fraction = 0.5;    ///< share of a Linux boot that is CPU work: Assumption
  double cms_logon_s = 10;            ///< CMS service machine logon + PROFILE EXEC: Assumption
  double cms_cpu_fraction = 0.5;      ///< share of a CMS logon that is CPU work: Assumption
  double app_start_s = 240;           ///< was_start_s: Assumption (WAS 2-5 min)
  double app_cpu_fraction = 0.7;      ///< WAS start is CPU-heavy (JIT, class loading): Assumption
  double reconfigure_s = 20 * 60;     ///< edit SYSTEM CONFIG for new OSA/IQD addresses: Assumption
  double fix_missing_userid_s = 45 * 60;  ///< fix_missing_userid_min: Assumption
  double problem_detection_s =
      15 * 60;  ///< time for staff to notice a broken connection: Assumption
};

/// Paging and memory (DOMAIN.md §3).
struct PagingParams {
  double page_bytes = 4096;  ///< page_size_bytes: z/Architecture
  double pages_per_volume_per_s =
      300;                             ///< sustainable paging per 3390 volume: Assumption (200-500)
  double page_io_s = 0.005;            ///< page_io_ms: Assumption (3-8 ms per block I/O)
  double pages_per_block_io = 8;       ///< pages_per_block_io: Assumption (block paging)
  double xstor_page_s = 5e-6;          ///< xstore_page_us: Assumption (a few us per page)
  double linux_ws_fraction = 0.6;      ///< linux_ws_fraction: Assumption (of defined virtual)
  double overload_pages_per_s = 1000;  ///< threshold of the paging-overload finding: Assumption
  double overload_for_s = 30 * 60;     ///< ... held this long (the runbook's 30 min)
  /// overcommit_throughput_curve: throughput factor vs working set / (real + Xstor).
  /// 1.0 -> 1.0 and 1.2 -> 0.45 from IBM's z/VM 5.2 overcommitment test (> 50 % drop with one
  /// more guest); 1.5 -> 0.35 and 2.0 -> 0.25 Assumption ("degraded more slowly").
  double curve_ratio[4] = {1.0, 1.2, 1.5, 2.0};
  double curve_factor[4] = {1.0, 0.45, 0.35, 0.25};
};

/// SIE levels and CPU (DOMAIN.md §4).
struct CpuParams {
  double sie_level3_linux =
      4.0;                      ///< sie_level3_cpu_multiplier_linux: Assumption; Buelens 50 % floor
  double sie_level3_cms = 1.1;  ///< sie_level3_cpu_multiplier_cms: Assumption (CMS ran fine)
  double sie_level3_zos = 1.5;  ///< a z/OS at the 3rd level: Assumption (not in the story)
  double lpar_overhead_dedicated = 0.01;  ///< lpar_overhead_dedicated: CA MICS (~0.1 %)
  double lpar_overhead_shared = 0.05;     ///< lpar_overhead_shared: CA MICS (up to ~12 %)
  double guest_overhead_level2 = 0.05;    ///< z/VM CP overhead for a 2nd-level guest: Assumption
  double saturation_busy = 0.98;          ///< busy fraction that counts as "CPs at 100 %"
  double saturation_for_s = 3600;         ///< cpu-saturation finding: over an hour (CONTRACT)
};

/// Distributed (non-mainframe) systems rebuilt by the customer's staff (the pre-Linux test).
struct DistributedParams {
  double teams = 3;  ///< people/teams working on distributed systems at once: Assumption
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
