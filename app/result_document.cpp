#include "app/result_document.hpp"

#include <nlohmann/json.hpp>

#include "models/contract.hpp"

namespace drsim {

void add_cost(nlohmann::json& doc, const Scenario& scenario) {
  if (auto cost = exercise_cost(scenario)) doc["cost"] = cost_json(*cost);
}

}  // namespace drsim
