#pragma once
/// \file engine_loader.hpp
/// The engine (drsim_simulator and SimGrid) is a module, drsim_engine.so, that only the
/// commands that simulate load (issue 18: the others start without SimGrid's ~29 shared
/// libraries). This file loads it and defines simulate(), prepare_engine() and run_isolated() of
/// simulator/engine.hpp for the executable: they call the module's functions.
///
/// Where the module is looked for, first found wins: $DRSIM_ENGINE (a path, for tests and
/// unusual installs), then beside the executable's own file (/proc/self/exe) in
/// ../lib/drsim/ (the installed layout: bin/drsim, lib/drsim/drsim_engine.so) and lib/drsim/
/// (the build tree: build/drsim, build/lib/drsim/drsim_engine.so).

#include <string>
#include <vector>

namespace drsim {

/// The paths tried, in order.
std::vector<std::string> engine_module_candidates();

/// Loads the module once per process (call it before forking children that simulate);
/// returns "" when it is loaded, else why not: the paths tried and the loader's message.
/// `bind_now`: resolve all its symbols now (RTLD_NOW) rather than at first call, for a process
/// that forks many simulating children (a Monte Carlo batch).
std::string load_engine(bool bind_now = false);

/// True once load_engine() has loaded the module in this process (`run`, `sweep`).
bool engine_loaded();

}  // namespace drsim
