// result.json written straight from the Result (simulator/result_writer.hpp, issue 18) is byte
// for byte the dump of to_json()'s tree, compact and indented: on constructed Results with
// awkward strings and numbers, and on every shipped scenario's simulated Result.
#include "simulator/result_writer.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine_helpers.hpp"
#include "simulator/engine.hpp"
#include "simulator/json_writer.hpp"

using drsim::Result;
using drsim::result_json_text;
using nlohmann::json;

namespace {

/// Strings that exercise every branch of the escaping: quotes, backslash, each short escape,
/// other control characters, DEL, 2-, 3- and 4-byte UTF-8, U+FFFE/U+FFFF, U+2028, NUL.
const std::vector<std::string> kAwkward = {
    "",
    "plain",
    "quote \" backslash \\ slash /",
    "\b\t\n\f\r",
    std::string("nul \0 inside", 12),
    "\x01\x02\x1f\x7f",
    "caf\xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e",  // é € 𝄞
    "\xef\xbf\xbe \xef\xbf\xbf \xe2\x80\xa8",     // U+FFFE U+FFFF U+2028
    "\xed\x9f\xbf \xf4\x8f\xbf\xbf \xc2\x80",     // U+D7FF U+10FFFF U+0080
    "<script>&amp;</script>",
};

/// Numbers whose text is easy to get wrong: integral doubles (1.0), exponents (1e+20, 1e-05),
/// the largest and smallest doubles, negative zero, 0.1-like fractions.
const std::vector<double> kNumbers = {0.0,
                                      -0.0,
                                      1.0,
                                      0.1,
                                      1.0 / 3.0,
                                      123456.789,
                                      1e15,
                                      1e16,
                                      1.2345678901234568e20,
                                      1e-5,
                                      0.000123,
                                      -42.5,
                                      std::numeric_limits<double>::max(),
                                      std::numeric_limits<double>::denorm_min(),
                                      std::numeric_limits<double>::min(),
                                      6.8e11};

drsim::attribution::RecoveryAttribution attribution_of(std::size_t systems, const std::string& s) {
  using namespace drsim::attribution;
  RecoveryAttribution a;
  for (std::size_t i = 0; i < systems; ++i) {
    a.accounts.push_back({{Cause::TapeRead, ResourceClass::Tape, s, s, 12.3456},
                          {Cause::Boot, ResourceClass::Plan, "", "", 1e7}});
    a.until.push_back(100.0 * static_cast<double>(i) + 0.0004);
  }
  Segment seg;
  seg.resource = s, seg.detail = "", seg.start = 0.5, seg.end = 1e5 / 3;
  a.path = {{s, seg}, {"B", seg}};
  a.moment = {s, 1234.5678, true};
  a.drivers.by_class = {{ResourceClass::Tape, "", 3.14159}};
  a.drivers.top = {{ResourceClass::Plan, s, 2.0}};
  a.drivers.summary = s;
  return a;
}

/// A Result with every field set, its strings taken from s and its numbers from x.
Result awkward_result(const std::string& s, double x, bool attributed) {
  Result r;
  r.scenario_name = s, r.scenario_file = s + ".json", r.scenario_sha256 = "ab", r.description = s;
  r.seed = std::numeric_limits<unsigned long long>::max();
  r.start_week_s = 28800, r.duration_s = x, r.rto_s = x;
  r.staff_from_s = 28800, r.staff_to_s = 64800;
  drsim::SystemResult a;
  a.name = s, a.kind = "linux", a.role = s, a.machine = s, a.lpar = "", a.host = s;
  a.sie_level = 3, a.critical = true, a.status = drsim::Status::Blocked, a.up_s = x;
  a.blocked_by = s, a.reason = s, a.missing = {{s, s}, {"code", ""}}, a.out_of_scope = s;
  a.forced_off = drsim::SystemResult::ForcedOff{x, 60, s};
  a.phases = {{drsim::Phase::Restore, 0, x, s}, {drsim::Phase::Up, x, 1e6, ""}};
  drsim::SystemResult b;
  b.name = "B", b.kind = "zos", b.forced_off = drsim::SystemResult::ForcedOff{std::nullopt, 1, ""};
  r.systems = {a, b, drsim::SystemResult{}};
  r.milestones = {{s, s, x}, {"id", "label", 0.0005}};
  drsim::Finding f;
  f.code = s, f.subject = s, f.t_s = x, f.message = s, f.production = s, f.dr = "";
  f.consequence = s, f.remedy = s, f.severity = drsim::Severity::Error;
  r.findings = {f, drsim::Finding{}};
  r.events = {{x, s, s, s}};
  r.first_zos_up_s = x, r.critical_up_s = x, r.all_up_s = std::nullopt;
  r.out_of_scope = {{s, s}};
  r.rto_met = true, r.peak_paging = x;
  r.peak_paging_by_vm = {{s, x}, {"VM2", 2}};
  r.vm_ipls = {{s, 2}, {"A", -1}};
  r.tape_drives = 4, r.tape_utilisation = x, r.volumes_restored = 80, r.restore_bytes = x;
  r.restores_done_s = x;
  r.cpu_mean = {{s, x}}, r.cpu_peak = {{"L", 1.0}};
  r.sim_events = std::numeric_limits<long long>::max(), r.step_s = x;
  r.paging_series = {{s, {x, 0, 1, x / 7}}, {"empty", {}}};
  r.cpu_series = {{"L", {0.25, 0.5}}};
  if (attributed) r.attribution = attribution_of(2, s);
  return r;
}

void require_same_text(const Result& r, const json& extra = json::object()) {
  json doc = drsim::to_json(r);
  for (auto it = extra.begin(); it != extra.end(); ++it) doc[it.key()] = *it;
  CHECK(result_json_text(r, false, extra) == doc.dump() + "\n");
  CHECK(result_json_text(r, true, extra) == doc.dump(2) + "\n");
}

}  // namespace

