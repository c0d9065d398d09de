// Sweep planning: --vary lists and ranges, the grid's order, merge-patch options, the keys that
// resume and shards rely on, shards as disjoint slices, the sweep file, and the option-2 patch
// shipped beside the year-3 scenario giving exactly the year-2 scenario.
#pragma GCC diagnostic ignored "-Warray-bounds"
#include "models/sweep_plan.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "models/sweep_file.hpp"

using nlohmann::json;

namespace {

json read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return json::parse(buf.str());
}

drsim::SweepAxis axis(const std::string& arg) {
  std::string error;
  auto a = drsim::parse_vary(arg, error);
  INFO(error);
  REQUIRE(a);
  return *a;
}

json base() {
  return {{"name", "b"},
          {"dr_site", {{"tape", {{"drives", 4}}}, {"lpars", {{{"memory", "8GB"}}}}}}};
}

}  // namespace

TEST_CASE("vary takes a list of JSON values or bare strings, or an integer range", "[sweep]") {
  auto a = axis("/dr_site/tape/drives=4,6,8");
  CHECK(a.pointer == "/dr_site/tape/drives");
  CHECK(a.values == std::vector<json>{4, 6, 8});
  CHECK(axis("/m=8GB,16GB").values == std::vector<json>{"8GB", "16GB"});
  CHECK(axis("/x=2..5").values == std::vector<json>{2, 3, 4, 5});
  CHECK(axis("/x=2..8:3").values == std::vector<json>{2, 5, 8});
  CHECK(axis("/x=[1,2],{\"a\":1},\"b,c\"").values ==
        std::vector<json>{json::array({1, 2}), json{{"a", 1}}, "b,c"});
  std::string error;
  for (const char* bad : {"drives=4", "/x", "/x=", "/x=4,,5", "/x=8..2", "/x=1..2:0", "/x=a..b"}) {
    INFO(bad);
    error.clear();
    CHECK_FALSE(drsim::parse_vary(bad, error));
    CHECK_FALSE(error.empty());
  }
}

TEST_CASE("the grid runs options outermost, then each axis, the first axis slowest", "[sweep]") {
  drsim::SweepSpec spec;
  spec.options = {{"a", json::object()},
                  {"b", {{"name", "other"}, {"dr_site", {{"tape", {{"drives", 2}}}}}}}};
  spec.axes = {axis("/dr_site/tape/drives=4,6"), axis("/dr_site/lpars/0/memory=8GB,16GB,32GB")};
  std::vector<drsim::SweepError> errors;
  auto points = drsim::plan_points(base(), spec, "v", errors);
  REQUIRE(errors.empty());
  REQUIRE(points.size() == 12);
  CHECK(points[0].id == "0001");
  CHECK(points[11].id == "0012");
  CHECK(points[0].option == "a");
  CHECK(points[6].option == "b");
  CHECK(points[1].settings[1].second == "16GB");
  CHECK(points[3].settings[0].second == 6);
  CHECK(points[3].document["/dr_site/tape/drives"_json_pointer] == 6);
  CHECK(points[3].document["/dr_site/lpars/0/memory"_json_pointer] == "8GB");
  std::set<std::string> keys;
  for (const auto& p : points) keys.insert(p.key);
  CHECK(keys.size() == 12);
  // option b's drives are replaced by the axis: the same document as a's but for the name
  CHECK(points[6].document["/dr_site/tape/drives"_json_pointer] == 4);
}

TEST_CASE("an option is an RFC 7396 merge patch: null removes, objects merge, arrays replace",
          "[sweep]") {
  drsim::SweepSpec spec;
  spec.options = {{"p",
                   {{"name", "patched"},
                    {"dr_site", {{"tape", {{"mount", "robot"}}}, {"lpars", json::array()}}}}},
                  {"q", {{"dr_site", {{"tape", nullptr}}}}}};
  std::vector<drsim::SweepError> errors;
  auto points = drsim::plan_points(base(), spec, "v", errors);
  REQUIRE(points.size() == 2);
  CHECK(points[0].document["name"] == "patched");
  CHECK(points[0].document["/dr_site/tape"_json_pointer] ==
        json{{"drives", 4}, {"mount", "robot"}});
  CHECK(points[0].document["/dr_site/lpars"_json_pointer] == json::array());
  CHECK_FALSE(points[1].document["dr_site"].contains("tape"));
  CHECK(drsim::check_option({"bad name", json::object()}) != "");
  CHECK(drsim::check_option({"ok", json::array()}) != "");
  CHECK(drsim::check_option({"own-lpar.y3", json::object()}) == "");
}

