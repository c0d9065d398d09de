#pragma once
/// \file recorder.hpp
/// Attribution as the engine plays (docs/result-format.md, "Attribution and the critical
/// path"): each system, guest and distributed system owns a Recorder that keeps the timed
/// segments of what it waited for or worked on, with the resources and holders involved. The
/// engine only records what happened; models/attribution*.hpp lay out, split and sum.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "models/attribution.hpp"
#include "simulator/activity.hpp"

namespace drsim::sim {

namespace attr = drsim::attribution;
struct World;
struct Lpar;

/// One entity's timeline of attribution segments, in the order the engine recorded them.
class Recorder {
 public:
  /// Appends a segment (nothing when empty); an open stretch ends where it starts.
  void add(attr::Segment s);
  void add(attr::Cause cause, double start, double end, attr::Text resource = {},
           attr::Text detail = {});
  /// A wait for a plan step or another system; `gate` is the system whose coming up (at
  /// `gate_at`) ended it, "" when none.
  void wait(double start, double end, attr::Text resource, attr::Text detail, attr::Text gate = {},
            std::optional<double> gate_at = std::nullopt);
  /// Portions laid out one after the other over [start, end] (attr::lay_out).
  void lay_out(double start, double end, const std::vector<attr::Portion>& portions);
  /// A stretch from s.start whose end is not known yet (a wait, running); at most one.
  void open(attr::Segment s);
  /// Ends the open stretch at `now` (a predecessor wait's gate came up then, unless known).
  void close(double now);
  /// Up from `now` on (until something else is recorded or the exercise ends).
  void up(double now);
  bool is_open() const { return open_.has_value(); }
  /// Records nothing from now on (a Monte Carlo batch child: no attribution, RunOptions).
  void disable() { on_ = false; }
  bool enabled() const { return on_; }
  /// The end of the last recorded segment.
  double cursor() const { return cursor_; }
  /// The segments recorded, the open stretch closed at `end`.
  std::vector<attr::Segment> take(double end);

 private:
  std::vector<attr::Segment> segments_;
  std::optional<attr::Segment> open_;
  double cursor_ = 0;
  bool on_ = true;
};

/// A segment of `cause` over [start, end] with its default class.
attr::Segment segment(attr::Cause cause, double start, double end, attr::Text resource = {},
                      attr::Text detail = {});

/// What a piece of CPU work was, for splitting its elapsed time.
struct CpuWork {
  attr::Cause cause = attr::Cause::Boot;
  attr::Text self;   ///< the system doing it
  attr::Text who;    ///< its holder label in the LPAR (its own demand is not a holder)
  double cpu_s = 0;  ///< production-engine CP-seconds, before the SIE multiplier
  double mult = 1;   ///< the SIE level's CPU multiplier
  int sie_level = 1;
  attr::Text vcpus;  ///< "VMPROD's 2 virtual CPs at SIE level 3" ("" = none)
};

/// The CP use of an LPAR's holders up to a moment; taken before a piece of work starts, it
/// tells who else used the CPs while it ran.
class CpuProbe {
 public:
  CpuProbe(const World& w, const Lpar& lpar);
  /// Splits the work's elapsed time (models/attribution split_cpu_slice) into `rec`.
  void record(const World& w, Recorder& rec, const CpuTake& take, const CpuWork& work) const;

 private:
  const Lpar& lpar_;
  /// each holder's use so far, by its key in the LPAR's map (whose nodes never move)
  std::vector<std::pair<const std::string*, double>> held_;
  double denied_ = 0;
};

/// "the vendor's shared CPs (VNDVM)", "DRVM's dedicated CPs", "VMPROD's shared CPs": the
/// label of an LPAR `name` while shared and once dedicated (`vendor`: one of the DR vendor's).
std::pair<std::string, std::string> cps_labels(const std::string& name, bool vendor);
/// "VMPROD's 2 virtual CPs at SIE level 3".
std::string vcpus_label(const std::string& owner, int n, int sie_level);

}  // namespace drsim::sim
