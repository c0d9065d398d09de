#include "reports/timeline_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

namespace drsim::reports {

namespace {

constexpr std::array<const char*, 7> kDays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

double clamp_to_axis(const TimeAxis& axis, double t_s) {
  return std::clamp(t_s, 0.0, std::max(axis.duration_s, 0.0));
}

std::string two_digits(long long v) {             // as "%02lld", without snprintf's cost
  if (v < 0 || v > 99) return std::to_string(v);  // never here: minutes and hours
  return {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
}

int kind_rank(const std::string& kind) {
  static const std::array<const char*, 5> order{"zos", "zvm", "cms", "linux", "distributed"};
  for (std::size_t i = 0; i < order.size(); ++i)
    if (kind == order[i]) return static_cast<int>(i);
  return static_cast<int>(order.size());
}

int tier_rank(const std::string& tier) {
  static const std::array<const char*, 4> order{"production", "qa", "dev", "test"};
  for (std::size_t i = 0; i < order.size(); ++i)
    if (tier == order[i]) return static_cast<int>(i);
  return static_cast<int>(order.size());
}

void sort_lanes(std::vector<std::size_t>& lanes, const std::vector<LaneKey>& keys) {
  std::stable_sort(lanes.begin(), lanes.end(), [&](std::size_t a, std::size_t b) {
    const LaneKey& x = keys[a];
    const LaneKey& y = keys[b];
    return std::make_tuple(kind_rank(x.kind), tier_rank(x.tier), !x.critical, x.start_s, a) <
           std::make_tuple(kind_rank(y.kind), tier_rank(y.tier), !y.critical, y.start_s, b);
  });
}

/// A list of (name, value) in the order names first came: the scenario's order; found by
/// name through an index (issue 18: a scan per lane was 20,000 lanes x 800 LPARs).
template <typename T>
struct Ordered {
  std::vector<std::pair<std::string, T>> list;
  std::unordered_map<std::string, std::size_t> at;
  T& entry(const std::string& name) {
    auto [it, fresh] = at.try_emplace(name, list.size());
    if (fresh) list.emplace_back(name, T{});
    return list[it->second].second;
  }
};

using Hosts = std::vector<std::pair<std::string, std::vector<std::size_t>>>;

std::string sie_detail(int level) {
  if (level == 1) return "in the LPAR, 1st SIE level";
  if (level == 2) return "2nd SIE level";
  if (level == 3) return "3rd SIE level: privileged operations simulated in software";
  return "";
}

/// The systems of one host: non-Linux lanes directly, Linux guests in one subgroup per tier.
LaneGroup host_group(const std::string& host, const std::string& lpar,
                     std::vector<std::size_t> lanes, const std::vector<LaneKey>& keys) {
  LaneGroup g;
  g.level = 2;
  g.label = host == lpar ? "systems in LPAR " + lpar : "guests of z/VM " + host;
  int sie = lanes.empty() ? 0 : keys[lanes.front()].sie_level;
  if (host == lpar && sie >= 2) g.label = "guests of z/VM " + host;
  g.detail = sie_detail(sie);
  sort_lanes(lanes, keys);
  std::map<std::tuple<int, std::string>, LaneGroup> tiers;
  for (std::size_t i : lanes) {
    const LaneKey& k = keys[i];
    if (k.kind != "linux") {
      g.lanes.push_back(i);
      continue;
    }
    LaneGroup& t = tiers[{tier_rank(k.tier), k.tier}];
    t.level = 3;
    t.label = k.tier.empty() ? "Linux, no tier" : "Linux " + k.tier;
    t.lanes.push_back(i);
  }
  for (auto& [key, t] : tiers) g.children.push_back(std::move(t));
  return g;
}

LaneGroup lpar_group(const std::string& lpar, const Hosts& hosts,
                     const std::vector<LaneKey>& keys) {
  LaneGroup g;
  g.level = 1;
  g.label = lpar.empty() ? "no LPAR" : "LPAR " + lpar;
  for (const auto& [host, lanes] : hosts)  // the LPAR's own systems first
    if (host == lpar) g.children.push_back(host_group(lpar, lpar, lanes, keys));
  for (const auto& [host, lanes] : hosts)
    if (host != lpar) g.children.push_back(host_group(host, lpar, lanes, keys));
  if (g.children.size() == 1 && hosts.front().first == lpar && g.children[0].children.empty()) {
    // an LPAR that holds only its own system(s): one level, not "LPAR X" > "systems in LPAR X"
    g.lanes = std::move(g.children[0].lanes);
    g.detail = std::move(g.children[0].detail);
    g.children.clear();
  }
  return g;
}

}  // namespace

double time_to_percent(const TimeAxis& axis, double t_s) {
  if (!(axis.duration_s > 0)) return 0;
  return clamp_to_axis(axis, t_s) / axis.duration_s * 100.0;
}

double span_percent(const TimeAxis& axis, double start_s, double end_s) {
  return std::max(0.0, time_to_percent(axis, end_s) - time_to_percent(axis, start_s));
}

std::string week_label(const TimeAxis& axis, double t_s) {
  auto minutes = static_cast<long long>(std::floor((axis.start_week_s + t_s) / 60.0 + 1e-9));
  constexpr long long kWeekMinutes = 7LL * 1440;
  long long in_week = ((minutes % kWeekMinutes) + kWeekMinutes) % kWeekMinutes;
  return std::string(kDays[static_cast<std::size_t>(in_week / 1440)]) + " " +
         two_digits(in_week % 1440 / 60) + ":" + two_digits(in_week % 60);
}

std::string duration_label(double seconds) {
  auto minutes = static_cast<long long>(std::llround(std::max(seconds, 0.0) / 60.0));
  if (minutes < 60) return std::to_string(minutes) + " min";
  long long hours = minutes / 60;
  if (hours < 24) return std::to_string(hours) + " h " + two_digits(minutes % 60) + " min";
  return std::to_string(hours / 24) + " d " + std::to_string(hours % 24) + " h";
}

std::optional<double> parse_clock(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (std::size_t i : {0u, 1u, 3u, 4u})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  int h = (text[0] - '0') * 10 + (text[1] - '0');
  int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return h * kSecondsPerHour + m * 60.0;
}

std::optional<double> parse_week_label(const std::string& text) {
  if (text.size() != 9 || text[3] != ' ') return std::nullopt;
  auto clock = parse_clock(text.substr(4));
  if (!clock) return std::nullopt;
  for (std::size_t d = 0; d < kDays.size(); ++d)
    if (text.compare(0, 3, kDays[d]) == 0) return static_cast<double>(d) * kSecondsPerDay + *clock;
  return std::nullopt;
}

std::vector<DayColumn> day_columns(const TimeAxis& axis) {
  std::vector<DayColumn> days;
  if (!(axis.duration_s > 0)) return days;
  double first_midnight = std::floor(axis.start_week_s / kSecondsPerDay) * kSecondsPerDay;
  for (double m = first_midnight; m < axis.start_week_s + axis.duration_s; m += kSecondsPerDay) {
    DayColumn d;
    d.start_s = clamp_to_axis(axis, m - axis.start_week_s);
    d.end_s = clamp_to_axis(axis, m + kSecondsPerDay - axis.start_week_s);
    auto day = static_cast<long long>(std::llround(m / kSecondsPerDay)) % 7;
    d.label = kDays[static_cast<std::size_t>((day + 7) % 7)];
    if (d.end_s > d.start_s) days.push_back(d);
  }
  return days;
}

std::vector<Band> night_bands(const TimeAxis& axis, double day_from_s, double day_to_s) {
  std::vector<Band> bands;
  if (!(axis.duration_s > 0) || day_from_s == day_to_s) return bands;
  double first_midnight =
      std::floor(axis.start_week_s / kSecondsPerDay) * kSecondsPerDay - kSecondsPerDay;
  for (double m = first_midnight; m < axis.start_week_s + axis.duration_s; m += kSecondsPerDay) {
    double night_start = m + day_to_s - axis.start_week_s;
    double night_end =
        m + day_from_s + (day_from_s < day_to_s ? kSecondsPerDay : 0.0) - axis.start_week_s;
    Band b{clamp_to_axis(axis, night_start), clamp_to_axis(axis, night_end)};
    if (b.end_s <= b.start_s) continue;
    if (!bands.empty() && b.start_s <= bands.back().end_s)
      bands.back().end_s = std::max(bands.back().end_s, b.end_s);
    else
      bands.push_back(b);
  }
  return bands;
}

std::vector<HourTick> hour_ticks(const TimeAxis& axis) {
  std::vector<HourTick> ticks;
  if (!(axis.duration_s > 0)) return ticks;
  double first = std::floor(axis.start_week_s / kSecondsPerHour + 1.0) * kSecondsPerHour;
  for (double h = first; h < axis.start_week_s + axis.duration_s; h += kSecondsPerHour) {
    auto hour = static_cast<long long>(std::llround(h / kSecondsPerHour)) % 24;
    ticks.push_back({h - axis.start_week_s, static_cast<int>(hour)});
  }
  return ticks;
}

double busy_end_s(const TimeAxis& axis, const std::vector<double>& event_times) {
  double last = 0;
  for (double t : event_times)
    if (t > last && t <= axis.duration_s) last = t;
  double end = last + std::max(2 * kSecondsPerHour, last / 10);
  if (last <= 0 || end >= 0.8 * axis.duration_s) return axis.duration_s;
  return end;
}

std::vector<int> stack_rows(const std::vector<double>& left, const std::vector<double>& width) {
  std::vector<int> rows;
  std::vector<double> row_end;
  for (std::size_t i = 0; i < left.size(); ++i) {
    std::size_t r = 0;
    while (r < row_end.size() && row_end[r] > left[i]) ++r;
    if (r == row_end.size()) row_end.push_back(0);
    row_end[r] = left[i] + (i < width.size() ? width[i] : 0.0);
    rows.push_back(static_cast<int>(r));
  }
  return rows;
}

std::vector<LaneGroup> group_lanes(const std::vector<LaneKey>& keys) {
  // machine -> lpar -> host -> lanes, each in the order the keys first name it
  Ordered<Ordered<Ordered<std::vector<std::size_t>>>> tree;
  std::vector<std::size_t> distributed;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const LaneKey& k = keys[i];
    if (k.kind == "distributed" || (k.machine.empty() && k.lpar.empty()))
      distributed.push_back(i);
    else
      tree.entry(k.machine).entry(k.lpar).entry(k.host.empty() ? k.lpar : k.host).push_back(i);
  }
  std::vector<LaneGroup> groups;
  for (const auto& [machine, lpars] : tree.list) {
    LaneGroup m;
    m.label = machine.empty() ? "machine not named" : machine;
    for (const auto& [lpar, hosts] : lpars.list)
      m.children.push_back(lpar_group(lpar, hosts.list, keys));
    groups.push_back(std::move(m));
  }
  if (!distributed.empty()) {
    LaneGroup d;
    d.label = "Distributed systems";
    d.detail = "restored by staff, in staff hours";
    sort_lanes(distributed, keys);
    d.lanes = std::move(distributed);
    groups.push_back(std::move(d));
  }
  return groups;
}

std::vector<std::size_t> lanes_in_order(const std::vector<LaneGroup>& groups) {
  std::vector<std::size_t> out;
  for (const LaneGroup& g : groups) {
    out.insert(out.end(), g.lanes.begin(), g.lanes.end());
    auto inner = lanes_in_order(g.children);
    out.insert(out.end(), inner.begin(), inner.end());
  }
  return out;
}

}  // namespace drsim::reports
