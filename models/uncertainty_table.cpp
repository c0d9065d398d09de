#include "models/uncertainty_table.hpp"

#include <cmath>
#include <cstdio>

#include "models/param_table.hpp"

namespace drsim {
namespace {

using U = UncertaintyParams;
using K = UncertaintyKind;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

/// True when v prints exactly in 2 significant digits (0.3, 5, 1.5): the form it was set in.
bool round_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2g", v);
  return std::fabs(std::strtod(buf, nullptr) - v) < 1e-9 * std::max(1.0, std::fabs(v));
}

UncertaintyInfo spread(const char* key, Spread U::*m, const char* applies, const char* source) {
  return {key, K::Spread, applies, source, m, nullptr};
}

UncertaintyInfo number(const char* key, K kind, double U::*m, const char* applies,
                       const char* source) {
  return {key, kind, applies, source, nullptr, m};
}

}  // namespace

std::string spread_text(const Spread& s) {
  switch (s.kind) {
    case SpreadKind::Fixed:
      return "\"fixed\"";
    case SpreadKind::Lognormal: {
      double p95 = std::exp(kNormalZ95 * s.sigma);
      double cv = std::sqrt(std::expm1(s.sigma * s.sigma));
      if (round_number(p95) && !round_number(cv))
        return "{\"dist\": \"lognormal\", \"p95_ratio\": " + num(p95) + "}";
      return "{\"dist\": \"lognormal\", \"cv\": " + num(cv) + "}";
    }
    case SpreadKind::Uniform:
    case SpreadKind::Triangular:
      return std::string("{\"dist\": \"") +
             (s.kind == SpreadKind::Uniform ? "uniform" : "triangular") +
             "\", \"low\": " + num(s.low) + ", \"high\": " + num(s.high) + "}";
  }
  return "\"fixed\"";
}

std::string UncertaintyInfo::default_text() const {
  U defaults;
  switch (kind) {
    case K::Spread:
      return spread_text(defaults.*spread);
    case K::Probability:
      return num(defaults.*number);
    case K::Duration:
      return param_value_text(ParamKind::Duration, defaults.*number);
  }
  return "";
}

std::string UncertaintyInfo::range_text() const {
  switch (kind) {
    case K::Spread:
      return "\"fixed\", lognormal (cv 0-10 or p95_ratio 1-1000), uniform or triangular "
             "(low, high factors 0-100; triangular around 1)";
    case K::Probability:
      return "from 0 to 1";
    case K::Duration:
      return ">= 0 s";
  }
  return "";
}

const std::vector<UncertaintyInfo>& uncertainty_table() {
  static const std::vector<UncertaintyInfo> t{
      spread("robot_mount", &U::robot_mount, "robot mount, per volume",
             "DOMAIN-ROUND2 A1 (median 20 s), tail A3 (max/typical 5)"),
      spread("manual_mount", &U::manual_mount, "operator mount, per volume",
             "Assumption (median 180 s, p95 900 s)"),
      spread("locate", &U::locate, "locate, per volume", "DOMAIN-ROUND2 A4 (max = 2 x average)"),
      spread("rewind_unload", &U::rewind_unload, "rewind and unload, per volume",
             "DOMAIN-ROUND2 A4; shape Assumption"),
      spread("restore_rate", &U::restore_rate, "effective tape rate, per replication",
             "Assumption (DOMAIN-ROUND2 A5/A6: mounts dominate)"),
      spread("zos_ipl", &U::zos_ipl, "each z/OS IPL", "Assumption (as zvm_ipl)"),
      spread("zos_subsystems", &U::zos_subsystems, "each z/OS's subsystem start", "Assumption"),
      spread("zvm_ipl", &U::zvm_ipl, "each z/VM IPL", "Assumption (DOMAIN-ROUND2: CV 0.3)"),
      spread("linux_boot", &U::linux_boot, "each Linux guest's boot",
             "Assumption (DOMAIN-ROUND2: CV 0.3)"),
      spread("app_start", &U::app_start, "each guest's application start",
             "Assumption (DOMAIN-ROUND2 A9)"),
      spread("reconfigure", &U::reconfigure, "each reconfigure step", "Assumption"),
      spread("lead_time", &U::lead_time,
             "each reaction's lead time, fix_missing_userid, problem_detection",
             "Assumption (operator response; DOMAIN-ROUND2 A22: none found)"),
      spread("distributed_work", &U::distributed_work, "each distributed system's work",
             "Assumption"),
      number("cartridge_unreadable_p", K::Probability, &U::cartridge_unreadable_p,
             "per volume: the cartridge cannot be read and is read again",
             "DOMAIN-ROUND2 A13 (0.3 % of tapes read)"),
      number("reread_fails_p", K::Probability, &U::reread_fails_p,
             "the re-read fails too: the previous week's backup is restored", "Assumption"),
      number("drive_failure_p", K::Probability, &U::drive_failure_p,
             "per drive: it fails and is out for the rest of the day",
             "Assumption (DOMAIN-ROUND2 A14/A16)"),
      number("ipl_failure_p", K::Probability, &U::ipl_failure_p,
             "per z/OS: its first DR IPL fails, is fixed and retried",
             "Assumption (causes: DOMAIN-ROUND2 A8)"),
      number("ipl_fix_min", K::Duration, &U::ipl_fix_min_s, "shortest fix of a failed IPL",
             "DOMAIN-ROUND2 A8 (fix ~5 min once diagnosed)"),
      number("ipl_fix_max", K::Duration, &U::ipl_fix_max_s, "longest fix of a failed IPL",
             "Assumption (5-30 min)"),
  };
  return t;
}

}  // namespace drsim
