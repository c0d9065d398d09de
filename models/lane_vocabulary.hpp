#pragma once
/// \file lane_vocabulary.hpp
/// The words of a result row (result.json "systems", docs/result-format.md): the phases a
/// system's bar goes through, in lane order, and its status at the exercise end. One name
/// table each: the engine writes these names, the HTML report styles and lists them (a test
/// checks that every name has its CSS class and legend entry).

#include <array>
#include <string_view>
#include <utility>

namespace drsim {

/// A phase of a system's bar.
enum class Phase {
  Restore,      ///< its volumes on the tape drives
  Ipl,          ///< z/OS or z/VM IPL
  Reconfigure,  ///< SYSTEM CONFIG change before a re-IPL
  Logon,        ///< a CMS service machine logging on
  Boot,         ///< a Linux guest booting
  AppStart,     ///< subsystems or the application starting
  TsmRestore,   ///< TSM incrementals restored onto a guest
  Waiting,      ///< for a dependency: z/OS, the router, a VSWITCH controller, its VM
  Blocked,      ///< a missing definition: until something defines it
  ForcedOff,    ///< stopped by an operator action
  Work,         ///< staff rebuilding a distributed system
  Up,
};

/// A system's status at the exercise end.
enum class Status {
  Up,
  Degraded,    ///< started but not up: waiting for a need, or still starting
  Blocked,     ///< a missing definition keeps it from coming up
  NotStarted,  ///< never started (see its reason)
  ForcedOff,   ///< was up, then forced off by an operator's reaction (see its forced_off)
};

/// Every phase with its name, in lane order.
inline constexpr std::array<std::pair<Phase, std::string_view>, 12> kPhaseNames{{
    {Phase::Restore, "restore"},
    {Phase::Ipl, "ipl"},
    {Phase::Reconfigure, "reconfigure"},
    {Phase::Logon, "logon"},
    {Phase::Boot, "boot"},
    {Phase::AppStart, "app-start"},
    {Phase::TsmRestore, "tsm-restore"},
    {Phase::Waiting, "waiting"},
    {Phase::Blocked, "blocked"},
    {Phase::ForcedOff, "forced-off"},
    {Phase::Work, "work"},
    {Phase::Up, "up"},
}};

/// Every status with its name.
inline constexpr std::array<std::pair<Status, std::string_view>, 5> kStatusNames{{
    {Status::Up, "up"},
    {Status::Degraded, "degraded"},
    {Status::Blocked, "blocked"},
    {Status::NotStarted, "not_started"},
    {Status::ForcedOff, "forced_off"},
}};

/// The name of a phase (kPhaseNames).
std::string_view to_string(Phase p);
/// The name of a status (kStatusNames).
std::string_view to_string(Status s);

}  // namespace drsim
