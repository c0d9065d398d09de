#include "reports/html_timeline.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "reports/escape.hpp"
#include "reports/html_parts.hpp"
#include "reports/result_io.hpp"
#include "test/unit_helpers.hpp"

using drsim::reports::render_timeline_html;
using drsim::reports::ResultFileError;
using drsim::test::count;
using drsim::test::sample_year1;
using nlohmann::json;

namespace {

std::string render_error(const json& doc) {
  try {
    render_timeline_html(doc);
  } catch (const ResultFileError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("the sample renders one lane per system with its phases", "[html]") {
  const json doc = sample_year1();
  const std::string html = render_timeline_html(doc);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(count(html, "class=\"row lane ") == doc.at("systems").size());
  for (const json& s : doc.at("systems"))
    CHECK(html.find(">" + s.at("name").get<std::string>() + "<") != std::string::npos);
  CHECK(count(html, "class=\"ph p-blocked\"") > 0);
  CHECK(count(html, "class=\"ph p-forced-off\"") > 0);
  CHECK(html.find("blocked: missing-hipersockets") != std::string::npos);
  CHECK(html.find("guests of z/VM VMPROD") != std::string::npos);
  CHECK(html.find("Linux production") != std::string::npos);
}

TEST_CASE("summary, RTO line, milestones and findings at their hour", "[html]") {
  const json doc = sample_year1();
  const std::string html = render_timeline_html(doc);
  CHECK(html.find("RTO 48 h MISSED") != std::string::npos);
  CHECK(html.find("class=\"rtoline missed\" style=\"--l:58.537\"") !=
        std::string::npos);                                          // 48 h of 82 h
  CHECK(html.find("Mon 11:45 (+3 h 45 min)") != std::string::npos);  // first z/OS up
  CHECK(count(html, "class=\"pt pin sev-") == doc.at("findings").size());
  CHECK(count(html, "class=\"mline\"") == doc.at("milestones").size());
  CHECK(count(html, "class=\"pt pin act\"") == doc.at("events").size());
  CHECK(html.find("seed 1") != std::string::npos);
}

TEST_CASE("paging and CPU charts share the time axis", "[html]") {
  const std::string html = render_timeline_html(sample_year1());
  CHECK(count(html, "<path class=\"line\"") == 3);  // VMPROD paging; VNDVM and VNDZOS CPU
  CHECK(html.find("at 100 % for") != std::string::npos);
  CHECK(html.find(">3,000<") != std::string::npos);  // paging scale above the 2,797 peak
  CHECK(count(html, "class=\"plot\" style=\"--l:0;--w:100\"") == 2);
}

TEST_CASE("the page is self-contained: no network, data safe in its script block", "[html]") {
  const std::string html = render_timeline_html(sample_year1());
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find(" href=") == std::string::npos);
  CHECK(count(html, "<script") == 2);
  CHECK(count(html, "</script>") == 2);
}

TEST_CASE("every text from the result is escaped", "[html]") {
  json doc = sample_year1();
  const std::string evil = "<script>alert(1)</script>";
  doc["systems"][0]["name"] = evil;
  doc["systems"][0]["reason"] = "a \"quoted\" & <b>bold</b> reason";
  doc["scenario"]["name"] = evil;
  doc["scenario"]["description"] = "</script><script>alert(2)</script>";
  doc["findings"][0]["message"] = evil;
  doc["systems"][1]["phases"][0]["note"] = "</script><!--";
  const std::string html = render_timeline_html(doc);
  CHECK(html.find("alert(1)</script>") == std::string::npos);
  CHECK(count(html, "alert(2)") ==
        count(html, "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("<b>bold</b>") == std::string::npos);
  CHECK(count(html, "<script") == 2);
  CHECK(count(html, "</script>") == 2);
  CHECK(count(html, "<!--") == 0);
}

TEST_CASE("json strings for the page escape quotes, controls and markup", "[html]") {
  using drsim::reports::escape_json_in_html;
  CHECK(escape_json_in_html("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(escape_json_in_html("</script>") == "\"\\u003c/script\\u003e\"");
  CHECK(escape_json_in_html("x\ny&") == "\"x\\u000ay\\u0026\"");
  CHECK(drsim::reports::html::thousands(2797.4) == "2,797");
  CHECK(drsim::reports::html::thousands(-1234567) == "-1,234,567");
  CHECK(drsim::reports::html::num(12.5000) == "12.5");
}

TEST_CASE("a field of the wrong type names its JSON Pointer", "[html]") {
  json doc = sample_year1();
  doc["systems"][3]["phases"][0]["start_s"] = "soon";
  CHECK(render_error(doc) == "/systems/3/phases/0/start_s: expected a number, found string");
  doc = sample_year1();
  doc["systems"][2]["name"] = 7;
  CHECK(render_error(doc) == "/systems/2/name: expected a string, found number");
  doc = sample_year1();
  doc["series"]["paging_pages_per_s"]["VM/X"] = json::array({1, "x"});
  CHECK(render_error(doc) == "/series/paging_pages_per_s/VM~1X/1: expected a number, found string");
  doc = sample_year1();
  doc.erase("systems");
  CHECK(render_error(doc) == "/systems is missing; expected an array");
  CHECK(render_error(json::array()) == "/: expected a drsim result object, found array");
  doc = sample_year1();
  doc["exercise"]["staff_hours"]["from"] = "8 o'clock";
  CHECK(render_error(doc).rfind("/exercise/staff_hours: expected", 0) == 0);
}

TEST_CASE("a number out of range is an error naming its pointer (issue 15, defect 1)", "[html]") {
  json doc = sample_year1();
  const std::string vm = doc["series"]["paging_pages_per_s"].begin().key();
  doc["series"]["paging_pages_per_s"][vm][0] = 1e20;  // thousands() negated LLONG_MIN: a crash
  CHECK(render_error(doc) == "/series/paging_pages_per_s/" + vm +
                                 "/0: expected a number from -1e+15 to 1e+15, found 1e+20");
  doc = sample_year1();
  doc["metrics"]["peak_paging_pages_per_s"] = -1e300;
  CHECK(render_error(doc).rfind("/metrics/peak_paging_pages_per_s: expected a number", 0) == 0);
  doc = sample_year1();
  doc["systems"][0]["sie_level"] = 1e19;
  CHECK(render_error(doc).rfind("/systems/0/sie_level: expected a number from 0 to 16", 0) == 0);
}

TEST_CASE("every time in a result is bounded (issue 15, defect 4)", "[html]") {
  json doc = sample_year1();
  doc["exercise"]["duration_s"] = 1e300;  // looped over day columns until memory ran out
  CHECK(render_error(doc) ==
        "/exercise/duration_s: expected seconds from 0 to 2.4192e+06 (4 weeks), found 1e+300");
  doc = sample_year1();
  doc["exercise"]["duration_s"] = 1e9;  // a 26 MB page
  CHECK(render_error(doc).rfind("/exercise/duration_s: expected seconds", 0) == 0);
  doc = sample_year1();
  doc["exercise"].erase("duration_s");
  doc["systems"][1]["phases"][0]["end_s"] = 1e300;
  CHECK(render_error(doc).rfind("/systems/1/phases/0/end_s: expected seconds", 0) == 0);
  doc = sample_year1();
  doc["milestones"][0]["t_s"] = -5;
  CHECK(render_error(doc).rfind("/milestones/0/t_s: expected seconds", 0) == 0);
  doc = sample_year1();
  doc["exercise"]["start_week_s"] = 1e12;
  CHECK(render_error(doc).rfind("/exercise/start_week_s: expected a number from 0", 0) == 0);
  doc = sample_year1();
  doc["recovery"]["rto_target_h"] = 1e200;
  CHECK(render_error(doc).rfind("/recovery/rto_target_h: expected hours", 0) == 0);
  doc = sample_year1();
  doc["exercise"]["duration_s"] = 4 * 7 * 86400;  // the bound itself is fine
  CHECK(render_error(doc) == "no error");
}

TEST_CASE("a result with only the contract's fields renders", "[html]") {
  json doc = json::parse(
      R"({"drsim_version": "0.3.0", "scenario": {"name": "min", "file": "x.json", "sha256": "0"},
    "seed": 1, "exercise": {"start": "Mon 08:00", "end": "Thu 18:00"},
    "systems": [{"name": "LNXP01", "kind": "linux", "host": "VMPROD", "sie_level": 2, "tier": "production",
                 "critical": true, "status": "up", "up_s": 19800, "up_at": "Mon 13:30",
                 "phases": [{"phase": "restore", "start_s": 0, "end_s": 9000}], "blocked_by": null}],
    "milestones": [{"id": "all-critical-up", "t_s": 19800, "at": "Mon 13:30"}],
    "findings": [{"code": "memory-shortfall", "severity": "error", "subject": "VMPROD", "t_s": 0, "message": "m"}],
    "recovery": {"rto_target_h": 48, "critical_up_s": 19800, "all_up_s": 21000, "rto_met": true},
    "metrics": {"peak_paging_pages_per_s": 0}})");
  const std::string html = render_timeline_html(doc);
  CHECK(html.find("RTO 48 h met") != std::string::npos);
  CHECK(html.find("class=\"rtoline\" style=\"--l:58.537\"") != std::string::npos);
  CHECK(count(html, "class=\"row lane ") == 1);
  CHECK(html.find("<div class=\"charts\">") == std::string::npos);
}

TEST_CASE("1,200 systems render quickly into a file of a few MB", "[html][large]") {
  json doc = sample_year1();
  json systems = json::array();
  const json& model = doc.at("systems");
  for (int i = 0; i < 1200; ++i) {
    json s = model[static_cast<std::size_t>(i) % model.size()];
    s["name"] = s.at("name").get<std::string>() + "-" + std::to_string(i);
    if (!s.at("host").is_null() && s.at("kind") == "linux")
      s["host"] = "VM" + std::to_string(i % 12);
    systems.push_back(std::move(s));
  }
  doc["systems"] = std::move(systems);
  auto t0 = std::chrono::steady_clock::now();
  const std::string html = render_timeline_html(doc);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(seconds < 5.0);
  CHECK(html.size() < 3'000'000);
  CHECK(count(html, "class=\"row lane ") == 1200);
  CHECK(count(html, ">guests of z/VM VM") == 13);  // VM0..VM11 and VMPROD (its CMS machines)
}

TEST_CASE("a blocked bar says its own phase's reason, not the lane's later one", "[html]") {
  json doc = sample_year1();
  json& s = doc.at("systems").at(0);
  s["status"] = "not_started";
  s["blocked_by"] = nullptr;
  s["reason"] = "forced off by reaction keep-one-linux";
  s["phases"] =
      json::array({json::object({{"phase", "blocked"},
                                 {"start_s", 100},
                                 {"end_s", 200},
                                 {"note", "Hipersocket HSZOS has no definition at the DR site"}}),
                   json::object({{"phase", "forced-off"},
                                 {"start_s", 200},
                                 {"end_s", 300},
                                 {"note", "forced off by reaction keep-one-linux"}})});
  const std::string html = render_timeline_html(doc);
  CHECK(html.find("blocked \u2014 Hipersocket HSZOS has no definition at the DR site") !=
        std::string::npos);
  CHECK(html.find("blocked \u2014 forced off") == std::string::npos);
}
