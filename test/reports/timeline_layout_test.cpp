#include "reports/timeline_layout.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace drsim::reports;

namespace {
// Mon 08:00 to Thu 18:00, as in the shipped scenarios.
const TimeAxis kWeek{8 * 3600.0, 82 * 3600.0};
}  // namespace

TEST_CASE("time maps to a percentage of the axis, clamped", "[layout]") {
  CHECK(time_to_percent(kWeek, 0) == Approx(0));
  CHECK(time_to_percent(kWeek, 41 * 3600.0) == Approx(50));
  CHECK(time_to_percent(kWeek, 82 * 3600.0) == Approx(100));
  CHECK(time_to_percent(kWeek, -500) == Approx(0));
  CHECK(time_to_percent(kWeek, 1e9) == Approx(100));
  CHECK(time_to_percent(TimeAxis{0, 0}, 100) == Approx(0));
  CHECK(span_percent(kWeek, 0, 8.2 * 3600) == Approx(10));
  CHECK(span_percent(kWeek, 100, 50) == Approx(0));
  CHECK(span_percent(kWeek, 80 * 3600.0, 90 * 3600.0) == Approx(200.0 / 82));
}

TEST_CASE("week labels name the day and the minute", "[layout]") {
  CHECK(week_label(kWeek, 0) == "Mon 08:00");
  CHECK(week_label(kWeek, 19800) == "Mon 13:30");
  CHECK(week_label(kWeek, 16 * 3600.0) == "Tue 00:00");
  CHECK(week_label(kWeek, 25 * 3600.0 + 40 * 60 + 59) == "Tue 09:40");
  CHECK(week_label(kWeek, 82 * 3600.0) == "Thu 18:00");
  CHECK(week_label(TimeAxis{6 * 86400.0 + 23 * 3600.0, 7200}, 3600) == "Mon 00:00");
}

TEST_CASE("durations read like people say them", "[layout]") {
  CHECK(duration_label(0) == "0 min");
  CHECK(duration_label(45 * 60) == "45 min");
  CHECK(duration_label(2 * 3600 + 5 * 60) == "2 h 05 min");
  CHECK(duration_label(27 * 3600) == "1 d 3 h");
}

TEST_CASE("week and clock labels parse back, malformed ones do not", "[layout]") {
  CHECK(parse_week_label("Mon 08:00") == Approx(28800));
  CHECK(parse_week_label("Thu 18:00") == Approx(3 * 86400 + 18 * 3600));
  CHECK_FALSE(parse_week_label("Mon 8:00"));
  CHECK_FALSE(parse_week_label("Xyz 08:00"));
  CHECK_FALSE(parse_week_label("Mon 24:00"));
  CHECK(parse_clock("18:30") == Approx(18 * 3600 + 1800));
  CHECK_FALSE(parse_clock("18-30"));
  CHECK_FALSE(parse_clock("ab:cd"));
}

TEST_CASE("day columns split the exercise at midnight", "[layout]") {
  auto days = day_columns(kWeek);
  REQUIRE(days.size() == 4);
  CHECK(days[0].label == "Mon");
  CHECK(days[0].start_s == Approx(0));
  CHECK(days[0].end_s == Approx(16 * 3600));
  CHECK(days[1].label == "Tue");
  CHECK(days[1].start_s == Approx(16 * 3600));
  CHECK(days[1].end_s == Approx(40 * 3600));
  CHECK(days[3].label == "Thu");
  CHECK(days[3].end_s == Approx(82 * 3600));
  CHECK(day_columns(TimeAxis{0, 0}).empty());
  auto weekend = day_columns(TimeAxis{6 * 86400.0 + 20 * 3600.0, 8 * 3600.0});
  REQUIRE(weekend.size() == 2);
  CHECK(weekend[0].label == "Sun");
  CHECK(weekend[1].label == "Mon");
}

TEST_CASE("night bands cover the hours outside staff hours", "[layout]") {
  auto nights = night_bands(kWeek, 8 * 3600.0, 18 * 3600.0);
  REQUIRE(nights.size() == 3);  // Mon, Tue and Wed evenings; the exercise ends Thu 18:00
  CHECK(nights[0].start_s == Approx(10 * 3600));
  CHECK(nights[0].end_s == Approx(24 * 3600));
  CHECK(nights[2].start_s == Approx(58 * 3600));
  CHECK(nights[2].end_s == Approx(72 * 3600));
  // Starting at night: the first band starts at 0.
  auto late = night_bands(TimeAxis{22 * 3600.0, 24 * 3600.0}, 8 * 3600.0, 18 * 3600.0);
  REQUIRE(late.size() == 2);
  CHECK(late[0].start_s == Approx(0));
  CHECK(late[0].end_s == Approx(10 * 3600));
  CHECK(late[1].start_s == Approx(20 * 3600));
  CHECK(late[1].end_s == Approx(24 * 3600));
  // Staff hours across midnight (20:00 to 06:00): the night is the daytime.
  auto shift = night_bands(TimeAxis{0, 86400}, 20 * 3600.0, 6 * 3600.0);
  REQUIRE(shift.size() == 1);
  CHECK(shift[0].start_s == Approx(6 * 3600));
  CHECK(shift[0].end_s == Approx(20 * 3600));
  CHECK(night_bands(kWeek, 3600, 3600).empty());
}

TEST_CASE("hour ticks are the whole hours inside the axis", "[layout]") {
  auto ticks = hour_ticks(kWeek);
  REQUIRE(ticks.size() == 81);
  CHECK(ticks.front().t_s == Approx(3600));
  CHECK(ticks.front().hour == 9);
  CHECK(ticks[15].hour == 0);
  CHECK(ticks.back().t_s == Approx(81 * 3600));
  auto odd = hour_ticks(TimeAxis{8 * 3600.0 + 1800, 7200});
  REQUIRE(odd.size() == 2);
  CHECK(odd[0].t_s == Approx(1800));
}

