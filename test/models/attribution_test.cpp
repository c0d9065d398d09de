#include "models/attribution.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "test/unit_helpers.hpp"

using namespace drsim::attribution;
using drsim::test::seg;

namespace {

double total(const std::vector<Portion>& ps) {
  double s = 0;
  for (const auto& p : ps) s += p.seconds;
  return s;
}

double total(const std::vector<AccountEntry>& es) {
  double s = 0;
  for (const auto& e : es) s += e.seconds;
  return s;
}

double seconds_of(const std::vector<Portion>& ps, Cause c, const std::string& detail) {
  double s = 0;
  for (const auto& p : ps)
    if (p.cause == c && (detail.empty() || p.detail == detail)) s += p.seconds;
  return s;
}

}  // namespace

TEST_CASE("attribution: every cause has its result.json spelling and a class") {
  CHECK(std::string(to_string(Cause::TapeQueue)) == "tape-queue");
  CHECK(std::string(to_string(Cause::CpuStarved)) == "cpu-starved");
  CHECK(std::string(to_string(Cause::OffHours)) == "off-hours");
  CHECK(default_class(Cause::Blocked) == ResourceClass::Network);
  CHECK(default_class(Cause::Paging) == ResourceClass::Paging);
  CHECK(default_class(Cause::LeadTime) == ResourceClass::People);
  CHECK(std::string(to_string(ResourceClass::Cps)) == "cps");
}

TEST_CASE("attribution: a segment's texts are interned, one copy of each distinct text") {
  std::string built = "VM";
  built += "PROD's paging volumes";
  Text a("VMPROD's paging volumes"), b(built), c(std::string_view("VMPROD's 2 virtual CPs"));
  CHECK(&a.str() == &b.str());  // equal texts: one stored copy
  CHECK(a == b);
  CHECK_FALSE(a == c);
  CHECK(a == "VMPROD's paging volumes");
  CHECK(a.str() == built);
  CHECK(a + " (3390)" == "VMPROD's paging volumes (3390)");
  Text none, empty("");
  CHECK(none.empty());
  CHECK(empty.empty());
  CHECK(none == empty);
  Segment s;
  s.resource = built;  // the segment keeps its text after the string it came from is gone
  built.clear();
  CHECK(s.resource == "VMPROD's paging volumes");
  CHECK(s.detail.empty());
}

TEST_CASE("attribution: lay_out fills the interval exactly, in order, scaled") {
  auto segs =
      lay_out(100, 200,
              {portion(Cause::Boot, 30), portion(Cause::Paging, 0), portion(Cause::CpuStarved, 20)},
              portion(Cause::NotStarted, 0));
  REQUIRE(segs.size() == 2);
  CHECK(segs[0].cause == Cause::Boot);
  CHECK(segs[0].start == 100);
  CHECK(segs[0].end == Approx(160));
  CHECK(segs[1].start == segs[0].end);
  CHECK(segs[1].end == 200);
  auto none = lay_out(0, 10, {}, portion(Cause::Predecessor, 0, "step x"));
  REQUIRE(none.size() == 1);
  CHECK(none[0].cause == Cause::Predecessor);
  CHECK(none[0].resource == "step x");
  CHECK(lay_out(5, 5, {portion(Cause::Boot, 1)}, portion(Cause::Boot, 0)).empty());
}

TEST_CASE("attribution: a CPU slice at full speed is all its own work") {
  CpuSlice s;
  s.elapsed_s = 100, s.own_s = 100, s.work = Cause::Ipl;
  auto ps = split_cpu_slice(s);
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].cause == Cause::Ipl);
  CHECK(ps[0].seconds == Approx(100));
}

TEST_CASE("attribution: a starved CPU slice names the SIE cost, the virtual CPs and holders") {
  CpuSlice s;
  s.elapsed_s = 1000, s.own_s = 100, s.sie_factor = 4, s.token_wait_s = 200;
  s.work = Cause::Boot, s.cps = "VNDVM's CPs", s.vcpus = "VMPROD's 2 virtual CPs", s.sie_level = 3;
  s.holders = {{"z/OS", 30}, {"other guests", 90}};
  auto ps = split_cpu_slice(s);
  CHECK(total(ps) == Approx(1000));
  CHECK(seconds_of(ps, Cause::Boot, "") == Approx(100));
  CHECK(seconds_of(ps, Cause::CpuStarved, "the extra cost of SIE level 3") == Approx(300));
  CHECK(seconds_of(ps, Cause::CpuStarved, "waiting for a virtual CP") == Approx(200));
  CHECK(seconds_of(ps, Cause::CpuStarved, "z/OS") == Approx(100));
  CHECK(seconds_of(ps, Cause::CpuStarved, "other guests") == Approx(300));
  for (const auto& p : ps)
    if (p.detail == "the extra cost of SIE level 3") CHECK(p.resource == "VMPROD's 2 virtual CPs");
}

