#include "models/calendar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace drsim {
namespace {

constexpr double kDay = 86400;

bool any_day(const CalendarSpec& c) {
  return std::any_of(c.days.begin(), c.days.end(), [](bool b) { return b; });
}

bool works_on(const CalendarSpec& c, double day_start) {
  auto d = static_cast<long long>(std::floor(day_start / kDay));
  return c.days[static_cast<size_t>(((d % 7) + 7) % 7)];
}

std::string hhmm(double s) {
  char buf[32];
  auto m = static_cast<int>(std::lround(std::clamp(s, 0.0, 86400.0) / 60));
  std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
  return buf;
}

}  // namespace

double calendar_open_at(const CalendarSpec& c, double week_s) {
  if (c.always) return week_s;
  if (!any_day(c) || c.to_s <= c.from_s) return std::numeric_limits<double>::infinity();
  double t = week_s;
  for (int guard = 0; guard < 16; ++guard) {
    double day = std::floor(t / kDay) * kDay;
    double open = day + c.from_s, close = day + c.to_s;
    if (works_on(c, day) && t < close) return std::max(t, open);
    t = day + kDay;
  }
  return std::numeric_limits<double>::infinity();
}

double calendar_finish(const CalendarSpec& c, double week_s, double work_s) {
  if (c.always || work_s <= 0) return week_s + std::max(0.0, work_s);
  double t = week_s, left = work_s;
  for (int guard = 0; guard < 100000 && left > 1e-9; ++guard) {
    t = calendar_open_at(c, t);
    if (!std::isfinite(t)) return t;
    double close = std::floor(t / kDay) * kDay + c.to_s;
    double chunk = std::min(left, close - t);
    t += chunk, left -= chunk;
  }
  return t;
}

std::string calendar_text(const CalendarSpec& c) {
  if (c.always) return "24x7";
  static const char* names[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  std::string hours = hhmm(c.from_s) + "-" + hhmm(c.to_s);
  int n = static_cast<int>(std::count(c.days.begin(), c.days.end(), true));
  if (n == 7) return hours + " daily";
  int first = -1, last = -1;
  bool run = true;
  for (int i = 0; i < 7; ++i) {
    if (!c.days[static_cast<size_t>(i)]) continue;
    if (first < 0) first = i;
    if (last >= 0 && i != last + 1) run = false;
    last = i;
  }
  if (n == 0) return "never";
  if (run && n > 2) return std::string(names[first]) + "-" + names[last] + " " + hours;
  std::string days;
  for (int i = 0; i < 7; ++i)
    if (c.days[static_cast<size_t>(i)]) days += (days.empty() ? "" : ", ") + std::string(names[i]);
  return days + " " + hours;
}

}  // namespace drsim
