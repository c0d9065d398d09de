// The entry point of the engine module (simulator/CMakeLists.txt: drsim_engine).
#include "simulator/module/engine_api.hpp"

extern "C" __attribute__((visibility("default"))) const drsim::EngineApi* drsim_engine_api() {
  static const drsim::EngineApi api{drsim::kEngineApiVersion, &drsim::simulate,
                                    &drsim::run_isolated, &drsim::prepare_engine};
  return &api;
}
