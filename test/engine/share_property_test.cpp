// Issue 11, defect 6: with the production guests at a higher z/VM SHARE than the others
// (RELATIVE 200 against RELATIVE 50, DOMAIN-ROUND2 B "linux_prod_share" / "linux_test_share"),
// giving the DR site more of one resource at a time (tape drives, faster drives, memory, Xstor,
// paging volumes, CPs, an LPAR of its own instead of VM under VM) never makes a critical
// production guest come up later, and no finding gets worse.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine_helpers.hpp"

using drsim::test::opt_number;
using drsim::test::run_file;
using drsim::test::shipped;

namespace {

/// The shipped scenario with production guests at RELATIVE 200 and the others at RELATIVE 50.
nlohmann::json with_shares(const std::string& name) {
  nlohmann::json doc = drsim::test::scenario_doc(shipped(name));
  for (auto& g : doc["production"]["guests"])
    g["share"] = g.value("tier", "production") == "production" ? "REL 200" : "REL 50";
  return doc;
}

struct Variant {
  const char* what;
  std::vector<std::string> sets;
};

std::vector<Variant> variants(const std::string& name) {
  if (name == "insurance-2007-year1")
    return {{"8 drives", {"/dr_site/tape/drives=8"}},
            {"faster drives", {"/dr_site/tape/drive_type=\"TS1130\""}},
            {"8GB for VMPROD", {"/dr_site/placements/2/memory=\"8GB\""}},
            {"2GB Xstor", {"/dr_site/placements/2/xstor=\"2GB\""}},
            {"16 paging volumes", {"/dr_site/placements/2/paging_volumes=16"}},
            {"3 CPs", {"/dr_site/lpars/0/cps=3", "/dr_site/placements/2/virtual_cpus=3"}},
            {"own LPAR",
             {R"(/dr_site/lpars=[{"name":"VNDVM","owner":"vendor","os":"zvm","cps":2,)"
              R"("dedicated":false,"weight":200,"memory":"40GB","paging_volumes":16},)"
              R"({"name":"VNDZOS","owner":"vendor","os":"zos","cps":12,"dedicated":false,)"
              R"("weight":800,"busy_cps":10},{"name":"DRVM","owner":"customer","cps":2,)"
              R"("dedicated":true,"memory":"3.5GB","paging_volumes":8}])",
              R"(/dr_site/placements/2={"system":"VMPROD","mode":"lpar","lpar":"DRVM"})"}}};
  if (name == "insurance-2008-year2")
    return {{"8 drives", {"/dr_site/tape/drives=8"}},
            {"faster drives", {"/dr_site/tape/drive_type=\"TS1130\""}},
            {"more memory", {"/dr_site/lpars/2/memory=\"24GB\""}},
            {"32 paging volumes", {"/dr_site/lpars/2/paging_volumes=32"}},
            {"3 CPs", {"/dr_site/lpars/2/cps=3"}}};
  if (name == "insurance-2006-pre-linux")
    return {{"8 drives", {"/dr_site/tape/drives=8"}},
            {"faster drives", {"/dr_site/tape/drive_type=\"TS1130\""}}};
  return {{"8 drives", {"/dr_site/tape/drives=8"}},
          {"faster drives", {"/dr_site/tape/drive_type=\"TS1130\""}},
          {"more memory", {"/dr_site/lpars/2/memory=\"16GB\""}},
          {"more Xstor", {"/dr_site/lpars/2/xstor=\"4GB\""}},
          {"16 paging volumes", {"/dr_site/lpars/2/paging_volumes=16"}},
          {"4 CPs", {"/dr_site/lpars/2/cps=4"}}};
}

int rank(const std::string& severity) {
  return severity == "error" ? 2 : severity == "warning" ? 1 : 0;
}

/// Worst severity per (code, subject).
std::map<std::string, int> findings(const nlohmann::json& r) {
  std::map<std::string, int> out;
  for (const auto& f : r.at("findings")) {
    std::string key = f.at("code").get<std::string>() + " " + f.at("subject").get<std::string>();
    out[key] = std::max(out[key], rank(f.at("severity").get<std::string>()));
  }
  return out;
}

void check_property(const std::string& name) {
  nlohmann::json doc = with_shares(name);
  nlohmann::json base = drsim::test::run_doc(doc);
  auto base_findings = findings(base);
  for (const Variant& v : variants(name)) {
    INFO(name << " + " << v.what);
    nlohmann::json more = drsim::test::run_doc(doc, v.sets);
    for (const auto& s : base.at("systems")) {
      if (s.at("tier") != "production" || !s.at("critical").get<bool>()) continue;
      if (s.at("kind") != "linux" && s.at("kind") != "cms") continue;
      auto before = opt_number(s.at("up_s"));
      if (!before) continue;
      const auto& after_sys = drsim::test::system_of(more, s.at("name").get<std::string>());
      auto after = opt_number(after_sys.at("up_s"));
      INFO(s.at("name").get<std::string>());
      REQUIRE(after.has_value());
      CHECK(*after <= *before + 1e-6);
    }
    for (const auto& [key, sev] : findings(more)) {
      INFO(key);
      auto it = base_findings.find(key);
      CHECK(sev <= (it == base_findings.end() ? 0 : it->second));
    }
  }
}

}  // namespace

TEST_CASE("SHARE property: year 1, one more resource at a time", "[engine][share]") {
  check_property("insurance-2007-year1");
}

TEST_CASE("SHARE property: year 2, one more resource at a time", "[engine][share]") {
  check_property("insurance-2008-year2");
}

TEST_CASE("SHARE property: year 3, one more resource at a time", "[engine][share]") {
  check_property("insurance-2009-year3");
}

TEST_CASE("SHARE property: the pre-Linux test, more and faster drives", "[engine][share]") {
  check_property("insurance-2006-pre-linux");
}