TEST_CASE("attribution: a slice faster than measured never gives negative starvation") {
  CpuSlice s;
  s.elapsed_s = 50, s.own_s = 40, s.sie_factor = 1.5, s.cps = "L";
  auto ps = split_cpu_slice(s);
  CHECK(total(ps) == Approx(50));
  for (const auto& p : ps) CHECK(p.seconds > 0);
  s.holders = {};
  s.elapsed_s = 100, s.sie_factor = 1;
  auto alone = split_cpu_slice(s);
  CHECK(seconds_of(alone, Cause::CpuStarved, "other LPARs (PR/SM)") == Approx(60));
}

TEST_CASE("attribution: a restore is queued behind others' cartridges, then read") {
  std::vector<VolumeRun> runs = {
      {"ZOS", 0, 100, 100}, {"ZOS", 0, 150, 150}, {"VM", 150, 250, 50}, {"VM", 200, 300, 50}};
  auto segs = restore_segments("VM", 0, 300, runs, "the 2 tape drives");
  REQUIRE(!segs.empty());
  CHECK(segs[0].cause == Cause::TapeQueue);
  CHECK(segs[0].end == Approx(150));
  CHECK(segs[0].detail == "behind ZOS's cartridges");
  double drive = 0, dasd = 0, sum = 0;
  for (const auto& s : segs) {
    sum += s.seconds();
    if (s.cause == Cause::TapeRead && s.cls == ResourceClass::Tape) drive += s.seconds();
    if (s.cause == Cause::TapeRead && s.cls == ResourceClass::Dasd) dasd += s.seconds();
  }
  CHECK(sum == Approx(300));
  CHECK(drive == Approx(75));  // half of its 200 s on drives ran at the drive's pace
  CHECK(dasd == Approx(75));
}

TEST_CASE("attribution: a rewind between its own cartridges is reading, not queueing") {
  std::vector<VolumeRun> runs = {
      {"VM", 0, 100, 100}, {"VM", 160, 260, 100}, {"ZOS", 270, 370, 100}, {"VM", 400, 500, 100}};
  auto segs = restore_segments("VM", 0, 500, runs, "the 1 tape drive");
  REQUIRE(segs.size() == 3);
  CHECK(segs[0].cause == Cause::TapeRead);
  CHECK(segs[0].end == Approx(260));  // the 60 s rewind between its cartridges joins its reads
  CHECK(segs[1].cause == Cause::TapeQueue);
  CHECK(segs[1].detail == "behind ZOS's cartridges");
  CHECK(segs[1].end == Approx(400));
  CHECK(segs[2].cause == Cause::TapeRead);
  CHECK(segs[2].end == Approx(500));
}

TEST_CASE("attribution: normalise makes a timeline contiguous and the account adds up") {
  std::vector<Segment> raw = {seg(Cause::Boot, 50, 80), seg(Cause::Ipl, 10, 60),
                              seg(Cause::Blocked, 90, 500, "HSZOS")};
  auto tl = normalise(raw, 200, portion(Cause::Predecessor, 0, "VM"));
  REQUIRE(tl.size() == 5);
  CHECK(tl[0].cause == Cause::Predecessor);
  CHECK(tl[1].cause == Cause::Ipl);
  CHECK(tl[2].cause == Cause::Boot);
  CHECK(tl[2].start == 60);
  CHECK(tl[3].cause == Cause::Predecessor);
  CHECK(tl.back().end == 200);
  for (size_t i = 1; i < tl.size(); ++i) CHECK(tl[i].start == tl[i - 1].end);
  auto acc = account(tl, 150);
  CHECK(total(acc) == Approx(150));
  CHECK(acc[0].cause == Cause::Blocked);
  CHECK(acc[0].seconds == Approx(60));
  CHECK(acc[0].resource == "HSZOS");
}

TEST_CASE("attribution: staff work outside working hours is off-hours") {
  // exercise starts Mon 08:00 (28800 s into the week); staff 08:00-18:00; until Tue 14:00
  auto segs = staff_segments(0, 30 * 3600.0, 28800, 8 * 3600.0, 18 * 3600.0, "staff");
  REQUIRE(segs.size() == 3);
  CHECK(segs[0].cause == Cause::StaffWork);
  CHECK(segs[0].end == Approx(10 * 3600.0));
  CHECK(segs[1].cause == Cause::OffHours);
  CHECK(segs[1].end == Approx(24 * 3600.0));
  CHECK(segs[1].detail == "outside working hours 08:00-18:00");
  CHECK(segs[2].cause == Cause::StaffWork);
  CHECK(segs[2].end == Approx(30 * 3600.0));
  auto plain = staff_segments(10, 20, 0, std::nullopt, std::nullopt, "staff");
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].cause == Cause::StaffWork);
}

