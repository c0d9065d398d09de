#pragma once
/// \file finding.hpp
/// A finding: something a DR planner must know, with the stable codes of CONTRACT.md.
/// Static findings come from the configuration comparison (config_check.hpp); runtime
/// findings (paging-overload, cpu-saturation, rto-missed) from the simulation.

#include <string>
#include <vector>

namespace drsim {

enum class Severity { Info, Warning, Error };
const char* to_string(Severity s);

/// Stable finding codes (CONTRACT.md "Finding codes").
namespace code {
inline constexpr const char* kMemoryShortfall = "memory-shortfall";
inline constexpr const char* kNoExpandedStorage = "no-expanded-storage";
inline constexpr const char* kThirdLevelGuests = "third-level-guests";
inline constexpr const char* kSharedCpus = "shared-cpus";
inline constexpr const char* kMissingHipersockets = "missing-hipersockets";
inline constexpr const char* kMissingHipersocketRouter = "missing-hipersocket-router";
inline constexpr const char* kMissingVswitchController = "missing-vswitch-controller";
inline constexpr const char* kDeviceAddressChange = "device-address-change";
inline constexpr const char* kPagingOverload = "paging-overload";
inline constexpr const char* kCpuSaturation = "cpu-saturation";
inline constexpr const char* kRtoMissed = "rto-missed";
inline constexpr const char* kCriticalNotPlanned = "critical-not-planned";
inline constexpr const char* kMissingOsa = "missing-osa";
inline constexpr const char* kCriticalForcedOff = "critical-forced-off";
}  // namespace code

struct Finding {
  std::string code;  ///< one of drsim::code
  Severity severity = Severity::Warning;
  std::string subject;      ///< LPAR, VM, guest or network name
  double t_s = 0;           ///< seconds from the exercise start when it arose (0 = known before)
  std::string message;      ///< what is wrong, in a system programmer's words
  std::string production;   ///< what production has ("8GB + 2GB Xstor"), may be empty
  std::string dr;           ///< what the DR site provides ("3.5GB, no Xstor"), may be empty
  std::string consequence;  ///< what it will do to the test
  std::string remedy;       ///< what to do about it
  std::string pointer;      ///< JSON Pointer into the scenario of the DR value, may be empty
  std::vector<std::string> blocks;  ///< guests this finding keeps from coming up (none: empty)
};

}  // namespace drsim
