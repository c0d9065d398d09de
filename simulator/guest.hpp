#pragma once
/// \file guest.hpp
/// A Linux or CMS guest of a z/VM at the DR site: XAUTOLOGged by a plan step or an operator,
/// it boots (or logs on), restores its TSM incrementals, starts its application, waits for
/// its network needs, then runs; an operator may force it off. Its start-up runs on a crew
/// member (crew.hpp); forced off, the start-up is abandoned and ends at its next wake-up.

#include <simgrid/s4u.hpp>
#include <string>
#include <vector>

#include "models/startup.hpp"
#include "models/topology.hpp"
#include "simulator/event.hpp"
#include "simulator/holding.hpp"
#include "simulator/lane.hpp"
#include "simulator/recorder.hpp"

namespace drsim::sim {

namespace sg4 = simgrid::s4u;
struct World;
class Zvm;

enum class GuestState { Off, Starting, Waiting, Blocked, Up, ForcedOff };

/// A guest with its spec node, live state and result row.
class Guest {
 public:
  Guest(const GuestNode& node, Zvm* zvm, Lane lane)
      : node(node), text(node.spec->name), zvm(zvm), lane(lane) {}

  const GuestSpec& spec() const { return *node.spec; }
  const std::string& name() const { return node.spec->name; }
  /// Logs it on: its working set joins its z/VM's and its start-up actor begins.
  void logon(World& w);
  /// Logs it off now, releasing what its actor held; `by_operator` keeps it off (status
  /// forced_off, recording the up interval it ended and `reaction`).
  void force_off(World& w, const std::string& why, bool by_operator,
                 const std::string& reaction = {});
  /// Its status and reason at the exercise end.
  void finish();

  const GuestNode& node;
  /// Its name as an attribution text, interned once (its segments name it on every slice).
  const attr::Text text;
  Zvm* zvm;  ///< the z/VM it runs under at DR (null when not at DR)
  Lane lane;
  GuestState state = GuestState::Off;
  bool in_plan = false;       ///< a plan step XAUTOLOGs it
  double share_weight = 100;  ///< its z/VM SHARE as a weight (models/cpu share_weight)
  bool logged_on = false;
  double logged_on_at = -1;  ///< its last logon
  bool operator_forced = false;
  /// Where it waits for a network change: made per logon at its first wait (most guests never
  /// wait: ~0.5 KiB each, issue 18).
  sg4::SemaphorePtr wake;
  Event came_up;  ///< first time it is up
  Recorder rec;   ///< what its time went to (attribution)

 private:
  /// The start-up of logon number `run` (false from the helpers: it was abandoned).
  void start_up(World& w, int run);
  bool work_with_paging(World& w, const Work& work, attr::Cause cause, int run);
  bool wait_for_needs(World& w, int run);
  /// Whether logon `run` was forced off since (its start-up must stop, touching nothing).
  bool gone(int run) const { return run != run_; }
  void become_up(World& w);
  void set_steady(World& w, bool on);
  double multiplier(const World& w) const;

  sg4::ActorPtr member_;  ///< the crew member running its start-up (null: none)
  bool asleep_ = false;   ///< its start-up sleeps (a fixed wait, a TSM restore)
  int run_ = 0;           ///< logons and forced logoffs so far: a start-up's run number
  Holding holding_;
  attr::Cause doing_ = attr::Cause::Boot;  ///< the start-up work under way
  bool steady_added_ = false;
  double steady_cpu_ = 0, steady_fault_ = 0;
};

/// XAUTOLOG: logs the guests on in order, `stagger` apart, each once its z/VM is up and its
/// minidisks are restored; skips guests not at DR, already on, or forced off. `by` names
/// who issued it ("step autolog-linux"), for attribution.
void xautolog(World& w, const std::vector<Guest*>& guests, double stagger,
              const std::string& by = "XAUTOLOG");

}  // namespace drsim::sim
