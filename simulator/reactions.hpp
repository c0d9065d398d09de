#pragma once
/// \file reactions.hpp
/// The operator's runbook rules: when the monitor sees a rule's condition hold long enough,
/// the action takes effect after its lead time (an actor of its own): force guests off, give
/// a VM more storage and re-IPL it, define a missing network, dedicate CPs, start guests.

#include <vector>

#include "models/attribution.hpp"
#include "models/scenario.hpp"
#include "simulator/event.hpp"

namespace drsim::sim {

struct World;
class Gauge;

/// A condition watched every minute: since when it has held, and whether it fired.
struct Watch {
  double since = -1;
  bool fired = false;
};

/// One reaction rule with its watch and the event of its action's end.
class Reaction {
 public:
  explicit Reaction(const ReactionSpec& spec) : spec(spec) {}
  /// Whether the reaction it comes after (if any) has taken effect.
  bool ready() const;
  /// Starts the action's actor: it waits the lead time, acts, and fires `done`.
  void trigger(World& w);

  const ReactionSpec& spec;
  const Reaction* after = nullptr;  ///< the reaction it waits for (null: none, or unknown)
  const Gauge* gauge = nullptr;     ///< a paging or CPU condition's reading (null: none)
  Watch watch;
  Event done;

 private:
  void run(World& w);
  void force_off(World& w);
  void set_memory(World& w);
  void define_network(World& w);
  void dedicate(World& w);
  void start_guests(World& w);
  /// "more-memory (VMPROD set-memory)": what its lead time is named in attribution.
  std::string label() const;

  double triggered_at_ = 0;
  std::vector<attribution::Segment> lead_;  ///< its off-hours wait and lead time
};

}  // namespace drsim::sim
