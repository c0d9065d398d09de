#pragma once
/// \file timeline_layout.hpp
/// Layout maths of the HTML timeline, as pure functions: the exercise calendar as a time
/// axis (time -> percent of the axis width, day columns, night bands, hour ticks, labels
/// like "Tue 09:40") and the grouping of system lanes by machine -> LPAR -> VM -> tier.
/// Positions are percentages so the page scales to any width and prints fitted.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace drsim::reports {

inline constexpr double kSecondsPerHour = 3600.0;
inline constexpr double kSecondsPerDay = 86400.0;
inline constexpr double kSecondsPerWeek = 7 * kSecondsPerDay;

/// The exercise calendar: where t_s = 0 falls in the week and how long the exercise runs.
struct TimeAxis {
  double start_week_s = 0;  ///< seconds since Monday 00:00 of the exercise start
  double duration_s = 0;    ///< exercise length in seconds (> 0)
};

/// Position of t_s (seconds from the exercise start) in percent of the axis width:
/// 0 at the start, 100 at the end, clamped to [0, 100].
double time_to_percent(const TimeAxis& axis, double t_s);

/// Width in percent of the interval [start_s, end_s] after clamping both ends; never negative.
double span_percent(const TimeAxis& axis, double start_s, double end_s);

/// "Tue 09:40" for t_s seconds after the exercise start (minutes rounded down).
std::string week_label(const TimeAxis& axis, double t_s);

/// A readable duration: "45 min", "2 h 05 min", "1 d 3 h".
std::string duration_label(double seconds);

/// Parses "Mon 08:00" (day of week + HH:MM) into seconds since Monday 00:00.
/// Returns nothing when the text is not such a label.
std::optional<double> parse_week_label(const std::string& text);

/// Parses "HH:MM" into seconds since midnight. Returns nothing when malformed.
std::optional<double> parse_clock(const std::string& text);

/// One calendar day (or the part of it inside the exercise).
struct DayColumn {
  double start_s = 0;  ///< from the exercise start, clipped to the axis
  double end_s = 0;
  std::string label;  ///< "Mon", "Tue", ...
};

/// The days the exercise touches, in order, clipped to [0, duration].
std::vector<DayColumn> day_columns(const TimeAxis& axis);

/// An interval of the axis, in seconds from the exercise start.
struct Band {
  double start_s = 0;
  double end_s = 0;
};

/// The hours outside staff hours (from day_from_s to day_to_s, seconds of the day), clipped
/// to the axis and merged across midnight. Empty when from == to.
std::vector<Band> night_bands(const TimeAxis& axis, double day_from_s, double day_to_s);

/// A whole hour on the axis.
struct HourTick {
  double t_s = 0;  ///< from the exercise start
  int hour = 0;    ///< 0..23, hour of the day
};

/// Every whole hour strictly inside the axis (the start and end are not ticks).
std::vector<HourTick> hour_ticks(const TimeAxis& axis);

/// The end of the part of the exercise where something happens: the last of `event_times`
/// (seconds from the start) plus a margin (a tenth of it, at least 2 h), within the axis.
/// The whole axis when that is most of it (over 80 %) or nothing happened.
double busy_end_s(const TimeAxis& axis, const std::vector<double>& event_times);

/// Rows for labels that must not overlap: labels i (sorted by left edge, in percent, with
/// their widths in percent) get the first row whose last label ends before left[i].
std::vector<int> stack_rows(const std::vector<double>& left, const std::vector<double>& width);

/// What the grouping needs to know about one system (empty strings for nulls).
struct LaneKey {
  std::string name;
  std::string kind;     ///< zos | zvm | cms | linux | distributed
  std::string tier;     ///< production | qa | dev | test | ""
  std::string machine;  ///< "" for distributed systems
  std::string lpar;     ///< "" for distributed systems
  std::string host;     ///< the z/VM it runs under, else the LPAR
  int sie_level = 0;    ///< 0 when unknown
  bool critical = false;
  double start_s = 1e300;  ///< when its first phase began (the plan's order); 1e300: never
};

/// A group of lanes: a machine, an LPAR, the systems of one host, or a tier of Linux guests.
struct LaneGroup {
  std::string label;                ///< "DR z9 EC", "LPAR VNDVM", "guests of VMPROD", "production"
  std::string detail;               ///< e.g. "3rd SIE level"; may be empty
  int level = 0;                    ///< 0 machine, 1 LPAR, 2 host, 3 tier
  std::vector<std::size_t> lanes;   ///< indices into the keys, in display order (before children)
  std::vector<LaneGroup> children;  ///< subgroups, in display order
};

/// Groups systems machine -> LPAR -> host -> (Linux) tier, distributed systems last.
/// Machines, LPARs and hosts keep the order in which the keys first name them (the
/// scenario's order, the same in every run of a site). Within a group: z/OS, z/VM, CMS, then
/// Linux by tier (production, qa, dev, test); in each, critical systems first, then in the
/// order the plan started them (start_s), then in the keys' order.
std::vector<LaneGroup> group_lanes(const std::vector<LaneKey>& keys);

/// Every lane index of the groups, in display order (each key exactly once).
std::vector<std::size_t> lanes_in_order(const std::vector<LaneGroup>& groups);

}  // namespace drsim::reports
