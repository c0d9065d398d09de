// drsim compare of two Monte Carlo results (both with /distribution): the probability that
// the RTO is met, lower by more than the baseline's 95 % interval, and each critical system's
// P90 up time, later than tolerated, are regressions (docs/compare.md).
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "reports/compare_doc.hpp"
#include "reports/duration_format.hpp"

namespace drsim::reports::compare_detail {
namespace {

/// /distribution, or nothing when missing or null.
std::optional<ResultNode> distribution(const Doc& d) {
  auto dist = d.root.find("distribution");
  if (dist && !dist->raw().is_object()) dist->fail("an object");
  return dist;
}

struct Rto {
  double p = 0, lo = 0, hi = 1, n = 0;
};

Rto read_rto(const ResultNode& dist) {
  const char* shape = "{\"probability\": P, \"ci95\": [LOW, HIGH]}";
  ResultNode rto = dist.at("rto", shape);
  if (!rto.raw().is_object()) rto.fail(shape);
  std::vector<ResultNode> ci = rto.at("ci95", "[LOW, HIGH]").elements("[LOW, HIGH]");
  if (ci.size() != 2) rto.at("ci95", "").fail("[LOW, HIGH]");
  Rto r{rto.at("probability", "a number").number(0, 1), ci[0].number(0, 1), ci[1].number(0, 1), 0};
  if (auto n = dist.find("replications"); n && n->raw().is_number()) r.n = n->number(0, 1e9);
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
std::map<std::string, std::pair<std::optional<double>, bool>> read_p90(const ResultNode& dist) {
  std::map<std::string, std::pair<std::optional<double>, bool>> out;
  auto arr = dist.find("systems");
  if (!arr) return out;
  for (const ResultNode& s : arr->elements("an array")) {
    if (!s.raw().is_object()) s.fail("an object with a \"name\"");
    std::string name = s.at("name", "a string").text();
    bool critical = s.find("critical") && s.find("critical")->raw().is_boolean() &&
                    s.find("critical")->boolean();
    out[name] = {s.seconds_at("p90"), critical};
  }
  return out;
}

}  // namespace

void compare_distributions(const Doc& b, const Doc& c, const ToleranceSettings& tol,
                           Comparison& out) {
  auto db = distribution(b);
  auto dc = distribution(c);
  if (!db || !dc) {
    if (db || dc)
      out.notes.push_back(
          "a Monte Carlo distribution is in only one of the results (--replications): RTO "
          "probability and P90s not compared");
    return;
  }
  out.rows.push_back(rto_row(read_rto(*db), read_rto(*dc)));
  auto pb = read_p90(*db);
  auto pc = read_p90(*dc);
  for (const auto& [name, v] : pb) {
    auto it = pc.find(name);
    if (it == pc.end() || !(v.second || it->second.second)) continue;
    NumericSpec s{"system_p90", name, Quantity::time,
                  tol.lookup({"system:" + name, "percentiles"})};
    out.rows.push_back(numeric_row(b, c, s, v.first, it->second.first));
  }
}

}  // namespace drsim::reports::compare_detail
