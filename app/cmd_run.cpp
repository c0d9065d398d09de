// drsim run SCENARIO.json [--out DIR] [--set ...] [--seed N] [--quiet]
#include <chrono>
#include <filesystem>
#include <ostream>

#include "app/cli.hpp"
#include "models/scenario_io.hpp"
#include "reports/html_timeline.hpp"
#include "reports/result_io.hpp"
#include "simulator/engine.hpp"

namespace drsim {
namespace {

std::string default_out_dir(const std::string& scenario_path) {
  return (std::filesystem::path("drsim-out") / std::filesystem::path(scenario_path).stem())
      .string();
}

int report_load_errors(const LoadResult& lr, std::ostream& err) {
  for (const auto& e : lr.errors) err << e.to_string() << "\n";
  return static_cast<int>(lr.status);
}

}  // namespace

int cmd_run(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (o.replications > 1 || o.jobs > 1) {
    err << "drsim run: --replications and --jobs are not available yet (Monte Carlo comes with"
           " 'drsim sweep'); run without them\n";
    return 2;
  }
  using Clock = std::chrono::steady_clock;
  auto seconds_since = [](Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
  };
  const auto t_load = Clock::now();
  const std::string& path = o.files.at(0);
  LoadResult lr = load_scenario(path, o.sets);
  if (lr.status != LoadStatus::Ok) return report_load_errors(lr, err);
  std::string dir = o.out_dir.value_or(default_out_dir(path));
  RunOptions ro;
  ro.seed = o.seed;
  ro.scenario_file = path;
  ro.scenario_sha256 = lr.sha256;
  const double load_s = seconds_since(t_load);
  const auto t_sim = Clock::now();
  Result result = simulate(lr.scenario, ro);
  const double simulate_s = seconds_since(t_sim);
  const auto t_out = Clock::now();
  nlohmann::json doc = to_json(result);
  try {
    // result.json goes last: if anything before it fails, no result.json is left behind
    std::filesystem::path d(dir);
    reports::write_file_atomic((d / "timeline.html").string(), reports::render_timeline_html(doc));
    std::string result_text = doc.dump(2) + "\n";
    // wall-clock figures of this run (never in result.json: they differ run to run)
    nlohmann::json info = {{"wall_clock_s", simulate_s},
                           {"simulation_events", result.sim_events},
                           {"load_s", load_s},
                           {"outputs_s", seconds_since(t_out)},
                           {"total_s", seconds_since(t_load)}};
    reports::write_file_atomic((d / "run-info.json").string(), info.dump(2) + "\n");
    reports::write_file_atomic((d / "result.json").string(), result_text);
  } catch (const std::exception& e) {
    err << "drsim run: " << e.what() << "\n";
    return 2;
  }
  if (!o.quiet) {
    out << summary_text(result);
    out << "  result:   " << (std::filesystem::path(dir) / "result.json").string() << "\n";
    out << "  timeline: " << (std::filesystem::path(dir) / "timeline.html").string() << "\n";
  }
  return 0;
}

}  // namespace drsim
