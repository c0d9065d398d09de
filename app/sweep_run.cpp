#include "app/sweep_run.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>

#include "app/output_files.hpp"
#include "app/replicate.hpp"
#include "app/result_document.hpp"
#include "app/stop_signals.hpp"
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
  install_signal_handlers();  // not the parent's flag: SIGTERM ends the point, its temp files go
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

/// Removes what a point killed with SIGKILL may have left: its files' temporary siblings.
void remove_temp_files(const fs::path& dir, pid_t pid) {
  const std::string suffix = ".tmp." + std::to_string(pid);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > suffix.size() && name.ends_with(suffix)) fs::remove(entry.path(), ec);
  }
}

/// Stops the running points after SIGINT/SIGTERM: SIGTERM to each (a point removes its
/// temporary files and exits), SIGKILL to those still alive after 5 s; all are reaped.
void stop_points(std::map<pid_t, const SweepPoint*>& running, const fs::path& points_dir) {
  for (const auto& [pid, p] : running) ::kill(pid, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!running.empty() && std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    pid_t pid = waitpid(-1, &status, WNOHANG);
    if (pid > 0) running.erase(pid);
    if (pid == 0) ::usleep(10000);
    if (pid < 0 && errno != EINTR) break;
  }
  for (const auto& [pid, p] : running) {
    ::kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    remove_temp_files(points_dir / p->id, pid);
  }
  running.clear();
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
  StopSignals guard;  // SIGINT/SIGTERM: stop the points, keep the finished ones
  std::vector<std::string> failures;
  std::map<pid_t, const SweepPoint*> running;
  size_t next = 0;
  int done = reused;
  std::cout.flush();
  std::cerr.flush();
  while (next < todo.size() || !running.empty()) {
    if (g_stop != 0) {
      const int sig = g_stop;
      const size_t stopped = running.size();
      stop_points(running, points_dir);
      if (progress != nullptr) *progress << "\n";
      throw SweepInterrupted("interrupted by " + std::string(strsignal(sig)) + "; " +
                                 std::to_string(stopped) + " running point(s) stopped, " +
                                 std::to_string(done - reused) + " finished and kept",
                             sig);
    }
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
