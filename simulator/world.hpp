#pragma once
/// \file world.hpp
/// One simulation's world: the scenario, its resolved topology, the result being written,
/// and the entities that play the exercise out, each owning its state (docs/engine.md):
/// PR/SM and its LPARs, the z/VMs, the production systems, the guests, the distributed
/// systems, the tape pool, the networks, the steady loads, the plan's steps, the reactions
/// and the monitor. Only simulator/*.cpp include this. Actors run one at a time
/// (contexts/nthreads = 1), so plain containers are safe; entities live in deques so that
/// the pointers between them stay valid.

#include <deque>
#include <map>
#include <memory>
#include <simgrid/s4u.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "models/scenario.hpp"
#include "models/topology.hpp"
#include "simulator/crew.hpp"
#include "simulator/guest.hpp"
#include "simulator/lpar_shares.hpp"
#include "simulator/monitor.hpp"
#include "simulator/network.hpp"
#include "simulator/plan.hpp"
#include "simulator/reactions.hpp"
#include "simulator/result.hpp"
#include "simulator/staff.hpp"
#include "simulator/steady_load.hpp"
#include "simulator/system.hpp"
#include "simulator/tape.hpp"
#include "simulator/zvm.hpp"

namespace drsim::sim {

namespace sg4 = simgrid::s4u;

struct World {
  const Scenario* sc = nullptr;
  Topology topo;
  Result result;
  double end_s = 0;              ///< exercise duration
  sg4::Host* control = nullptr;  ///< where the actors that only wait run
  Crew crew;                     ///< reused actors for short jobs (crew.hpp)

  Prsm prsm;                                        ///< the DR machine's LPARs
  std::map<std::string, Lpar*> reserved_dedicated;  ///< z/VM name -> CPs for dedicate-cpus
  std::deque<Zvm> zvms;                             ///< topology order
  std::deque<System> systems;                       ///< production.systems order
  std::deque<Guest> guests;                         ///< production.guests order
  /// The guests of each production VM (GuestSpec::vm), in production.guests order: an XAUTOLOG
  /// step of "*" looks at its VM's guests only (issue 18: 400 steps each scanned 20,000 guests)
  std::unordered_map<std::string_view, std::vector<Guest*>> guests_by_vm;
  std::deque<Distributed> distributed;  ///< production.distributed order
  TapePool tape;
  Network network;
  std::vector<std::unique_ptr<SteadyLoad>> loads;
  std::deque<Step> steps;
  std::deque<Reaction> reactions;
  std::unique_ptr<Monitor> monitor;
  std::map<std::string, double> noticed;  ///< finding code -> first hour a system hit it
  long long activities = 0;               ///< SimGrid activities started (metrics.events)
  /// Attribution, metrics and series are recorded (false in a Monte Carlo batch child, whose
  /// summary needs none of them: RunOptions::summary_only).
  bool full_result = true;

  double now() const { return sg4::Engine::get_clock(); }
  Guest* find_guest(const std::string& name);
  const Guest* find_guest(const std::string& name) const;
  /// The guests of production VM `vm` (empty when none), in production.guests order.
  const std::vector<Guest*>& guests_of_vm(const std::string& vm) const;
  System* find_system(const std::string& name);
  const System* find_system(const std::string& name) const;
  Zvm* find_zvm(const std::string& name);
  Step* find_step(const std::string& id);
  /// A guest was blocked by `code` (a finding a reaction may wait for).
  void note_blocked(const std::string& code);
  /// An event of result.json "events" now.
  void log_event(const std::string& kind, const std::string& subject, const std::string& msg);
  /// Waits until `who` works (its calendar, models/calendar.hpp) before `subject` can go on;
  /// logs the wait as a "calendar" event and shows it as a "waiting" phase on `lanes`.
  /// Returns the wait as an off-hours attribution segment (empty when it did not wait).
  attribution::Segment wait_for(Performer who, const std::string& subject,
                                const std::vector<Lane*>& lanes = {});
  /// Waits while `who` does `work_s` of work in its hours (a 24x7 performer: plain time).
  void work_for(Performer who, double work_s);
};

/// Appends the result rows (systems, then guests, then distributed), before anything
/// points at them.
void make_rows(World& w);
/// Creates the systems, guests, distributed systems, steps and reactions over the built
/// platform, with their rows, and which of them the plan starts.
void make_entities(World& w);

}  // namespace drsim::sim
