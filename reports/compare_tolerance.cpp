#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "reports/compare.hpp"
#include "reports/duration_format.hpp"

namespace drsim::reports {
namespace {

constexpr std::array<std::string_view, 9> kKeys{"critical_up",     "all_up",     "critical_up_p50",
                                                "critical_up_p90", "all_up_p50", "all_up_p90",
                                                "percentiles",     "system",     "paging"};

std::string valid_keys() {
  std::string out;
  for (auto k : kKeys) out += std::string(k) + ", ";
  return out + "system:NAME";
}

bool is_valid_key(std::string_view key) {
  if (key.starts_with("system:")) return key.size() > 7;
  return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end();
}

/// A non-negative finite decimal number filling all of text.
std::optional<double> read_number(std::string_view text) {
  double v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(v) || v < 0)
    return std::nullopt;
  return v;
}

[[noreturn]] void bad_value(const std::string& spec, bool paging) {
  std::string expected = paging ? "a percentage (\"10%\") or pages/s (\"500\", \"500/s\")"
                                : "a percentage (\"5%\") or a duration (\"30min\", \"1h30m\")";
  throw CompareError("--tolerance " + spec + ": expected " + expected);
}

/// Adds one value ("5%", "30min", "500") to t; later values of one kind replace earlier ones.
void add_value(Tolerance& t, const std::string& spec, std::string_view value, bool paging,
               const DurationParser& parse_duration) {
  if (value.ends_with('%')) {
    auto pct = read_number(value.substr(0, value.size() - 1));
    if (!pct) bad_value(spec, paging);
    t.fraction = *pct / 100.0;
    return;
  }
  if (paging) {
    auto rate = read_number(value.ends_with("/s") ? value.substr(0, value.size() - 2) : value);
    if (!rate) bad_value(spec, paging);
    t.rate = *rate;
    return;
  }
  auto secs = parse_duration(value);
  if (!secs || !std::isfinite(*secs) || *secs < 0) bad_value(spec, paging);
  t.seconds = *secs;
}

[[noreturn]] void throw_unknown_metric(const std::string& spec, const std::string& key) {
  throw CompareError("--tolerance " + spec + ": unknown metric \"" + key + "\"; expected one of " +
                     valid_keys());
}

}  // namespace

double Tolerance::allowance(double baseline, Quantity q) const {
  double a = 0;
  if (fraction) a = std::max(a, *fraction * std::fabs(baseline));
  if (seconds && q == Quantity::time) a = std::max(a, *seconds);
  if (rate && q == Quantity::rate) a = std::max(a, *rate);
  return a;
}

std::string Tolerance::describe() const {
  std::vector<std::string> parts;
  if (fraction) parts.push_back(format_number(*fraction * 100.0) + "%");
  if (seconds) parts.push_back(format_duration(*seconds));
  if (rate) parts.push_back(format_number(*rate) + "/s");
  if (parts.empty()) return "0";
  std::string out = parts[0];
  for (size_t i = 1; i < parts.size(); ++i) out += " or " + parts[i];
  return parts.size() > 1 ? out + ", the larger" : out;
}

const Tolerance& ToleranceSettings::lookup(std::initializer_list<std::string> keys) const {
  for (const auto& k : keys) {
    auto it = by_key.find(k);
    if (it != by_key.end()) return it->second;
  }
  return fallback;
}

std::string ToleranceSettings::describe() const {
  std::string out = fallback.describe();
  for (const auto& [key, t] : by_key) out += "; " + key + "=" + t.describe();
  return out;
}

ToleranceSettings parse_tolerances(const std::vector<std::string>& specs,
                                   const DurationParser& parse_duration) {
  ToleranceSettings s;
  for (const auto& spec : specs) {
    auto eq = spec.find('=');
    if (eq == std::string::npos) {
      add_value(s.fallback, spec, spec, false, parse_duration);
      continue;
    }
    std::string key = spec.substr(0, eq);
    if (!is_valid_key(key)) throw_unknown_metric(spec, key);
    add_value(s.by_key[key], spec, std::string_view(spec).substr(eq + 1), key == "paging",
              parse_duration);
  }
  return s;
}

}  // namespace drsim::reports
