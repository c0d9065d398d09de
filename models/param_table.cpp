#include "models/param_table.hpp"

#include <cmath>
#include <cstdio>

namespace drsim {
namespace {

using K = ParamKind;
using P = ModelParams;

const Bounds kFraction{0, 1};
const Bounds kOpenFraction{0, 1, true};
const Bounds kMultiplier{1, 1000};
const Bounds kOverhead{0, 0.99};
const Bounds kNone{};

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

const char* base_unit(ParamKind kind, const char* unit) {
  switch (kind) {
    case K::Duration:
      return "s";
    case K::Rate:
      return "B/s";
    case K::Size:
      return "B";
    default:
      return unit;
  }
}

std::vector<ParamInfo> tape_rows() {
  return {
      {"tape", "robot_mount", K::Duration, kNonNegative, "s",
       "robot mount of a cartridge in a tape library (per volume restored from a robot)",
       "DOMAIN tape_robot_mount_s (10-45 s): Oracle ACSLS SL8500 10-15 s + robot move; "
       "autoloaders 26-45 s",
       [](P& p) { return &p.tape.robot_mount_s; }},
      {"tape", "manual_mount", K::Duration, kNonNegative, "s",
       "an operator fetches and mounts a cartridge by hand",
       "DOMAIN tape_manual_mount_s (60-600 s): Assumption (1-5 min per mount)",
       [](P& p) { return &p.tape.manual_mount_s; }},
      {"tape", "load_to_ready", K::Duration, kNonNegative, "s",
       "from a mounted cartridge to a ready drive",
       "DOMAIN tape_load_to_ready_s (12-20 s): IBM LTO specs 12-17 s",
       [](P& p) { return &p.tape.load_to_ready_s; }},
      {"tape", "avg_locate", K::Duration, kNonNegative, "s",
       "positioning to the dump's first block",
       "DOMAIN tape_avg_locate_s (20-90 s): IBM LTO-9 average space from load point 45 s",
       [](P& p) { return &p.tape.avg_locate_s; }},
      {"tape", "rewind_unload", K::Duration, kNonNegative, "s",
       "rewind and unload after a restore, before the drive takes the next cartridge",
       "DOMAIN tape_rewind_unload_s (20-180 s): IBM LTO rewind 55 s + unload 17-30 s",
       [](P& p) { return &p.tape.rewind_unload_s; }},
      {"tape", "effective_fraction", K::Number, kOpenFraction, "fraction",
       "share of the drive's native rate a DFDSS restore reaches",
       "DOMAIN tape_effective_fraction (0.3-0.9): Assumption (small blocks before z/OS 1.12, "
       "channel limits, start/stop)",
       [](P& p) { return &p.tape.effective_fraction; }},
      {"tape", "compression_ratio", K::Number, Bounds{1, 20}, "x",
       "drive compression: logical bytes per byte on tape",
       "DOMAIN tape_compression_ratio (1.0-3.0): IBM quotes 3:1, 2:1 typical of real data",
       [](P& p) { return &p.tape.compression_ratio; }},
      {"tape", "channel", K::Rate, kPositive, "B/s", "ceiling of one channel path to a tape drive",
       "DOMAIN channel_MBps_limit (17-400 MB/s): Assumption (ESCON 17 .. 4 Gb FICON 400)",
       [](P& p) { return &p.tape.channel_Bps; }},
      {"tape", "dasd_write", K::Rate, kPositive, "B/s", "write rate of one restore target volume",
       "DOMAIN dasd_write_MBps (20-150 MB/s): Assumption",
       [](P& p) { return &p.tape.dasd_write_Bps; }},
      {"tape", "dasd_subsystem", K::Rate, kPositive, "B/s",
       "aggregate write bandwidth of the DR DASD subsystem, shared by all restores",
       "not a DOMAIN row: Assumption", [](P& p) { return &p.tape.dasd_subsystem_Bps; }},
      {"tape", "job_overhead", K::Duration, kNonNegative, "s",
       "per restore job: JCL submit, allocation, messages, replies to ADR WTOs",
       "DOMAIN dss_job_overhead_s (20-300 s): Assumption",
       [](P& p) { return &p.tape.job_overhead_s; }},
      {"tape", "vts_recall_penalty", K::Duration, kNonNegative, "s",
       "extra time when a virtual tape must be recalled from a physical cartridge",
       "DOMAIN vts_recall_penalty_s (60-600 s): derived, IBM-MAIN msg45670",
       [](P& p) { return &p.tape.vts_recall_penalty_s; }},
      {"tape", "ddr", K::Rate, kPositive, "B/s", "z/VM DDR restore rate (4 KB blocks)",
       "DOMAIN ddr_MBps (5-15 MB/s): Assumption", [](P& p) { return &p.tape.ddr_Bps; }},
  };
}

std::vector<ParamInfo> ipl_rows() {
  return {
      {"ipl", "zos_ipl_to_jes", K::Duration, kPositive, "s", "z/OS IPL until JES is up",
       "DOMAIN zos_ipl_to_jes_min (3-20 min): Assumption, SG24-7816",
       [](P& p) { return &p.ipl.zos_ipl_to_jes_s; }},
      {"ipl", "zos_subsystems", K::Duration, kNonNegative, "s",
       "z/OS subsystems (DB2, CICS, ...) start after JES",
       "DOMAIN zos_subsystems_start_min (5-45 min): Assumption",
       [](P& p) { return &p.ipl.zos_subsystems_s; }},
      {"ipl", "zos_cpu_fraction", K::Number, kFraction, "fraction",
       "share of a z/OS IPL that is CPU work (slowed by a CPU shortage); the rest is wall time",
       "not a DOMAIN row: Assumption", [](P& p) { return &p.ipl.zos_cpu_fraction; }},
      {"ipl", "zvm_ipl", K::Duration, kPositive, "s", "z/VM IPL until AUTOLOG1 runs",
       "DOMAIN zvm_ipl_min (2-10 min): Assumption", [](P& p) { return &p.ipl.zvm_ipl_s; }},
      {"ipl", "zvm_cpu_fraction", K::Number, kFraction, "fraction",
       "share of a z/VM IPL that is CPU work", "not a DOMAIN row: Assumption",
       [](P& p) { return &p.ipl.zvm_cpu_fraction; }},
      {"ipl", "xautolog_stagger", K::Duration, kNonNegative, "s",
       "pause between two guests XAUTOLOGged by the same z/VM",
       "DOMAIN xautolog_stagger_s (0-60 s): Assumption",
       [](P& p) { return &p.ipl.xautolog_stagger_s; }},
      {"ipl", "linux_boot", K::Duration, kPositive, "s",
       "Linux boot on an idle machine (stretched by CPU and paging slowdown)",
       "DOMAIN linux_boot_s (60-300 s): Assumption", [](P& p) { return &p.ipl.linux_boot_s; }},
      {"ipl", "linux_fsck_extra", K::Duration, kNonNegative, "s",
       "file system checks after a crash-consistent restore",
       "DOMAIN linux_fsck_extra_s (0-900 s): Assumption (crash-consistent FlashCopy)",
       [](P& p) { return &p.ipl.linux_fsck_extra_s; }},
      {"ipl", "linux_cpu_fraction", K::Number, kFraction, "fraction",
       "share of a Linux boot that is CPU work", "not a DOMAIN row: Assumption",
       [](P& p) { return &p.ipl.linux_cpu_fraction; }},
      {"ipl", "cms_logon", K::Duration, kPositive, "s",
       "CMS service machine logon and PROFILE EXEC", "not a DOMAIN row: Assumption",
       [](P& p) { return &p.ipl.cms_logon_s; }},
      {"ipl", "cms_cpu_fraction", K::Number, kFraction, "fraction",
       "share of a CMS logon that is CPU work", "not a DOMAIN row: Assumption",
       [](P& p) { return &p.ipl.cms_cpu_fraction; }},
      {"ipl", "app_start", K::Duration, kNonNegative, "s",
       "application (WAS) start on an idle machine, after the guest's boot; a guest's own "
       "app_start replaces it",
       "DOMAIN was_start_s (60-900 s, pathological >= 3600 s): Assumption; APARs PI77045, "
       "PH09294",
       [](P& p) { return &p.ipl.app_start_s; }},
      {"ipl", "app_cpu_fraction", K::Number, kFraction, "fraction",
       "share of an application start that is CPU work (JIT, class loading)",
       "not a DOMAIN row: Assumption", [](P& p) { return &p.ipl.app_cpu_fraction; }},
      {"ipl", "reconfigure", K::Duration, kNonNegative, "s",
       "editing SYSTEM CONFIG for new OSA or Hipersocket addresses before a re-IPL",
       "not a DOMAIN row: Assumption (talk, year 3)", [](P& p) { return &p.ipl.reconfigure_s; }},
      {"ipl", "fix_missing_userid", K::Duration, kNonNegative, "s",
       "adding a missing user ID (e.g. VSWITCH controllers) and XAUTOLOGging it",
       "DOMAIN fix_missing_userid_min (15-180 min): Assumption",
       [](P& p) { return &p.ipl.fix_missing_userid_s; }},
      {"ipl", "problem_detection", K::Duration, kNonNegative, "s",
       "time for staff to notice a broken connection", "not a DOMAIN row: Assumption",
       [](P& p) { return &p.ipl.problem_detection_s; }},
  };
}

std::vector<ParamInfo> paging_rows() {
  return {
      {"paging", "page", K::Size, Bounds{512, 1e6}, "B", "page size",
       "DOMAIN page_size_bytes (fixed): z/Architecture", [](P& p) { return &p.paging.page_bytes; }},
      {"paging", "pages_per_volume_per_s", K::Number, Bounds{1, 1e6}, "pages/s",
       "sustainable paging rate of one 3390 paging volume",
       "not a DOMAIN row: Assumption (200-500), from page_io_ms and pages_per_block_io",
       [](P& p) { return &p.paging.pages_per_volume_per_s; }},
      {"paging", "page_io", K::Duration, kPositive, "s", "one block page I/O to DASD",
       "DOMAIN page_io_ms (2-20 ms): Assumption", [](P& p) { return &p.paging.page_io_s; }},
      {"paging", "pages_per_block_io", K::Number, Bounds{1, 1000}, "pages",
       "pages moved by one block page I/O",
       "DOMAIN pages_per_block_io (1-32): Assumption (z/VM block paging)",
       [](P& p) { return &p.paging.pages_per_block_io; }},
      {"paging", "xstor_page", K::Duration, kPositive, "s",
       "moving one page to or from expanded storage (Xstor)",
       "DOMAIN xstore_page_us (2-50 us): Assumption", [](P& p) { return &p.paging.xstor_page_s; }},
      {"paging", "linux_ws_fraction", K::Number, kOpenFraction, "fraction",
       "working set of a Linux guest as a share of its defined virtual storage",
       "DOMAIN linux_ws_fraction (0.3-1.0): Assumption",
       [](P& p) { return &p.paging.linux_ws_fraction; }},
      {"paging", "overload_pages_per_s", K::Number, kPositive, "pages/s",
       "paging rate above which the paging-overload finding (and its reactions) counts",
       "not a DOMAIN row: Assumption", [](P& p) { return &p.paging.overload_pages_per_s; }},
      {"paging", "overload_for", K::Duration, kNonNegative, "s",
       "how long the paging rate must stay above overload_pages_per_s",
       "not a DOMAIN row: the runbook's 30 min", [](P& p) { return &p.paging.overload_for_s; }},
      {"paging", "curve_ratio", K::Curve, kNone, "ratio",
       "overcommitment curve, x: working set / (real + Xstor)",
       "DOMAIN overcommit_throughput_curve: 1.0 and 1.2 from IBM's z/VM 5.2 test, 1.5 and 2.0 "
       "Assumption",
       [](P& p) { return &p.paging.curve_ratio[0]; }},
      {"paging", "curve_factor", K::Curve, kNone, "factor",
       "overcommitment curve, y: throughput factor at each curve_ratio",
       "DOMAIN overcommit_throughput_curve: 0.45 at 1.2 from IBM's z/VM 5.2 test (> 50 % drop); "
       "0.35 and 0.25 Assumption",
       [](P& p) { return &p.paging.curve_factor[0]; }},
  };
}

std::vector<ParamInfo> cpu_rows() {
  return {
      {"cpu", "sie_level3_linux", K::Number, kMultiplier, "x",
       "CPU per unit of work of a Linux guest at the 3rd SIE level (VM under VM)",
       "DOMAIN sie_level3_cpu_multiplier_linux (1.5-10): Assumption; Buelens 50 % floor",
       [](P& p) { return &p.cpu.sie_level3_linux; }},
      {"cpu", "sie_level3_cms", K::Number, kMultiplier, "x",
       "CPU multiplier of a CMS guest at the 3rd SIE level",
       "DOMAIN sie_level3_cpu_multiplier_cms (1.0-1.5): Assumption (talk: CMS ran fine)",
       [](P& p) { return &p.cpu.sie_level3_cms; }},
      {"cpu", "sie_level3_zos", K::Number, kMultiplier, "x",
       "CPU multiplier of a z/OS guest at the 3rd SIE level",
       "not a DOMAIN row: Assumption (not in the story)",
       [](P& p) { return &p.cpu.sie_level3_zos; }},
      {"cpu", "lpar_overhead_dedicated", K::Number, kOverhead, "fraction",
       "PR/SM overhead of an LPAR with dedicated CPs",
       "DOMAIN lpar_overhead_dedicated "
       "(0.001-0.02): CA MICS guide (~0.1 %)",
       [](P& p) { return &p.cpu.lpar_overhead_dedicated; }},
      {"cpu", "lpar_overhead_shared", K::Number, kOverhead, "fraction",
       "PR/SM overhead of an LPAR with shared CPs",
       "DOMAIN lpar_overhead_shared (0.02-0.12): CA MICS guide (up to ~12 %)",
       [](P& p) { return &p.cpu.lpar_overhead_shared; }},
      {"cpu", "guest_overhead_level2", K::Number, kOverhead, "fraction",
       "z/VM CP overhead for a guest at the 2nd SIE level", "not a DOMAIN row: Assumption",
       [](P& p) { return &p.cpu.guest_overhead_level2; }},
      {"cpu", "saturation_busy", K::Number, kOpenFraction, "fraction",
       "busy share of an LPAR's CPs that counts as \"CPs at 100 %\"",
       "not a DOMAIN row: Assumption", [](P& p) { return &p.cpu.saturation_busy; }},
      {"cpu", "saturation_for", K::Duration, kNonNegative, "s",
       "how long the CPs must stay saturated for the cpu-saturation finding",
       "not a DOMAIN row: CONTRACT (over an hour)", [](P& p) { return &p.cpu.saturation_for_s; }},
      {"cpu", "share_steps_per_doubling", K::Number, Bounds{8, 4096}, "steps",
       "how finely PR/SM shares are resolved: an LPAR's share is rounded down to one of this many "
       "geometric steps per doubling (64: 1.1 % apart; 512: 0.14 %, several times slower with "
       "hundreds of shared LPARs on an overcommitted pool)",
       "not a DOMAIN row: engine precision (docs/engine.md, bench/README.md)",
       [](P& p) { return &p.cpu.share_steps_per_doubling; }},
  };
}

std::vector<ParamInfo> build_table() {
  std::vector<ParamInfo> t;
  for (auto rows : {tape_rows(), ipl_rows(), paging_rows(), cpu_rows()})
    t.insert(t.end(), rows.begin(), rows.end());
  t.push_back({"distributed", "teams", K::Number, Bounds{1, 1000}, "teams",
               "people or teams rebuilding distributed (non-mainframe) systems at once",
               "not a DOMAIN row: Assumption (the pre-Linux test)",
               [](P& p) { return &p.distributed.teams; }});
  return t;
}

}  // namespace

const std::vector<ParamInfo>& param_table() {
  static const std::vector<ParamInfo> table = build_table();
  return table;
}

const std::vector<std::string>& param_groups() {
  static const std::vector<std::string> groups{"tape", "ipl", "paging", "cpu", "distributed"};
  return groups;
}

std::string param_value_text(ParamKind kind, double v) {
  switch (kind) {
    case K::Duration:
      if (v >= 60 && std::fmod(v, 60) == 0) return number_text(v / 60) + "min";
      if (v >= 1 || v == 0) return number_text(v) + "s";
      return number_text(v * 1e3) + "ms";
    case K::Rate:
      if (v >= 1e6) return number_text(v / 1e6) + "MBps";
      return number_text(v) + "Bps";
    case K::Size:
      return number_text(v) + "B";
    default:
      return number_text(v);
  }
}

double ParamInfo::default_value() const {
  ModelParams defaults;
  return *field(defaults);
}

std::string ParamInfo::default_text() const {
  ModelParams defaults;
  const double* v = field(defaults);
  if (kind != K::Curve) return param_value_text(kind, *v);
  std::string out = "[";
  for (int i = 0; i < 4; ++i) out += (i ? ", " : "") + number_text(v[i]);
  return out + "]";
}

std::string ParamInfo::range_text() const {
  if (kind == K::Curve)
    return std::string(key) == "curve_ratio" ? "4 increasing numbers, the first 1"
                                             : "4 non-increasing numbers in (0, 1], the first 1";
  std::string unit_text = base_unit(kind, unit);
  return bounds.range_text() + (unit_text == "fraction" || unit_text == "x" ? "" : " " + unit_text);
}

}  // namespace drsim
