// drsim compare of two Monte Carlo results (both with /distribution): the probability that
// the RTO is met, lower by more than the baseline's 95 % interval, and each critical system's
// P90 up time, later than tolerated, are regressions (docs/compare.md).
#include <cmath>
#include <string>

#include "reports/compare_doc.hpp"
#include "reports/duration_format.hpp"

namespace drsim::reports::compare_detail {
namespace {

using nlohmann::json;

[[noreturn]] void bad(const Doc& d, const std::string& ptr, const char* expected) {
  throw CompareError(d.file + ": " + ptr + ": expected " + expected);
}

const json* distribution(const Doc& d) {
  auto it = d.j.find("distribution");
  if (it == d.j.end() || it->is_null()) return nullptr;
  if (!it->is_object()) bad(d, "/distribution", "an object");
  return &*it;
}

struct Rto {
  double p = 0, lo = 0, hi = 1, n = 0;
};

Rto read_rto(const Doc& d, const json& dist) {
  const json* rto = dist.contains("rto") ? &dist["rto"] : nullptr;
  if (!rto || !rto->is_object() || !(*rto)["probability"].is_number() ||
      !(*rto)["ci95"].is_array() || (*rto)["ci95"].size() != 2 || !(*rto)["ci95"][0].is_number() ||
      !(*rto)["ci95"][1].is_number())
    bad(d, "/distribution/rto", "{\"probability\": P, \"ci95\": [LOW, HIGH]}");
  Rto r{(*rto)["probability"].get<double>(), (*rto)["ci95"][0].get<double>(),
        (*rto)["ci95"][1].get<double>(), 0};
  if (dist.contains("replications") && dist["replications"].is_number())
    r.n = dist["replications"].get<double>();
  return r;
}

std::string pct(double p) {
  return format_number(std::round(p * 1000) / 10) + " %";
}

CompareRow rto_row(const Rto& b, const Rto& c) {
  CompareRow r = make_row("rto_probability", "recovery",
                          pct(b.p) + " (CI " + pct(b.lo) + "-" + pct(b.hi) + ")",
                          pct(c.p) + " (CI " + pct(c.lo) + "-" + pct(c.hi) + ")");
  r.magnitude = std::fabs(c.p - b.p);
  if (c.p < b.lo - 1e-9) {
    r.verdict = Verdict::regression;
    r.message = "the RTO is met less often: below the baseline's 95 % interval";
  } else if (c.p > b.hi + 1e-9) {
    r.verdict = Verdict::improvement;
    r.message = "the RTO is met more often: above the baseline's 95 % interval";
  } else {
    r.message = "within the baseline's 95 % interval";
  }
  return r;
}

/// name -> (P90 or empty for never, critical) from /distribution/systems.
std::map<std::string, std::pair<std::optional<double>, bool>> read_p90(const Doc& d,
                                                                       const json& dist) {
  std::map<std::string, std::pair<std::optional<double>, bool>> out;
  if (!dist.contains("systems")) return out;
  const json& arr = dist["systems"];
  if (!arr.is_array()) bad(d, "/distribution/systems", "an array");
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const json& s = arr[i];
    const std::string ptr = "/distribution/systems/" + std::to_string(i);
    if (!s.is_object() || !s.contains("name") || !s["name"].is_string())
      bad(d, ptr, "an object with a \"name\"");
    std::optional<double> p90;
    if (s.contains("p90") && !s["p90"].is_null()) {
      if (!s["p90"].is_number()) bad(d, ptr + "/p90", "a number or null");
      p90 = s["p90"].get<double>();
    }
    out[s["name"].get<std::string>()] = {p90, s.value("critical", false)};
  }
  return out;
}

}  // namespace

void compare_distributions(const Doc& b, const Doc& c, const ToleranceSettings& tol,
                           Comparison& out) {
  const json* db = distribution(b);
  const json* dc = distribution(c);
  if (!db || !dc) {
    if (db || dc)
      out.notes.push_back(
          "a Monte Carlo distribution is in only one of the results (--replications): RTO "
          "probability and P90s not compared");
    return;
  }
  out.rows.push_back(rto_row(read_rto(b, *db), read_rto(c, *dc)));
  auto pb = read_p90(b, *db);
  auto pc = read_p90(c, *dc);
  for (const auto& [name, v] : pb) {
    auto it = pc.find(name);
    if (it == pc.end() || !(v.second || it->second.second)) continue;
    NumericSpec s{"system_p90", name, Quantity::time,
                  tol.lookup({"system:" + name, "percentiles"})};
    out.rows.push_back(numeric_row(b, c, s, v.first, it->second.first));
  }
}

}  // namespace drsim::reports::compare_detail
