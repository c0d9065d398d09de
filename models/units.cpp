#include "models/units.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>

namespace drsim::units {
namespace {

struct Unit {
  std::string_view name;
  double factor;
};

constexpr std::array<Unit, 10> kSizeUnits{{{"B", 1},
                                           {"KB", 1e3},
                                           {"MB", 1e6},
                                           {"GB", 1e9},
                                           {"TB", 1e12},
                                           {"KiB", 1024.0},
                                           {"MiB", 1024.0 * 1024},
                                           {"GiB", 1024.0 * 1024 * 1024},
                                           {"TiB", 1024.0 * 1024 * 1024 * 1024},
                                           {"k", 1e3}}};

constexpr std::array<Unit, 12> kDurationUnits{{{"ms", 1e-3},
                                               {"s", 1},
                                               {"sec", 1},
                                               {"m", 60},
                                               {"min", 60},
                                               {"mins", 60},
                                               {"h", 3600},
                                               {"hr", 3600},
                                               {"hrs", 3600},
                                               {"d", 86400},
                                               {"day", 86400},
                                               {"days", 86400}}};

constexpr std::array<std::string_view, 7> kDays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

/// Reads a non-negative decimal number at the front of s ("12", "3.5", ".5"); no exponent,
/// no sign, so "1e12" and "-3" are refused by the callers' grammar.
bool read_number(std::string_view& s, double& out) {
  size_t i = 0;
  bool digits = false;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, digits = true;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, digits = true;
  }
  if (!digits || i > 32) return false;
  out = std::strtod(std::string(s.substr(0, i)).c_str(), nullptr);
  s.remove_prefix(i);
  return std::isfinite(out);
}

template <size_t N>
const Unit* find_unit(const std::array<Unit, N>& table, std::string_view name, bool fold_case) {
  for (const auto& u : table) {
    if (u.name == name) return &u;
  }
  if (!fold_case) return nullptr;
  for (const auto& u : table) {
    if (u.name.size() != name.size()) continue;
    bool same = true;
    for (size_t i = 0; i < name.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(u.name[i])) ==
             std::tolower(static_cast<unsigned char>(name[i]));
    if (same) return &u;
  }
  return nullptr;
}

Parsed fail(std::string expected) {
  return Parsed{std::nullopt, std::move(expected)};
}

/// "<number> <unit>" against a size table; the unit may be followed by a rate suffix.
Parsed parse_size_like(std::string_view text, bool rate, const char* expected) {
  std::string_view s = trim(text);
  double n = 0;
  if (!read_number(s, n)) return fail(expected);
  s = trim(s);
  if (rate) {
    const std::string_view per = s.size() >= 2 ? s.substr(s.size() - 2) : std::string_view();
    if (per == "/s" || per == "ps") {
      s.remove_suffix(2);
    } else {
      return (n == 0 && s.empty()) ? Parsed{0.0, {}} : fail(expected);
    }
  }
  if (s.empty()) return n == 0 ? Parsed{0.0, {}} : fail(expected);
  const Unit* u = find_unit(kSizeUnits, s, false);
  if (u == nullptr || u->name == "k") return fail(expected);
  return Parsed{n * u->factor, {}};
}

}  // namespace

Parsed parse_size(std::string_view text) {
  return parse_size_like(text, false, "a size with a unit such as \"8GB\", \"512MB\" or \"2GiB\"");
}

Parsed parse_rate(std::string_view text) {
  return parse_size_like(text, true, "a rate with a unit such as \"100MBps\" or \"14MB/s\"");
}

