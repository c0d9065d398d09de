#pragma once
/// \file duration_format.hpp
/// Small formatters for durations and exercise times in reports. Reports read result JSON
/// only, so they carry their own formatting instead of reaching into models/.

#include <optional>
#include <string>

namespace drsim::reports {

/// A duration without sign: "3h10m", "2d4h", "45m", "30s" (under a minute in seconds,
/// otherwise rounded to the minute); "n/a" when not finite.
std::string format_duration(double seconds);

/// A signed difference: "+3h10m", "-45m", "0" for no change.
std::string format_delta(double seconds);

/// A time of the exercise: "Mon 13:30" when the exercise's start in the week is known
/// (seconds since Monday 00:00), else "T+5h30m" from the exercise start.
std::string format_exercise_time(std::optional<double> start_week_s, double t_s);

/// A plain number without trailing zeros: 2400, 0.5, 1.25.
std::string format_number(double value);

/// An amount of money with thousands separators and cents: "39,012.00".
std::string format_money(double value);

}  // namespace drsim::reports
