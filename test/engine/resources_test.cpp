// Engine mechanisms of the DR machine's resources: the tape drive pool, PR/SM weights on
// the shared CP pool, and the SIE-level CPU multipliers.
#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine_helpers.hpp"
#include "models/cpu.hpp"
#include "models/params.hpp"
#include "models/startup.hpp"
#include "simulator/platform.hpp"

using drsim::test::find_phase;
using drsim::test::kBaseScenario;
using drsim::test::opt_number;
using drsim::test::restores_done;
using drsim::test::run_doc;
using drsim::test::run_text;
using drsim::test::system_of;
using drsim::test::up_s;

namespace {

double phase_length(const nlohmann::json& system, const std::string& phase) {
  const nlohmann::json* p = find_phase(system, phase);
  REQUIRE(p != nullptr);
  return p->at("end_s").get<double>() - p->at("start_s").get<double>();
}

/// The base site on a 4-CP machine (2 of them dedicated to DRVM, so a shared pool of 2)
/// with a vendor z/OS LPAR that wants all 4 of its logical CPs at `weight`.
std::vector<std::string> busy_vendor_next_door(int weight) {
  return {
      "/dr_site/machine/cps=4",
      R"(/dr_site/lpars=[{"name":"DRZOS","owner":"customer","cps":2,"weight":100},)"
      R"({"name":"DRVM","owner":"customer","cps":2,"dedicated":true,"memory":"8GB","paging_volumes":4},)"
      R"({"name":"VNDZOS","owner":"vendor","os":"zos","cps":4,"busy_cps":4,"weight":)" +
          std::to_string(weight) + "}]"};
}

/// VM1 as a guest of the vendor's z/VM (its Linux guests at the 3rd SIE level). The vendor
/// LPAR has the same 2 dedicated CPs as DRVM, so only the SIE level differs.
const std::vector<std::string> kVmUnderVendorVm = {
    R"(/dr_site/lpars/1={"name":"VNDVM","owner":"vendor","os":"zvm","cps":2,"dedicated":true,"memory":"16GB","paging_volumes":8})",
    R"(/dr_site/placements/1={"system":"VM1","mode":"guest","lpar":"VNDVM","memory":"8GB","virtual_cpus":2,"paging_volumes":4})"};

const std::vector<std::string> kLinux = {"LNX1", "LNX2", "LNX3", "LNX4"};

}  // namespace

TEST_CASE("drive contention: more tape drives never finish the restores later", "[engine]") {
  const std::vector<int> drives = {1, 2, 4, 8};
  std::vector<double> done;
  for (int n : drives) {
    nlohmann::json r = run_text(kBaseScenario, {"/dr_site/tape/drives=" + std::to_string(n)});
    const auto& m = r.at("metrics");
    INFO(n << " drives");
    CHECK(m.at("tape_drives").get<int>() == n);
    CHECK(m.at("volumes_restored").get<int>() == 16);
    double util = m.at("tape_drive_utilisation").get<double>();
    CHECK(util > 0.0);
    CHECK(util <= 1.0);
    auto t = opt_number(m.at("restores_done_s"));
    REQUIRE(t.has_value());
    done.push_back(*t);
  }
  for (size_t i = 1; i < done.size(); ++i) {
    INFO(drives[i] << " drives: " << done[i] << " s, " << drives[i - 1]
                   << " drives: " << done[i - 1] << " s");
    CHECK(done[i] <= done[i - 1]);
  }
  CHECK(done[1] < done[0]);
  CHECK(done[2] < done[1]);
}

