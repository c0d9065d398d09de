#include "reports/duration_format.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace drsim::reports {

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds)) return "n/a";
  double s = std::fabs(seconds);
  if (s < 59.5) return std::to_string(std::llround(s)) + "s";
  long long m = std::llround(s / 60.0);
  long long d = m / 1440, h = (m % 1440) / 60, mm = m % 60;
  std::string out;
  if (d > 0) out += std::to_string(d) + "d";
  if (h > 0) out += std::to_string(h) + "h";
  if (mm > 0) out += std::to_string(mm) + "m";
  return out;
}

std::string format_delta(double seconds) {
  if (!std::isfinite(seconds)) return "n/a";
  if (std::llround(seconds) == 0) return "0";
  return (seconds < 0 ? "-" : "+") + format_duration(seconds);
}

std::string format_exercise_time(std::optional<double> start_week_s, double t_s) {
  if (!std::isfinite(t_s)) return "n/a";
  if (!start_week_s || !std::isfinite(*start_week_s)) return "T+" + format_duration(t_s);
  static constexpr std::array<const char*, 7> kDays{"Mon", "Tue", "Wed", "Thu",
                                                    "Fri", "Sat", "Sun"};
  auto total_min = static_cast<long long>(std::floor((*start_week_s + t_s) / 60.0 + 1e-9));
  long long day = ((total_min / 1440) % 7 + 7) % 7;
  long long minute = ((total_min % 1440) + 1440) % 1440;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s %02lld:%02lld", kDays[static_cast<size_t>(day)], minute / 60,
                minute % 60);
  return buf;
}

std::string format_number(double value) {
  if (!std::isfinite(value)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", value);
  return buf;
}

std::string format_money(double value) {
  if (!std::isfinite(value)) return "n/a";
  auto cents = static_cast<long long>(std::llround(std::fabs(value) * 100));
  std::string whole = std::to_string(cents / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3)
    whole.insert(static_cast<size_t>(i), ",");
  std::string frac = std::to_string(cents % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return (value < 0 && cents != 0 ? "-" : "") + whole + "." + frac;
}

}  // namespace drsim::reports
