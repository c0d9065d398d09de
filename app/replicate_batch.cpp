// run_batch(): fork a child per replication, J at a time; gather summaries over pipes.
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>

#if defined(DRSIM_ASAN)
#include <sanitizer/lsan_interface.h>
#endif

#include "app/replicate.hpp"
#include "app/stop_signals.hpp"
#include "models/config_check.hpp"
#include "models/replication.hpp"
#include "models/rng.hpp"

namespace drsim {
namespace {

RunSummary summarize(const Result& r, std::uint64_t index, std::uint64_t seed,
                     const std::vector<Incident>& incidents) {
  RunSummary s;
  s.index = index;
  s.seed = seed;
  s.critical_up_s = r.critical_up_s.value_or(kNever);
  s.all_up_s = r.all_up_s.value_or(kNever);
  s.rto_met = r.rto_met;
  s.system_up_s.reserve(r.systems.size());
  for (const auto& sys : r.systems) s.system_up_s.push_back(sys.up_s.value_or(kNever));
  for (const auto& m : r.milestones) s.milestones.emplace_back(m.id, m.t_s);
  for (const auto& inc : incidents) s.incidents.emplace_back(inc.kind, inc.subject);
  return s;
}

bool write_all(int fd, const std::string& bytes) {
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n, left -= static_cast<size_t>(n);
  }
  return true;
}

/// A replication's child lives for milliseconds: its heap grows in 8 MiB steps and never
/// shrinks, and blocks up to 1 MiB (SimGrid's 128 KiB actor stacks among them) come from it,
/// so an ended actor's stack is reused by the next one instead of an mmap/munmap pair each
/// (bench/README.md "Monte Carlo": about -10 % CPU per replication). Results are unchanged.
void heap_for_a_short_life() {
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  mallopt(M_TOP_PAD, 8 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

/// The child: simulate, send the summary, exit without running any destructor or atexit.
/// `nominal` is the batch's copy, the child's own memory after the fork: the draw is made
/// on it in place rather than on a copy of it.
[[noreturn]] void child_main(Scenario& nominal, const RunOptions& options, std::uint64_t index,
                             int fd) {
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  heap_for_a_short_life();
  int rc = 0;
  try {
    std::vector<Incident> incidents;
    Result r = simulate_replication(std::move(nominal), options, index, &incidents);
    // test hook (docs/result-format.md): this replication dies as if killed
    if (const char* k = std::getenv("DRSIM_FAULT_KILL_REPLICATION"))
      if (std::strtoull(k, nullptr, 10) == index) raise(SIGKILL);
    const std::uint64_t seed = rng::replication_seed(options.seed, index);
    rc = write_all(fd, encode_summary(summarize(r, index, seed, incidents))) ? 0 : 3;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "drsim: replication %llu failed: %s\n",
                 static_cast<unsigned long long>(index), e.what());
    rc = 3;
  }
  close(fd);
  _exit(rc);
}

struct Child {
  pid_t pid = -1;
  int fd = -1;
  std::uint64_t index = 0;
  std::string bytes;
};

std::string describe_status(int status) {
  if (WIFSIGNALED(status))
    return std::string("was killed by signal ") + std::to_string(WTERMSIG(status)) + " (" +
           strsignal(WTERMSIG(status)) + ")";
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
    return "exited with status " + std::to_string(WEXITSTATUS(status));
  return "sent no usable summary";
}

std::string interrupted_by() {
  return "interrupted by " + std::string(strsignal(g_stop));
}

/// Kills and reaps `pid` (SIGKILL: it holds nothing outside its own memory).
void kill_and_reap(pid_t pid) {
  kill(pid, SIGKILL);
  int st = 0;
  while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
  }
}

class Batch {
 public:
  Batch(const Scenario& sc, const RunOptions& o, const ReplicationOptions& ro, std::ostream& err)
      : child_sc_(sc),
        nominal_findings_(static_findings(sc)),
        o_(o),
        child_o_(o),
        ro_(ro),
        err_(err),
        runs_(static_cast<size_t>(ro.replications)) {
    child_o_.summary_only = true;  // a child sends a RunSummary: no attribution or series
    child_o_.static_findings = &nominal_findings_;  // once here, not in every child
  }

  std::vector<RunSummary> run() {
    const auto n = static_cast<std::uint64_t>(ro_.replications);
    const auto jobs = static_cast<size_t>(std::max(1, ro_.jobs));
    start_ = std::chrono::steady_clock::now();
    while (done_ < n) {
      while (active_.size() < jobs && next_ < n && g_stop == 0) spawn(next_++);
      if (g_stop != 0) stop_all(interrupted_by());
      wait_some();
      progress(false);
    }
    progress(true);
    std::vector<RunSummary> out;
    out.reserve(runs_.size());
    for (auto& r : runs_) out.push_back(std::move(*r));
    return out;
  }

