// drsim import on the story's site (test/data/import/story): the imported production section
// is the shipped year-3 scenario's in everything the files know; check finds the missing
// Hipersocket of a DR IOCP without CHPID F0; the output is the same bytes twice; the CSV wins.

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "models/config_check.hpp"
#include "models/import.hpp"
#include "models/scenario_io.hpp"

using namespace drsim;
using namespace drsim::import;
using nlohmann::json;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  REQUIRE(f.good());
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

SourceText story(const std::string& name) {
  return {name, slurp(std::string(DRSIM_TEST_DATA) + "/import/story/" + name)};
}

ImportInputs story_inputs(const char* dr_iocp = "dr.iocp", bool dr_config = true) {
  ImportInputs in;
  in.directory = story("user.direct");
  in.system_config = story("system.config");
  in.iocp = story("prod.iocp");
  in.autolog = story("autolog1.exec");
  in.tiers = story("tiers.csv");
  if (dr_iocp != nullptr) in.dr_iocp = story(dr_iocp);
  if (dr_config) in.dr_system_config = story("dr.system.config");
  return in;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t k = s.find(from); k != std::string::npos; k = s.find(from, k + to.size()))
    s.replace(k, from.size(), to);
  return s;
}

/// Year 3 with the names the import derives from the files (HSF0: CHPID F0; OSA2100: RDEV).
json year3() {
  std::string t = slurp(std::string(DRSIM_SCENARIOS) + "/insurance-2009-year3.json");
  return json::parse(replace_all(replace_all(t, "HSZOS", "HSF0"), "OSAVM", "OSA2100"));
}

/// The import with z/VM's binary sizes written as the shipped scenarios write them ("1GiB" is
/// what z/VM's 1G means; year 3 wrote "1GB").
json imported(const ImportResult& r) {
  return json::parse(replace_all(replace_all(r.json, "GiB\"", "GB\""), "MiB\"", "MB\""));
}

