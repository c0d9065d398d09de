// SimGrid's Engine installs a SIGINT handler that exits 1 without a word; simulate() keeps the
// caller's (drsim run's: "interrupted", exit 130, no temporary file left). Issue 15, defect 8.
#include <catch2/catch.hpp>
#include <csignal>
#include <string>

#include "engine_helpers.hpp"
#include "models/scenario_io.hpp"
#include "simulator/engine.hpp"

namespace {

void on_sigint(int /*sig*/) {}

}  // namespace

TEST_CASE("the caller's SIGINT handler stays in force through a simulation (issue 15 defect 8)",
          "[signals]") {
  drsim::LoadResult loaded = drsim::load_scenario_text(drsim::test::kBaseScenario, "test.json");
  drsim::test::require_loaded(loaded);
  // in a child: SimGrid runs once per process
  std::string handler = drsim::run_isolated([&] {
    struct sigaction mine {};
    mine.sa_handler = on_sigint;
    sigemptyset(&mine.sa_mask);
    sigaction(SIGINT, &mine, nullptr);
    drsim::simulate(loaded.scenario, drsim::RunOptions{});
    struct sigaction now {};
    sigaction(SIGINT, nullptr, &now);
    return std::string(now.sa_handler == on_sigint ? "the caller's" : "another");
  });
  CHECK(handler == "the caller's");
}
