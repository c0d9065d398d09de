#include "models/attribution.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <string_view>
#include <tuple>
#include <unordered_set>

namespace drsim::attribution {

const std::string Text::kEmpty;

namespace {
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
}  // namespace

Text::Text(std::string_view s) {
  if (s.empty()) return;
  // node-based: an interned string never moves; never freed (one simulation per process).
  // Texts are made while the engine records and while finish_result lays out, on one thread;
  // the two threads that write the outputs (app/cmd_run.cpp) only read them. The lock (one
  // uncontended atomic) keeps the pool safe should an output ever make one.
  static std::unordered_set<std::string, TextHash, std::equal_to<>> pool;
  static std::mutex mutex;
  const std::lock_guard<std::mutex> lock(mutex);
  auto it = pool.find(s);
  if (it == pool.end()) it = pool.emplace(s).first;
  p_ = &*it;
}

const Text& other_lpars() {
  static const Text kText("other LPARs (PR/SM)");
  return kText;
}

namespace {

constexpr double kEps = 1e-9;

Segment segment_of(const Portion& p, double start, double end) {
  Segment s;
  s.cause = p.cause;
  s.cls = p.cls;
  s.resource = p.resource;
  s.detail = p.detail;
  s.start = start;
  s.end = end;
  return s;
}

/// Names shown in a "behind ..." text; beyond them, "and N others".
constexpr std::size_t kBehindNames = 6;

/// "ZOSP1's cartridges", "ZOSP1 and ZOSP2's cartridges", "ZOSP1, ZOSP2 and VMPROD's ...";
/// past 6 owners the first 5 and "and N others' cartridges".
std::string behind(const std::vector<std::string>& owners) {
  if (owners.empty()) return "drives rewinding and unloading";
  const std::size_t shown = owners.size() > kBehindNames ? kBehindNames - 1 : owners.size();
  std::string out = "behind ";
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) out += i + 1 == owners.size() ? " and " : ", ";
    out += owners[i];
  }
  if (shown < owners.size())
    return out + " and " + std::to_string(owners.size() - shown) + " others' cartridges";
  return out + "'s cartridges";
}

/// The union of the intervals, merged, in time order.
std::vector<std::pair<double, double>> union_of(std::vector<std::pair<double, double>> iv) {
  std::sort(iv.begin(), iv.end());
  std::vector<std::pair<double, double>> out;
  for (const auto& [a, b] : iv) {
    if (b <= a) continue;
    if (!out.empty() && a <= out.back().second + kEps)
      out.back().second = std::max(out.back().second, b);
    else
      out.emplace_back(a, b);
  }
  return out;
}

/// "08:00" for seconds of the day.
std::string clock(double s) {
  long m = std::lround(s / 60.0);
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02ld:%02ld", (m / 60) % 24, m % 60);
  return buf;
}

}  // namespace

const char* to_string(Cause c) {
  switch (c) {
    case Cause::TapeQueue:
      return "tape-queue";
    case Cause::TapeRead:
      return "tape-read";
    case Cause::Predecessor:
      return "predecessor";
    case Cause::Ipl:
      return "ipl";
    case Cause::Boot:
      return "boot";
    case Cause::AppStart:
      return "app-start";
    case Cause::TsmRestore:
      return "tsm-restore";
    case Cause::CpuStarved:
      return "cpu-starved";
    case Cause::Paging:
      return "paging";
    case Cause::Blocked:
      return "blocked";
    case Cause::LeadTime:
      return "lead-time";
    case Cause::OffHours:
      return "off-hours";
    case Cause::StaffWork:
      return "staff-work";
    case Cause::ForcedOff:
      return "forced-off";
    case Cause::NotStarted:
      return "not-started";
    case Cause::Up:
      return "up";
  }
  return "not-started";
}

const char* to_string(ResourceClass c) {
  switch (c) {
    case ResourceClass::Tape:
      return "tape";
    case ResourceClass::Dasd:
      return "dasd";
    case ResourceClass::Cps:
      return "cps";
    case ResourceClass::Paging:
      return "paging";
    case ResourceClass::Network:
      return "network";
    case ResourceClass::People:
      return "people";
    case ResourceClass::Plan:
      return "plan";
    case ResourceClass::Work:
      return "work";
  }
  return "plan";
}

