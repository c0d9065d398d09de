#pragma once
/// \file config_check.hpp
/// The static configuration comparison: what production needs against what the DR site
/// provides, without simulating (lessons 3, 5 and 6 of the story). Used by `drsim check` and by
/// the simulation engine for a run's static findings. Pure functions of a Scenario: no I/O.

#include <string>
#include <vector>

#include "models/finding.hpp"
#include "models/scenario.hpp"

namespace drsim {

/// Every finding of CONTRACT.md that can be known before the test: memory-shortfall,
/// no-expanded-storage, third-level-guests, shared-cpus, missing-hipersockets,
/// missing-hipersocket-router, missing-vswitch-controller, missing-osa, device-address-change,
/// critical-not-planned.
/// Ordered by severity (error first), then subject, then code. Each has t_s = 0.
std::vector<Finding> static_findings(const Scenario& s);

/// The plan.out_of_scope entry of a production system, guest or distributed system, or null.
const OutOfScopeSpec* out_of_scope(const Scenario& s, const std::string& name);

/// The questions to send the DR coordinator before the test: one per finding the vendor can
/// act on, plus one per value the scenario leaves unstated (DR memory, Xstor, virtual CPs,
/// DR device numbers). Deterministic order, no duplicates.
std::vector<std::string> vendor_questions(const Scenario& s, const std::vector<Finding>& findings);

/// How one DR-site value moved since the last test.
enum class DiffVerdict { Better, Worse, Changed };
const char* to_string(DiffVerdict v);

/// One difference between last test's DR-site configuration and this one's.
struct ConfigDiff {
  std::string subject;  ///< LPAR, production system, network name, or "tape" / "machine"
  std::string item;     ///< "memory", "mode", "devices" ...
  std::string last;     ///< last test's value, "(none)" when it was not there
  std::string current;  ///< this test's value, "(none)" when it is gone
  DiffVerdict verdict = DiffVerdict::Changed;
  std::string pointer;  ///< JSON Pointer into the current scenario, may be empty
};

/// "Don't assume you have what you did last time": every DR-site difference between the two
/// scenarios (machine, LPARs, placements and what each system gets, tape, network definitions),
/// in a deterministic order, each marked better / worse / changed.
std::vector<ConfigDiff> diff_dr_sites(const Scenario& last, const Scenario& current);

}  // namespace drsim
