// Engine mechanism: the monitor reads its averages from the levels' exact integrals at whole
// minutes, so it sleeps through quiet stretches instead of waking every minute, and what it
// does (findings, reactions) still happens at the minute a console watched every minute
// would have shown it.
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine_helpers.hpp"
#include "simulator/level.hpp"

using drsim::sim::Level;
using drsim::test::events_of;
using drsim::test::kBaseScenario;
using drsim::test::run_text;
using drsim::test::run_text_monitor_every_minute;
using drsim::test::scenario_doc;
using drsim::test::shipped;

TEST_CASE("a level's past integral is, to the bit, what integral() read at that time") {
  Level level;
  std::vector<std::pair<double, double>> read;  // (time, integral read then)
  // changes at odd instants, two at one instant, a set to the same level (no change)
  const std::vector<std::pair<double, double>> changes = {{0.3, 1.0},    {7.1, 0.25}, {7.1, 0.75},
                                                          {60.0, 0.75},  {61.7, 0.0}, {600.0, 1.0},
                                                          {1e5 / 3, 0.1}};
  for (size_t i = 0; i < changes.size(); ++i) {
    auto [t, v] = changes[i];
    read.emplace_back(t, level.integral(t));  // read just before the change, at its time
    level.set(t, v);
    read.emplace_back(t, level.integral(t));                        // and just after
    if (i + 1 == changes.size() || changes[i + 1].first > t + 0.5)  // time only moves on
      read.emplace_back(t + 0.5, level.integral(t + 0.5));
  }
  read.emplace_back(0.0, 0.0);
  for (const auto& [t, value] : read) {
    INFO("t = " << t);
    CHECK(level.integral_at(t) == value);
  }
  CHECK(level.integral_at(1e6) == level.integral(1e6));  // ahead: the level as it stands
  CHECK(level.integral_at(60.0) == Approx(1.0 * (7.1 - 0.3) + 0.75 * (60.0 - 7.1)));
}

TEST_CASE("the monitor sleeps while nothing changes, and still acts at the whole minute") {
  // a time rule at Mon 12:00 (4 h in) in a two-day exercise whose work is over by then
  const std::string at_noon =
      R"(/reactions=[{"id":"noon","when":{"kind":"time","at":"Mon 12:00"},)"
      R"("action":{"kind":"force-off","target":"VM1","tiers":["test"]},"lead_time":"10min"}])";
  nlohmann::json r = run_text(kBaseScenario, {at_noon});
  auto fired = events_of(r, "reaction", "noon");
  REQUIRE(fired.size() == 1);
  CHECK(fired[0].at("t_s").get<double>() == 4 * 3600.0);
  auto acted = events_of(r, "operator", "noon");
  REQUIRE(acted.size() == 1);
  CHECK(acted[0].at("t_s").get<double>() == 4 * 3600.0 + 600);
  // a monitor waking every minute alone would be 2,880 events over the two days
  CHECK(r.at("metrics").at("events").get<long long>() < 2 * 24 * 60);
}

namespace {

/// The base scenario made to page hard after a quiet evening: VM1 gets 2 GB at the DR site for
/// four 4 GB guests, logged on at Mon 20:00, hours after the IPLs: the monitor sleeps through
/// long look-aheads, then the first page-ins must wake it before the one it planned.
std::string paging_after_a_quiet_evening() {
  nlohmann::json doc = nlohmann::json::parse(kBaseScenario);
  for (auto& lpar : doc["dr_site"]["lpars"])
    if (lpar["name"] == "DRVM") lpar["memory"] = "2GB";
  for (auto& g : doc["production"]["guests"]) g["virtual_memory"] = "4GB";
  for (auto& s : doc["plan"]["steps"])
    if (s["id"] == "autolog") s["not_before"] = "Mon 20:00";
  return doc.dump();
}

}  // namespace

TEST_CASE("the monitor's look-ahead finds and acts as a check every minute does") {
  std::vector<std::pair<std::string, std::string>> cases = {
      {"paging after a quiet evening", paging_after_a_quiet_evening()}};
  for (const char* name : {"insurance-2006-pre-linux", "insurance-2007-year1",
                           "insurance-2008-year2", "insurance-2009-year3"})
    cases.emplace_back(name, scenario_doc(shipped(name)).dump());
  nlohmann::json evening;  // the first case's result
  for (const auto& [name, text] : cases) {
    INFO(name);
    nlohmann::json ahead = run_text(text);
    if (evening.is_null()) evening = ahead;
    nlohmann::json every = run_text_monitor_every_minute(text);
    // the look-ahead saves wake-ups: fewer SimGrid activities, the rest the same
    CHECK(ahead.at("metrics").at("events").get<long>() <
          every.at("metrics").at("events").get<long>());
    ahead["metrics"].erase("events");
    every["metrics"].erase("events");
    CHECK(ahead == every);
  }
  // the first case does exercise a finding raised after a long sleep
  bool overload = false;
  for (const auto& f : evening.at("findings"))
    overload =
        overload || (f.at("code") == "paging-overload" && f.at("t_s").get<double>() > 12 * 3600.0);
  CHECK(overload);
}
