#include "models/tape.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <stdexcept>

using namespace drsim;

namespace {

constexpr double kMin = 60;

/// Parameters where only the drive limits the transfer (DOMAIN.md §1.4's data-limited times).
TapeParams drive_limited(double effective_fraction) {
  TapeParams p;
  p.effective_fraction = effective_fraction;
  p.compression_ratio = 1;
  p.channel_Bps = 1e12;
  p.dasd_write_Bps = 1e12;
  p.dasd_subsystem_Bps = 1e12;
  return p;
}

double transfer_min(const char* model, const char* drive, const TapeParams& p) {
  const double bytes = *dasd_model_bytes(model);
  const double rate = find_tape_drive_type(drive)->native_Bps;
  return volume_restore_cost(bytes, rate, MountKind::Robot, false, p).transfer_s / kMin;
}

}  // namespace

TEST_CASE("drive types of DOMAIN.md 1.1", "[tape]") {
  const auto ts1120 = find_tape_drive_type("TS1120");
  REQUIRE(ts1120);
  CHECK(ts1120->native_Bps == Approx(100e6));
  CHECK(ts1120->cartridge_bytes == Approx(700e9));
  CHECK(find_tape_drive_type("3590E")->native_Bps == Approx(14e6));
  CHECK(find_tape_drive_type("3590H")->cartridge_bytes == Approx(30e9));
  CHECK(find_tape_drive_type("3592J1A")->native_Bps == Approx(40e6));
  CHECK(find_tape_drive_type("TS1130")->native_Bps == Approx(160e6));
  CHECK(find_tape_drive_type("LTO3")->native_Bps == Approx(80e6));
  CHECK(find_tape_drive_type("lto-4")->name == "LTO4");
  CHECK(find_tape_drive_type("3592-J1A")->name == "3592J1A");
  CHECK(tape_drive_types().size() == 8);
  CHECK_FALSE(find_tape_drive_type("TS1160"));
  CHECK_FALSE(find_tape_drive_type(""));
}

TEST_CASE("3390 volume sizes are cylinders x 15 x 56664", "[tape]") {
  CHECK(*dasd_model_bytes("3390-3") == Approx(2.838e9).epsilon(1e-3));
  CHECK(*dasd_model_bytes("3390-9") == Approx(8.514e9).epsilon(1e-3));
  CHECK(*dasd_model_bytes("3390-9") == 10017.0 * 15 * 56664);
  CHECK(*dasd_model_bytes("3390-27") == Approx(27.85e9).epsilon(1e-3));
  CHECK(*dasd_model_bytes("3390-54") == Approx(55.7e9).epsilon(1e-3));
  CHECK_FALSE(dasd_model_bytes("3390-1"));
  CHECK_FALSE(dasd_model_bytes("3380-K"));
}

TEST_CASE("data-limited restore times match DOMAIN.md 1.4", "[tape]") {
  const TapeParams native = drive_limited(1.0);
  CHECK(transfer_min("3390-9", "TS1120", native) == Approx(1.4).margin(0.05));
  CHECK(transfer_min("3390-9", "3590E", native) == Approx(10.1).margin(0.1));
  CHECK(transfer_min("3390-9", "3592J1A", native) == Approx(3.5).margin(0.05));
  CHECK(transfer_min("3390-3", "3590E", native) == Approx(3.4).margin(0.05));
  CHECK(transfer_min("3390-3", "TS1120", native) == Approx(0.5).margin(0.05));
  CHECK(transfer_min("3390-27", "3590E", native) == Approx(33).margin(0.5));
  CHECK(transfer_min("3390-27", "TS1120", native) == Approx(4.6).margin(0.05));
  const TapeParams sixty = drive_limited(0.6);
  CHECK(transfer_min("3390-9", "TS1120", sixty) == Approx(2.4).margin(0.05));
  CHECK(transfer_min("3390-9", "3590E", sixty) == Approx(16.9).margin(0.1));
}

TEST_CASE("the restore rate is the smallest of tape, channel and DASD write", "[tape]") {
  TapeParams p;  // defaults: eff 0.6, compression 2, channel 100 MB/s, DASD write 60 MB/s
  CHECK(effective_restore_rate_Bps(100e6, p) == Approx(60e6));
  CHECK(effective_restore_rate_Bps(14e6, p) == Approx(14e6 * 0.6 * 2));
  p.dasd_write_Bps = 500e6;
  CHECK(effective_restore_rate_Bps(160e6, p) == Approx(100e6));
  CHECK_THROWS_AS(effective_restore_rate_Bps(0, p), std::invalid_argument);
  p.channel_Bps = 0;
  CHECK_THROWS_AS(effective_restore_rate_Bps(100e6, p), std::invalid_argument);
}

TEST_CASE("fixed per-volume overhead", "[tape]") {
  const TapeParams p;
  CHECK(restore_fixed_overhead_s(MountKind::Robot, false, p) == Approx(20 + 15 + 45 + 70 + 60));
  CHECK(restore_fixed_overhead_s(MountKind::Manual, false, p) == Approx(180 + 15 + 45 + 70 + 60));
  CHECK(restore_fixed_overhead_s(MountKind::Robot, true, p) == Approx(210 + 120));
}

