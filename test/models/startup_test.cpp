#include "models/startup.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

using namespace drsim;

TEST_CASE("z/OS IPL and subsystems split into CPU work and waiting", "[startup]") {
  const IplParams p;  // 8 min to JES, 15 min subsystems, 80 % CPU
  const Work ipl = zos_ipl(p, std::nullopt);
  CHECK(ipl.elapsed_uncontended() == Approx(8 * 60));
  CHECK(ipl.cpu_s == Approx(0.8 * 8 * 60));
  CHECK(ipl.wait_s == Approx(0.2 * 8 * 60));
  CHECK(zos_subsystems(p, std::nullopt).elapsed_uncontended() == Approx(15 * 60));
  const Work fast = zos_ipl(p, 300.0);
  CHECK(fast.elapsed_uncontended() == Approx(300));
  CHECK(fast.cpu_s == Approx(240));
  CHECK(zos_subsystems(p, 0.0).elapsed_uncontended() == 0);
}

TEST_CASE("z/VM IPL and CMS logon", "[startup]") {
  IplParams p;
  const Work vm = zvm_ipl(p, std::nullopt);
  CHECK(vm.elapsed_uncontended() == Approx(4 * 60));
  CHECK(vm.cpu_s == Approx(0.5 * 4 * 60));
  CHECK(zvm_ipl(p, 120.0).elapsed_uncontended() == Approx(120));
  CHECK(cms_logon(p).elapsed_uncontended() == Approx(p.cms_logon_s));
  p.cms_cpu_fraction = 1;
  CHECK(cms_logon(p).wait_s == 0);
}

TEST_CASE("Linux boot takes longer from crash-consistent disks", "[startup]") {
  const IplParams p;  // 120 s boot, 60 s fsck, 50 % CPU
  const Work clean = linux_boot(p, std::nullopt, false);
  const Work crashed = linux_boot(p, std::nullopt, true);
  CHECK(clean.elapsed_uncontended() == Approx(120));
  CHECK(crashed.elapsed_uncontended() == Approx(180));
  CHECK(crashed.cpu_s >= clean.cpu_s);
  CHECK(linux_boot(p, 90.0, false).elapsed_uncontended() == Approx(90));
  CHECK(linux_boot(p, 90.0, true).elapsed_uncontended() == Approx(150));
}

TEST_CASE("application start: 0 means no application", "[startup]") {
  const IplParams p;  // WAS 240 s, 70 % CPU
  const Work was = app_start(p, std::nullopt);
  CHECK(was.elapsed_uncontended() == Approx(240));
  CHECK(was.cpu_s == Approx(168));
  const Work none = app_start(p, 0.0);
  CHECK(none.cpu_s == 0);
  CHECK(none.wait_s == 0);
  CHECK(app_start(p, 3600.0).elapsed_uncontended() == Approx(3600));
}

TEST_CASE("bad start-up values are refused", "[startup]") {
  IplParams p;
  CHECK_THROWS_AS(zos_ipl(p, -1.0), std::invalid_argument);
  CHECK_THROWS_AS(linux_boot(p, -1.0, true), std::invalid_argument);
  p.zvm_cpu_fraction = 1.5;
  CHECK_THROWS_AS(zvm_ipl(p, std::nullopt), std::invalid_argument);
}

TEST_CASE("CPU work scales with engine speed", "[startup]") {
  CHECK(scale_for_engine(100, 580, 580) == Approx(100));
  // z9 EC production work on a z10 EC engine (920 MIPS) takes fewer seconds.
  CHECK(scale_for_engine(920, 580, 920) == Approx(580));
  CHECK(scale_for_engine(100, 920, 580) > 100);
  CHECK(scale_for_engine(0, 580, 920) == 0);
  CHECK_THROWS_AS(scale_for_engine(100, 580, 0), std::invalid_argument);
  CHECK_THROWS_AS(scale_for_engine(100, -1, 580), std::invalid_argument);
}
