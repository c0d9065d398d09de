#pragma once
/// \file output_files.hpp
/// How commands write their output files: each atomically (a temporary sibling, then rename),
/// with the OS reason on failure, and never leaving a temporary file behind, also when SIGINT
/// or SIGTERM arrives in the middle of a write. A run's output directory is locked while its
/// files are replaced, so two runs on one --out never mix their files.

#include <string>
#include <string_view>

namespace drsim {

/// Writes text to path through "path.tmp.PID" and a rename; creates the parent directory.
/// Throws std::runtime_error "PATH: cannot write: REASON" (REASON from the OS).
void write_file_atomic(const std::string& path, const std::string& text);

/// The same, written in pieces: write() appends to "path.tmp.PID", commit() closes and renames
/// it; destroyed uncommitted (or on SIGINT/SIGTERM), the temporary file is removed. At most 2
/// at once in a process (write_file_atomic uses one). Errors throw as write_file_atomic's.
class AtomicFile {
 public:
  explicit AtomicFile(const std::string& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view text);
  void commit();

 private:
  void release();
  [[noreturn]] void fail();

  std::string path_, tmp_;
  int fd_ = -1;
  int slot_ = -1;
};

/// SIGINT and SIGTERM: remove the temporary file being written, print "drsim: interrupted" and
/// exit 130 (SIGINT) or 143 (SIGTERM). SIGABRT (an assertion inside SimGrid): print what
/// happened and exit 2. Installed once by main().
void install_signal_handlers();

/// An exclusive lock on a run's output directory (the file DIR/.drsim.lock, flock), held while
/// the run replaces its files. Creates the directory. Waits for another run that holds it.
class OutputDirLock {
 public:
  /// Throws std::runtime_error "DIR: cannot ...: REASON".
  explicit OutputDirLock(const std::string& dir);
  ~OutputDirLock();
  OutputDirLock(const OutputDirLock&) = delete;
  OutputDirLock& operator=(const OutputDirLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace drsim
