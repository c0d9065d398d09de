#pragma once
/// \file replication.hpp
/// One Monte Carlo replication as a scenario: the nominal scenario with every modelled
/// duration drawn from its spread and the incidents that happened applied to it (more
/// cartridge reads, fewer drives, a longer first z/OS IPL, a forgotten DR definition).
/// Replication i of seed s draws from its own generator, rng::replication_seed(s, i), in a
/// fixed order: the same draw whatever else runs. docs/uncertainty.md lists the model.

#include <cstdint>
#include <string>
#include <vector>

#include "models/scenario.hpp"

namespace drsim {

/// Incident::kind of a DR definition the vendor forgot (a risk that happened): the only draw
/// that changes a static finding (models/config_check.hpp).
inline constexpr const char* kForgottenDefinition = "forgotten-definition";

/// Something that went wrong in a replication (an event on its timeline).
struct Incident {
  std::string kind;  ///< cartridge-unreadable | drive-failure | ipl-failure | forgotten-definition
  std::string subject;  ///< the system, drive or definition
  std::string message;
};

/// A tape drive out of service from `from_s` to `to_s` (seconds from the exercise start):
/// the engine plays it at its time (the drive finishes the volume it is on, then stops).
struct DriveOutage {
  int drive = 0;  ///< 0-based
  double from_s = 0, to_s = 0;
};

/// A z/OS whose first IPL ends in a wait state: the failed attempt (its elapsed time at full
/// speed), then the fix, then the IPL again (the system's drawn ipl_s). The engine plays it.
struct IplFailure {
  std::string system;
  double failed_s = 0;  ///< the failed IPL attempt
  double fix_s = 0;     ///< diagnosing and fixing it (A8: IODF, LOADxx, ...)
};

struct ReplicationDraw {
  Scenario scenario;  ///< what this replication simulates
  std::vector<Incident> incidents;
  std::vector<DriveOutage> drive_outages;  ///< drive-failure incidents, for the engine
  std::vector<IplFailure> ipl_failures;    ///< ipl-failure incidents, for the engine
  std::uint64_t seed = 0;                  ///< the replication's own seed
};

/// Draws replication `index` of a run seeded with `seed`. With uncertainty "none" the scenario
/// is the nominal one and nothing happens.
ReplicationDraw draw_replication(const Scenario& nominal, std::uint64_t seed, std::uint64_t index);
/// The same draw made on `nominal` itself, moved in (a Monte Carlo child's own copy of the
/// nominal scenario): no deep copy of the scenario.
ReplicationDraw draw_replication(Scenario&& nominal, std::uint64_t seed, std::uint64_t index);

}  // namespace drsim
