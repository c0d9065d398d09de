#pragma once
/// \file schema.hpp
/// The scenario JSON Schema (draft-07): scenarios/drsim-scenario.schema.json, embedded in the
/// binary at build time, and validation of a document against it with valijson.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "models/scenario_io.hpp"

namespace drsim {

/// The scenario format's version: the only value "schema_version" accepts.
inline constexpr int kScenarioSchemaVersion = 1;

/// The schema text exactly as shipped.
const char* scenario_schema_text();

/// Turns valijson's context (`<root>`, `[dr_site]`, `[tape]`) into a JSON Pointer
/// (`/dr_site/tape`).
std::string context_to_pointer(const std::vector<std::string>& context);

/// Checks doc against the schema; one error per failing value (wrapper errors of enclosing
/// objects are dropped).
std::vector<ScenarioError> check_against_schema(const nlohmann::json& doc, const std::string& file);

}  // namespace drsim