TEST_CASE("a setting whose pointer names nothing in a point is that point's error", "[sweep]") {
  drsim::SweepSpec spec;
  spec.options = {{"keep", json::object()}, {"drop", {{"dr_site", {{"tape", nullptr}}}}}};
  spec.axes = {axis("/dr_site/tape/drives=4,6")};
  std::vector<drsim::SweepError> errors;
  auto points = drsim::plan_points(base(), spec, "v", errors);
  REQUIRE(errors.size() == 2);  // both points of option "drop"
  CHECK(errors[0].where.find("point 0003") == 0);
  CHECK(errors[0].where.find("option drop") != std::string::npos);
  CHECK(errors[0].pointer == "/dr_site/tape/drives");
}

TEST_CASE("a point's key changes with its scenario, seed, replications and drsim version",
          "[sweep]") {
  json d = base();
  std::string k = drsim::point_key(d, 1, 1, "0.3");
  CHECK(k.size() == 64);
  CHECK(drsim::point_key(d, 1, 1, "0.3") == k);
  CHECK(drsim::point_key(d, 2, 1, "0.3") != k);
  CHECK(drsim::point_key(d, 1, 10, "0.3") != k);
  CHECK(drsim::point_key(d, 1, 1, "0.4") != k);
  d["dr_site"]["tape"]["drives"] = 5;
  CHECK(drsim::point_key(d, 1, 1, "0.3") != k);
}

TEST_CASE("shards are disjoint and together hold every point", "[sweep]") {
  std::string error;
  auto s = drsim::parse_shard("2/4", error);
  REQUIRE(s);
  CHECK(*s == std::make_pair(2, 4));
  for (const char* bad : {"0/4", "5/4", "1/0", "x/2", "2", "1/2/3", "-1/2"}) {
    INFO(bad);
    CHECK_FALSE(drsim::parse_shard(bad, error));
  }
  for (int n : {1, 3, 4, 7}) {
    for (int i = 0; i < 50; ++i) {
      int owners = 0;
      for (int k = 1; k <= n; ++k) owners += drsim::in_shard(i, k, n) ? 1 : 0;
      CHECK(owners == 1);
    }
  }
}

TEST_CASE("a sweep file gives the same spec as the command line and reports bad parts", "[sweep]") {
  json doc = {{"sweep_version", 1},
              {"scenario", "s.json"},
              {"vary", {"/dr_site/tape/drives=4,6", {{"pointer", "/m"}, {"values", {"8GB"}}}}},
              {"options",
               {{{"name", "a"}, {"patch", json::object()}}, {{"name", "b"}, {"file", "b.json"}}}},
              {"seed", 3}};
  CHECK(drsim::is_sweep_file(doc));
  CHECK_FALSE(drsim::is_sweep_file(base()));
  drsim::Diagnostics d("sweep.json");
  auto f = drsim::parse_sweep_file(doc, d);
  INFO((d.empty() ? "" : d.errors().front().to_string()));
  REQUIRE(d.empty());
  CHECK(f.scenario == "s.json");
  CHECK(f.axes.size() == 2);
  CHECK(f.axes[1].values == std::vector<json>{"8GB"});
  CHECK(f.options.size() == 2);
  CHECK(f.options[1].file == std::optional<std::string>("b.json"));
  CHECK(f.seed == std::optional<unsigned long long>(3));

  json bad = {
      {"sweep_version", 2}, {"vary", {"drives"}}, {"options", {{{"name", "x y"}}}}, {"extra", 1}};
  drsim::Diagnostics d2("sweep.json");
  drsim::parse_sweep_file(bad, d2);
  std::set<std::string> pointers;
  for (const auto& e : d2.errors()) pointers.insert(e.pointer);
  for (const char* p : {"/sweep_version", "/scenario", "/vary/0", "/options/0", "/extra"}) {
    INFO(p);
    CHECK(pointers.count(p) == 1);
  }
}

TEST_CASE("the shipped option-2 patch turns year 3 into exactly the year-2 scenario", "[sweep]") {
  std::string dir = std::string(DRSIM_SCENARIOS);
  json y3 = read(dir + "/insurance-2009-year3.json");
  json y2 = read(dir + "/insurance-2008-year2.json");
  json sweep = read(dir + "/sweeps/option1-vs-option2.json");
  json patch = read(dir + "/sweeps/option2-vendor-vm.json");
  y3.merge_patch(patch);
  CHECK(y3 == y2);
  CHECK(drsim::is_sweep_file(sweep));
}
