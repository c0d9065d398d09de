// Monte Carlo results in the reports: compare's RTO probability and P90 rows, the timeline's
// headline, whiskers and distribution chart.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "models/units.hpp"
#include "reports/compare.hpp"
#include "reports/html_timeline.hpp"
#include "reports/result_io.hpp"
#include "test/unit_helpers.hpp"

using nlohmann::json;
using namespace drsim::reports;
using drsim::test::duration;
using drsim::test::run;

namespace {

/// compare-base.json (ZOS1, LNX1 critical; LNX2 not) with a distribution.
json with_distribution(double probability, double lo, double hi, json lnx1_p90) {
  json doc = load_result(DRSIM_TEST_DATA "/results/compare-base.json");
  json systems = json::array();
  for (const auto& s : doc["systems"])
    systems.push_back({{"name", s["name"]},
                       {"critical", s["critical"]},
                       {"p10", 3000},
                       {"p50", 3600},
                       {"p90", s["name"] == "LNX1" ? lnx1_p90 : json(4000)},
                       {"min", 2900},
                       {"max", 5000},
                       {"never_share", 0.0}});
  doc["distribution"] = {
      {"replications", 1000},
      {"seed", 1},
      {"rto", {{"met", 830}, {"probability", probability}, {"ci95", {lo, hi}}}},
      {"critical_up_s",
       {{"p10", 7000},
        {"p50", 7200},
        {"p90", 9000},
        {"never_share", 0.0},
        {"histogram", {{"start_s", 6900}, {"bin_s", 300}, {"counts", {10, 500, 490}}}}}},
      {"systems", systems},
      {"runs", {{"median", 4}, {"p90", 8}, {"worst", 9}}}};
  return doc;
}

const CompareRow* find(const Comparison& c, const std::string& metric, const std::string& subj) {
  for (const auto& r : c.rows)
    if (r.metric == metric && r.subject == subj) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("compare: RTO probability lower by more than the baseline's CI is a regression",
          "[compare][distribution]") {
  json base = with_distribution(0.83, 0.806, 0.852, 7200);
  // the Comparison outlives the row pointer taken from it (ASan: a temporary was read after its
  // end)
  const Comparison within = run(base, with_distribution(0.81, 0.785, 0.833, 7200));
  const CompareRow* same = find(within, "rto_probability", "recovery");
  REQUIRE(same);
  CHECK(same->verdict == Verdict::unchanged);
  Comparison worse = run(base, with_distribution(0.78, 0.754, 0.804, 7200));
  REQUIRE(find(worse, "rto_probability", "recovery"));
  CHECK(find(worse, "rto_probability", "recovery")->verdict == Verdict::regression);
  CHECK(worse.has_regression());
  CHECK(find(run(base, with_distribution(0.9, 0.88, 0.92, 7200)), "rto_probability", "recovery")
            ->verdict == Verdict::improvement);
}

TEST_CASE("compare: a critical system's P90 later than tolerated is a regression",
          "[compare][distribution]") {
  json base = with_distribution(0.83, 0.806, 0.852, 7200);
  json later = with_distribution(0.83, 0.806, 0.852, 7200 + 3600);
  CHECK(find(run(base, later, {"30min"}), "system_p90", "LNX1")->verdict == Verdict::regression);
  CHECK(find(run(base, later, {"2h"}), "system_p90", "LNX1")->verdict == Verdict::unchanged);
  json never = with_distribution(0.83, 0.806, 0.852, nullptr);
  CHECK(find(run(base, never, {"2h"}), "system_p90", "LNX1")->verdict == Verdict::regression);
  CHECK_FALSE(find(run(base, later), "system_p90", "LNX2"));  // not critical
  Comparison one = run(load_result(DRSIM_TEST_DATA "/results/compare-base.json"), later);
  CHECK_FALSE(find(one, "rto_probability", "recovery"));
  bool noted = false;
  for (const auto& n : one.notes) noted = noted || n.find("distribution") != std::string::npos;
  CHECK(noted);
}

TEST_CASE("compare: a malformed distribution names the file and the pointer",
          "[compare][distribution]") {
  json base = with_distribution(0.83, 0.806, 0.852, 7200);
  json bad = base;
  bad["distribution"]["rto"]["ci95"] = "wide";
  try {
    run(base, bad);
    FAIL("no error");
  } catch (const drsim::reports::ResultFileError& e) {
    CHECK_THAT(e.what(), Catch::Contains("cur.json") && Catch::Contains("/distribution/rto"));
  }
}

TEST_CASE("html: the Monte Carlo headline, whiskers and the distribution chart",
          "[html][distribution]") {
  json doc = with_distribution(0.83, 0.806, 0.852, 7200);
  std::string html = render_timeline_html(doc);
  CHECK_THAT(html, Catch::Contains("RTO met in 83 % of 1,000 replications (CI 81\u201385 %)"));
  CHECK_THAT(html, Catch::Contains("class=\"whisk\""));
  CHECK_THAT(html, Catch::Contains("distribution of the all-critical-up time"));
  CHECK_THAT(html, Catch::Contains("P10\u2013P90"));
  std::string plain =
      render_timeline_html(load_result(DRSIM_TEST_DATA "/results/compare-base.json"));
  CHECK(plain.find("whisk") == std::string::npos);
  CHECK(plain.find("replications") == std::string::npos);
}