ResourceClass default_class(Cause c) {
  switch (c) {
    case Cause::TapeQueue:
    case Cause::TapeRead:
      return ResourceClass::Tape;
    case Cause::Ipl:
    case Cause::Boot:
    case Cause::AppStart:
    case Cause::TsmRestore:
    case Cause::Up:
      return ResourceClass::Work;
    case Cause::CpuStarved:
      return ResourceClass::Cps;
    case Cause::Paging:
      return ResourceClass::Paging;
    case Cause::Blocked:
      return ResourceClass::Network;
    case Cause::LeadTime:
    case Cause::OffHours:
    case Cause::StaffWork:
    case Cause::ForcedOff:
      return ResourceClass::People;
    case Cause::Predecessor:
    case Cause::NotStarted:
      return ResourceClass::Plan;
  }
  return ResourceClass::Plan;
}

Portion portion(Cause cause, double seconds, Text resource, Text detail) {
  return Portion{cause, default_class(cause), resource, detail, seconds};
}

std::vector<Segment> lay_out(double start, double end, const std::vector<Portion>& portions,
                             const Portion& fallback) {
  std::vector<Segment> out;
  if (end <= start) return out;
  out.reserve(std::max<std::size_t>(1, portions.size()));
  double total = 0;
  for (const auto& p : portions) total += std::max(0.0, p.seconds);
  if (total <= kEps) {
    out.push_back(segment_of(fallback, start, end));
    return out;
  }
  const double scale = (end - start) / total;
  double t = start, acc = 0;
  for (const auto& p : portions) {
    if (p.seconds <= 0) continue;
    acc += p.seconds;
    double next = acc >= total - kEps ? end : start + acc * scale;
    if (next > t) out.push_back(segment_of(p, t, next));
    t = next;
  }
  if (!out.empty()) out.back().end = end;
  return out;
}

namespace {
/// "the extra cost of SIE level 3", interned once for levels 0-3 (one spelling for all).
Text sie_cost_text(int level) {
  auto spelled = [](int l) { return Text("the extra cost of SIE level " + std::to_string(l)); };
  static const Text kLevels[] = {spelled(0), spelled(1), spelled(2), spelled(3)};
  if (level >= 0 && level < static_cast<int>(std::size(kLevels))) return kLevels[level];
  return spelled(level);
}
}  // namespace

std::vector<Portion> split_cpu_slice(const CpuSlice& s) {
  const double elapsed = std::max(0.0, s.elapsed_s);
  double own = std::max(0.0, s.own_s);
  double sie = own * std::max(0.0, s.sie_factor - 1.0);
  double token = std::max(0.0, s.token_wait_s);
  double need = own + sie + token;
  if (need > elapsed && need > 0) {
    double k = elapsed / need;
    own *= k, sie *= k, token *= k;
    need = elapsed;
  }
  // the fixed texts interned once, not at every slice (issue 18)
  static const Text kToken("waiting for a virtual CP");
  const Text& sie_res = s.vcpus.empty() ? s.cps : s.vcpus;
  std::vector<Portion> out;
  out.reserve(3 + std::max<std::size_t>(1, s.holders.size()));
  // only the portions with time, as erasing the others would leave (their texts not built)
  auto kept = [](double seconds) { return !(seconds <= 0); };
  if (kept(own)) out.push_back(portion(s.work, own, s.work_resource));
  if (kept(sie))
    out.push_back(portion(Cause::CpuStarved, sie, sie_res, sie_cost_text(s.sie_level)));
  if (kept(token)) out.push_back(portion(Cause::CpuStarved, token, s.vcpus, kToken));
  double starved = elapsed - need;
  double held = 0;
  for (const auto& h : s.holders) held += std::max(0.0, h.cp_s);
  if (held <= kEps) {
    if (kept(starved)) out.push_back(portion(Cause::CpuStarved, starved, s.cps, other_lpars()));
  } else {
    for (const auto& h : s.holders) {
      if (!(h.cp_s > 0)) continue;
      double part = starved * h.cp_s / held;
      if (kept(part)) out.push_back(portion(Cause::CpuStarved, part, s.cps, h.who));
    }
  }
  return out;
}

VolumeRuns::VolumeRuns(const std::vector<VolumeRun>& runs) : runs_(&runs) {
  id_.reserve(runs.size());
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const VolumeRun& r = runs[i];
    auto [it, added] = ids_.try_emplace(r.system, static_cast<int>(names_.size()));
    if (added) names_.push_back(&r.system), of_.emplace_back();
    id_.push_back(it->second);
    of_[static_cast<std::size_t>(it->second)].push_back(&r);
    longest_ = std::max(longest_, r.end - r.start);
    if (i > 0 && r.end < runs[i - 1].end) by_end_ = false;
  }
  seen_.assign(names_.size(), 0);
}

