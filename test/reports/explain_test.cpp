#include "reports/explain.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "reports/compare.hpp"
#include "reports/compare_causes.hpp"
#include "reports/result_io.hpp"
#include "test/unit_helpers.hpp"

using nlohmann::json;
using namespace drsim::reports;
using drsim::test::contains;

namespace {

const std::string kFile = DRSIM_TEST_DATA "/results/attribution-sample.json";

json attribution_sample() {
  return load_result(kFile);
}

}  // namespace

TEST_CASE("explain: the critical path, the RTO moment and what set it, as text") {
  std::string text = render_explain_text(attribution_sample(), kFile);
  INFO(text);
  CHECK(contains(text, "RTO moment Mon 10:00: LNX1, the last critical system, came up"));
  CHECK(contains(text, "tape drives"));
  CHECK(contains(text, "top: the 4 tape drives: 50m"));
  // the tape drives lead the classes: their line comes before the CPs'
  CHECK(text.find("tape drives ") < text.find("CPs "));
  // one line per stretch: LNX1's boot, CPU and paging time in one line, largest first
  CHECK(contains(text,
                 "Mon 09:00 - Mon 10:00  1h      LNX1  CPU-starved 30m: VMPROD's 2 virtual "
                 "CPs at SIE level 3 (the extra cost of SIE level 3), boot 20m: LNX1, "
                 "paging wait 10m"));
  CHECK(contains(text,
                 "Mon 08:00 - Mon 08:10  10m     ZOS1  waiting for a tape drive: the 4 "
                 "tape drives (behind VM1's cartridges)"));
}

TEST_CASE("explain: one system's account adds up to its up time") {
  std::string text = render_account_text(attribution_sample(), kFile, "LNX2");
  INFO(text);
  CHECK(contains(text, "LNX2 (linux, up): up Mon 11:00, 3h after the exercise start"));
  CHECK(contains(text, "39%  CPU-starved"));
  CHECK(contains(text, "VNDVM's CPs (other guests)"));
  CHECK(contains(text, "paging wait"));
}

TEST_CASE("explain: an unknown system, a result without attribution, a malformed one") {
  json doc = attribution_sample();
  CHECK_THROWS_WITH(
      render_account_text(doc, kFile, "NOPE"),
      Catch::Contains("no system named \"NOPE\"") && Catch::Contains("critical: ZOS1, LNX1"));
  json old = load_result(DRSIM_TEST_DATA "/results/compare-base.json");
  CHECK_THROWS_WITH(render_explain_text(old, "old.json"),
                    Catch::Contains("old.json: /critical_path is missing"));
  doc["systems"][0]["attribution"]["causes"][0]["s"] = "long";
  CHECK_THROWS_WITH(render_account_text(doc, kFile, "ZOS1"),
                    Catch::Contains("/systems/0/attribution/causes/0/s: expected a number"));
  json bad = attribution_sample();
  bad["critical_path"][2].erase("end_s");
  CHECK_THROWS_WITH(render_explain_text(bad, kFile),
                    Catch::Contains("/critical_path/2/end_s: expected a number"));
}

TEST_CASE("explain: --format json carries the path or the system's attribution") {
  json path = explain_json(attribution_sample(), kFile, std::nullopt);
  CHECK(path.at("critical_path").size() == 7);
  CHECK(path.at("rto_drivers").at("top").at(0).at("resource") == "the 4 tape drives");
  json sys = explain_json(attribution_sample(), kFile, std::string("LNX1"));
  CHECK(sys.at("system").at("name") == "LNX1");
  CHECK(sys.at("system").at("attribution").at("causes").size() == 4);
}

TEST_CASE("compare: a later system names the causes that changed most") {
  json base = attribution_sample();
  json cur = attribution_sample();
  json& lnx2 = cur["systems"][2];
  lnx2["up_s"] = 10800 + 1920;  // +32 min
  lnx2["attribution"]["until_s"] = 10800 + 1920;
  lnx2["attribution"]["causes"][1]["s"] = 4200 + 2400;  // CPU-starved +40 min
  lnx2["attribution"]["causes"][3]["s"] = 1800 - 480;   // paging -8 min
  auto accounts_b = accounts_by_name(base);
  auto accounts_c = accounts_by_name(cur);
  CHECK(cause_changes(accounts_b.at("LNX2"), accounts_c.at("LNX2")) ==
        "CPU-starved +40m (other guests), paging wait -8m (VMPROD's paging volumes)");
  CHECK(cause_changes(accounts_b.at("LNX1"), accounts_c.at("LNX1")).empty());
  Comparison c = compare_results({"b.json", base}, {"c.json", cur}, ToleranceSettings{});
  bool found = false;
  for (const auto& r : c.rows)
    if (r.metric == "system" && r.subject == "LNX2") {
      found = true;
      CHECK(contains(r.message, "; causes: CPU-starved +40m (other guests)"));
    }
  CHECK(found);
  CHECK(accounts_by_name(load_result(DRSIM_TEST_DATA "/results/compare-base.json")).empty());
}
