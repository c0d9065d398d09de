// One spelling per word: scenario enums print what the parser reads, and the phase and status
// names of a result row are distinct.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "models/lane_vocabulary.hpp"
#include "models/scenario_parse.hpp"

namespace {

template <typename E>
void check_round_trip(const drsim::ChoiceTable<E>& table) {
  for (const auto& [name, value] : table) CHECK(std::string(drsim::to_string(value)) == name);
}

}  // namespace

TEST_CASE("each scenario enum prints the name its parser reads", "[vocabulary]") {
  check_round_trip(drsim::system_kind_table());
  check_round_trip(drsim::guest_kind_table());
  check_round_trip(drsim::tier_table());
  check_round_trip(drsim::guest_role_table());
  check_round_trip(drsim::placement_mode_table());
  check_round_trip(drsim::step_action_table());
  check_round_trip(drsim::condition_kind_table());
  check_round_trip(drsim::action_kind_table());
}

TEST_CASE("phase and status names are distinct and printed from their tables", "[vocabulary]") {
  std::set<std::string_view> phases, statuses;
  for (const auto& [phase, name] : drsim::kPhaseNames) {
    CHECK(drsim::to_string(phase) == name);
    CHECK(phases.insert(name).second);
  }
  for (const auto& [status, name] : drsim::kStatusNames) {
    CHECK(drsim::to_string(status) == name);
    CHECK(statuses.insert(name).second);
  }
  CHECK(phases.size() == 12);
  CHECK(statuses.size() == 5);
}
