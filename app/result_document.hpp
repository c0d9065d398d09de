#pragma once
/// \file result_document.hpp
/// What the models add to a result.json document once the engine has made it: the contract's
/// `cost`. `drsim run` and every point of `drsim sweep` call it where they assemble the document.

#include <nlohmann/json_fwd.hpp>

#include "models/scenario.hpp"

namespace drsim {

/// Adds "cost" when the scenario has a contract (docs/contract.md); leaves doc alone without.
void add_cost(nlohmann::json& doc, const Scenario& scenario);

}  // namespace drsim