 private:
  void spawn(std::uint64_t index) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) stop_all("cannot create a pipe", false);
    std::fflush(nullptr);
    pid_t pid = fork();
    if (pid < 0) {
      close(fds[0]), close(fds[1]);
      stop_all("cannot fork a replication", false);
    }
    if (pid == 0) {
      close(fds[0]);
      child_main(child_sc_, child_o_, index, fds[1]);
    }
    close(fds[1]);
    active_.push_back({pid, fds[0], index, {}});
  }

  void wait_some() {
    std::vector<pollfd> pfds;
    for (const auto& c : active_) pfds.push_back({c.fd, POLLIN, 0});
    int rc = poll(pfds.data(), pfds.size(), 200);
    if (rc <= 0) return;  // timeout or EINTR: the loop checks the stop flag
    for (size_t i = pfds.size(); i-- > 0;) {
      if (pfds[i].revents == 0) continue;
      char buf[4096];
      ssize_t got = read(active_[i].fd, buf, sizeof buf);
      if (got < 0 && errno == EINTR) continue;
      if (got > 0) {
        active_[i].bytes.append(buf, static_cast<size_t>(got));
        continue;
      }
      finish(i);
    }
  }

  void finish(size_t i) {
    Child c = std::move(active_[i]);
    active_.erase(active_.begin() + static_cast<long>(i));
    close(c.fd);
    int status = 0;
    while (waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
    }
    RunSummary s;
    bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && decode_summary(c.bytes, s) &&
              s.index == c.index;
    // a child that died of the same Ctrl-C as this process: an interruption, not a crash
    if (!ok && g_stop != 0) stop_all("interrupted by " + std::string(strsignal(g_stop)));
    if (!ok) {
      std::ostringstream m;
      m << "replication " << c.index << " (seed " << rng::replication_seed(o_.seed, c.index) << ") "
        << describe_status(status) << "; replay it with --replication " << c.index;
      stop_all(m.str(), false);
    }
    runs_[c.index] = std::move(s);
    ++done_;
  }

  /// Stops and reaps every child, then throws (nothing is left running).
  [[noreturn]] void stop_all(const std::string& why, bool interrupted = true) {
    for (auto& c : active_) kill(c.pid, SIGKILL);
    for (auto& c : active_) {
      close(c.fd);
      kill_and_reap(c.pid);
    }
    active_.clear();
    if (ro_.progress) err_ << "\n";
    if (interrupted) throw ReplicationInterrupted(why, g_stop);
    throw ReplicationFailed(why);
  }

  void progress(bool last) {
    if (!ro_.progress) return;
    const auto now = std::chrono::steady_clock::now();
    if (!last && now - shown_ < std::chrono::milliseconds(100)) return;
    shown_ = now;
    const double t = std::chrono::duration<double>(now - start_).count();
    const double rate = t > 0 ? static_cast<double>(done_) / t : 0;
    const double left = rate > 0 ? static_cast<double>(runs_.size() - done_) / rate : 0;
    char line[160];
    std::snprintf(line, sizeof line, "\rreplications %llu/%zu  %.0f/s  %.0f s left   ",
                  static_cast<unsigned long long>(done_), runs_.size(), rate, std::ceil(left));
    err_ << line << (last ? "\n" : "") << std::flush;
  }

  Scenario child_sc_;  ///< the scenario each child draws its replication on (after the fork)
  std::vector<Finding> nominal_findings_;  ///< static_findings(nominal): a child's unless its
                                           ///< draw forgot a DR definition
  const RunOptions& o_;
  RunOptions child_o_;
  const ReplicationOptions& ro_;
  std::ostream& err_;
  std::vector<std::optional<RunSummary>> runs_;
  std::vector<Child> active_;
  std::uint64_t next_ = 0, done_ = 0;
  std::chrono::steady_clock::time_point start_, shown_;
};

}  // namespace

std::string run_child(const std::function<std::string()>& fn) {
  StopSignals guard;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw ReplicationFailed("cannot create a pipe");
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]), close(fds[1]);
    throw ReplicationFailed("cannot fork the simulation");
  }
  if (pid == 0) {
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    close(fds[0]);
    int rc = 3;
    try {
      rc = write_all(fds[1], fn()) ? 0 : 3;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "drsim: simulation failed: %s\n", e.what());
    }
    close(fds[1]);
    _exit(rc);
  }
  close(fds[1]);
  std::string data;
  for (;;) {
    if (g_stop != 0) {
      close(fds[0]);
      kill_and_reap(pid);
      throw ReplicationInterrupted(interrupted_by(), g_stop);
    }
    pollfd pfd{fds[0], POLLIN, 0};
    if (poll(&pfd, 1, 200) <= 0) continue;  // timeout or EINTR: check the stop flag
    char buf[65536];
    ssize_t got = read(fds[0], buf, sizeof buf);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    data.append(buf, static_cast<size_t>(got));
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (g_stop != 0) throw ReplicationInterrupted(interrupted_by(), g_stop);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || data.empty())
    throw ReplicationFailed("the simulation process " + describe_status(status));
  return data;
}

std::vector<RunSummary> run_batch(const Scenario& nominal, const RunOptions& options,
                                  const ReplicationOptions& ro, std::ostream& err) {
  // SimGrid's Engine and the DR site's hosts once here, never run: each child only creates
  // its replication's world over them (a draw never changes the platform)
#if defined(DRSIM_ASAN)
  __lsan_disable();  // the prepared Engine lives until the exit, as a single run's does
#endif
  prepare_engine(nominal);
#if defined(DRSIM_ASAN)
  __lsan_enable();
#endif
  StopSignals guard;
  return Batch(nominal, options, ro, err).run();
}

}  // namespace drsim
