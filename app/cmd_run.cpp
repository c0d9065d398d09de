// drsim run SCENARIO.json [--out DIR] [--set ...] [--seed N] [--fail-on LEVEL] [--quiet]
//                         [--replications N [--jobs J]] [--replication K]
// A plain run is the nominal run (no uncertainty: the story of the shipped scenarios);
// --replications N draws N replications (app/replicate.hpp), --replication K replays one.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#if defined(DRSIM_ASAN)
#include <sanitizer/lsan_interface.h>
#endif

#include "app/cli.hpp"
#include "app/engine_loader.hpp"
#include "app/output_files.hpp"
#include "app/replicate.hpp"
#include "app/result_document.hpp"
#include "app/timeline_view.hpp"
#include "models/scenario_io.hpp"
#include "reports/html_timeline.hpp"
#include "simulator/engine.hpp"
#include "simulator/result_writer.hpp"

namespace drsim {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

std::string default_out_dir(const std::string& scenario_path) {
  return (std::filesystem::path("drsim-out") / std::filesystem::path(scenario_path).stem())
      .string();
}

int report_load_errors(const LoadResult& lr, std::ostream& err) {
  for (const auto& e : lr.errors) err << e.to_string() << "\n";
  return static_cast<int>(lr.status);
}

/// What the run produced, before anything is written.
struct Outcome {
  nlohmann::json doc;
  std::string summary;
  long long events = 0;
  /// The nominal run's Result: result.json is written straight from it (result_writer.hpp).
  std::optional<Result> result;  ///< and timeline.html from it too (app/timeline_view.hpp)
  nlohmann::json extra = nlohmann::json::object();  ///< members added to it (cost)
};

/// One simulation in this process: the nominal run, or replication K alone.
Outcome run_single(const CliOptions& o, const Scenario& sc, const RunOptions& ro) {
  Outcome out;
  if (o.replication) {
    Result r = simulate_replication(sc, ro, *o.replication);
    out.doc = replication_json(r, *o.replication, o.seed);
    out.summary = summary_text(r);
    out.events = r.sim_events;
  } else {
    out.result = simulate(sc, ro);  // no result tree (out.doc): the outputs come from it
    out.summary = summary_text(*out.result);
    out.events = out.result->sim_events;
  }
  return out;
}

std::string pct(double p) {
  return std::to_string(static_cast<int>(std::lround(p * 100)));
}

std::string thousands(long long n) {
  std::string d = std::to_string(n), out;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i > 0 && (d.size() - i) % 3 == 0) out += ',';
    out += d[i];
  }
  return out;
}

/// "Mon 14:48" for seconds after the exercise start; "never" for null.
std::string at(const nlohmann::json& t, double start_week_s) {
  if (!t.is_number()) return "never";
  static const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  long long m = std::llround((start_week_s + t.get<double>()) / 60);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s %02lld:%02lld", kDays[(m / 1440) % 7], (m / 60) % 24, m % 60);
  return buf;
}

/// The lines a Monte Carlo run prints: the RTO probability and the P10/P50/P90 times.
std::string batch_summary(const nlohmann::json& doc) {
  const auto& d = doc["distribution"];
  const auto& rto = d["rto"];
  const double start = doc["exercise"].value("start_week_s", 0.0);
  std::string s = "RTO met in " + pct(rto["probability"].get<double>()) + " % of " +
                  thousands(d["replications"].get<long long>()) + " replications (CI " +
                  pct(rto["ci95"][0].get<double>()) + "-" + pct(rto["ci95"][1].get<double>()) +
                  " %)\n";
  auto line = [&](const char* what, const nlohmann::json& q) {
    s += std::string("  ") + what + ": P10 " + at(q["p10"], start) + "  P50 " +
         at(q["p50"], start) + "  P90 " + at(q["p90"], start);
    if (q["never_share"].get<double>() > 0)
      s += "  (never in " + pct(q["never_share"].get<double>()) + " %)";
    s += "\n";
  };
  line("all critical up", d["critical_up_s"]);
  line("all up         ", d["all_up_s"]);
  const auto& runs = d["runs"];
  s += "  replay with --replication K: median " + runs["median"].dump() + ", P90 " +
       runs["p90"].dump() + ", worst " + runs["worst"].dump() + "\n";
  return s;
}

/// The result (its JSON tree, or the Result) stays until the process ends: freeing its nodes
/// one by one cost 3 % of a 5,000-guest run, just before the exit (issue 18). Reachable from
/// here: no leak report.
void keep_until_exit(Outcome&& oc) {
  static auto* kept = new std::vector<Outcome>();
  kept->push_back(std::move(oc));
}

/// What --fail-on reads of a nominal run's result (fail_on.cpp): the RTO verdict, the findings'
/// severities.
nlohmann::json verdict_doc(const Result& r) {
  nlohmann::json findings = nlohmann::json::array();
  for (const Finding& f : r.findings) findings.push_back({{"severity", to_string(f.severity)}});
  return {{"recovery", {{"rto_met", r.rto_met}}}, {"findings", std::move(findings)}};
}

/// Removes DIR/result.json of an earlier run; throws with the OS reason when it cannot.
void remove_old_result(const std::string& path) {
  std::error_code ec;
  std::filesystem::remove(path, ec);
  if (ec) throw std::runtime_error(path + ": cannot remove the old result: " + ec.message());
}

/// result.json's text, handed to `sink` in pieces: straight from the Result when the run has
/// one, else the tree's dump; compact unless --pretty.
void write_result_text(const Outcome& oc, bool pretty, const ResultSink& sink) {
  if (oc.result)
    write_result_json(*oc.result, pretty, oc.extra, sink);
  else
    sink(oc.doc.dump(pretty ? 2 : -1) + "\n");
}

