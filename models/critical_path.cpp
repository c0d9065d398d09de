#include "models/critical_path.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "models/units.hpp"

namespace drsim::attribution {
namespace {

constexpr double kEps = 1e-6;

int index_of(const std::vector<SystemTimeline>& systems, const std::string& name) {
  for (size_t i = 0; i < systems.size(); ++i)
    if (systems[i].name == name) return static_cast<int>(i);
  return -1;
}

/// The segment of a contiguous timeline that ends the stretch up to t (start < t <= end).
const Segment* segment_before(const SystemTimeline& s, double t) {
  // backwards by index: clang 14 (clang-tidy, the fuzz build) cannot compile libstdc++ 12's
  // std::views::reverse, and clang-tidy's loop-convert check flags a reverse-iterator loop
  for (size_t i = s.segments.size(); i-- > 0;) {
    const Segment& seg = s.segments[i];
    if (seg.start < t - kEps && seg.end >= t - kEps) return &seg;
  }
  return nullptr;
}

bool same_stretch(const PathSegment& a, const PathSegment& b) {
  return a.system == b.system && a.segment.cause == b.segment.cause &&
         a.segment.resource == b.segment.resource && a.segment.detail == b.segment.detail &&
         std::abs(a.segment.end - b.segment.start) < kEps;
}

/// Reverses the walk's segments into time order and merges stretches that continue.
std::vector<PathSegment> in_time_order(std::vector<PathSegment> rev) {
  std::reverse(rev.begin(), rev.end());
  std::vector<PathSegment> out;
  for (auto& p : rev) {
    if (!out.empty() && same_stretch(out.back(), p))
      out.back().segment.end = p.segment.end;
    else
      out.push_back(std::move(p));
  }
  return out;
}

bool all_up(const std::vector<const SystemTimeline*>& group) {
  return std::all_of(group.begin(), group.end(),
                     [](const SystemTimeline* s) { return s->up_s.has_value(); });
}

bool ends_blocked(const SystemTimeline& s) {
  return !s.segments.empty() && s.segments.back().cause == Cause::Blocked;
}

}  // namespace

RtoMoment rto_moment(const std::vector<SystemTimeline>& systems, double end) {
  std::vector<const SystemTimeline*> group;
  for (const auto& s : systems)
    if (s.planned && s.critical) group.push_back(&s);
  const bool critical = !group.empty();
  if (!critical)
    for (const auto& s : systems)
      if (s.planned) group.push_back(&s);
  if (group.empty()) return {};
  if (all_up(group)) {
    const SystemTimeline* last = group.front();
    for (const auto* s : group)
      if (*s->up_s > *last->up_s) last = s;
    return {last->name, *last->up_s, critical};
  }
  const SystemTimeline* pick = nullptr;
  for (const auto* s : group)
    if (!s->up_s && ends_blocked(*s) && !pick) pick = s;
  for (const auto* s : group)
    if (!s->up_s && !pick) pick = s;
  return {pick->name, end, false};
}

std::vector<PathSegment> critical_path(const std::vector<SystemTimeline>& systems,
                                       const std::string& from, double t) {
  std::vector<PathSegment> rev;
  int cur = index_of(systems, from);
  std::vector<int> came_from;
  int no_jump_sys = -1;
  double no_jump_t = -1;
  for (int guard = 0; cur >= 0 && t > kEps && guard < 100000; ++guard) {
    const SystemTimeline& sys = systems[static_cast<size_t>(cur)];
    const Segment* seg = segment_before(sys, t);
    if (seg == nullptr) break;
    bool may_jump = !(no_jump_sys == cur && std::abs(no_jump_t - t) < kEps);
    int gate = seg->gate.empty() ? -1 : index_of(systems, seg->gate);
    if (seg->cause == Cause::Predecessor && gate >= 0 && gate != cur && may_jump) {
      double tg = std::clamp(seg->gate_at.value_or(seg->end), seg->start, t);
      if (tg > seg->start + kEps) {
        if (t - tg > kEps) {  // the gate came up before this wait ended (a stagger, a wake-up)
          PathSegment p{sys.name, *seg};
          p.segment.start = tg, p.segment.end = t;
          rev.push_back(p);
        }
        came_from.push_back(cur);
        cur = gate, t = tg;
        continue;
      }
    }
    if (seg->cause == Cause::Up && !came_from.empty()) {
      cur = came_from.back(), came_from.pop_back();
      no_jump_sys = cur, no_jump_t = t;
      continue;
    }
    PathSegment p{sys.name, *seg};
    p.segment.end = t;
    p.segment.start = std::max(0.0, seg->start);
    rev.push_back(p);
    t = p.segment.start;
  }
  return in_time_order(std::move(rev));
}

const char* class_label(ResourceClass c) {
  switch (c) {
    case ResourceClass::Tape:
      return "tape drives";
    case ResourceClass::Dasd:
      return "DASD";
    case ResourceClass::Cps:
      return "CPs";
    case ResourceClass::Paging:
      return "paging volumes";
    case ResourceClass::Network:
      return "network definitions";
    case ResourceClass::People:
      return "people";
    case ResourceClass::Plan:
      return "the plan's order";
    case ResourceClass::Work:
      return "start-up work";
  }
  return "the plan's order";
}

RtoDrivers rto_drivers(const std::vector<PathSegment>& path) {
  RtoDrivers out;
  std::map<int, double> by_class;
  std::vector<Driver> items;
  for (const auto& p : path) {
    const Segment& s = p.segment;
    by_class[static_cast<int>(s.cls)] += s.seconds();
    std::string name = s.resource.empty() ? class_label(s.cls) : s.resource;
    auto it = std::find_if(items.begin(), items.end(),
                           [&](const Driver& d) { return d.cls == s.cls && d.resource == name; });
    if (it == items.end())
      items.push_back(Driver{s.cls, name, s.seconds()});
    else
      it->seconds += s.seconds();
  }
  for (const auto& [cls, sec] : by_class)
    out.by_class.push_back(Driver{static_cast<ResourceClass>(cls), "", sec});
  auto larger = [](const Driver& a, const Driver& b) { return a.seconds > b.seconds; };
  std::stable_sort(out.by_class.begin(), out.by_class.end(), larger);
  std::stable_sort(items.begin(), items.end(), larger);
  for (size_t i = 0; i < items.size() && i < 3; ++i) {
    out.top.push_back(items[i]);
    out.summary +=
        (i ? "; " : "") + items[i].resource + ": " + units::format_duration(items[i].seconds);
  }
  return out;
}

}  // namespace drsim::attribution