namespace {
LaneKey key(std::string name, std::string kind, std::string tier, std::string host, int sie,
            std::string lpar = "VNDVM") {
  return LaneKey{std::move(name),
                 std::move(kind),
                 std::move(tier),
                 "DR z9 EC",
                 std::move(lpar),
                 std::move(host),
                 sie};
}
}  // namespace

TEST_CASE("lanes group by machine, LPAR, VM and tier", "[layout]") {
  std::vector<LaneKey> keys{key("LNXT01", "linux", "test", "VMPROD", 3),
                            key("ZOSP2", "zos", "production", "VNDVM", 2),
                            key("VMPROD", "zvm", "production", "VNDVM", 2),
                            key("LNXP02", "linux", "production", "VMPROD", 3),
                            key("TCPIP", "cms", "production", "VMPROD", 3),
                            key("ZOSP1", "zos", "production", "VNDVM", 2),
                            LaneKey{"WIN-AD", "distributed", "", "", "", "staff", 0},
                            key("LNXP01", "linux", "production", "VMPROD", 3),
                            key("ZOSX", "zos", "production", "ZOSLP", 1, "ZOSLP")};
  auto groups = group_lanes(keys);
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].label == "DR z9 EC");
  CHECK(groups[1].label == "Distributed systems");
  REQUIRE(groups[0].children.size() == 2);
  const LaneGroup& vndvm = groups[0].children[0];
  CHECK(vndvm.label == "LPAR VNDVM");
  REQUIRE(vndvm.children.size() == 2);
  CHECK(vndvm.children[0].lanes == std::vector<std::size_t>{1, 5, 2});  // ZOSP2, ZOSP1, VMPROD
  CHECK(vndvm.children[0].detail == "2nd SIE level");
  const LaneGroup& vmprod = vndvm.children[1];
  CHECK(vmprod.label == "guests of z/VM VMPROD");
  CHECK(vmprod.lanes == std::vector<std::size_t>{4});  // TCPIP
  REQUIRE(vmprod.children.size() == 2);
  CHECK(vmprod.children[0].label == "Linux production");
  CHECK(vmprod.children[0].lanes == std::vector<std::size_t>{3, 7});  // the keys' order
  CHECK(vmprod.children[1].label == "Linux test");
  CHECK(groups[0].children[1].label == "LPAR ZOSLP");  // one system: no "systems in" level
  CHECK(groups[0].children[1].children.empty());
  CHECK(groups[0].children[1].lanes == std::vector<std::size_t>{8});

  auto order = lanes_in_order(groups);
  CHECK(order == std::vector<std::size_t>{1, 5, 2, 4, 3, 7, 0, 8, 6});
  auto sorted = order;
  std::sort(sorted.begin(), sorted.end());
  CHECK(sorted == std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6, 7, 8});
}

TEST_CASE("LPARs keep the scenario's order; critical first, then the plan's order", "[layout]") {
  LaneKey b1 = key("ZOSB", "zos", "production", "LPB", 1, "LPB");
  LaneKey a1 = key("ZOSA", "zos", "production", "LPA", 1, "LPA");
  LaneKey g1 = key("LNX1", "linux", "production", "VM", 2, "LPV");
  LaneKey g2 = key("LNX2", "linux", "production", "VM", 2, "LPV");
  LaneKey g3 = key("LNX3", "linux", "production", "VM", 2, "LPV");
  g1.start_s = 300;
  g2.start_s = 100;
  g3.start_s = 200;
  g3.critical = true;
  auto groups = group_lanes({b1, a1, g1, g2, g3});
  REQUIRE(groups.size() == 1);
  REQUIRE(groups[0].children.size() == 3);
  CHECK(groups[0].children[0].label == "LPAR LPB");  // as the keys name them, not by name
  CHECK(groups[0].children[1].label == "LPAR LPA");
  const LaneGroup& vm = groups[0].children[2].children.at(0);
  REQUIRE(vm.children.size() == 1);
  CHECK(vm.children[0].lanes == std::vector<std::size_t>{4, 3, 2});  // LNX3 critical, then by start
}

TEST_CASE("the busy part of the week: the last event and a margin", "[layout]") {
  TimeAxis axis{8 * 3600.0, 82 * 3600.0};
  CHECK(busy_end_s(axis, {0, 3600, 20 * 3600}) == Approx(22 * 3600));  // + 2 h
  CHECK(busy_end_s(axis, {30 * 3600}) == Approx(33 * 3600));           // + a tenth
  CHECK(busy_end_s(axis, {70 * 3600}) == Approx(82 * 3600));           // most of it: all
  CHECK(busy_end_s(axis, {}) == Approx(82 * 3600));                    // nothing: all
  CHECK(busy_end_s(axis, {90 * 3600, 5 * 3600}) == Approx(7 * 3600));  // beyond the end: ignored
}

TEST_CASE("no systems, no groups", "[layout]") {
  CHECK(group_lanes({}).empty());
  CHECK(lanes_in_order({}).empty());
}

TEST_CASE("labels that would overlap go to the next free row", "[layout]") {
  CHECK(stack_rows({0, 5, 10}, {4, 4, 4}) == std::vector<int>{0, 0, 0});
  CHECK(stack_rows({0, 1, 2, 6}, {4, 4, 4, 4}) == std::vector<int>{0, 1, 2, 0});
  CHECK(stack_rows({0, 1, 4.5}, {4, 4, 4}) == std::vector<int>{0, 1, 0});
  CHECK(stack_rows({}, {}).empty());
}
