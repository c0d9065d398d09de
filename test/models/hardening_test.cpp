// Issue 15, the loader's side: numbers the engine cannot simulate (defect 2), over-long strings
// before any regular expression (3), files that are not regular files (5), and numbers too large
// for a double reported with their line and column (10).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "models/scenario_io.hpp"
#include "models/text_guard.hpp"
#include "models/units.hpp"
#include "test/unit_helpers.hpp"

using drsim::LoadStatus;
using drsim::test::scenario_path;

namespace {

std::string year1_text() {
  std::ifstream in(scenario_path("insurance-2007-year1"));
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string all_errors(const drsim::LoadResult& r) {
  std::string out;
  for (const auto& e : r.errors) out += e.to_string() + "\n";
  return out;
}

drsim::LoadResult load_with(const std::vector<std::string>& sets) {
  return drsim::load_scenario(scenario_path("insurance-2007-year1"), sets);
}

}  // namespace

TEST_CASE("numbers the engine cannot simulate are refused by validate (defect 2)", "[hardening]") {
  const std::string tape = "/dr_site/tape={\"drives\": 4, \"drive_type\": \"3590H\", \"rate\": ";
  for (std::string set :
       {std::string("/production/machine/engine_mips=1e-300"),
        std::string("/production/machine/engine_mips=0.5"),
        std::string("/dr_site/machine/engine_mips=1e9"), tape + "\"0.0001B/s\"}",
        tape + "\"100TB/s\"}", std::string("/production/guests/3/app_start=\"0.0000001s\""),
        std::string("/production/guests/3/app_start=\"200d\""),
        std::string("/backups/tsm/0/size=\"0.0001B\"")}) {
    drsim::LoadResult r = load_with({set});
    INFO(set << "\n" << all_errors(r));
    CHECK(r.status == LoadStatus::Invalid);
    std::string pointer = set.substr(0, set.find('='));
    CHECK(all_errors(r).find(pointer) != std::string::npos);
  }
  CHECK(load_with({"/production/machine/engine_mips=2000"}).status == LoadStatus::Ok);
  CHECK(load_with({"/production/guests/3/app_start=\"0\""}).status == LoadStatus::Ok);
  CHECK(load_with({tape + "\"14MB/s\"}"}).status == LoadStatus::Ok);
}

TEST_CASE("over-long strings are refused before the schema's regexes (defect 3)", "[hardening]") {
  std::string text = year1_text();
  std::string boot = "\"app_start\": \"";
  auto at = text.find(boot);
  REQUIRE(at != std::string::npos);
  std::string repeated;
  for (int i = 0; i < 50000; ++i) repeated += "1s";
  text.insert(at + boot.size(), repeated);
  drsim::LoadResult r = drsim::load_scenario_text(text, "long.json");
  INFO(all_errors(r));
  CHECK(r.status == LoadStatus::Invalid);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message.find("100") != std::string::npos);
  CHECK(r.errors[0].expected == "at most 4096 characters");
  // a long key too, and through --set
  std::string key_doc = "{\"" + std::string(5000, 'k') + "\": 1}";
  CHECK(drsim::load_scenario_text(key_doc, "k.json").errors.at(0).expected ==
        "at most 4096 characters");
  drsim::LoadResult s = load_with({"/name=\"" + std::string(5000, 'n') + "\""});
  CHECK(s.status == LoadStatus::Invalid);
  CHECK(all_errors(s).find("/name: a text of 5000 characters") != std::string::npos);
}

TEST_CASE("over-long strings and keys are found with their pointers, in a fixed order",
          "[hardening]") {
  // depth first, values from the last to the first, an object's keys when it is reached (the
  // order the messages have always come out in); pointers escaped (~0, ~1)
  auto doc = nlohmann::json::parse(
      R"({"a~b": ["xxxx", {"k/ey": "yyyy", "zzzz": 1}], "b": "long", "cccc": {"d": ["e", "ffff"]}})");
  std::vector<std::pair<std::string, size_t>> want = {
      {"/cccc", 4},        {"/cccc/d/1", 4},     {"/b", 4},     {"/a~0b/1/k~1ey", 4},
      {"/a~0b/1/zzzz", 4}, {"/a~0b/1/k~1ey", 4}, {"/a~0b/0", 4}};
  CHECK(drsim::find_long_strings(doc, 3) == want);
  CHECK(drsim::find_long_strings(doc, 4).empty());
  CHECK(drsim::find_long_strings(nlohmann::json("root"), 3) ==
        std::vector<std::pair<std::string, size_t>>{{"", 4}});
  // any depth (the loader refuses more than kMaxNesting before): 100,000 nested arrays
  nlohmann::json deep = "xxxxx";
  for (int i = 0; i < 100000; ++i) deep = nlohmann::json::array({std::move(deep)});
  auto found = drsim::find_long_strings(deep, 4);
  REQUIRE(found.size() == 1);
  CHECK(found[0].first.size() == 200000);  // "/0" per level
}

TEST_CASE("only regular files are read, capped while reading (defect 5)", "[hardening]") {
  drsim::LoadResult zero = drsim::load_scenario("/dev/zero");
  CHECK(zero.status == LoadStatus::Unreadable);
  CHECK(all_errors(zero).find("not a regular file") != std::string::npos);
  std::string fifo = "/tmp/drsim-hardening-fifo-" + std::to_string(::getpid());
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  drsim::LoadResult f = drsim::load_scenario(fifo);  // used to block forever: no writer
  ::unlink(fifo.c_str());
  CHECK(f.status == LoadStatus::Unreadable);
  CHECK(all_errors(f).find("not a regular file") != std::string::npos);
}

TEST_CASE("a number too large for a double says where and why (defect 10)", "[hardening]") {
  drsim::LoadResult r =
      drsim::load_scenario_text("{\n  \"name\": \"x\",\n  \"a\": 1e309\n}", "n.json");
  CHECK(r.status == LoadStatus::Unreadable);
  INFO(all_errors(r));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message.find("line 3, column 8: the number 1e309 is too large") !=
        std::string::npos);
  CHECK(r.errors[0].message.find("json.exception") == std::string::npos);
  drsim::LoadResult s = load_with({"/production/machine/engine_mips=-1e400"});
  CHECK(s.status == LoadStatus::Unreadable);
  CHECK(all_errors(s).find("/production/machine/engine_mips: --set value '-1e400' is not JSON "
                           "(line 1, column 1: the number -1e400 is too large") !=
        std::string::npos);
  drsim::LoadResult syntax = drsim::load_scenario_text("{\"a\": tru}", "s.json");
  CHECK(all_errors(syntax).find("line 1, column") != std::string::npos);
}

TEST_CASE("formatting a huge time or duration is defined (found by fuzz_units)", "[hardening]") {
  // 666666666666TiB read as seconds: the cast to long long was undefined (UBSan)
  CHECK_FALSE(drsim::units::format_week_time(7.33e26).empty());
  CHECK_FALSE(drsim::units::format_duration(-1e300).empty());
}
