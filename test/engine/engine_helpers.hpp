#pragma once
/// \file engine_helpers.hpp
/// Shared helpers of the engine tests: load a scenario (text or file, with `--set`
/// overrides), simulate it in a forked child (SimGrid runs once per process), and read
/// the result.json document back. Also the small base scenario most tests start from.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "models/scenario_io.hpp"

namespace drsim::test {

/// A small exercise: one z/OS in its own shared LPAR, one z/VM in a dedicated LPAR with
/// four Linux guests (two production, two test), 16 volumes on 4 drives, a plain plan.
/// Tests change it with `--set` overrides.
extern const char* const kBaseScenario;

/// REQUIREs that a load succeeded; prints every error otherwise.
void require_loaded(const LoadResult& loaded);

/// Loads `text` with `overrides`, simulates it in a child process and returns result.json.
nlohmann::json run_text(const std::string& text, const std::vector<std::string>& overrides = {},
                        unsigned long long seed = 1);

/// Same, returning the result.json text exactly as the child produced it.
std::string run_text_raw(const std::string& text, const std::vector<std::string>& overrides = {},
                         unsigned long long seed = 1);

/// run_text with the monitor checking every minute, no look-ahead
/// (RunOptions::monitor_every_minute): the reference its sleeps must agree with.
nlohmann::json run_text_monitor_every_minute(const std::string& text);

/// Parses a result.json text (FAILs with the parser's message when it is not JSON).
nlohmann::json parse_result(const std::string& text);

/// Loads a scenario file (e.g. a shipped one) with `overrides` and simulates it.
nlohmann::json run_file(const std::string& path, const std::vector<std::string>& overrides = {});

/// A scenario file's JSON (to add fields --set cannot: it only replaces existing values).
nlohmann::json scenario_doc(const std::string& path);

/// Simulates a scenario document with `overrides`.
nlohmann::json run_doc(const nlohmann::json& doc, const std::vector<std::string>& overrides = {});

/// The /systems entry named `name` (FAILs when there is none).
const nlohmann::json& system_of(const nlohmann::json& result, const std::string& name);

/// A number that may be null: nullopt for null.
std::optional<double> opt_number(const nlohmann::json& value);

/// `up_s` of a system, nullopt when it never came up.
std::optional<double> up_s(const nlohmann::json& result, const std::string& name);

/// /metrics/restores_done_s of a result (REQUIREs that it is set).
double restores_done(const nlohmann::json& result);

/// A string that may be null: "" for null (e.g. `blocked_by`).
std::string opt_string(const nlohmann::json& value);

/// The first phase named `phase` of a /systems entry, null when it has none.
const nlohmann::json* find_phase(const nlohmann::json& system, const std::string& phase);

/// The /events entries of `kind` about `subject`.
std::vector<nlohmann::json> events_of(const nlohmann::json& result, const std::string& kind,
                                      const std::string& subject);

/// The path of a shipped scenario file (scenarios/NAME.json).
std::string shipped(const std::string& name);

}  // namespace drsim::test
