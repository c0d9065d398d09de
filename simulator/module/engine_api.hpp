#pragma once
/// \file engine_api.hpp
/// The engine as a loadable module (issue 18): the drsim executable links no SimGrid, so the
/// commands that simulate nothing start without loading SimGrid's ~29 shared libraries;
/// `run` and `sweep` load the module (drsim_engine.so) with dlopen and call the engine
/// through this table (app/engine_loader.hpp).

#include <functional>
#include <string>

#include "simulator/engine.hpp"

namespace drsim {

/// Bumped whenever the table or the types it passes change.
inline constexpr int kEngineApiVersion = 2;

struct EngineApi {
  int version = kEngineApiVersion;
  Result (*simulate)(const Scenario& scenario, const RunOptions& options) = nullptr;
  std::string (*run_isolated)(const std::function<std::string()>& fn) = nullptr;
  void (*prepare_engine)(const Scenario& scenario) = nullptr;
};

}  // namespace drsim

/// The one symbol the module exports.
extern "C" const drsim::EngineApi* drsim_engine_api();

/// Its name, for dlsym.
inline constexpr const char* kEngineApiSymbol = "drsim_engine_api";