const std::vector<const VolumeRun*>& VolumeRuns::of(const std::string& system) const {
  static const std::vector<const VolumeRun*> none;
  const int id = id_of(system);
  return id < 0 ? none : of_[static_cast<std::size_t>(id)];
}

int VolumeRuns::id_of(const std::string& system) const {
  auto it = ids_.find(system);
  return it == ids_.end() ? -1 : it->second;
}

std::pair<std::size_t, std::size_t> VolumeRuns::window(double a, double b) const {
  const auto& runs = *runs_;
  auto first_ending_after = [&](double t) {
    return static_cast<std::size_t>(
        std::upper_bound(runs.begin(), runs.end(), t,
                         [](double x, const VolumeRun& r) { return x < r.end; }) -
        runs.begin());
  };
  // a run that ends after b + the longest run started after b, and so does every later one
  return {first_ending_after(a + kEps), first_ending_after(b + longest_ + 1.0)};
}

template <typename F>
void VolumeRuns::each_during(double a, double b, F f) const {
  const auto& runs = *runs_;
  auto [i, last] = by_end_ ? window(a, b) : std::make_pair(std::size_t{0}, runs.size());
  for (; i < last; ++i) {
    const VolumeRun& r = runs[i];
    if (r.end <= a + kEps || r.start >= b - kEps) continue;
    if (!f(i)) return;
  }
}

std::vector<std::string> VolumeRuns::holders(const std::string& self, double a, double b) const {
  const int me = id_of(self);
  std::vector<std::string> out;
  const auto& runs = *runs_;
  if (by_end_) {
    // A long queue gap overlaps many runs of every system (20,000 guests: tens of thousands
    // of runs, 800 systems): then each system's first run in the window is found in its own
    // runs instead, and the systems are put in the order of those runs, the order the scan
    // below would have seen them in.
    const auto [from, to] = window(a, b);
    if (to > from && to - from > 4 * names_.size()) {
      std::vector<std::pair<std::size_t, int>> first;  // (its first run in the window, system)
      for (std::size_t id = 0; id < of_.size(); ++id) {
        if (static_cast<int>(id) == me) continue;
        const auto& mine = of_[id];
        auto it = std::upper_bound(mine.begin(), mine.end(), a + kEps,
                                   [](double x, const VolumeRun* r) { return x < r->end; });
        for (; it != mine.end(); ++it) {
          const auto k = static_cast<std::size_t>(*it - runs.data());
          if (k >= to) break;
          if ((*it)->start < b - kEps) {
            first.emplace_back(k, static_cast<int>(id));
            break;
          }
        }
      }
      std::sort(first.begin(), first.end());
      out.reserve(first.size());
      for (const auto& [k, id] : first) out.push_back(*names_[static_cast<std::size_t>(id)]);
      return out;
    }
  }
  // systems by number, each marked with this call's number when first seen (no set of
  // names per call)
  if (++call_ == 0) {
    std::fill(seen_.begin(), seen_.end(), 0);
    call_ = 1;
  }
  each_during(a, b, [&](std::size_t k) {
    const int id = id_[k];
    if (id != me && seen_[static_cast<std::size_t>(id)] != call_) {
      seen_[static_cast<std::size_t>(id)] = call_;
      out.push_back(*names_[static_cast<std::size_t>(id)]);
    }
    return true;
  });
  return out;
}

bool VolumeRuns::others_during(const std::string& self, double a, double b) const {
  const int me = id_of(self);
  bool found = false;
  each_during(a, b, [&](std::size_t k) {
    found = id_[k] != me;
    return !found;
  });
  return found;
}

std::vector<Segment> restore_segments(const std::string& system, double queued, double done,
                                      const std::vector<VolumeRun>& all_runs,
                                      const std::string& drives) {
  return restore_segments(system, queued, done, VolumeRuns(all_runs), drives);
}

