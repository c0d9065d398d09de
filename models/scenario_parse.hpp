#pragma once
/// \file scenario_parse.hpp
/// JSON -> Scenario (the first half of loading) and the semantic checks (the second half).
/// Both record problems in a Diagnostics and never throw on bad input.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <utility>
#include <vector>

#include "models/json_reader.hpp"
#include "models/scenario.hpp"

namespace drsim {

/// Reads the whole document: types, ranges, units, enums, unknown keys. Entities keep their
/// JSON Pointer. Cross-references are not checked here (see validate_scenario).
Scenario parse_scenario(const nlohmann::json& doc, Diagnostics& diags);

/// Cross-reference checks on a parsed scenario: unknown names (listing the valid ones),
/// duplicate names, dependency cycles, orderings (end after start, working set <= virtual).
void validate_scenario(const Scenario& s, Diagnostics& diags);

/// Value tables of the enums: what the parser accepts, and each to_string's one spelling.
template <typename E>
using ChoiceTable = std::vector<std::pair<const char*, E>>;
const ChoiceTable<SystemKind>& system_kind_table();
const ChoiceTable<GuestKind>& guest_kind_table();
const ChoiceTable<Tier>& tier_table();
const ChoiceTable<Performer>& performer_table();
const ChoiceTable<GuestRole>& guest_role_table();
const ChoiceTable<PlacementMode>& placement_mode_table();
const ChoiceTable<StepAction>& step_action_table();
const ChoiceTable<ConditionKind>& condition_kind_table();
const ChoiceTable<ActionKind>& action_kind_table();

// Parser parts, one per section of the format.
void parse_production(const nlohmann::json& v, const std::string& ptr, Diagnostics& d,
                      ProductionSpec& out);
void parse_networks(const nlohmann::json& v, const std::string& ptr, Diagnostics& d,
                    bool production, NetworkSpec& out);
void parse_dr_site(const nlohmann::json& v, const std::string& ptr, Diagnostics& d,
                   DrSiteSpec& out);
void parse_backups(const nlohmann::json& v, const std::string& ptr, Diagnostics& d,
                   BackupSpec& out);
void parse_plan(const nlohmann::json& v, const std::string& ptr, Diagnostics& d, PlanSpec& out);
void parse_reactions(const nlohmann::json& v, const std::string& ptr, Diagnostics& d,
                     std::vector<ReactionSpec>& out);
void parse_contract(const nlohmann::json& v, const std::string& ptr, Diagnostics& d,
                    ContractSpec& out);
void parse_params(const nlohmann::json& v, const std::string& ptr, Diagnostics& d,
                  ModelParams& out);
/// parameters.uncertainty: "none" or an object of spreads and incident probabilities.
void parse_uncertainty(const nlohmann::json& v, const std::string& ptr, Diagnostics& d,
                       UncertaintyParams& out);
/// risks: [{"id", "probability", "forget"}]; `forget` must name a DR network definition.
void parse_risks(const nlohmann::json& v, const std::string& ptr, Diagnostics& d, Scenario& s);
void parse_machine(const nlohmann::json& v, const std::string& ptr, Diagnostics& d,
                   MachineSpec& out);

}  // namespace drsim
