#pragma once
/// \file sweep_setup.hpp
/// What `drsim sweep` sweeps, from the command line (SCENARIO --vary --option --set) or from a
/// sweep file (docs/sweep.md): the base scenario document and the SweepSpec.

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>

#include "app/cli.hpp"
#include "models/sweep_plan.hpp"

namespace drsim {

struct SweepSetup {
  std::string scenario_file;  ///< the base scenario's path as given (resolved for sweep files)
  std::string scenario_sha256;
  nlohmann::json base;  ///< the base document after --set
  SweepSpec spec;
};

/// Fills `out`; prints every problem to `err`. Returns 0, 1 (invalid sweep) or 2 (unreadable).
int setup_sweep(const CliOptions& o, SweepSetup& out, std::ostream& err);

/// Reads a JSON file (size and nesting guarded). Empty string when fine, else the problem.
std::string read_json_file(const std::string& path, nlohmann::json& out);

}  // namespace drsim