TEST_CASE("result.json from the Result: the tree's dump, on awkward strings and numbers") {
  for (const std::string& s : kAwkward)
    for (double x : kNumbers) {
      INFO("string " << json(s).dump() << ", number " << json(x).dump());
      require_same_text(awkward_result(s, x, true));
      require_same_text(awkward_result(s, x, false));
    }
  Result empty;
  require_same_text(empty);
}

TEST_CASE("result.json from the Result: extra members go in key order") {
  Result r = awkward_result("VMPROD", 19800, true);
  require_same_text(r, {{"cost", {{"total", 1.5}, {"lines", json::array()}}}});
  require_same_text(r, {{"aaa", nullptr}, {"zzz", {1, 2.5, "x"}}, {"sa", json::object()}});
  CHECK_THROWS_AS(result_json_text(r, false, {{"systems", 1}}), std::logic_error);
}

TEST_CASE("result.json from the Result: invalid UTF-8 is refused as the tree's dump refuses it") {
  for (const std::string bad :
       {"\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "a\xffz", "\x80"}) {
    Result r = awkward_result(bad, 1, false);
    std::string tree_error, writer_error;
    try {
      (void)drsim::to_json(r).dump();
    } catch (const json::type_error& e) {
      tree_error = e.what();
    }
    try {
      (void)result_json_text(r, false);
    } catch (const json::type_error& e) {
      writer_error = e.what();
    }
    INFO(json::binary({bad.begin(), bad.end()}).dump());
    CHECK(!tree_error.empty());
    CHECK(writer_error == tree_error);
  }
}

TEST_CASE("result.json from the Result: any JSON value is written as dump() writes it") {
  const json v = json::parse(R"({"b": [1, -2, 3.5, 1e300, true, null, {}, [], "x\u0001"],
                                 "a": {"z": {"y": []}}, "n": 18446744073709551615})");
  std::string compact, pretty;
  drsim::JsonWriter(compact, false).value(v);
  drsim::JsonWriter(pretty, true).value(v);
  CHECK(compact == v.dump());
  CHECK(pretty == v.dump(2));
}

TEST_CASE("result.json from the Result: the shipped scenarios' text is the tree's dump") {
  for (const char* name : {"insurance-2006-pre-linux", "insurance-2007-year1",
                           "insurance-2008-year2", "insurance-2009-year3"}) {
    INFO(name);
    drsim::LoadResult loaded = drsim::load_scenario(drsim::test::shipped(name));
    drsim::test::require_loaded(loaded);
    drsim::RunOptions options;
    options.scenario_file = loaded.scenario.file;
    options.scenario_sha256 = loaded.sha256;
    const std::string verdict = drsim::run_isolated([&] {
      const Result r = drsim::simulate(loaded.scenario, options);
      const json doc = drsim::to_json(r);
      if (result_json_text(r, false) != doc.dump() + "\n") return std::string("compact differs");
      if (result_json_text(r, true) != doc.dump(2) + "\n") return std::string("pretty differs");
      return std::string(r.attribution ? "same, attributed" : "same");
    });
    CHECK(verdict == "same, attributed");
  }
}

TEST_CASE("result.json in pieces: the same text, handed over in pieces of about 1 MiB") {
  Result r = awkward_result("VMPROD", 19800, false);
  drsim::SystemResult s = r.systems.front();
  s.phases.assign(20, {drsim::Phase::Boot, 1.5, 2.25, std::string(40, 'n')});
  r.systems.assign(3000, s);  // ~3 MB of text
  for (bool pretty : {false, true}) {
    const json extra = {{"cost", {{"total", 1.5}}}};
    std::vector<std::size_t> sizes;
    std::string joined;
    drsim::write_result_json(r, pretty, extra, [&](std::string_view piece) {
      sizes.push_back(piece.size());
      joined += piece;
    });
    CHECK(joined == result_json_text(r, pretty, extra));
    REQUIRE(sizes.size() >= 3);
    for (std::size_t i = 0; i + 1 < sizes.size(); ++i) {
      CHECK(sizes[i] >= (std::size_t{1} << 20));
      CHECK(sizes[i] < (std::size_t{1} << 20) + (64 << 10));  // a piece ends after a system
    }
  }
}
