#pragma once
/// \file critical_path.hpp
/// The critical path of a recovery: from the RTO moment (the last critical system up, or
/// the exercise end when one never came up) walked back through what gated it to the start,
/// and the "what set the RTO" summary of it (docs/result-format.md).

#include <optional>
#include <string>
#include <vector>

#include "models/attribution.hpp"

namespace drsim::attribution {

/// One system's whole timeline (normalise()d over [0, exercise end]).
struct SystemTimeline {
  std::string name;
  bool critical = false;
  bool planned = true;
  std::optional<double> up_s;  ///< its (first) up time, if it came up
  std::vector<Segment> segments;
  Portion gap = portion(Cause::NotStarted, 0);  ///< what unrecorded time went to
};

/// A segment of the critical path: which system spent it on what.
struct PathSegment {
  std::string system;
  Segment segment;
};

/// Where the walk starts: the critical planned system that came up last (the RTO moment),
/// or, when one never came up, the exercise end on such a system (a blocked one first).
/// Without critical systems, the last planned system. Empty name = nothing to walk.
struct RtoMoment {
  std::string system;
  double t = 0;
  bool met = false;  ///< every critical system came up (t is their last up time)
};
RtoMoment rto_moment(const std::vector<SystemTimeline>& systems, double end);

/// Walks back from `from` at `t` to 0 and returns the path in time order. In each system it
/// takes the segment ending the stretch; a Predecessor wait with a gate jumps to the gate
/// system at the time the gate came up; an Up segment (the system was running, something
/// else made it act) returns to the system the walk came from. The segments cover [0, t].
std::vector<PathSegment> critical_path(const std::vector<SystemTimeline>& systems,
                                       const std::string& from, double t);

/// Seconds on the critical path per resource class and per resource.
struct Driver {
  ResourceClass cls = ResourceClass::Plan;
  std::string resource;  ///< empty in by_class entries
  double seconds = 0;
};
struct RtoDrivers {
  std::vector<Driver> by_class;  ///< largest first
  std::vector<Driver> top;       ///< the three largest resources
  std::string summary;           ///< "the 4 tape drives: 3h10m; VMPROD's 2 virtual CPs at SIE ..."
};
RtoDrivers rto_drivers(const std::vector<PathSegment>& path);

/// The name of a class for people: "tape drives", "CPs", "network definitions", ...
const char* class_label(ResourceClass c);

}  // namespace drsim::attribution
