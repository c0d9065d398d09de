// Monte Carlo children share the hosts their parent created once (simulator/engine.hpp
// prepare_engine): no draw may change what the hosts are made from (sim::PlatformSpec), not
// even every incident at once (failed drives and IPLs, unreadable cartridges, every DR network
// definition forgotten).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "engine_helpers.hpp"
#include "models/replication.hpp"
#include "models/topology.hpp"
#include "simulator/platform.hpp"

using drsim::test::scenario_doc;
using drsim::test::shipped;

namespace {

drsim::sim::PlatformSpec spec_of(const drsim::Scenario& sc) {
  return drsim::sim::platform_spec(sc, drsim::resolve_topology(sc));
}

/// The scenario with every incident likely and a risk of forgetting each network definition.
nlohmann::json every_incident(nlohmann::json doc) {
  doc["parameters"]["uncertainty"] = {{"ipl_failure_p", 1},
                                      {"drive_failure_p", 1},
                                      {"cartridge_unreadable_p", 0.5},
                                      {"reread_fails_p", 0.5}};
  doc["risks"] = nlohmann::json::array();
  for (const char* kind : {"hipersockets", "osas", "vswitches"})
    for (const auto& n : doc["dr_site"]["networks"][kind])
      doc["risks"].push_back({{"id", "forget-" + n["name"].get<std::string>()},
                              {"probability", 1},
                              {"forget", n["name"]}});
  return doc;
}

}  // namespace

TEST_CASE("platform spec: no Monte Carlo draw changes a DR site's hosts", "[engine]") {
  for (const std::string name : {"insurance-2006-pre-linux", "insurance-2007-year1",
                                 "insurance-2008-year2", "insurance-2009-year3"}) {
    const nlohmann::json doc = scenario_doc(shipped(name));
    for (const bool incidents : {false, true}) {
      const std::string text = (incidents ? every_incident(doc) : doc).dump();
      drsim::LoadResult lr = drsim::load_scenario_text(text, name + ".json");
      drsim::test::require_loaded(lr);
      const drsim::sim::PlatformSpec nominal = spec_of(lr.scenario);
      CHECK_FALSE(nominal.lpars.empty());
      size_t happened = 0;
      for (std::uint64_t i = 0; i < 40; ++i) {
        drsim::ReplicationDraw d = drsim::draw_replication(lr.scenario, 7, i);
        happened += d.incidents.size();
        INFO(name << (incidents ? " with every incident" : "") << ", replication " << i);
        CHECK(spec_of(d.scenario) == nominal);
      }
      if (incidents) CHECK(happened >= 40);  // the incidents did happen
    }
  }
}
