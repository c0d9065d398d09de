#pragma once
/// \file calendar.hpp
/// Who works when: the calendars of the people who perform plan steps and reactions (the DR
/// vendor's operations, the customer's team, the vendor's change desk). Times are seconds
/// since Monday 00:00 of the exercise week; days repeat weekly. Pure functions.

#include <string>

#include "models/scenario.hpp"

namespace drsim {

/// The first time at or after `week_s` when the calendar is open (week_s itself when open).
/// A calendar with no working time at all (no day flagged) never opens: returns +infinity.
double calendar_open_at(const CalendarSpec& c, double week_s);

/// When `work_s` seconds of work begun at `week_s` end, counting only open time (the work
/// stops at closing time and goes on when the calendar opens again). +infinity when the
/// calendar never opens and work_s > 0.
double calendar_finish(const CalendarSpec& c, double week_s, double work_s);

/// "24x7", "08:00-18:00 daily", "Mon-Fri 08:00-17:00", "Mon, Wed 09:00-12:00".
std::string calendar_text(const CalendarSpec& c);

}  // namespace drsim
