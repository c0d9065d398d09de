#include "reports/check_text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "reports/result_io.hpp"
#include "test/unit_helpers.hpp"

using drsim::reports::render_check_text;
using drsim::test::contains;
using nlohmann::json;

namespace {

json report_with(json findings, json against) {
  int errors = 0;
  for (const auto& f : findings) errors += f.at("severity").get<std::string>() == "error";
  return {{"scenario", {{"name", "demo"}, {"file", "demo.json"}}},
          {"findings", findings},
          {"ask_the_vendor", json::array({"Will IQD CHPID F0 be defined?"})},
          {"against", against},
          {"summary", {{"errors", errors}, {"warnings", 0}, {"info", 0}}}};
}

json finding(const char* code, const char* severity, const char* subject) {
  return {{"code", code},
          {"severity", severity},
          {"subject", subject},
          {"message", "what is wrong"},
          {"production", "8GB"},
          {"dr", "3.5GB"},
          {"consequence", "paging"},
          {"remedy", "ask for 8GB"},
          {"pointer", "/dr_site/x"}};
}

}  // namespace

TEST_CASE("check text groups findings per subject, in report order", "[check_text]") {
  json fs = json::array({finding("memory-shortfall", "error", "VMPROD"),
                         finding("missing-hipersockets", "error", "HSZOS"),
                         finding("no-expanded-storage", "warning", "VMPROD")});
  std::string text = render_check_text(report_with(fs, nullptr), false);
  auto vm = text.find("VMPROD\n");
  auto hs = text.find("HSZOS\n");
  REQUIRE(vm != std::string::npos);
  REQUIRE(hs != std::string::npos);
  CHECK(vm < hs);
  CHECK(text.find("no-expanded-storage") < hs);
  CHECK(contains(text, "[ERROR]"));
  CHECK(contains(text, "[WARNING]"));
  CHECK(contains(text, "remedy:"));
  CHECK(contains(text, "1. Will IQD CHPID F0 be defined?"));
  CHECK(contains(text, "Summary: 2 errors, 0 warnings, 0 info: the DR configuration is not ready"));
  CHECK_FALSE(contains(text, "\033["));
}

TEST_CASE("check text: colour only when asked; the changes since last test", "[check_text]") {
  json against = {{"scenario", {{"name", "last-year"}, {"file", "last.json"}}},
                  {"differences", json::array({{{"subject", "VMPROD"},
                                                {"item", "memory"},
                                                {"last", "3.5GB"},
                                                {"current", "8GB"},
                                                {"verdict", "better"},
                                                {"pointer", ""}}})},
                  {"summary", {{"better", 1}, {"worse", 0}, {"changed", 0}}}};
  std::string text = render_check_text(report_with(json::array(), against), true);
  CHECK(contains(text, "\033["));
  CHECK(contains(text, "No findings"));
  CHECK(contains(text, "Since the last test (last-year)"));
  CHECK(contains(text, "VMPROD memory: 3.5GB -> 8GB"));
  CHECK(contains(text, "no error"));
}

TEST_CASE("check text wraps long lines", "[check_text]") {
  json f = finding("third-level-guests", "error", "VMPROD");
  f["remedy"] = std::string(30, 'x') + " " + std::string(30, 'y') + " " + std::string(30, 'z');
  std::string text = render_check_text(report_with(json::array({f}), nullptr), false, 80);
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    CHECK(end - start <= 80);
    start = end + 1;
  }
}

TEST_CASE("check text refuses a document that is not a check report", "[check_text]") {
  CHECK_THROWS_WITH(render_check_text(json::object(), false),
                    "/scenario is missing; expected an object");
  json bad = report_with(json::array({finding("x", "error", "VM")}), nullptr);
  bad["summary"]["errors"] = "many";
  CHECK_THROWS_AS(render_check_text(bad, false), drsim::reports::ResultFileError);
  CHECK_THROWS_WITH(render_check_text(bad, false),
                    "/summary/errors: expected an integer, found string");
}

TEST_CASE("check text strips control characters from what it prints", "[check_text]") {
  json fs = json::array({finding("memory-shortfall", "error", "VM\x1b[2J\x1b]0;owned\x07PROD")});
  fs[0]["message"] = "line one\nline two\x1b[31m";
  std::string text = render_check_text(report_with(fs, nullptr), false);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x07') == std::string::npos);
  CHECK(contains(text, "VM[2J]0;ownedPROD"));
  CHECK(contains(text, "line one line two[31m"));
}
