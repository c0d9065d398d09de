#include "models/critical_path.hpp"

#include <catch2/catch.hpp>

#include "test/unit_helpers.hpp"

using namespace drsim::attribution;
using drsim::test::seg;

namespace {

SystemTimeline sys(std::string name, bool critical, std::optional<double> up,
                   std::vector<Segment> segs) {
  return SystemTimeline{std::move(name), critical, true, up, std::move(segs), {}};
}

/// A z/VM restored and IPLed, re-IPLed after an operator's lead time, and a critical guest
/// that waited for it twice and then sat blocked.
std::vector<SystemTimeline> story() {
  return {
      sys("VM", false, 100,
          {seg(Cause::TapeQueue, 0, 40, "the 4 tape drives"),
           seg(Cause::TapeRead, 40, 90, "the 4 tape drives"), seg(Cause::Ipl, 90, 100, "VM"),
           seg(Cause::Up, 100, 300), seg(Cause::Paging, 300, 320, "VM paging"),
           seg(Cause::LeadTime, 320, 400, "more-memory"), seg(Cause::Ipl, 400, 410, "VM"),
           seg(Cause::Up, 410, 1000)}),
      sys("LNX", true, std::nullopt,
          {seg(Cause::Predecessor, 0, 105, "VM", "VM", 100), seg(Cause::Boot, 105, 200, "LNX"),
           seg(Cause::Blocked, 200, 400, "HSZOS"),
           seg(Cause::Predecessor, 400, 410, "VM", "VM", 410), seg(Cause::Boot, 410, 500, "LNX"),
           seg(Cause::Blocked, 500, 1000, "HSZOS")}),
  };
}

}  // namespace

TEST_CASE("critical path: the RTO moment is the last critical system up, else a blocked one") {
  auto s = story();
  RtoMoment m = rto_moment(s, 1000);
  CHECK(m.system == "LNX");
  CHECK(m.t == 1000);
  CHECK_FALSE(m.met);
  s[1].up_s = 600;
  s[0].critical = true;
  m = rto_moment(s, 1000);
  CHECK(m.system == "LNX");
  CHECK(m.t == 600);
  CHECK(m.met);
}

TEST_CASE("critical path: the walk follows gates, returns from a running system, covers [0,t]") {
  auto s = story();
  auto path = critical_path(s, "LNX", 1000);
  REQUIRE(!path.empty());
  CHECK(path.back().system == "LNX");
  CHECK(path.back().segment.cause == Cause::Blocked);  // the path ends in the block
  CHECK(path.front().segment.start == 0);
  CHECK(path.back().segment.end == 1000);
  for (size_t i = 1; i < path.size(); ++i)
    CHECK(path[i].segment.start == Approx(path[i - 1].segment.end));
  std::vector<std::string> seen;
  for (const auto& p : path) seen.push_back(p.system + ":" + to_string(p.segment.cause));
  std::vector<std::string> want = {"VM:tape-queue", "VM:tape-read", "VM:ipl",     "LNX:predecessor",
                                   "LNX:boot",      "LNX:blocked",  "VM:paging",  "VM:lead-time",
                                   "VM:ipl",        "LNX:boot",     "LNX:blocked"};
  CHECK(seen == want);
}

TEST_CASE("critical path: drivers sum per class and name the top three resources") {
  auto path = critical_path(story(), "LNX", 1000);
  RtoDrivers d = rto_drivers(path);
  REQUIRE(!d.by_class.empty());
  CHECK(d.by_class[0].cls == ResourceClass::Network);
  CHECK(d.by_class[0].seconds == Approx(500 + 100));
  double sum = 0;
  for (const auto& c : d.by_class) sum += c.seconds;
  CHECK(sum == Approx(1000));
  REQUIRE(d.top.size() == 3);
  CHECK(d.top[0].resource == "HSZOS");
  CHECK(d.summary.rfind("HSZOS: 10m", 0) == 0);
}

TEST_CASE("critical path: a wait whose gate came up before it began is not a jump") {
  std::vector<SystemTimeline> s = {
      sys("A", true, 50, {seg(Cause::Ipl, 0, 50, "A"), seg(Cause::Up, 50, 100)}),
      sys("B", true, 100,
          {seg(Cause::Predecessor, 0, 60, "stagger", "A", 50), seg(Cause::Boot, 60, 100, "B")})};
  auto path = critical_path(s, "B", 100);
  REQUIRE(path.size() == 3);
  CHECK(path[0].system == "A");
  CHECK(path[1].segment.cause == Cause::Predecessor);
  CHECK(path[1].segment.start == Approx(50));
  auto noloop =
      critical_path({sys("A", true, 10, {seg(Cause::Predecessor, 0, 10, "", "A", 5)})}, "A", 10);
  CHECK(noloop.size() == 1);
}
