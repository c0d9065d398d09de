#include "app/output_files.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string_view>

namespace drsim {
namespace {

namespace fs = std::filesystem;

/// The temporary files being written (at most 2 at once: `drsim run` streams result.json on a
/// second thread while timeline.html is written), for the signal handler (async-signal-safe:
/// fixed buffers and flags, no allocation).
constexpr int kTempSlots = 2;
char g_temp_path[kTempSlots][4096];
volatile std::sig_atomic_t g_temp_set[kTempSlots] = {0, 0};
std::mutex g_slots;  // taking and giving back a slot (not the handler)

void unlink_temps() {
  for (int i = 0; i < kTempSlots; ++i)
    if (g_temp_set[i]) ::unlink(g_temp_path[i]);
}

void write_stderr(const char* text) {
  ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
  (void)ignored;
}

extern "C" void on_interrupt(int sig) {
  unlink_temps();
  write_stderr("drsim: interrupted\n");
  ::_exit(128 + sig);
}

extern "C" void on_abort(int) {
  unlink_temps();
  write_stderr(
      "drsim: stopped on an internal check (its message is above; such checks are inside the "
      "simulation engine, SimGrid). Please report it with the scenario.\n");
  ::_exit(2);
}

[[noreturn]] void os_error(const std::string& what) {
  throw std::runtime_error(what + ": " + std::strerror(errno));
}

/// Writes all of text to fd; false (errno set) on failure.
bool write_all(int fd, std::string_view text) {
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

AtomicFile::AtomicFile(const std::string& path) : path_(path) {
  if (path.empty()) throw std::runtime_error("an empty file name: cannot write");
  fs::path target(path);
  make_parent(target);
  tmp_ = path + ".tmp." + std::to_string(::getpid());
  if (tmp_.size() >= sizeof g_temp_path[0])
    throw std::runtime_error(path + ": the path is too long");
  {
    std::lock_guard<std::mutex> hold(g_slots);
    for (int i = 0; i < kTempSlots && slot_ < 0; ++i)
      if (!g_temp_set[i]) slot_ = i;
    if (slot_ < 0) throw std::logic_error(path + ": more than 2 output files at once");
    std::memcpy(g_temp_path[slot_], tmp_.c_str(), tmp_.size() + 1);
    g_temp_set[slot_] = 1;
  }
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    int saved = errno;
    release();
    errno = saved;
    os_error(path + ": cannot write");
  }
}

void AtomicFile::write(std::string_view text) {
  if (!write_all(fd_, text)) fail();
}

void AtomicFile::commit() {
  int rc = ::close(fd_);
  fd_ = -1;
  if (rc != 0 || ::rename(tmp_.c_str(), path_.c_str()) != 0) fail();
  release();
}

AtomicFile::~AtomicFile() {
  if (slot_ < 0) return;
  if (fd_ >= 0) ::close(fd_);
  ::unlink(tmp_.c_str());
  release();
}

void AtomicFile::release() {
  std::lock_guard<std::mutex> hold(g_slots);
  g_temp_set[slot_] = 0;
  slot_ = -1;
}

void AtomicFile::fail() {
  int saved = errno;
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  ::unlink(tmp_.c_str());
  release();
  errno = saved;
  os_error(path_ + ": cannot write");
}

void write_file_atomic(const std::string& path, const std::string& text) {
  AtomicFile f(path);
  f.write(text);
  f.commit();
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