std::vector<Segment> restore_segments(const std::string& system, double queued, double done,
                                      const VolumeRuns& runs, const std::string& drives) {
  std::vector<std::pair<double, double>> mine;
  double run_s = 0, drive_s = 0;
  for (const VolumeRun* r : runs.of(system)) {
    mine.emplace_back(std::max(r->start, queued), std::min(r->end, done));
    run_s += r->end - r->start;
    drive_s += std::min(r->drive_s, r->end - r->start);
  }
  const double drive_share = run_s > 0 ? std::clamp(drive_s / run_s, 0.0, 1.0) : 1.0;
  const Text pool(drives), bound("drive-bound");
  std::vector<Segment> out;
  auto queue_gap = [&](double a, double b) {
    if (b <= a + kEps) return;
    Portion p = portion(Cause::TapeQueue, b - a, pool, behind(runs.holders(system, a, b)));
    out.push_back(segment_of(p, a, b));
  };
  auto read = [&](double a, double b) {
    double len = b - a;
    auto parts = lay_out(a, b,
                         {portion(Cause::TapeRead, len * drive_share, pool, bound),
                          Portion{Cause::TapeRead, ResourceClass::Dasd, "the DASD subsystem",
                                  "DASD-bound", len * (1 - drive_share)}},
                         portion(Cause::TapeRead, len, pool, bound));
    out.insert(out.end(), parts.begin(), parts.end());
  };
  // its reads, joined across gaps where no one else's volume was on a drive (the drives
  // rewinding its own cartridges: part of reading it), queued in the other gaps
  double t = queued;
  std::optional<std::pair<double, double>> stretch;
  for (const auto& [a, b] : union_of(mine)) {
    if (stretch && !runs.others_during(system, stretch->second, a)) {
      stretch->second = b;
      continue;
    }
    if (stretch) read(stretch->first, stretch->second), t = stretch->second;
    queue_gap(t, a);
    stretch = std::make_pair(a, b);
  }
  if (stretch) read(stretch->first, stretch->second), t = std::max(t, stretch->second);
  queue_gap(t, done);
  return out;
}

std::vector<Segment> staff_segments(double start, double finish, double start_week_s,
                                    std::optional<double> from_s, std::optional<double> to_s,
                                    const std::string& who) {
  std::vector<Segment> out;
  auto add = [&](Cause c, double a, double b, const std::string& detail) {
    if (b <= a + kEps) return;
    if (!out.empty() && out.back().cause == c) {
      out.back().end = b;
      return;
    }
    out.push_back(segment_of(portion(c, b - a, who, detail), a, b));
  };
  if (!from_s || !to_s || *to_s <= *from_s) {
    add(Cause::StaffWork, start, finish, "");
    return out;
  }
  const double day_s = 86400.0;
  std::string hours = "working hours " + clock(*from_s) + "-" + clock(*to_s);
  for (double t = start; t < finish - kEps;) {
    double week_t = start_week_s + t;
    double day = std::floor(week_t / day_s) * day_s;
    double open = day + *from_s - start_week_s, close = day + *to_s - start_week_s;
    double next_day_open = open + day_s;
    if (t < open) {
      add(Cause::OffHours, t, std::min(open, finish), "outside " + hours), t = open;
    } else if (t < close) {
      add(Cause::StaffWork, t, std::min(close, finish), hours), t = close;
    } else {
      add(Cause::OffHours, t, std::min(next_day_open, finish), "outside " + hours);
      t = next_day_open;
    }
  }
  return out;
}

std::vector<Segment> normalise(std::vector<Segment> segments, double until,
                               const Portion& fallback) {
  std::stable_sort(segments.begin(), segments.end(),
                   [](const Segment& a, const Segment& b) { return a.start < b.start; });
  std::vector<Segment> out;
  double cursor = 0;
  for (auto& s : segments) {  // segments is our copy
    s.start = std::max(s.start, cursor);
    s.end = std::min(s.end, until);
    if (s.end <= s.start + kEps) continue;
    if (s.start > cursor + kEps) out.push_back(segment_of(fallback, cursor, s.start));
    if (!out.empty() && out.back().end < s.start) out.back().end = s.start;
    cursor = s.end;
    out.push_back(s);
  }
  if (cursor < until - kEps) out.push_back(segment_of(fallback, cursor, until));
  if (!out.empty()) out.back().end = std::max(out.back().end, until);
  return out;
}

std::vector<AccountEntry> account(const std::vector<Segment>& timeline, double until) {
  std::vector<AccountEntry> out;
  // keyed by views of the timeline's own texts (it outlives the index): no copies per segment
  std::map<std::tuple<int, std::string_view, std::string_view>, size_t> index;
  for (const auto& s : timeline) {
    double a = std::max(0.0, s.start), b = std::min(until, s.end);
    if (b <= a) continue;
    auto key = std::make_tuple(static_cast<int>(s.cause), std::string_view(s.resource),
                               std::string_view(s.detail));
    auto [it, fresh] = index.emplace(key, out.size());
    if (fresh) out.push_back(AccountEntry{s.cause, s.cls, s.resource, s.detail, 0});
    out[it->second].seconds += b - a;
  }
  std::stable_sort(out.begin(), out.end(), [](const AccountEntry& x, const AccountEntry& y) {
    return x.seconds > y.seconds;
  });
  return out;
}

}  // namespace drsim::attribution