TEST_CASE("one volume's cost adds up", "[tape]") {
  const TapeParams p;
  const double bytes = *dasd_model_bytes("3390-9");
  const auto c = volume_restore_cost(bytes, 100e6, MountKind::Manual, true, p);
  CHECK(c.rate_Bps == Approx(60e6));
  CHECK(c.transfer_s == Approx(bytes / 60e6));
  CHECK(c.mount_s == Approx(180));
  CHECK(c.recall_s == Approx(120));
  CHECK(c.total_s == Approx(c.transfer_s + restore_fixed_overhead_s(MountKind::Manual, true, p)));
  CHECK(volume_restore_cost(0, 100e6, MountKind::Robot, false, p).transfer_s == 0);
  CHECK_THROWS_AS(volume_restore_cost(-1, 100e6, MountKind::Robot, false, p),
                  std::invalid_argument);
}

TEST_CASE("pool makespan: edge cases and closed forms", "[tape]") {
  const TapeParams p;
  const double v9 = *dasd_model_bytes("3390-9");
  const double one = volume_restore_cost(v9, 100e6, MountKind::Robot, false, p).total_s;
  CHECK(pool_makespan_s({}, 0, 100e6, MountKind::Robot, false, p) == 0);
  CHECK(pool_makespan_s({}, 4, 100e6, MountKind::Robot, false, p) == 0);
  CHECK_THROWS_AS(pool_makespan_s({v9}, 0, 100e6, MountKind::Robot, false, p),
                  std::invalid_argument);
  CHECK_THROWS_AS(pool_makespan_s({v9}, -1, 100e6, MountKind::Robot, false, p),
                  std::invalid_argument);
  CHECK(pool_makespan_s({v9}, 4, 100e6, MountKind::Robot, false, p) == Approx(one));
  CHECK(pool_makespan_s({v9, v9, v9}, 1, 100e6, MountKind::Robot, false, p) == Approx(3 * one));
  // 4 jobs at 60 MB/s stay under the 400 MB/s subsystem: all run side by side.
  CHECK(pool_makespan_s({v9, v9, v9, v9}, 4, 100e6, MountKind::Robot, false, p) == Approx(one));
  CHECK(pool_makespan_s({v9, v9, v9, v9, v9}, 4, 100e6, MountKind::Robot, false, p) ==
        Approx(2 * one));
  CHECK(pool_makespan_s({0, 0}, 1, 100e6, MountKind::Robot, false, p) ==
        Approx(2 * restore_fixed_overhead_s(MountKind::Robot, false, p)));
}

TEST_CASE("pool makespan: the DASD subsystem is a shared cap", "[tape]") {
  const TapeParams p;  // 60 MB/s per job, 400 MB/s for all
  const double v9 = *dasd_model_bytes("3390-9");
  const std::vector<double> ten(10, v9);
  const double fixed = restore_fixed_overhead_s(MountKind::Robot, false, p);
  CHECK(pool_makespan_s(ten, 10, 100e6, MountKind::Robot, false, p) == Approx(fixed + v9 / 40e6));
  TapeParams wide = p;
  wide.dasd_subsystem_Bps = 1e12;
  CHECK(pool_makespan_s(ten, 10, 100e6, MountKind::Robot, false, wide) ==
        Approx(fixed + v9 / 60e6));
}

TEST_CASE("pool makespan: more drives, faster drives, robots never slower", "[tape]") {
  std::mt19937 gen(20070401);
  const char* models[] = {"3390-3", "3390-9", "3390-27"};
  for (int trial = 0; trial < 200; ++trial) {
    TapeParams p;
    p.dasd_subsystem_Bps = 100e6 + 50e6 * static_cast<double>(gen() % 10);
    std::vector<double> volumes(1 + gen() % 30);
    for (double& v : volumes) v = *dasd_model_bytes(models[gen() % 3]);
    double previous = pool_makespan_s(volumes, 1, 100e6, MountKind::Robot, false, p);
    for (int drives = 2; drives <= 16; ++drives) {
      const double now = pool_makespan_s(volumes, drives, 100e6, MountKind::Robot, false, p);
      CHECK(now <= previous * (1 + 1e-9));
      previous = now;
    }
    const double robot = pool_makespan_s(volumes, 4, 100e6, MountKind::Robot, false, p);
    CHECK(pool_makespan_s(volumes, 4, 100e6, MountKind::Manual, false, p) >= robot);
    CHECK(pool_makespan_s(volumes, 4, 100e6, MountKind::Robot, true, p) >= robot);
    double slower = pool_makespan_s(volumes, 4, 7e6, MountKind::Robot, false, p);
    for (double rate : {14e6, 40e6, 80e6, 100e6, 120e6, 160e6}) {
      const double faster = pool_makespan_s(volumes, 4, rate, MountKind::Robot, false, p);
      CHECK(faster <= slower * (1 + 1e-9));
      slower = faster;
    }
  }
}

TEST_CASE("list scheduling alone shows Graham's anomaly; the estimate does not", "[tape]") {
  const TapeParams p;  // 7 jobs at 60 MB/s exceed the 400 MB/s subsystem, 6 do not
  const std::vector<double> eight(8, *dasd_model_bytes("3390-9"));
  const double six = list_schedule_makespan_s(eight, 6, 100e6, MountKind::Robot, false, p);
  const double seven = list_schedule_makespan_s(eight, 7, 100e6, MountKind::Robot, false, p);
  CHECK(seven > six);
  CHECK(pool_makespan_s(eight, 7, 100e6, MountKind::Robot, false, p) == Approx(six));
  CHECK(pool_makespan_s(eight, 1, 100e6, MountKind::Robot, false, p) ==
        list_schedule_makespan_s(eight, 1, 100e6, MountKind::Robot, false, p));
}
