#include "app/output_files.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace drsim {
namespace {

namespace fs = std::filesystem;

/// The temporary file being written, for the signal handler (async-signal-safe: a fixed
/// buffer and a flag, no allocation).
char g_temp_path[4096];
volatile std::sig_atomic_t g_temp_set = 0;

void write_stderr(const char* text) {
  ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
  (void)ignored;
}

extern "C" void on_interrupt(int sig) {
  if (g_temp_set) ::unlink(g_temp_path);
  write_stderr("drsim: interrupted\n");
  ::_exit(128 + sig);
}

extern "C" void on_abort(int) {
  if (g_temp_set) ::unlink(g_temp_path);
  write_stderr(
      "drsim: stopped on an internal check (its message is above; such checks are inside the "
      "simulation engine, SimGrid). Please report it with the scenario.\n");
  ::_exit(2);
}

[[noreturn]] void os_error(const std::string& what) {
  throw std::runtime_error(what + ": " + std::strerror(errno));
}

/// Writes all of text to fd; false (errno set) on failure.
bool write_all(int fd, const std::string& text) {
  const char* p = text.data();
  size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

void make_parent(const fs::path& target) {
  if (!target.has_parent_path()) return;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec)
    throw std::runtime_error(target.parent_path().string() +
                             ": cannot create the directory: " + ec.message());
}

}  // namespace

void write_file_atomic(const std::string& path, const std::string& text) {
  if (path.empty()) throw std::runtime_error("an empty file name: cannot write");
  fs::path target(path);
  make_parent(target);
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  if (tmp.size() >= sizeof g_temp_path) throw std::runtime_error(path + ": the path is too long");
  std::memcpy(g_temp_path, tmp.c_str(), tmp.size() + 1);
  g_temp_set = 1;
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    g_temp_set = 0;
    os_error(path + ": cannot write");
  }
  bool ok = write_all(fd, text);
  int saved = errno;
  ok = ::close(fd) == 0 && ok;
  if (ok && ::rename(tmp.c_str(), path.c_str()) == 0) {
    g_temp_set = 0;
    return;
  }
  if (ok) saved = errno;
  ::unlink(tmp.c_str());
  g_temp_set = 0;
  errno = saved;
  os_error(path + ": cannot write");
}

void install_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  sa.sa_handler = on_abort;
  sigaction(SIGABRT, &sa, nullptr);
}

OutputDirLock::OutputDirLock(const std::string& dir) {
  if (dir.empty()) throw std::runtime_error("--out \"\": an empty directory name");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error(dir + ": cannot create the directory: " + ec.message());
  std::string lock = (fs::path(dir) / ".drsim.lock").string();
  const std::string cannot_lock = dir + ": cannot lock the output directory (" + lock + ")";
  fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) os_error(cannot_lock);
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    int saved = errno;
    ::close(fd_);
    errno = saved;
    os_error(cannot_lock);
  }
}

OutputDirLock::~OutputDirLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace drsim