TEST_CASE("DASD subsystem: drives share its bandwidth, so a slow one paces every restore",
          "[engine]") {
  auto with_dasd = [](const std::string& rate) {
    std::string text = kBaseScenario;
    const std::string anchor = "\"schema_version\": 1,";
    text.replace(text.find(anchor), anchor.size(),
                 anchor + R"( "parameters": {"tape": {"dasd_subsystem": ")" + rate + R"("}},)");
    return run_text(text, {"/dr_site/tape/drives=8"});
  };
  nlohmann::json fast = with_dasd("400MBps");
  nlohmann::json slow = with_dasd("20MBps");
  auto fast_done = opt_number(fast.at("metrics").at("restores_done_s"));
  auto slow_done = opt_number(slow.at("metrics").at("restores_done_s"));
  REQUIRE(fast_done.has_value());
  REQUIRE(slow_done.has_value());
  double bytes = slow.at("metrics").at("restore_bytes").get<double>();
  CHECK(*slow_done >= bytes / 20e6);  // 8 drives cannot write faster than the subsystem takes
  CHECK(*slow_done > *fast_done);
  CHECK(*fast_done < bytes / 20e6);  // with room in the subsystem the drives set the pace
  // 8 TS1120 drives write 480 MB/s at most: a subsystem that takes that much never binds, and
  // each volume is a wait of bytes / rate (TapePool::dasd_binds); one just below it is a
  // shared transfer that binds only while all 8 drives write at once, by 0.002 %
  const double room = restores_done(with_dasd("480MBps"));
  const double shared = restores_done(with_dasd("479.99MBps"));
  CHECK(room <= shared);
  CHECK(room == Approx(shared).epsilon(1e-4));
  CHECK(room < *fast_done);  // 400 MB/s binds while more than 6 drives write
}

TEST_CASE("weight sharing: a heavier vendor LPAR on the shared pool slows the z/OS IPL",
          "[engine]") {
  nlohmann::json even = run_text(kBaseScenario, busy_vendor_next_door(100));
  nlohmann::json heavy = run_text(kBaseScenario, busy_vendor_next_door(900));
  auto even_up = up_s(even, "ZOS1");
  auto heavy_up = up_s(heavy, "ZOS1");
  REQUIRE(even_up.has_value());
  REQUIRE(heavy_up.has_value());
  CHECK(*heavy_up > *even_up);
  CHECK(phase_length(system_of(heavy, "ZOS1"), "ipl") >
        phase_length(system_of(even, "ZOS1"), "ipl"));
  // the dedicated LPAR does not share the pool: VM1 comes up at the same time
  CHECK(up_s(heavy, "VM1") == up_s(even, "VM1"));
  for (const auto* r : {&even, &heavy})
    for (const auto& [lpar, u] : r->at("metrics").at("peak_cpu_utilisation").items()) {
      INFO(lpar);
      CHECK(u.get<double>() >= 0.0);
      CHECK(u.get<double>() <= 1.0);
    }
}

TEST_CASE(
    "PR/SM share: a single-threaded z/OS IPL runs at its water-filled share, rounded down to the "
    "ladder",
    "[engine]") {
  // pool = 4 CPs - 2 dedicated to DRVM; DRZOS (weight 100, IPL = 1 thread) against a vendor
  // LPAR that wants 4 CPs at weight 300: DRZOS is entitled to a quarter of the pool
  nlohmann::json r = run_text(kBaseScenario, busy_vendor_next_door(300));
  const drsim::ModelParams params;
  double pool = 2 * (1 - drsim::lpar_overhead_fraction(false, params.cpu));
  std::vector<double> share = drsim::share_cps({{100, 1, 2, false}, {300, 4, 4, false}}, pool);
  REQUIRE(share[0] > 0.0);
  REQUIRE(share[0] < 1.0);  // contended: less than the one CP the IPL could use
  drsim::Work ipl = drsim::zos_ipl(params.ipl, std::nullopt);
  double cpu_s = ipl.cpu_s * drsim::sie_cpu_multiplier(1, drsim::WorkloadClass::Zos, params.cpu);
  double exact = cpu_s / share[0] + ipl.wait_s;
  double got = phase_length(system_of(r, "ZOS1"), "ipl");
  CHECK(got >= exact - 1e-6);                                  // never more than the share
  CHECK(got <= cpu_s / share[0] * 1.011 + ipl.wait_s + 1e-6);  // at most one 1.1 % step less
}

