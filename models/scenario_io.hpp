#pragma once
/// \file scenario_io.hpp
/// Reading a scenario: file -> JSON -> `--set` overrides -> Scenario, then every check.
/// Problems are values (ScenarioError), never aborts: a load reports ALL of them.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "models/scenario.hpp"

namespace drsim {

/// One problem with a scenario: `file: /json/pointer: message; expected ...`.
struct ScenarioError {
  std::string file;
  std::string pointer;   ///< RFC 6901, "" for the whole document
  std::string message;   ///< what is wrong
  std::string expected;  ///< what was expected (may be empty)
  std::string to_string() const;
};

/// Exit codes of the contract.
enum class LoadStatus { Ok = 0, Invalid = 1, Unreadable = 2 };

struct LoadResult {
  LoadStatus status = LoadStatus::Ok;
  Scenario scenario;        ///< meaningful only when status == Ok
  nlohmann::json document;  ///< the JSON after overrides (for sha/result echo)
  std::string sha256;       ///< of the file's bytes
  std::vector<ScenarioError> errors;
  /// Why status is not Ok, in a few words: "invalid scenario", "cannot read the file",
  /// "malformed --set", "a drsim result, not a scenario".
  std::string failure;
};

/// Reads, applies `--set` overrides ("/pointer=JSON"), parses and validates.
LoadResult load_scenario(const std::string& path, const std::vector<std::string>& overrides = {});

/// Same from text already in memory (tests, fuzzing). `file` is used in messages.
LoadResult load_scenario_text(const std::string& text, const std::string& file,
                              const std::vector<std::string>& overrides = {});

}  // namespace drsim
