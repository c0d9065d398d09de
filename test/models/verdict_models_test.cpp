// Issue 11 model pieces: z/VM SHARE, performer calendars, stacked cartridges, and the new
// scenario fields (share, out_of_scope, by, calendars, cartridges).
// GCC 12 gives a false -Warray-bounds inside nlohmann (JSON_DIAGNOSTICS=1) for JSON built here.
#pragma GCC diagnostic ignored "-Warray-bounds"
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>

#include "models/calendar.hpp"
#include "models/cpu.hpp"
#include "models/scenario_io.hpp"
#include "models/tape.hpp"
#include "test/unit_helpers.hpp"

using namespace drsim;
using drsim::test::has_pointer;
using drsim::test::load_json;
using drsim::test::scenario_json;

namespace {

ShareDemand rel(double n, double demand, int vcpus = 1) {
  return {ShareSpec{false, n}, demand, vcpus};
}
ShareDemand abs_share(double pct, double demand, int vcpus = 1) {
  return {ShareSpec{true, pct}, demand, vcpus};
}
double sum(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

}  // namespace

TEST_CASE("SHARE: RELATIVE users split the VM's CPs by n, within their demand", "[cpu][share]") {
  CpuParams p;
  auto got = zvm_share_split({rel(200, 5), rel(100, 5), rel(100, 5)}, 2, p);
  CHECK(got[0] == Approx(1.0));
  CHECK(got[1] == Approx(0.5));
  CHECK(got[2] == Approx(0.5));
  // one user wants little: the rest goes to the others by their shares
  got = zvm_share_split({rel(200, 5, 2), rel(100, 0.1), rel(100, 5, 2)}, 2, p);
  CHECK(got[1] == Approx(0.1));
  CHECK(got[0] == Approx(1.9 * 2 / 3));
  CHECK(sum(got) == Approx(2));
  // a virtual CP is at most one engine (B5)
  got = zvm_share_split({rel(10000, 5, 1), rel(1, 5, 2)}, 3, p);
  CHECK(got[0] == Approx(1.0));
  CHECK(got[1] == Approx(2.0));
}

TEST_CASE("SHARE: ABSOLUTE users first, scaled to 99 %, excess to whoever wants more",
          "[cpu][share]") {
  CpuParams p;
  auto got = zvm_share_split({abs_share(25, 5, 4), rel(100, 5, 4), rel(100, 5, 4)}, 4, p);
  CHECK(got[0] == Approx(1.0));
  CHECK(got[1] == Approx(1.5));
  CHECK(got[2] == Approx(1.5));
  got = zvm_share_split({abs_share(80, 5, 4), abs_share(80, 5, 4)}, 4, p);
  CHECK(got[0] == Approx(2.0));  // 160 % scaled to 99 % (1.98 CPs each), then the last 1 % shared
  CHECK(sum(got) == Approx(4));
  got = zvm_share_split({abs_share(10, 5, 4), rel(100, 0.5)}, 4, p);
  CHECK(got[1] == Approx(0.5));
  CHECK(got[0] == Approx(3.5));  // NOLIMIT: the ABSOLUTE user takes what nobody else wants
  CHECK(zvm_share_split({rel(100, 0)}, 2, p)[0] == 0);
}

TEST_CASE("SHARE: more share never gives less, the sum never exceeds the capacity",
          "[cpu][share]") {
  CpuParams p;
  for (double n : {1.0, 50.0, 100.0, 200.0, 1000.0}) {
    auto lo = zvm_share_split({rel(n, 3, 2), rel(100, 3, 2), abs_share(5, 1)}, 2, p);
    auto hi = zvm_share_split({rel(n * 2, 3, 2), rel(100, 3, 2), abs_share(5, 1)}, 2, p);
    CHECK(hi[0] >= lo[0] - 1e-12);
    CHECK(sum(hi) <= 2 + 1e-9);
  }
  CHECK(share_weight(ShareSpec{false, 250}, 400, 0, p) == 250);
  // ABS 20 % among users with REL 400 in total: 20 / 80 x 400 = 100
  CHECK(share_weight(ShareSpec{true, 20}, 400, 20, p) == Approx(100));
}

TEST_CASE("calendars: 24x7, staff hours, business days", "[calendar]") {
  CalendarSpec ops;
  CHECK(calendar_open_at(ops, 20 * 3600) == 20 * 3600);
  CHECK(calendar_text(ops) == "24x7");
  CalendarSpec staff{false, 8 * 3600, 18 * 3600, {true, true, true, true, true, true, true}};
  CHECK(calendar_open_at(staff, 17 * 3600) == 17 * 3600);
  CHECK(calendar_open_at(staff, 19 * 3600) == 86400 + 8 * 3600);  // Mon 19:00 -> Tue 08:00
  CHECK(calendar_finish(staff, 17 * 3600, 2 * 3600) == 86400 + 9 * 3600);
  CHECK(calendar_text(staff) == "08:00-18:00 daily");
  CalendarSpec desk{false, 8 * 3600, 17 * 3600, {true, true, true, true, true, false, false}};
  CHECK(calendar_open_at(desk, 4 * 86400 + 18 * 3600) == 7 * 86400 + 8 * 3600);  // Fri -> Mon
  CHECK(calendar_text(desk) == "Mon-Fri 08:00-17:00");
  CalendarSpec never{false, 8 * 3600, 17 * 3600, {false, false, false, false, false, false, false}};
  CHECK(std::isinf(calendar_open_at(never, 0)));
  CHECK(calendar_finish(never, 0, 0) == 0);
}

TEST_CASE("calendars: who performs what by default", "[calendar]") {
  ExerciseSpec e;
  e.staff_from_s = 8 * 3600;
  e.staff_to_s = 18 * 3600;
  CHECK(calendar_of(e, Performer::Operations).always);
  CalendarSpec c = calendar_of(e, Performer::Customer);
  CHECK_FALSE(c.always);
  CHECK(c.to_s == 18 * 3600);
  CHECK(calendar_text(calendar_of(e, Performer::ChangeDesk)) == "Mon-Fri 08:00-17:00");
  StepSpec ipl;
  ipl.action = StepAction::Ipl;
  CHECK(step_performer(ipl) == Performer::Operations);
  StepSpec rec;
  rec.action = StepAction::Reconfigure;
  CHECK(step_performer(rec) == Performer::Customer);
  rec.by = Performer::Operations;
  CHECK(step_performer(rec) == Performer::Operations);
  ReactionSpec mem;
  mem.action = ActionKind::SetMemory;
  CHECK(reaction_performer(mem) == Performer::ChangeDesk);
  ReactionSpec off;
  off.action = ActionKind::ForceOff;
  CHECK(reaction_performer(off) == Performer::Customer);
}

TEST_CASE("cartridges: one mount for the volumes stacked on it", "[tape]") {
  TapeParams p;
  double native = 100e6;
  auto one = volume_restore_cost(8.5e9, native, MountKind::Manual, false, p);
  auto four =
      cartridge_restore_cost({8.5e9, 8.5e9, 8.5e9, 8.5e9}, native, MountKind::Manual, false, p);
  CHECK(four.mount_s == Approx(one.mount_s));
  CHECK(four.transfer_s == Approx(4 * one.transfer_s));
  CHECK(four.locate_s == Approx(4 * one.locate_s));
  CHECK(four.total_s < 4 * one.total_s);
  CHECK(four.total_s ==
        Approx(4 * one.total_s - 3 * cartridge_fixed_overhead_s(MountKind::Manual, false, p)));
  auto single = cartridge_restore_cost({8.5e9}, native, MountKind::Manual, false, p);
  CHECK(single.total_s == Approx(one.total_s));
  CHECK(cartridge_fixed_overhead_s(MountKind::Manual, false, p) + stacked_volume_overhead_s(p) ==
        Approx(restore_fixed_overhead_s(MountKind::Manual, false, p)));
}

TEST_CASE("scenario fields: share, out_of_scope, by, calendars, cartridges", "[scenario]") {
  auto doc = scenario_json("insurance-2007-year1");
  doc["production"]["guests"][4]["share"] = "REL 200";
  doc["production"]["guests"][5]["share"] = "absolute 5%";
  doc["plan"]["out_of_scope"] = {{{"system", "WIN-CITRIX"}, {"reason", "not this year"}}};
  doc["plan"]["steps"][0]["by"] = "customer";
  doc["reactions"][1]["by"] = "operations";
  doc["exercise"]["calendars"] = {
      {"change_desk", {{"from", "09:00"}, {"to", "17:00"}, {"days", {"Mon", "Tue"}}}},
      {"operations", "24x7"}};
  doc["backups"]["volumes"][0]["cartridges"] = 10;
  doc["backups"]["volumes"][1]["volumes_per_cartridge"] = 3;
  LoadResult r = load_json(doc);
  for (const auto& e : r.errors) UNSCOPED_INFO(e.to_string());
  REQUIRE(r.status == LoadStatus::Ok);
  const Scenario& s = r.scenario;
  CHECK(s.production.guests[4].share.value == 200);
  CHECK_FALSE(s.production.guests[4].share.absolute);
  CHECK(s.production.guests[5].share.absolute);
  CHECK(s.production.guests[5].share.value == 5);
  CHECK(s.production.guests[6].share.value == 100);  // default RELATIVE 100
  REQUIRE(s.plan.out_of_scope.size() == 1);
  CHECK(s.plan.out_of_scope[0].reason == "not this year");
  CHECK(s.plan.steps[0].by == Performer::Customer);
  CHECK(s.reactions[1].by == Performer::Operations);
  CHECK(s.exercise.change_desk.from_s == 9 * 3600);
  CHECK_FALSE(s.exercise.change_desk.days[2]);
  CHECK(s.backups.volumes[0].per_cartridge == 4);  // 40 volumes on 10 cartridges
  CHECK(s.backups.volumes[1].per_cartridge == 3);
  CHECK(s.backups.volumes[2].per_cartridge == 1);

  SECTION("bad values name their pointer") {
    doc["production"]["guests"][4]["share"] = "REL 0";
    doc["plan"]["out_of_scope"] = {{{"system", "NOSUCH"}, {"reason", "x"}}};
    doc["plan"]["steps"][0]["by"] = "janitor";
    doc["backups"]["volumes"][1]["cartridges"] = 10;
    LoadResult bad = load_json(doc);
    CHECK(bad.status != LoadStatus::Ok);
    CHECK(has_pointer(bad, "/production/guests/4/share"));
    CHECK(has_pointer(bad, "/plan/out_of_scope/0/system"));
    CHECK(has_pointer(bad, "/plan/steps/0/by"));
    CHECK(has_pointer(bad, "/backups/volumes/1/cartridges"));
  }
}