TEST_CASE(
    "PR/SM share: with cpu.share_steps_per_doubling 512 the IPL's share is rounded down by at "
    "most one 0.14 % step, with the default 64 by at most one 1.1 % step",
    "[engine]") {
  nlohmann::json fine_doc = nlohmann::json::parse(kBaseScenario);
  fine_doc["parameters"]["cpu"]["share_steps_per_doubling"] = 512;
  nlohmann::json fine = run_doc(fine_doc, busy_vendor_next_door(300));
  nlohmann::json coarse = run_text(kBaseScenario, busy_vendor_next_door(300));
  const drsim::ModelParams params;
  double pool = 2 * (1 - drsim::lpar_overhead_fraction(false, params.cpu));
  std::vector<double> share = drsim::share_cps({{100, 1, 2, false}, {300, 4, 4, false}}, pool);
  drsim::Work ipl = drsim::zos_ipl(params.ipl, std::nullopt);
  double cpu_s = ipl.cpu_s * drsim::sie_cpu_multiplier(1, drsim::WorkloadClass::Zos, params.cpu);
  double got_fine = phase_length(system_of(fine, "ZOS1"), "ipl");
  double got = phase_length(system_of(coarse, "ZOS1"), "ipl");
  CHECK(got > got_fine);  // a coarser ladder rounds this share further down
  CHECK(got_fine >= cpu_s / share[0] + ipl.wait_s - 1e-6);
  CHECK(got_fine <= cpu_s / share[0] * 1.0014 + ipl.wait_s + 1e-6);
  CHECK(got >= cpu_s / share[0] + ipl.wait_s - 1e-6);
  CHECK(got <= cpu_s / share[0] * 1.011 + ipl.wait_s + 1e-6);
  for (int logical : {1, 2, 7}) {  // every rung of the coarse ladder is one of the fine ladder's
    std::vector<double> c = drsim::sim::share_speeds(logical, 2e9, 64);
    std::vector<double> f = drsim::sim::share_speeds(logical, 2e9, 512);
    CHECK(c.size() * 6 < f.size());
    for (size_t i = 0; i < c.size(); ++i) {
      CHECK(std::count(f.begin(), f.end(), c[i]) == 1);
      if (i >= 2) CHECK(c[i] <= c[i - 1] * 1.011);
    }
  }
}

TEST_CASE("share ladder: ascending speeds, every whole CP exact, steps of at most 0.14 %",
          "[engine]") {
  for (int logical : {1, 2, 3, 7, 16}) {
    INFO(logical);
    std::vector<double> speeds = drsim::sim::share_speeds(logical, 2e9, 512);
    REQUIRE(speeds.size() > 2);
    CHECK(speeds.front() > 0.0);
    CHECK(speeds.front() < 1e-6 * 2e9);  // an idle LPAR barely moves
    CHECK(speeds.back() == logical * 2e9);
    for (int n = 1; n <= logical; ++n)
      CHECK(std::count(speeds.begin(), speeds.end(), n * 2e9) == 1);
    for (size_t i = 2; i < speeds.size(); ++i) {
      CHECK(speeds[i] > speeds[i - 1]);
      CHECK(speeds[i] <= speeds[i - 1] * 1.0014);
    }
  }
}

TEST_CASE("SIE multiplier: Linux under a VM under the vendor's VM comes up later", "[engine]") {
  nlohmann::json own = run_text(kBaseScenario);
  nlohmann::json nested = run_text(kBaseScenario, kVmUnderVendorVm);
  CHECK(system_of(own, "VM1").at("sie_level").get<int>() == 1);
  CHECK(system_of(nested, "VM1").at("sie_level").get<int>() == 2);
  for (const auto& name : kLinux) {
    INFO(name);
    CHECK(system_of(own, name).at("sie_level").get<int>() == 2);
    CHECK(system_of(nested, name).at("sie_level").get<int>() == 3);
    auto own_up = up_s(own, name);
    auto nested_up = up_s(nested, name);
    REQUIRE(own_up.has_value());
    REQUIRE(nested_up.has_value());
    CHECK(*nested_up > *own_up);
    CHECK(phase_length(system_of(nested, name), "boot") >
          phase_length(system_of(own, name), "boot"));
  }
}
