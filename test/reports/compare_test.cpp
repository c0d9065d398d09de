#include "reports/compare.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "models/units.hpp"
#include "reports/compare_output.hpp"
#include "reports/duration_format.hpp"
#include "reports/result_io.hpp"
#include "test/unit_helpers.hpp"

using nlohmann::json;
using namespace drsim::reports;
using drsim::test::duration;
using drsim::test::run;

namespace {

json system_json(const std::string& name, bool critical, std::optional<double> up_s) {
  json up = up_s ? json(*up_s) : json(nullptr);
  return {{"name", name},
          {"kind", "linux"},
          {"host", "VMPROD"},
          {"sie_level", 2},
          {"tier", "production"},
          {"critical", critical},
          {"status", up_s ? "up" : "not_started"},
          {"up_s", up},
          {"up_at", nullptr},
          {"phases", json::array()},
          {"blocked_by", nullptr}};
}

/// A small result: z/OS up at 1h, LNX1 (critical) at 2h, LNX2 at 3h; RTO met.
json make_result() {
  return load_result(DRSIM_TEST_DATA "/results/compare-base.json");
}

const CompareRow& row(const Comparison& c, const std::string& metric, const std::string& subject) {
  for (const auto& r : c.rows)
    if (r.metric == metric && r.subject == subject) return r;
  FAIL("no row " << metric << " " << subject);
  throw std::logic_error("unreachable");
}

bool has_row(const Comparison& c, const std::string& metric, const std::string& subject) {
  for (const auto& r : c.rows)
    if (r.metric == metric && r.subject == subject) return true;
  return false;
}

void set_up(json& doc, size_t system, std::optional<double> up_s) {
  doc["systems"][system]["up_s"] = up_s ? json(*up_s) : json(nullptr);
}

json finding(const std::string& code, const std::string& severity, const std::string& subject) {
  return {{"code", code},
          {"severity", severity},
          {"subject", subject},
          {"t_s", 0},
          {"message", code + " on " + subject}};
}

}  // namespace

TEST_CASE("a result compared with itself passes with every row unchanged", "[compare]") {
  json doc = make_result();
  Comparison c = run(doc, doc);
  CHECK_FALSE(c.has_regression());
  CHECK(c.count(Verdict::unchanged) == static_cast<int>(c.rows.size()));
  CHECK(has_row(c, "system", "LNX1"));
  CHECK(has_row(c, "rto_met", "recovery"));
  CHECK(has_row(c, "paging", "peak"));
}

TEST_CASE("a system slower beyond tolerance is a regression naming it", "[compare]") {
  json base = make_result(), cur = make_result();
  set_up(cur, 1, 7200 + 11400);  // +3h10m
  Comparison c = run(base, cur, {"5%"});
  REQUIRE(c.has_regression());
  const CompareRow& r = row(c, "system", "LNX1");
  CHECK(r.verdict == Verdict::regression);
  CHECK(format_row_delta(r) == "+3h10m");
  CHECK(r.current == "Mon 13:10");
  CHECK(row(c, "system", "LNX2").verdict == Verdict::unchanged);
  CHECK(c.rows.front().verdict == Verdict::regression);
  CHECK(render_compare_text(c, false).find("LNX1") != std::string::npos);
}

TEST_CASE("exactly at the tolerance passes, just beyond fails", "[compare]") {
  json base = make_result();
  auto verdict = [&](double up, const std::vector<std::string>& tol) {
    json cur = make_result();
    set_up(cur, 1, up);
    return row(run(base, cur, tol), "system", "LNX1").verdict;
  };
  CHECK(verdict(7200 + 720, {"10%"}) == Verdict::unchanged);
  CHECK(verdict(7200 + 721, {"10%"}) == Verdict::regression);
  CHECK(verdict(7200 + 1800, {"30min"}) == Verdict::unchanged);
  CHECK(verdict(7200 + 1801, {"30min"}) == Verdict::regression);
  CHECK(verdict(7201, {}) == Verdict::regression);
  CHECK(verdict(7200, {}) == Verdict::unchanged);
}