/// (guest, stagger) in the order the plan's XAUTOLOG steps log them on ("*" expanded).
std::vector<std::pair<std::string, std::string>> xautolog_order(const json& doc) {
  std::vector<std::pair<std::string, std::string>> out;
  auto named = [&](const std::string& g) {
    return std::any_of(out.begin(), out.end(), [&](const auto& x) { return x.first == g; });
  };
  for (const auto& st : doc["plan"]["steps"]) {
    if (st["action"] != "xautolog") continue;
    std::string stagger = st.value("stagger", "");
    for (const auto& g : st["guests"]) {
      if (g == "*") {
        for (const auto& x : doc["production"]["guests"])
          if (!named(x["name"].get<std::string>()))
            out.push_back({x["name"].get<std::string>(), stagger});
      } else {
        out.push_back({g.get<std::string>(), stagger});
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("import of the story's files validates and matches year 3's production", "[import]") {
  ImportResult r = import_scenario(story_inputs());
  REQUIRE_FALSE(r.messages.has_errors());
  LoadResult load = load_scenario_text(r.json, "imported.json");
  for (const auto& e : load.errors) INFO(e.to_string());
  REQUIRE(load.status == LoadStatus::Ok);

  json y3 = year3(), im = imported(r);
  CHECK(im["production"]["machine"] == y3["production"]["machine"]);
  CHECK(im["production"]["systems"] == y3["production"]["systems"]);
  REQUIRE(im["production"]["guests"].size() == y3["production"]["guests"].size());
  for (size_t i = 0; i < y3["production"]["guests"].size(); ++i) {
    INFO("guest " << y3["production"]["guests"][i]["name"]);
    CHECK(im["production"]["guests"][i] == y3["production"]["guests"][i]);
  }
  CHECK(im["production"]["networks"] == y3["production"]["networks"]);
  CHECK(im["dr_site"]["networks"] == y3["dr_site"]["networks"]);
  CHECK(xautolog_order(im) == xautolog_order(y3));
  for (const char* id :
       {"restore-zos", "restore-vm", "ipl-zos", "ipl-vm", "change-addresses", "reipl-vm"}) {
    auto find = [&](const json& d) {
      for (const auto& s : d["plan"]["steps"])
        if (s["id"] == id) return s;
      return json();
    };
    INFO("step " << id);
    CHECK(find(im) == find(y3));
  }
}

TEST_CASE("import says in the description what the files cannot know", "[import]") {
  ImportInputs in = story_inputs(nullptr, false);
  in.tiers.reset();
  ImportResult r = import_scenario(in);
  REQUIRE(load_scenario_text(r.json, "x.json").status == LoadStatus::Ok);
  json doc = json::parse(r.json);
  std::string d = doc["description"].get<std::string>();
  CHECK(d.find("copy of production") != std::string::npos);
  CHECK(d.find("To review") != std::string::npos);
  CHECK(d.find("tier, criticality, working set") != std::string::npos);
  CHECK(d.find("VMPROD's memory") != std::string::npos);
  CHECK(d.find("tape catalogue") != std::string::npos);
  // The DR side is production's: same Hipersocket and OSA device numbers, so no reconfigure.
  CHECK(doc["dr_site"]["networks"]["hipersockets"][0]["devices"] == "7000");
  CHECK(doc["dr_site"]["networks"]["osas"][0]["devices"] == "2100");
  for (const auto& s : doc["plan"]["steps"]) CHECK(s["action"] != "reconfigure");
}

TEST_CASE("check on an import whose DR IOCP lacks CHPID F0 finds missing-hipersockets",
          "[import]") {
  ImportResult r = import_scenario(story_inputs("dr-no-f0.iocp"));
  LoadResult load = load_scenario_text(r.json, "imported.json");
  REQUIRE(load.status == LoadStatus::Ok);
  auto findings = static_findings(load.scenario);
  auto f = std::find_if(findings.begin(), findings.end(),
                        [](const Finding& x) { return x.code == "missing-hipersockets"; });
  REQUIRE(f != findings.end());
  CHECK(f->subject == "HSF0");
  CHECK(f->message.find("CHPID F0") != std::string::npos);
  CHECK(f->production.find("devices 7000") != std::string::npos);
  CHECK(f->message.find("HSROUTER") != std::string::npos);  // the guest that dedicates them
  bool warned = false;
  for (const auto& m : r.messages.items())
    warned = warned || (m.kind == MessageKind::Warning && m.pos.file == "dr-no-f0.iocp" &&
                        m.text.find("no IQD CHPID F0") != std::string::npos && m.other &&
                        m.other->file == "prod.iocp" && m.other->line > 0);
  CHECK(warned);

  ImportResult ok = import_scenario(story_inputs("dr.iocp"));
  auto fine = static_findings(load_scenario_text(ok.json, "x.json").scenario);
  CHECK(std::none_of(fine.begin(), fine.end(),
                     [](const Finding& x) { return x.code == "missing-hipersockets"; }));
}

TEST_CASE("import is idempotent and the tiers CSV's values win on re-import", "[import]") {
  ImportResult a = import_scenario(story_inputs()), b = import_scenario(story_inputs());
  CHECK(a.json == b.json);
  ImportInputs edited = story_inputs();
  edited.tiers->text = replace_all(edited.tiers->text, "LNXQ01,,qa,false", "LNXQ01,,dev,true");
  json doc = json::parse(import_scenario(edited).json);
  CHECK(doc["production"]["guests"][12]["name"] == "LNXQ01");
  CHECK(doc["production"]["guests"][12]["tier"] == "dev");
  CHECK(doc["production"]["guests"][12]["critical"] == true);
}

TEST_CASE("every statement of the story's files lands or is reported", "[import]") {
  ImportResult r = import_scenario(story_inputs());
  auto reported = [&](const std::string& file, int line) {
    for (const auto& m : r.messages.items())
      if (m.pos.file == file && m.pos.line == line) return true;
    return false;
  };
  // Statements that land nowhere, one of each kind.
  CHECK(reported("user.direct", 9));     // MACHINE ESA 2 in PROFILE LINDFLT
  CHECK(reported("system.config", 12));  // CP_Owned Slot 1 VMRES
  CHECK(reported("autolog1.exec", 3));   // CP SET PF12 RETRIEVE
  CHECK(reported("prod.iocp", 8));       // CHPID 40 TYPE=FC
  for (const auto& m : r.messages.items()) CHECK(m.kind != MessageKind::Error);
}
