#include "app/sweep_run.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <map>

#include "app/output_files.hpp"
#include "app/replicate.hpp"
#include "app/result_document.hpp"
#include "app/sweep_setup.hpp"
#include "models/scenario_io.hpp"
#include "reports/html_timeline.hpp"
#include "reports/result_io.hpp"
#include "simulator/engine.hpp"

namespace drsim {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

void show_progress(std::ostream* out, int done, int total, int reused, size_t running) {
  if (out == nullptr) return;
  *out << "\rdrsim sweep: " << done << "/" << total << " points";
  if (reused > 0) *out << " (" << reused << " reused)";
  *out << ", " << running << " running   " << std::flush;
}

[[noreturn]] void child(const SweepPoint& p, const fs::path& dir, unsigned long long seed,
                        int replications) {
  int code = 0;
  try {
    run_point(p, dir, seed, replications);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "drsim sweep: point %s: %s\n", p.id.c_str(), e.what());
    code = 3;
  }
  std::fflush(stderr);
  _exit(code);
}

std::string failure_text(const SweepPoint& p, int status) {
  if (WIFSIGNALED(status))
    return "point " + p.id + " crashed (signal " + std::to_string(WTERMSIG(status)) + ")";
  return "point " + p.id + " failed (exit " + std::to_string(WEXITSTATUS(status)) + ")";
}

}  // namespace

json point_record(const SweepPoint& p) {
  json settings = json::array();
  for (const auto& [ptr, v] : p.settings) settings.push_back({{"pointer", ptr}, {"value", v}});
  return {{"id", p.id},
          {"index", p.index},
          {"key", p.key},
          {"option", p.option},
          {"settings", settings}};
}

bool point_done(const fs::path& dir, const std::string& key) {
  json rec;
  std::error_code ec;
  if (!fs::exists(dir / "result.json", ec) || !fs::exists(dir / "timeline.html", ec)) return false;
  if (!read_json_file((dir / "point.json").string(), rec).empty()) return false;
  return rec.is_object() && rec.value("key", "") == key;
}

void run_point(const SweepPoint& p, const fs::path& dir, unsigned long long seed,
               int replications) {
  const std::string label = "points/" + p.id + "/scenario.json";
  const std::string text = p.document.dump(2) + "\n";
  LoadResult lr = load_scenario_text(text, label);
  if (lr.status != LoadStatus::Ok)
    throw std::runtime_error(label + " is not a valid scenario: " +
                             (lr.errors.empty() ? "" : lr.errors.front().to_string()));
  RunOptions ro;
  ro.seed = seed;
  ro.scenario_file = label;
  ro.scenario_sha256 = lr.sha256;
  // one simulation here (this process is the point's own), or N replications in children
  json doc =
      replications > 1
          ? run_replicated(lr.scenario, ro, ReplicationOptions{replications, 1, false}, std::cerr)
          : to_json(simulate(lr.scenario, ro));
  add_cost(doc, lr.scenario);
  drsim::write_file_atomic((dir / "scenario.json").string(), text);
  drsim::write_file_atomic((dir / "timeline.html").string(), reports::render_timeline_html(doc));
  drsim::write_file_atomic((dir / "result.json").string(), doc.dump() + "\n");  // compact
  drsim::write_file_atomic((dir / "point.json").string(), point_record(p).dump(2) + "\n");
}

std::vector<std::string> run_points(const std::vector<const SweepPoint*>& todo,
                                    const fs::path& points_dir, unsigned long long seed,
                                    int replications, int jobs, std::ostream* progress, int reused,
                                    int total) {
  std::vector<std::string> failures;
  std::map<pid_t, const SweepPoint*> running;
  size_t next = 0;
  int done = reused;
  std::cout.flush();
  std::cerr.flush();
  while (next < todo.size() || !running.empty()) {
    while (running.size() < static_cast<size_t>(std::max(jobs, 1)) && next < todo.size()) {
      const SweepPoint* p = todo[next++];
      pid_t pid = fork();
      if (pid < 0) {
        failures.push_back("point " + p->id + ": cannot fork");
        continue;
      }
      if (pid == 0) child(*p, points_dir / p->id, seed, replications);
      running.emplace(pid, p);
    }
    show_progress(progress, done, total, reused, running.size());
    if (running.empty()) break;
    int status = 0;
    pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      break;
    }
    auto it = running.find(pid);
    if (it == running.end()) continue;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
      failures.push_back(failure_text(*it->second, status));
    running.erase(it);
    ++done;
  }
  show_progress(progress, done, total, reused, 0);
  if (progress != nullptr) *progress << "\n";
  return failures;
}

}  // namespace drsim