TEST_CASE("percent and absolute tolerances: the larger allowance wins", "[compare]") {
  json base = make_result();
  auto verdict = [&](double up, const std::vector<std::string>& tol) {
    json cur = make_result();
    set_up(cur, 1, up);
    return row(run(base, cur, tol), "system", "LNX1").verdict;
  };
  // 5% of 2h = 6min; 30min is larger.
  CHECK(verdict(7200 + 1000, {"5%", "30min"}) == Verdict::unchanged);
  CHECK(verdict(7200 + 1900, {"5%", "30min"}) == Verdict::regression);
  // 50% of 2h = 1h; larger than 30min.
  CHECK(verdict(7200 + 3600, {"30min", "50%"}) == Verdict::unchanged);
  CHECK(verdict(7200 + 3601, {"30min", "50%"}) == Verdict::regression);
}

TEST_CASE("per-metric tolerances replace the default for their key", "[compare]") {
  json base = make_result(), cur = make_result();
  set_up(cur, 1, 7200 + 600);
  set_up(cur, 2, 10800 + 600);
  cur["recovery"]["critical_up_s"] = 7200 + 600;
  Comparison c = run(base, cur, {"1h", "system=5min", "system:LNX2=20min"});
  CHECK(row(c, "system", "LNX1").verdict == Verdict::regression);
  CHECK(row(c, "system", "LNX2").verdict == Verdict::unchanged);
  CHECK(row(c, "critical_up", "recovery").verdict == Verdict::unchanged);
  CHECK(c.tolerance == "1h; system=5m; system:LNX2=20m");
}

TEST_CASE("a time that becomes null fails whatever the tolerance, null to a time improves",
          "[compare]") {
  json base = make_result(), cur = make_result();
  set_up(cur, 2, std::nullopt);
  Comparison c = run(base, cur, {"1000%", "3d"});
  CHECK(row(c, "system", "LNX2").verdict == Verdict::regression);
  CHECK(row(c, "system", "LNX2").current == "never");
  Comparison back = run(cur, base);
  CHECK(row(back, "system", "LNX2").verdict == Verdict::improvement);
  CHECK_FALSE(back.has_regression());
}

TEST_CASE("a newly blocked critical system is a regression", "[compare]") {
  json base = make_result(), cur = make_result();
  cur["systems"][1]["status"] = "blocked";
  cur["systems"][1]["blocked_by"] = "missing-hipersockets";
  set_up(cur, 1, std::nullopt);
  Comparison c = run(base, cur, {"1000%"});
  const CompareRow& r = row(c, "blocked", "LNX1");
  CHECK(r.verdict == Verdict::regression);
  CHECK(r.current == "blocked by missing-hipersockets");
  CHECK(r.message.find("critical") != std::string::npos);
  CHECK(c.rows.front().metric == "blocked");
}

TEST_CASE("an added critical system that is blocked is a regression", "[compare]") {
  json base = make_result(), cur = make_result();
  json added = system_json("LNX9", true, std::nullopt);
  added["status"] = "blocked";
  cur["systems"].push_back(added);
  Comparison c = run(base, cur);
  CHECK(row(c, "system", "LNX9").verdict == Verdict::added);
  CHECK(row(c, "blocked", "LNX9").verdict == Verdict::regression);
}

TEST_CASE("a new error finding fails, a new warning is listed", "[compare]") {
  json base = make_result(), cur = make_result();
  base["findings"].push_back(finding("third-level-guests", "warning", "VMPROD"));
  cur["findings"].push_back(finding("memory-shortfall", "error", "VMPROD"));
  cur["findings"].push_back(finding("device-address-change", "warning", "VNDVM"));
  Comparison c = run(base, cur);
  CHECK(row(c, "finding", "memory-shortfall VMPROD").verdict == Verdict::regression);
  CHECK(row(c, "finding", "device-address-change VNDVM").verdict == Verdict::added);
  CHECK(row(c, "finding", "third-level-guests VMPROD").verdict == Verdict::improvement);
  CHECK(c.count(Verdict::regression) == 1);
}

TEST_CASE("the RTO going from met to missed is a regression", "[compare]") {
  json base = make_result(), cur = make_result();
  cur["recovery"]["rto_met"] = false;
  Comparison c = run(base, cur);
  CHECK(row(c, "rto_met", "recovery").verdict == Verdict::regression);
  CHECK(c.rows.front().metric == "rto_met");
  CHECK(row(run(cur, base), "rto_met", "recovery").verdict == Verdict::improvement);
}

