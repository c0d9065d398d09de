#pragma once
/// \file units.hpp
/// The one units parser of drsim. Values that people write with units carry them:
/// sizes ("8GB", "3.5GiB"), rates ("100MBps", "14MB/s"), durations ("4min", "1h30m"),
/// and exercise times ("Mon 08:00"). A bare number is refused, except 0.

#include <optional>
#include <string>
#include <string_view>

namespace drsim::units {

/// Outcome of parsing one value: the number in base units, or what was expected.
struct Parsed {
  std::optional<double> value;  ///< base units: bytes, bytes/s, seconds
  std::string expected;         ///< set when value is empty: "a size such as \"8GB\""
};

/// Sizes: B, KB, MB, GB, TB (decimal, 1e3 steps) and KiB, MiB, GiB, TiB (binary).
/// "8GB" = 8e9 bytes. Returns bytes.
Parsed parse_size(std::string_view text);

/// Rates: a size unit followed by "ps" or "/s": "100MBps", "14MB/s", "1.5GiB/s". Returns bytes/s.
Parsed parse_rate(std::string_view text);

/// Durations: one or more number+unit groups: "90s", "4min", "2h", "1h30m", "1d", "250ms".
/// Units: ms, s, sec, m, min, h, hr, d. Returns seconds.
Parsed parse_duration(std::string_view text);

/// A wall-clock time of the exercise week: "Mon 08:00", "tue 9:05". Returns seconds since
/// Monday 00:00 (0 .. 7*86400).
Parsed parse_week_time(std::string_view text);

/// A time of day: "08:00", "18:30". Returns seconds since midnight.
Parsed parse_time_of_day(std::string_view text);

/// Formats seconds since Monday 00:00 as "Mon 13:40" (minutes rounded down; beyond Sunday it
/// wraps to the next week's days).
std::string format_week_time(double seconds_since_monday);

/// Formats a duration compactly: "3h10m", "45m", "2d4h", "0m". Negative values get a "-".
std::string format_duration(double seconds);

/// Formats a size for messages: "3.5GB" (decimal units, up to 3 significant decimals).
std::string format_size(double bytes);

}  // namespace drsim::units
