#pragma once
/// \file sweep_file.hpp
/// The sweep file (`drsim sweep SWEEP.json`, docs/sweep.md): the same sweep as the command
/// line's flags, kept in the repository for CI. Read without touching other files: the
/// scenario and the option files it names are returned as written (relative to the sweep
/// file), for the caller to read.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "models/json_reader.hpp"
#include "models/sweep_plan.hpp"

namespace drsim {

/// An option of a sweep file: an inline merge patch or a file holding one.
struct SweepFileOption {
  std::string name;
  std::optional<std::string> file;  ///< patch file, relative to the sweep file
  nlohmann::json patch = nlohmann::json::object();
  std::string pointer;
};

struct SweepFile {
  std::string scenario;           ///< base scenario, relative to the sweep file
  std::vector<std::string> sets;  ///< "/pointer=JSON", applied to the base like --set
  std::vector<SweepAxis> axes;
  std::vector<SweepFileOption> options;
  std::optional<unsigned long long> seed;
  std::optional<int> replications;
};

/// Whether a JSON document is a sweep file (it has "sweep_version") rather than a scenario.
bool is_sweep_file(const nlohmann::json& doc);

/// Reads a sweep file; every problem goes to `d` with its JSON Pointer.
SweepFile parse_sweep_file(const nlohmann::json& doc, Diagnostics& d);

}  // namespace drsim
