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

// RTLD_DEEPBIND: the module's libraries (SimGrid, ns-3, Boost: ~35,000 symbol lookups while
// they are relocated) look for symbols in the module's own dependency list first, as they
// would in an executable linked to SimGrid, instead of first missing every object of the
// executable's global scope (12 million of year 1's 145 million instructions, bench/README.md).
// Safe because drsim holds no copies of library data (app/CMakeLists.txt: no copy relocations)
// and the module exports only its entry point. Not under AddressSanitizer, whose runtime
// refuses RTLD_DEEPBIND (its malloc must stay the one everybody binds to), and not when
// LD_PRELOAD names a library for the same reason: a preloaded allocator or profiler
// (jemalloc, heaptrack) would be bypassed by SimGrid's own calls to malloc and free, while
// memory the C library allocates (strdup) still comes from it.
// RTLD_NOW for a Monte Carlo batch (load_engine(true)): every symbol of the module's libraries
// bound once in the parent (~2 ms) instead of lazily again in every forked child, each of
// which would look up and write the same PLT slots (bench/README.md "Monte Carlo").
int engine_open_flags(bool bind_now) {
  const int binding = (bind_now ? RTLD_NOW : RTLD_LAZY) | RTLD_LOCAL;
#ifdef DRSIM_ASAN
  return binding;
#else
  const char* preload = std::getenv("LD_PRELOAD");
  if (preload != nullptr && *preload != '\0') return binding;
  return binding | RTLD_DEEPBIND;
#endif
}

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

std::string load_engine(bool bind_now) {
  if (g_api != nullptr) return "";
  auto candidates = engine_module_candidates();
  std::string tried;
  for (const auto& path : candidates) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      tried += "\n  " + path + ": no such file";
      continue;
    }
    void* handle = dlopen(path.c_str(), engine_open_flags(bind_now));
    if (handle == nullptr && bind_now)  // a symbol nothing calls may be missing: bind lazily
      handle = dlopen(path.c_str(), engine_open_flags(false));
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