TEST_CASE("improvements are reported and never fail", "[compare]") {
  json base = make_result(), cur = make_result();
  base["recovery"]["rto_met"] = false;
  base["findings"].push_back(finding("memory-shortfall", "error", "VMPROD"));
  set_up(cur, 0, 1800);
  set_up(cur, 1, 3600);
  cur["recovery"]["critical_up_s"] = 3600;
  cur["metrics"]["peak_paging_pages_per_s"] = 10;
  Comparison c = run(base, cur);
  CHECK_FALSE(c.has_regression());
  CHECK(c.count(Verdict::improvement) == 6);
  CHECK(format_row_delta(row(c, "system", "LNX1")) == "-1h");
  CHECK(c.rows.back().verdict == Verdict::improvement);
}

TEST_CASE("added and removed systems are listed without failing", "[compare]") {
  json base = make_result(), cur = make_result();
  cur["systems"].erase(2);
  cur["systems"].push_back(system_json("LNX3", false, 9000));
  Comparison c = run(base, cur);
  CHECK(row(c, "system", "LNX2").verdict == Verdict::removed);
  CHECK(row(c, "system", "LNX3").verdict == Verdict::added);
  CHECK_FALSE(c.has_regression());
}

TEST_CASE("percentiles are compared when both results have them", "[compare]") {
  json base = make_result(), cur = make_result();
  for (json* d : {&base, &cur}) {
    (*d)["recovery"]["critical_up_s_p50"] = 7200;
    (*d)["recovery"]["critical_up_s_p90"] = 9000;
    (*d)["recovery"]["all_up_s_p50"] = 10800;
    (*d)["recovery"]["all_up_s_p90"] = 12000;
  }
  cur["recovery"]["critical_up_s_p90"] = 9000 + 3600;
  Comparison c = run(base, cur, {"30min", "percentiles=2h"});
  CHECK(row(c, "critical_up_p90", "recovery").verdict == Verdict::unchanged);
  CHECK(row(run(base, cur, {"30min"}), "critical_up_p90", "recovery").verdict ==
        Verdict::regression);
  json plain = make_result();
  Comparison one = run(plain, cur);
  CHECK_FALSE(has_row(one, "critical_up_p90", "recovery"));
  REQUIRE(one.notes.size() == 1);
  CHECK(one.notes[0].find("percentiles") != std::string::npos);
}

TEST_CASE("peak paging is compared by percent or pages/s", "[compare]") {
  json base = make_result(), cur = make_result();
  cur["metrics"]["peak_paging_pages_per_s"] = 1400;
  CHECK(row(run(base, cur, {"30min"}), "paging", "peak").verdict == Verdict::regression);
  CHECK(row(run(base, cur, {"40%"}), "paging", "peak").verdict == Verdict::unchanged);
  CHECK(row(run(base, cur, {"paging=400"}), "paging", "peak").verdict == Verdict::unchanged);
  CHECK(row(run(base, cur, {"paging=399/s"}), "paging", "peak").verdict == Verdict::regression);
}

TEST_CASE("incompatible versions cannot be compared and both are named", "[compare]") {
  json base = make_result(), cur = make_result();
  cur["drsim_version"] = "0.4.0";
  try {
    run(base, cur);
    FAIL("expected a CompareError");
  } catch (const CompareError& e) {
    std::string what = e.what();
    CHECK(what.find("0.3.0") != std::string::npos);
    CHECK(what.find("0.4.0") != std::string::npos);
  }
  cur["drsim_version"] = "0.3.7";
  CHECK_NOTHROW(run(base, cur));
  cur["drsim_version"] = "three";
  CHECK_THROWS_WITH(run(base, cur), Catch::Contains("/drsim_version"));
}

TEST_CASE("malformed fields are errors naming the file and the pointer", "[compare]") {
  json base = make_result(), cur = make_result();
  cur["systems"][1]["up_s"] = "soon";
  CHECK_THROWS_WITH(run(base, cur), Catch::Contains("cur.json: /systems/1/up_s"));
  cur = make_result();
  cur["systems"][2]["name"] = "LNX1";
  CHECK_THROWS_WITH(run(base, cur), Catch::Contains("/systems/2/name"));
  cur = make_result();
  cur["findings"].push_back(7);
  CHECK_THROWS_WITH(run(base, cur), Catch::Contains("/findings/0: expected a finding object"));
  cur = make_result();
  cur["recovery"].erase("all_up_s");
  CHECK_THROWS_WITH(run(base, cur), Catch::Contains("/recovery/all_up_s is missing"));
}

