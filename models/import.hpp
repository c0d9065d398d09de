#pragma once
/// \file import.hpp
/// `drsim import`: a scenario from the system programmer's own files — the z/VM user directory,
/// SYSTEM CONFIG, the AUTOLOG1 PROFILE EXEC, the production and DR IOCP input, and a CSV of
/// what those files cannot know (docs/import.md). Pure: the caller reads the files.

#include <optional>
#include <string>

#include "models/import_source.hpp"

namespace drsim::import {

struct ImportInputs {
  SourceText directory;
  SourceText system_config;
  SourceText iocp;
  std::optional<SourceText> autolog;
  std::optional<SourceText> dr_iocp;
  std::optional<SourceText> dr_system_config;
  std::optional<SourceText> tiers;
};

struct ImportResult {
  std::string json;   ///< the scenario (empty when an input has an error)
  Messages messages;  ///< errors, warnings and statements not used
};

/// Reads every input and builds the scenario; deterministic (same inputs, same bytes).
ImportResult import_scenario(const ImportInputs& in);

}  // namespace drsim::import