Parsed parse_duration(std::string_view text) {
  const char* expected = "a duration with a unit such as \"90s\", \"4min\", \"2h\" or \"1h30m\"";
  std::string_view s = trim(text);
  if (s.empty()) return fail(expected);
  double total = 0;
  int groups = 0;
  while (!s.empty()) {
    double n = 0;
    if (!read_number(s, n)) return fail(expected);
    s = trim(s);
    size_t i = 0;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    std::string_view unit = s.substr(0, i);
    s.remove_prefix(i);
    s = trim(s);
    if (unit.empty()) {
      if (n == 0 && groups == 0 && s.empty()) return Parsed{0.0, {}};
      return fail(expected);
    }
    const Unit* u = find_unit(kDurationUnits, unit, true);
    if (u == nullptr) return fail(expected);
    total += n * u->factor;
    ++groups;
  }
  if (!std::isfinite(total) || total > 1e9) return fail(expected);
  return Parsed{total, {}};
}

Parsed parse_time_of_day(std::string_view text) {
  const char* expected = "a time of day such as \"08:00\"";
  std::string_view s = trim(text);
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() - colon != 3)
    return fail(expected);
  int h = 0, m = 0;
  for (size_t i = 0; i < colon; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return fail(expected);
    h = h * 10 + (s[i] - '0');
  }
  for (size_t i = colon + 1; i < s.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return fail(expected);
    m = m * 10 + (s[i] - '0');
  }
  if (h > 23 || m > 59) return fail(expected);
  return Parsed{h * 3600.0 + m * 60.0, {}};
}

Parsed parse_week_time(std::string_view text) {
  const char* expected = "a day and time such as \"Mon 08:00\"";
  std::string_view s = trim(text);
  if (s.size() < 4) return fail(expected);
  int day = -1;
  for (size_t d = 0; d < kDays.size(); ++d) {
    bool same = true;
    for (size_t i = 0; i < 3 && same; ++i)
      same = std::tolower(static_cast<unsigned char>(s[i])) ==
             std::tolower(static_cast<unsigned char>(kDays[d][i]));
    if (same) day = static_cast<int>(d);
  }
  if (day < 0 || !std::isspace(static_cast<unsigned char>(s[3]))) return fail(expected);
  Parsed tod = parse_time_of_day(s.substr(4));
  if (!tod.value) return fail(expected);
  return Parsed{day * 86400.0 + *tod.value, {}};
}

std::string format_week_time(double seconds_since_monday) {
  if (!std::isfinite(seconds_since_monday)) return "never";
  // clamped: a cast of a double beyond long long is undefined (found by fuzz_units)
  const double minutes = std::clamp(seconds_since_monday / 60.0 + 1e-9, -1e15, 1e15);
  constexpr long long kDayMinutes = 24LL * 60;
  const auto total_min = static_cast<long long>(std::floor(minutes));
  long long day = total_min / kDayMinutes;
  long long minute_of_day = total_min % kDayMinutes;
  if (minute_of_day < 0) minute_of_day += kDayMinutes, day -= 1;
  int d = static_cast<int>(((day % 7) + 7) % 7);
  // "Tue 08:05" by hand: snprintf was 2,300 instructions a call, 1.2 M in a year-1 run
  std::string out(kDays[d]);
  auto two_digits = [&out](long long v) {  // 0..59
    out += static_cast<char>('0' + v / 10);
    out += static_cast<char>('0' + v % 10);
  };
  out += ' ';
  two_digits(minute_of_day / 60);
  out += ':';
  two_digits(minute_of_day % 60);
  return out;
}

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds)) return "n/a";
  std::string sign = seconds < 0 ? "-" : "";
  long long m = std::llround(std::min(std::fabs(seconds) / 60.0, 1e15));  // llround of more: UB
  long long d = m / 1440, h = (m % 1440) / 60, mm = m % 60;
  std::string out = sign;
  if (d > 0) out += std::to_string(d) + "d";
  if (h > 0) out += std::to_string(h) + "h";
  if (mm > 0 || (d == 0 && h == 0)) out += std::to_string(mm) + "m";
  return out;
}

std::string format_size(double bytes) {
  const char* names[] = {"B", "KB", "MB", "GB", "TB"};
  int i = 0;
  double v = bytes;
  while (std::fabs(v) >= 1000 && i < 4) v /= 1000, ++i;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.3g%s", v, names[i]);
  return buf;
}

}  // namespace drsim::units