TEST_CASE("attribution: past 6 systems a queue names 5 and how many others") {
  std::vector<VolumeRun> runs;
  for (int i = 0; i < 9; ++i) runs.push_back({"ZOS" + std::to_string(i), 0, 100.0 + i, 50});
  runs.push_back({"VM", 110, 200, 90});
  auto segs = restore_segments("VM", 0, 200, runs, "the 10 tape drives");
  REQUIRE(!segs.empty());
  CHECK(segs[0].cause == Cause::TapeQueue);
  CHECK(segs[0].detail == "behind ZOS0, ZOS1, ZOS2, ZOS3, ZOS4 and 4 others' cartridges");
  runs.resize(6);
  runs.push_back({"VM", 110, 200, 90});
  segs = restore_segments("VM", 0, 200, runs, "the 10 tape drives");
  CHECK(segs[0].detail == "behind ZOS0, ZOS1, ZOS2, ZOS3, ZOS4 and ZOS5's cartridges");
}

TEST_CASE("attribution: the run index finds the same holders in any order of runs") {
  // sorted by end (as the engine records them) and not: the same holders, first-seen order
  std::vector<VolumeRun> runs = {{"A", 0, 10, 10},   {"B", 5, 20, 10},   {"A", 30, 40, 10},
                                 {"D", 35, 50, 10},  {"B", 60, 70, 10},  {"E", 90, 95, 10},
                                 {"C", 90, 130, 10}, {"F", 300, 450, 10}};
  std::vector<VolumeRun> shuffled = {runs[7], runs[6], runs[4], runs[0],
                                     runs[2], runs[5], runs[1], runs[3]};
  VolumeRuns sorted(runs), unsorted(shuffled);
  auto names = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& n : v) out += n + " ";
    return out;
  };
  CHECK(names(sorted.holders("A", 12, 65)) == "B D ");
  CHECK(names(sorted.holders("X", 0, 100)) == "A B D E C ");
  CHECK(names(unsorted.holders("X", 0, 100)) == "C B A E D ");
  CHECK(names(sorted.holders("X", 100, 120)) == "C ");
  CHECK(names(sorted.holders("X", 96, 299)) == "C ");
  CHECK(names(sorted.holders("X", 400, 500)) == "F ");
  CHECK(names(unsorted.holders("X", 96, 299)) == "C ");
  CHECK(sorted.others_during("C", 0, 500));
  CHECK_FALSE(sorted.others_during("C", 96, 299));
  CHECK_FALSE(unsorted.others_during("C", 96, 299));
  CHECK(sorted.of("A").size() == 2);
  CHECK(sorted.of("Z").empty());
}

TEST_CASE("attribution: holders over long gaps, system by system, as the scan finds them") {
  // A gap that overlaps more than 4 runs per system is answered from each system's own runs
  // (VolumeRuns::holders); the names and their first-seen order must be the scan's.
  std::mt19937 gen(18);
  auto uniform = [&](double hi) { return hi * static_cast<double>(gen() % 100000) / 100000.0; };
  int per_system_calls = 0;
  for (int trial = 0; trial < 40; ++trial) {
    const int systems = 2 + static_cast<int>(gen() % 30);
    std::vector<VolumeRun> runs;
    for (int k = 0; k < 400; ++k) {
      double start = uniform(1000), len = 0.5 + uniform(trial % 2 ? 60 : 5);
      runs.push_back({"S" + std::to_string(gen() % systems), start, start + len, len});
    }
    if (trial % 5 == 0) runs.push_back({"S0", 10, 10, 0});  // an empty run
    std::stable_sort(runs.begin(), runs.end(),
                     [](const VolumeRun& x, const VolumeRun& y) { return x.end < y.end; });
    const VolumeRuns index(runs);
    double longest = 0;
    for (const auto& r : runs) longest = std::max(longest, r.end - r.start);
    for (int q = 0; q < 50; ++q) {
      const double a = uniform(1100) - 50, b = a + uniform(q % 2 ? 900 : 30);
      const std::string self = "S" + std::to_string(gen() % (systems + 1));  // may be unknown
      std::vector<std::string> expected;  // the plain scan, in run order
      for (const auto& r : runs) {
        if (r.end <= a + 1e-9 || r.start >= b - 1e-9 || r.system == self) continue;
        if (std::find(expected.begin(), expected.end(), r.system) == expected.end())
          expected.push_back(r.system);
      }
      std::size_t window = 0;
      for (const auto& r : runs) window += r.end > a + 1e-9 && r.end <= b + longest + 1.0;
      per_system_calls += window > 4 * static_cast<std::size_t>(systems);
      INFO("trial " << trial << " query " << q << " [" << a << ", " << b << "] self " << self);
      REQUIRE(index.holders(self, a, b) == expected);
    }
  }
  CHECK(per_system_calls > 300);  // the per-system path was taken, not only the scan
}
