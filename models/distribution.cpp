#include "models/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>

namespace drsim {
namespace {

using nlohmann::json;

class Writer {
 public:
  template <typename T>
  void raw(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out_.append(b, sizeof(T));
  }
  void str(const std::string& s) {
    raw<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
    out_ += s;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool raw(T& v) {
    if (in_.size() < sizeof(T)) return false;
    std::memcpy(&v, in_.data(), sizeof(T));
    in_.remove_prefix(sizeof(T));
    return true;
  }
  bool str(std::string& s) {
    std::uint32_t n = 0;
    if (!raw(n) || in_.size() < n) return false;
    s.assign(in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }
  bool count(std::uint32_t& n) { return raw(n) && n <= in_.size(); }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

double r3(double v) {
  return std::round(v * 1000.0) / 1000.0;
}

json time_or_null(double v) {
  return std::isfinite(v) ? json(r3(v)) : json(nullptr);
}

/// P10/P50/P90/min/max and the share never up of one quantity over all replications.
json spread_json(const std::vector<double>& values) {
  std::size_t never = 0;
  for (double v : values) never += std::isfinite(v) ? 0 : 1;
  const auto n = static_cast<double>(values.size());
  return {{"p10", time_or_null(percentile(values, 0.1))},
          {"p50", time_or_null(percentile(values, 0.5))},
          {"p90", time_or_null(percentile(values, 0.9))},
          {"min", time_or_null(percentile(values, 1e-12))},
          {"max", time_or_null(percentile(values, 1.0))},
          {"never_share", values.empty() ? 0.0 : r3(static_cast<double>(never) / n)}};
}

/// Counts of the finite values in about 20 bins of a whole number of 5-minute steps.
json histogram_json(const std::vector<double>& values) {
  double lo = kNever, hi = -kNever;
  for (double v : values)
    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (!std::isfinite(lo)) return {{"start_s", 0}, {"bin_s", 300}, {"counts", json::array()}};
  const double step = 300;
  const double bin = std::max(1.0, std::ceil((hi - lo) / 20.0 / step)) * step;
  const double start = std::floor(lo / step) * step;
  std::vector<int> counts(static_cast<std::size_t>((hi - start) / bin) + 1, 0);
  for (double v : values)
    if (std::isfinite(v)) ++counts[static_cast<std::size_t>((v - start) / bin)];
  return {{"start_s", start}, {"bin_s", bin}, {"counts", counts}};
}

json milestones_json(const std::vector<RunSummary>& runs) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<double>> times;
  for (const auto& r : runs)
    for (const auto& [id, t] : r.milestones)
      if (times.find(id) == times.end()) order.push_back(id), times[id];
  for (auto& [id, ts] : times) ts.assign(runs.size(), kNever);
  for (std::size_t i = 0; i < runs.size(); ++i)
    for (const auto& [id, t] : runs[i].milestones) times[id][i] = t;
  json out = json::array();
  for (const auto& id : order) {
    json m = spread_json(times[id]);
    m["id"] = id;
    out.push_back(m);
  }
  return out;
}

json incidents_json(const std::vector<RunSummary>& runs) {
  std::map<std::pair<std::string, std::string>, std::pair<int, int>> seen;  // runs, count
  for (const auto& r : runs) {
    std::vector<std::pair<std::string, std::string>> once;
    for (const auto& inc : r.incidents) {
      ++seen[inc].second;
      if (std::find(once.begin(), once.end(), inc) == once.end()) once.push_back(inc);
    }
    for (const auto& inc : once) ++seen[inc].first;
  }
  json out = json::array();
  for (const auto& [key, c] : seen)
    out.push_back({{"kind", key.first},
                   {"subject", key.second},
                   {"replications", c.first},
                   {"share", r3(static_cast<double>(c.first) / static_cast<double>(runs.size()))},
                   {"count", c.second}});
  return out;
}

}  // namespace

std::string encode_summary(const RunSummary& s) {
  Writer w;
  w.raw(s.index), w.raw(s.seed), w.raw(s.critical_up_s), w.raw(s.all_up_s);
  w.raw<std::uint8_t>(s.rto_met ? 1 : 0);
  w.raw(static_cast<std::uint32_t>(s.system_up_s.size()));
  for (double v : s.system_up_s) w.raw(v);
  w.raw(static_cast<std::uint32_t>(s.milestones.size()));
  for (const auto& [id, t] : s.milestones) w.str(id), w.raw(t);
  w.raw(static_cast<std::uint32_t>(s.incidents.size()));
  for (const auto& [k, subj] : s.incidents) w.str(k), w.str(subj);
  return w.take();
}

bool decode_summary(std::string_view bytes, RunSummary& out) {
  Reader r(bytes);
  RunSummary s;
  std::uint8_t met = 0;
  std::uint32_t n = 0;
  if (!(r.raw(s.index) && r.raw(s.seed) && r.raw(s.critical_up_s) && r.raw(s.all_up_s) &&
        r.raw(met) && r.count(n)))
    return false;
  s.rto_met = met != 0;
  s.system_up_s.resize(n);
  for (auto& v : s.system_up_s)
    if (!r.raw(v)) return false;
  if (!r.count(n)) return false;
  s.milestones.resize(n);
  for (auto& [id, t] : s.milestones)
    if (!(r.str(id) && r.raw(t))) return false;
  if (!r.count(n)) return false;
  s.incidents.resize(n);
  for (auto& [k, subj] : s.incidents)
    if (!(r.str(k) && r.str(subj))) return false;
  if (!r.done()) return false;
  out = std::move(s);
  return true;
}

double percentile(std::vector<double> values, double q) {
  if (values.empty()) return kNever;
  std::sort(values.begin(), values.end());
  const auto n = static_cast<double>(values.size());
  auto rank = static_cast<std::size_t>(std::ceil(q * n));
  rank = std::clamp<std::size_t>(rank, 1, values.size());
  return values[rank - 1];
}

std::pair<double, double> wilson95(std::size_t k, std::size_t n) {
  if (n == 0) return {0.0, 1.0};
  const double z = 1.959963984540054;
  const auto nn = static_cast<double>(n);
  const double p = static_cast<double>(k) / nn;
  const double denom = 1 + z * z / nn;
  const double centre = (p + z * z / (2 * nn)) / denom;
  const double half = z * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / denom;
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

RunPicks pick_runs(const std::vector<RunSummary>& runs) {
  std::vector<std::size_t> order(runs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = runs[a];
    const auto& y = runs[b];
    if (x.critical_up_s != y.critical_up_s) return x.critical_up_s < y.critical_up_s;
    if (x.all_up_s != y.all_up_s) return x.all_up_s < y.all_up_s;
    return x.index < y.index;
  });
  RunPicks p;
  if (order.empty()) return p;
  const auto n = static_cast<double>(order.size());
  p.median = order[(order.size() - 1) / 2];
  p.p90 = order[std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(0.9 * n))) - 1];
  p.worst = order.back();
  return p;
}

json distribution_json(const std::vector<RunSummary>& runs, const DistributionInput& in) {
  std::size_t met = 0;
  std::vector<double> crit, all;
  for (const auto& r : runs) {
    met += r.rto_met ? 1 : 0;
    crit.push_back(r.critical_up_s);
    all.push_back(r.all_up_s);
  }
  const auto [lo, hi] = wilson95(met, runs.size());
  const double n = static_cast<double>(std::max<std::size_t>(1, runs.size()));
  json systems = json::array();
  for (std::size_t s = 0; s < in.system_names.size(); ++s) {
    std::vector<double> ups;
    ups.reserve(runs.size());
    for (const auto& r : runs) ups.push_back(s < r.system_up_s.size() ? r.system_up_s[s] : kNever);
    json j = spread_json(ups);
    j["name"] = in.system_names[s];
    j["critical"] = s < in.critical.size() && in.critical[s];
    systems.push_back(j);
  }
  json critical = spread_json(crit);
  critical["histogram"] = histogram_json(crit);
  const RunPicks picks = pick_runs(runs);
  auto index_of = [&](std::size_t pos) { return runs.empty() ? 0 : runs[pos].index; };
  return {{"replications", runs.size()},
          {"seed", in.seed},
          {"uncertainty", in.uncertainty ? "on" : "none"},
          {"rto",
           {{"met", met},
            {"probability", r3(static_cast<double>(met) / n)},
            {"ci95", {r3(lo), r3(hi)}}}},
          {"critical_up_s", critical},
          {"all_up_s", spread_json(all)},
          {"systems", systems},
          {"milestones", milestones_json(runs)},
          {"incidents", incidents_json(runs)},
          {"runs",
           {{"median", index_of(picks.median)},
            {"p90", index_of(picks.p90)},
            {"worst", index_of(picks.worst)}}}};
}

}  // namespace drsim
