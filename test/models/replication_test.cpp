// models/uncertainty, models/replication and models/distribution: parsing the spreads,
// drawing a replication, and the distribution section.
// GCC 12 gives a false -Warray-bounds inside nlohmann (JSON_DIAGNOSTICS=1) for JSON built here.
#pragma GCC diagnostic ignored "-Warray-bounds"
#include "models/replication.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <string>

#include "models/config_check.hpp"
#include "models/distribution.hpp"
#include "models/scenario_io.hpp"

using namespace drsim;

namespace {

std::string shipped(const char* stem) {
  return std::string(DRSIM_SCENARIOS) + "/" + stem + ".json";
}

Scenario load(const char* stem, const std::vector<std::string>& sets = {}) {
  LoadResult lr = load_scenario(shipped(stem), sets);
  INFO((lr.errors.empty() ? std::string() : lr.errors.front().to_string()));
  REQUIRE(lr.status == LoadStatus::Ok);
  return lr.scenario;
}

/// A shipped scenario with "parameters" set to `params` (JSON text).
LoadResult load_with_params(const char* stem, const std::string& params) {
  std::ifstream f(shipped(stem));
  nlohmann::json doc = nlohmann::json::parse(f);
  doc["parameters"] = nlohmann::json::parse(params);
  return load_scenario_text(doc.dump(), shipped(stem));
}

int count_kind(const ReplicationDraw& d, const std::string& kind) {
  int n = 0;
  for (const auto& i : d.incidents) n += i.kind == kind ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("uncertainty 'none' draws the nominal scenario and no incident", "[replication]") {
  Scenario sc = load("insurance-2007-year1");
  sc.params.uncertainty.enabled = false;
  for (std::uint64_t i = 0; i < 20; ++i) {
    ReplicationDraw d = draw_replication(sc, 1, i);
    CHECK(d.incidents.empty());
    CHECK(d.scenario.production.systems[0].ipl_s == sc.production.systems[0].ipl_s);
    CHECK(d.scenario.params.tape.manual_mount_s == sc.params.tape.manual_mount_s);
    CHECK(d.scenario.dr_site.tape.drives == sc.dr_site.tape.drives);
  }
}

TEST_CASE("a replication's draw depends on (seed, index) only", "[replication]") {
  Scenario sc = load("insurance-2009-year3");
  ReplicationDraw a = draw_replication(sc, 7, 42);
  draw_replication(sc, 7, 41);
  ReplicationDraw b = draw_replication(sc, 7, 42);
  ReplicationDraw c = draw_replication(sc, 8, 42);
  CHECK(a.seed == b.seed);
  CHECK(*a.scenario.production.systems[0].ipl_s == *b.scenario.production.systems[0].ipl_s);
  CHECK(*a.scenario.production.systems[0].ipl_s != *c.scenario.production.systems[0].ipl_s);
}

TEST_CASE("a draw made on a moved-in scenario equals the draw on a copy", "[replication]") {
  // a Monte Carlo child draws on its own copy of the nominal scenario, moved in
  Scenario sc = load("insurance-2007-year1");
  for (std::uint64_t i = 0; i < 20; ++i) {
    ReplicationDraw a = draw_replication(sc, 3, i);
    ReplicationDraw b = draw_replication(Scenario(sc), 3, i);
    CHECK(a.seed == b.seed);
    CHECK(a.incidents.size() == b.incidents.size());
    CHECK(a.drive_outages.size() == b.drive_outages.size());
    CHECK(a.ipl_failures.size() == b.ipl_failures.size());
    CHECK(*a.scenario.production.systems[0].ipl_s == *b.scenario.production.systems[0].ipl_s);
    CHECK(a.scenario.params.tape.manual_mount_s == b.scenario.params.tape.manual_mount_s);
    CHECK(a.scenario.dr_site.tape.drives == b.scenario.dr_site.tape.drives);
    CHECK(a.scenario.production.guests.size() == b.scenario.production.guests.size());
  }
}

TEST_CASE("an incident of probability 1 always happens, of probability 0 never", "[replication]") {
  Scenario sc = load("insurance-2009-year3");
  auto& u = sc.params.uncertainty;
  u.ipl_failure_p = 1, u.cartridge_unreadable_p = 0, u.drive_failure_p = 0;
  int zos = 0;
  for (const auto& s : sc.production.systems) zos += s.kind == SystemKind::Zos ? 1 : 0;
  for (std::uint64_t i = 0; i < 50; ++i) {
    ReplicationDraw d = draw_replication(sc, 3, i);
    CHECK(count_kind(d, "ipl-failure") == zos);
    CHECK(count_kind(d, "cartridge-unreadable") == 0);
    CHECK(count_kind(d, "drive-failure") == 0);
  }
  u.ipl_failure_p = 0, u.cartridge_unreadable_p = 1, u.reread_fails_p = 1;
  ReplicationDraw d = draw_replication(sc, 3, 0);
  int volumes = 0, drawn = 0;
  for (const auto& g : sc.backups.volumes) volumes += g.count;
  for (const auto& g : d.scenario.backups.volumes) drawn += g.count;
  CHECK(count_kind(d, "ipl-failure") == 0);
  CHECK(count_kind(d, "cartridge-unreadable") == volumes);
  CHECK(drawn == 3 * volumes);  // each: the read, the re-read, the previous week's backup
}

TEST_CASE("a risk of probability 1 removes the DR definition it names", "[replication]") {
  Scenario sc = load("insurance-2009-year3");
  REQUIRE_FALSE(sc.dr_site.networks.hipersockets.empty());
  const std::string name = sc.dr_site.networks.hipersockets[0].name;
  sc.risks.push_back({"forgot-hs", 1.0, name, "/risks/0"});
  ReplicationDraw d = draw_replication(sc, 1, 0);
  REQUIRE(count_kind(d, "forgotten-definition") == 1);
  for (const auto& h : d.scenario.dr_site.networks.hipersockets) CHECK(h.name != name);
  sc.risks[0].probability = 0;
  CHECK(count_kind(draw_replication(sc, 1, 0), "forgotten-definition") == 0);
}

TEST_CASE("only a forgotten definition changes a drawn scenario's static findings",
          "[replication]") {
  // Monte Carlo children reuse the nominal scenario's static findings unless their draw
  // forgot a DR definition (app/replicate.cpp): no other draw may change a static check.
  auto same = [](const std::vector<Finding>& a, const std::vector<Finding>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (a[i].code != b[i].code || a[i].severity != b[i].severity ||
          a[i].subject != b[i].subject || a[i].message != b[i].message ||
          a[i].production != b[i].production || a[i].dr != b[i].dr ||
          a[i].consequence != b[i].consequence || a[i].remedy != b[i].remedy ||
          a[i].pointer != b[i].pointer || a[i].blocks != b[i].blocks || a[i].t_s != b[i].t_s)
        return false;
    return true;
  };
  for (const char* stem : {"insurance-2006-pre-linux", "insurance-2007-year1",
                           "insurance-2008-year2", "insurance-2009-year3"}) {
    Scenario sc = load(stem);
    const std::vector<Finding> nominal = static_findings(sc);
    for (std::uint64_t i = 0; i < 40; ++i) {
      ReplicationDraw d = draw_replication(sc, 11, i);
      REQUIRE(count_kind(d, kForgottenDefinition) == 0);
      INFO(stem << " replication " << i);
      CHECK(same(static_findings(d.scenario), nominal));
    }
  }
  Scenario sc = load("insurance-2009-year3");  // a forgotten Hipersocket: a network finding
  sc.risks.push_back({"forgot-hs", 1.0, sc.dr_site.networks.hipersockets[0].name, "/risks/0"});
  ReplicationDraw d = draw_replication(sc, 1, 0);
  REQUIRE(count_kind(d, kForgottenDefinition) == 1);
  CHECK_FALSE(same(static_findings(d.scenario), static_findings(sc)));
}

TEST_CASE("parameters.uncertainty and risks are read and checked", "[replication][scenario]") {
  Scenario sc = load("insurance-2009-year3", {});
  CHECK(sc.params.uncertainty.enabled);
  const std::string text = R"({"uncertainty": {"zos_ipl": {"dist": "lognormal", "cv": 0.9},
                               "locate": {"dist": "uniform", "low": 0.5, "high": 1.5},
                               "linux_boot": "fixed", "ipl_failure_p": 0.5, "ipl_fix_max": "1h"}})";
  LoadResult lr = load_with_params("insurance-2009-year3", text);
  REQUIRE(lr.status == LoadStatus::Ok);
  const auto& u = lr.scenario.params.uncertainty;
  CHECK(u.zos_ipl.kind == SpreadKind::Lognormal);
  CHECK(u.zos_ipl.sigma == Approx(std::sqrt(std::log(1 + 0.81))));
  CHECK(u.locate.low == 0.5);
  CHECK(u.linux_boot.kind == SpreadKind::Fixed);
  CHECK(u.ipl_failure_p == 0.5);
  CHECK(u.ipl_fix_max_s == 3600);
  LoadResult none = load_with_params("insurance-2009-year3", R"({"uncertainty": "none"})");
  REQUIRE(none.status == LoadStatus::Ok);
  CHECK_FALSE(none.scenario.params.uncertainty.enabled);
  LoadResult bad =
      load_with_params("insurance-2009-year3",
                       R"({"uncertainty": {"zos_ipl": {"dist": "weibull"}, "ipl_failure_p": 2}})");
  CHECK(bad.status == LoadStatus::Invalid);
  std::string all;
  for (const auto& e : bad.errors) all += e.to_string() + "\n";
  CHECK_THAT(all, Catch::Contains("/parameters/uncertainty/zos_ipl/dist"));
  CHECK_THAT(all, Catch::Contains("/parameters/uncertainty/ipl_failure_p"));
}

