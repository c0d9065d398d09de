#include "models/attribution_result.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace drsim::attribution {
namespace {

using nlohmann::json;

double r3(double v) {
  return std::round(v * 1000.0) / 1000.0;
}

json text_or_null(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

}  // namespace

RecoveryAttribution attribute(std::vector<SystemTimeline> systems, double end) {
  RecoveryAttribution out;
  for (auto& s : systems) {
    s.segments = normalise(std::move(s.segments), end, s.gap);
    double until = s.up_s ? std::min(*s.up_s, end) : end;
    out.accounts.push_back(account(s.segments, until));
    out.until.push_back(until);
  }
  out.moment = rto_moment(systems, end);
  if (!out.moment.system.empty())
    out.path = critical_path(systems, out.moment.system, out.moment.t);
  out.drivers = rto_drivers(out.path);
  return out;
}

json account_json(const std::vector<AccountEntry>& entries, double until, const TimeLabel& at) {
  json causes = json::array();
  for (const auto& e : entries)
    causes.push_back({{"cause", to_string(e.cause)},
                      {"class", to_string(e.cls)},
                      {"resource", text_or_null(e.resource)},
                      {"detail", text_or_null(e.detail)},
                      {"s", r3(e.seconds)}});
  return {{"until_s", r3(until)}, {"until_at", at(until)}, {"causes", causes}};
}

json path_json(const std::vector<PathSegment>& path, const TimeLabel& at) {
  json out = json::array();
  for (const auto& p : path) {
    const Segment& s = p.segment;
    out.push_back({{"system", p.system},
                   {"cause", to_string(s.cause)},
                   {"class", to_string(s.cls)},
                   {"resource", text_or_null(s.resource)},
                   {"detail", text_or_null(s.detail)},
                   {"start_s", r3(s.start)},
                   {"end_s", r3(s.end)},
                   {"start_at", at(s.start)},
                   {"end_at", at(s.end)}});
  }
  return out;
}

json drivers_json(const RtoMoment& moment, const RtoDrivers& drivers, const TimeLabel& at) {
  json by_class = json::array(), top = json::array();
  for (const auto& d : drivers.by_class)
    by_class.push_back(
        {{"class", to_string(d.cls)}, {"label", class_label(d.cls)}, {"s", r3(d.seconds)}});
  for (const auto& d : drivers.top)
    top.push_back({{"class", to_string(d.cls)}, {"resource", d.resource}, {"s", r3(d.seconds)}});
  json from = nullptr;
  if (!moment.system.empty())
    from = {{"system", moment.system},
            {"t_s", r3(moment.t)},
            {"at", at(moment.t)},
            {"all_critical_up", moment.met}};
  return {{"from", from}, {"by_class", by_class}, {"top", top}, {"summary", drivers.summary}};
}

}  // namespace drsim::attribution
