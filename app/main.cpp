#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "app/cli.hpp"
#include "app/engine_loader.hpp"
#include "app/output_files.hpp"

namespace {

/// A process that loaded the engine ends without running the exit handlers: they only destroy
/// the static objects of SimGrid and its ~29 shared libraries (ns-3's type and log registries),
/// 3 % of a year-1 `drsim run` (issue 18, bench/seed.sh). Every output file is closed by then;
/// the standard streams are flushed here. Sanitized builds exit normally, so that LeakSanitizer
/// still checks `sweep`'s parent at its exit.
int finish(int rc) {
#if !defined(DRSIM_ASAN)
  if (drsim::engine_loaded()) {
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(rc);
  }
#endif
  return rc;
}

}  // namespace

int main(int argc, char** argv) {
  drsim::install_signal_handlers();
  try {
    return finish(drsim::run_cli(argc, argv, std::cout, std::cerr));
  } catch (const std::exception& e) {
    std::cerr << "drsim: internal error: " << e.what() << "\n";
    return 2;
  }
}