TEST_CASE("percentile, Wilson interval and run picks", "[distribution]") {
  std::vector<double> v{5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
  CHECK(percentile(v, 0.1) == 1);
  CHECK(percentile(v, 0.5) == 5);
  CHECK(percentile(v, 0.9) == 9);
  CHECK(percentile({1, 2, kNever}, 1.0) == kNever);
  auto [lo, hi] = wilson95(830, 1000);
  CHECK(lo == Approx(0.8056).margin(0.001));
  CHECK(hi == Approx(0.8519).margin(0.001));
  auto [l0, h0] = wilson95(0, 20);
  CHECK(l0 == 0);
  CHECK(h0 == Approx(0.161).margin(0.001));
  std::vector<RunSummary> runs(5);
  double crit[] = {300, 100, kNever, 200, 500};
  for (std::uint64_t i = 0; i < 5; ++i) runs[i].index = i, runs[i].critical_up_s = crit[i];
  RunPicks p = pick_runs(runs);
  CHECK(runs[p.median].index == 0);  // 100 200 [300] 500 never
  CHECK(runs[p.worst].index == 2);
  CHECK(runs[p.p90].index == 2);
}

TEST_CASE("summaries survive the pipe encoding exactly; a cut one is refused", "[distribution]") {
  RunSummary s;
  s.index = 17, s.seed = 0xdeadbeefcafeULL, s.critical_up_s = 12345.678901234, s.rto_met = true;
  s.system_up_s = {1.5, kNever, 3.25};
  s.milestones = {{"first-zos-up", 99.125}};
  s.incidents = {{"ipl-failure", "ZOSP1"}};
  std::string bytes = encode_summary(s);
  RunSummary t;
  REQUIRE(decode_summary(bytes, t));
  CHECK(t.index == 17);
  CHECK(t.seed == s.seed);
  CHECK(t.critical_up_s == s.critical_up_s);
  CHECK(std::isinf(t.all_up_s));
  CHECK(t.system_up_s == s.system_up_s);
  CHECK(t.milestones == s.milestones);
  CHECK(t.incidents == s.incidents);
  CHECK_FALSE(decode_summary(bytes.substr(0, bytes.size() - 1), t));
  CHECK_FALSE(decode_summary(bytes + "x", t));
}

TEST_CASE("the distribution section: shares never up, RTO probability, incidents",
          "[distribution]") {
  std::vector<RunSummary> runs(10);
  for (std::uint64_t i = 0; i < 10; ++i) {
    runs[i].index = i;
    runs[i].critical_up_s = i < 8 ? 3600.0 * (i + 1) : kNever;
    runs[i].rto_met = i < 8;
    runs[i].system_up_s = {100.0 * i, i % 2 ? kNever : 50.0};
    if (i == 3) runs[i].incidents = {{"ipl-failure", "Z1"}, {"ipl-failure", "Z1"}};
  }
  DistributionInput in{{"A", "B"}, {true, false}, 7, true};
  nlohmann::json d = distribution_json(runs, in);
  CHECK(d["replications"] == 10);
  CHECK(d["rto"]["met"] == 8);
  CHECK(d["rto"]["probability"] == 0.8);
  CHECK(d["critical_up_s"]["p50"] == 5 * 3600.0);
  CHECK(d["critical_up_s"]["p90"].is_null());
  CHECK(d["critical_up_s"]["never_share"] == 0.2);
  CHECK(d["systems"][1]["never_share"] == 0.5);
  CHECK(d["systems"][0]["p90"] == 800.0);
  CHECK(d["incidents"][0]["replications"] == 1);
  CHECK(d["incidents"][0]["count"] == 2);
  CHECK(d["runs"]["median"] == 4);
  int binned = 0;
  for (const auto& c : d["critical_up_s"]["histogram"]["counts"]) binned += c.get<int>();
  CHECK(binned == 8);
}
