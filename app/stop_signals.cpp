#include "app/stop_signals.hpp"

namespace drsim {

volatile sig_atomic_t g_stop = 0;

namespace {

extern "C" void on_stop_signal(int sig) {
  g_stop = sig;
}

}  // namespace

StopSignals::StopSignals() {
  g_stop = 0;
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, &old_int_);
  sigaction(SIGTERM, &sa, &old_term_);
}

StopSignals::~StopSignals() {
  sigaction(SIGINT, &old_int_, nullptr);
  sigaction(SIGTERM, &old_term_, nullptr);
}

}  // namespace drsim