TEST_CASE("a file that is not a drsim result is refused", "[compare]") {
  CHECK_THROWS_AS(load_result(DRSIM_TEST_DATA "/results/compare-not-a-result.json"),
                  ResultFileError);
}

TEST_CASE("bad tolerances are refused with what was expected", "[compare]") {
  CHECK_THROWS_WITH(parse_tolerances({"5"}, duration), Catch::Contains("expected a percentage"));
  CHECK_THROWS_WITH(parse_tolerances({"-5%"}, duration), Catch::Contains("--tolerance -5%"));
  CHECK_THROWS_WITH(parse_tolerances({"rto=5%"}, duration), Catch::Contains("system:NAME"));
  CHECK_THROWS_WITH(parse_tolerances({"paging=2h"}, duration), Catch::Contains("pages/s"));
  auto t = parse_tolerances({"5%", "30min", "all_up=2h"}, duration);
  CHECK(t.fallback.describe() == "5% or 30m, the larger");
  CHECK(t.by_key.at("all_up").seconds == Approx(7200));
}

TEST_CASE("rows are ordered worst first", "[compare]") {
  json base = make_result(), cur = make_result();
  set_up(cur, 0, 3600 + 600);
  set_up(cur, 1, 7200 + 7200);
  set_up(cur, 2, 10800 - 600);
  Comparison c = run(base, cur);
  REQUIRE(c.rows.size() >= 3);
  CHECK(c.rows[0].verdict == Verdict::regression);
  CHECK(c.rows.back().verdict == Verdict::improvement);
  std::vector<std::string> regressed;
  for (const auto& r : c.rows)
    if (r.verdict == Verdict::regression && r.metric == "system") regressed.push_back(r.subject);
  CHECK(regressed == std::vector<std::string>{"LNX1", "ZOS1"});
}

TEST_CASE("JUnit and Markdown carry the regressions", "[compare]") {
  json base = make_result(), cur = make_result();
  set_up(cur, 1, 7200 + 3600);
  cur["scenario"]["name"] = "a<b & \"c\"";
  Comparison c = run(base, cur);
  std::string xml = render_compare_junit(c);
  CHECK(xml.find("<failure type=\"regression\"") != std::string::npos);
  CHECK(xml.find("name=\"LNX1\"") != std::string::npos);
  CHECK(xml.find("a&lt;b &amp; &quot;c&quot;") != std::string::npos);
  CHECK(xml.find("failures=\"1\"") != std::string::npos);
  std::string md = render_compare_markdown(c);
  CHECK(md.find("recovery got slower") != std::string::npos);
  CHECK(md.find("| LNX1 |") != std::string::npos);
}

TEST_CASE("durations format as compact deltas", "[compare]") {
  CHECK(format_delta(11400) == "+3h10m");
  CHECK(format_delta(-2700) == "-45m");
  CHECK(format_delta(0) == "0");
  CHECK(format_delta(30) == "+30s");
  CHECK(format_duration(2 * 86400 + 4 * 3600) == "2d4h");
  CHECK(format_exercise_time(28800.0, 19800) == "Mon 13:30");
  CHECK(format_exercise_time(std::nullopt, 19800) == "T+5h30m");
  CHECK(format_exercise_time(28800.0, 86400) == "Tue 08:00");
}

TEST_CASE("the terminal table is coloured only when asked", "[compare]") {
  json base = make_result(), cur = make_result();
  set_up(cur, 1, 7200 + 3600);
  Comparison c = run(base, cur);
  CHECK(render_compare_text(c, false).find('\x1b') == std::string::npos);
  std::string coloured = render_compare_text(c, true);
  CHECK(coloured.find("\x1b[1;31mREGRESSION") != std::string::npos);
  CHECK(render_compare_text(c, false).find("FAIL - 1 regression, ") != std::string::npos);
}
