#include "app/engine_loader.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "simulator/module/engine_api.hpp"

namespace drsim {
namespace {

namespace fs = std::filesystem;

const EngineApi* g_api = nullptr;

const EngineApi& api() {
  if (g_api == nullptr)
    if (std::string why = load_engine(); !why.empty()) throw std::runtime_error(why);
  return *g_api;
}

}  // namespace

std::vector<std::string> engine_module_candidates() {
  std::vector<std::string> out;
  if (const char* env = std::getenv("DRSIM_ENGINE"); env != nullptr && *env != '\0') {
    out.emplace_back(env);
    return out;
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return out;
  for (const char* dir : {"../lib/drsim", "lib/drsim"})
    out.push_back((exe.parent_path() / dir / DRSIM_ENGINE_FILE).lexically_normal().string());
  return out;
}

std::string load_engine() {
  if (g_api != nullptr) return "";
  auto candidates = engine_module_candidates();
  std::string tried;
  for (const auto& path : candidates) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      tried += "\n  " + path + ": no such file";
      continue;
    }
    void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* e = dlerror();
      tried += "\n  " + path + ": " + (e != nullptr ? e : "cannot load");
      continue;
    }
    using Entry = const EngineApi* (*)();
    auto entry = reinterpret_cast<Entry>(dlsym(handle, kEngineApiSymbol));
    const EngineApi* table = entry != nullptr ? entry() : nullptr;
    if (table == nullptr || table->version != kEngineApiVersion) {
      tried += "\n  " + path + ": not a drsim " DRSIM_VERSION " engine module";
      continue;
    }
    g_api = table;
    return "";
  }
  if (candidates.empty()) tried = "\n  (cannot read /proc/self/exe to find it)";
  return std::string("cannot load the simulation engine (") + DRSIM_ENGINE_FILE +
         "); looked for it at:" + tried +
         "\n  It is installed with drsim in lib/drsim/ beside bin/; $DRSIM_ENGINE names another"
         " path.";
}

bool engine_loaded() {
  return g_api != nullptr;
}

Result simulate(const Scenario& scenario, const RunOptions& options) {
  return api().simulate(scenario, options);
}

void prepare_engine(const Scenario& scenario) {
  api().prepare_engine(scenario);
}

std::string run_isolated(const std::function<std::string()>& fn) {
  return api().run_isolated(fn);
}

}  // namespace drsim
