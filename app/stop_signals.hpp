#pragma once
/// \file stop_signals.hpp
/// SIGINT/SIGTERM while a batch of forked children runs (Monte Carlo replications, sweep
/// points): the handler only records the signal, the batch's loop then stops its children,
/// reaps them and reports "interrupted" (exit 130 / 143, as a shell reports a killed process).

#include <csignal>

namespace drsim {

/// The signal that asked the running batch to stop; 0 while none did.
extern volatile sig_atomic_t g_stop;

/// While alive, SIGINT and SIGTERM set g_stop (without SA_RESTART, so a blocked waitpid or
/// poll returns EINTR); the previous handlers come back when it goes.
class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

}  // namespace drsim
