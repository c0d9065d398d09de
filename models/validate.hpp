#pragma once
/// \file validate.hpp
/// The names of a scenario, indexed once for the semantic checks (validate*.cpp).

#include <map>
#include <string>
#include <vector>

#include "models/scenario.hpp"
#include "models/validate_util.hpp"

namespace drsim {

struct ScenarioNames {
  NameIndex systems, guests, lpars, hipersockets, osas, vswitches, steps, reactions;
  std::vector<std::string> zos, zvm, routers, customer_lpars, vendor_zvm_lpars, networks;
  std::map<std::string, std::vector<std::string>> guests_of_vm;
};

/// Indexes every name, reporting duplicates (a guest may not share a system's name).
ScenarioNames index_names(const Scenario& s, Diagnostics& d);

/// Plan steps: references, xautolog guests, dependency cycles.
void validate_plan(const Scenario& s, const ScenarioNames& n, Diagnostics& d);

/// Reactions: subjects and targets by kind, after_reaction references and cycles.
void validate_reactions(const Scenario& s, const ScenarioNames& n, Diagnostics& d);

}  // namespace drsim