/// The page's view of a run, kept until the process ends: `drsim run` ends with _Exit
/// (main.cpp), so its many small blocks are never freed one by one (~1 % of a 20,000-guest
/// run's CPU, issue 18); a sanitized build exits normally and destroys it then.
const reports::TimelineData& kept_to_exit(reports::TimelineData view) {
  static std::optional<reports::TimelineData> kept;
  kept = std::move(view);
  return *kept;
}

/// Writes timeline.html, run-info.json (info plus outputs_s and total_s), then result.json.
int write_outputs(const std::string& dir, const Outcome& oc, nlohmann::json info,
                  Clock::time_point t_load, bool pretty, std::ostream& err) {
  const nlohmann::json& doc = oc.doc;
  const auto t_out = Clock::now();
  try {
    // One run at a time in a directory; the old result.json goes first and the new one last,
    // so a failure midway leaves no result.json beside files of another run.
    OutputDirLock lock(dir);
    std::filesystem::path d(dir);
    remove_old_result((d / "result.json").string());
    // result.json's text is made on a second thread while the timeline renders (both only
    // read) and written to its temporary file piece by piece, so no whole copy of it is held
    // (issue 18); it is renamed last. Where no thread can be started, it is made at get().
    AtomicFile result_file((d / "result.json").string());
    auto text = std::async(std::launch::async | std::launch::deferred, [&oc, &result_file, pretty] {
      write_result_text(oc, pretty, [&result_file](std::string_view s) { result_file.write(s); });
    });
    write_file_atomic((d / "timeline.html").string(),
                      oc.result
                          ? reports::render_timeline_html(kept_to_exit(timeline_data(*oc.result)))
                          : reports::render_timeline_html(doc));
    text.get();
    info["outputs_s"] = seconds_since(t_out);
    info["total_s"] = seconds_since(t_load);
    write_file_atomic((d / "run-info.json").string(), info.dump(2) + "\n");
    result_file.commit();
  } catch (const std::exception& e) {
    err << "drsim run: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace

int cmd_run(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (o.replication && o.replications > 1) {
    err << "drsim run: --replication K replays one replication; do not combine it with"
           " --replications\n";
    return 2;
  }
  if (o.out_dir && o.out_dir->empty()) {
    err << "drsim run: --out \"\": the output directory name is empty\n";
    return 2;
  }
  const auto t_load = Clock::now();
  const std::string& path = o.files.at(0);
  LoadResult lr = load_scenario(path, o.sets);
  if (lr.status != LoadStatus::Ok) return report_load_errors(lr, err);
  lr.document = nlohmann::json();  // run needs only the Scenario: the tree's memory is reused
  // before any child is forked; a batch binds the module's symbols once, not in every child
  if (std::string why = load_engine(o.replications > 1); !why.empty()) {
    err << "drsim run: " << why << "\n";
    return 2;
  }
  std::string dir = o.out_dir.value_or(default_out_dir(path));
  RunOptions ro;
  ro.seed = o.seed;
  ro.scenario_file = path;
  ro.scenario_sha256 = lr.sha256;
  const double load_s = seconds_since(t_load);
  const auto t_sim = Clock::now();
  Outcome oc;
  if (o.replications > 1) {
    ReplicationOptions rep{o.replications, o.jobs, !o.quiet && isatty(STDERR_FILENO) != 0};
    try {
      oc.doc = run_replicated(lr.scenario, ro, rep, err);
    } catch (const ReplicationInterrupted& e) {
      err << "drsim run: " << e.what() << "; children stopped, nothing written\n";
      return 128 + e.signal;  // 130 SIGINT, 143 SIGTERM, as a shell reports a process it killed
    } catch (const std::exception& e) {
      err << "drsim run: " << e.what() << "; nothing written\n";
      return 2;
    }
    oc.summary = batch_summary(oc.doc);
  } else {
#if defined(DRSIM_ASAN)
    __lsan_disable();  // one simulation per process: the engine's objects live until the exit
#endif
    oc = run_single(o, lr.scenario, ro);
    install_signal_handlers();  // SimGrid's own SIGINT handler (exit 1, no message) goes
  }
  add_cost(oc.result ? oc.extra : oc.doc, lr.scenario);
  const double simulate_s = seconds_since(t_sim);
  // wall-clock figures of this run (never in result.json: they differ run to run)
  nlohmann::json info = {
      {"wall_clock_s", simulate_s}, {"simulation_events", oc.events}, {"load_s", load_s}};
  if (o.replications > 1) {
    info["replications"] = o.replications, info["jobs"] = o.jobs;
    rusage self{};
    getrusage(RUSAGE_SELF, &self);  // this process only: the children are not counted
    info["parent_peak_rss_kib"] = self.ru_maxrss;
  }
  if (int rc = write_outputs(dir, oc, info, t_load, o.pretty, err); rc != 0) return rc;
  if (!o.quiet) {
    out << oc.summary;
    out << "  result:   " << (std::filesystem::path(dir) / "result.json").string() << "\n";
    out << "  timeline: " << (std::filesystem::path(dir) / "timeline.html").string() << "\n";
  }
  std::string why = oc.result ? fail_on_reason(verdict_doc(*oc.result), o.fail_on)
                              : fail_on_reason(oc.doc, o.fail_on);
  keep_until_exit(std::move(oc));
  if (!why.empty()) {
    err << "drsim run: --fail-on " << o.fail_on << ": " << why << "\n";
    return 1;
  }
  return 0;
}

}  // namespace drsim
