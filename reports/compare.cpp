#include "reports/compare.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "reports/compare_doc.hpp"
#include "reports/duration_format.hpp"

namespace drsim::reports {
namespace {

using compare_detail::Doc;
using compare_detail::make_row;
using compare_detail::NumericSpec;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kEpsilon = 1e-6;

std::string show(const Doc& d, const NumericSpec& s, std::optional<double> v) {
  if (!v) return s.quantity == Quantity::time ? "never" : "n/a";
  if (s.quantity == Quantity::time) return format_exercise_time(d.start_week_s, *v);
  return format_number(*v) + "/s";
}

void judge_values(CompareRow& r, const NumericSpec& s, double b, double c) {
  double delta = c - b;
  r.delta = delta;
  r.magnitude = std::fabs(delta);
  double allow = s.tolerance.allowance(b, s.quantity);
  std::string shown =
      s.quantity == Quantity::time ? format_duration(allow) : format_number(allow) + "/s";
  std::string allowance = " the " + shown + " allowance (tolerance " + s.tolerance.describe() + ")";
  if (delta > allow + kEpsilon) {
    r.verdict = Verdict::regression;
    r.message = allow > 0 ? "beyond" + allowance
                          : (s.quantity == Quantity::time ? "later" : "higher") +
                                std::string(", with no tolerance");
  } else if (delta > kEpsilon) {
    r.message = "within" + allowance;
  } else if (delta < -kEpsilon) {
    r.verdict = Verdict::improvement;
    r.message = "faster";
  }
}

}  // namespace

CompareRow compare_detail::numeric_row(const Doc& bd, const Doc& cd, const NumericSpec& s,
                                       std::optional<double> b, std::optional<double> c) {
  CompareRow r = make_row(s.metric, s.subject, show(bd, s, b), show(cd, s, c));
  r.quantity = s.quantity;
  const char* reached = s.quantity == Quantity::time ? "reached" : "reported";
  if (b && c) {
    judge_values(r, s, *b, *c);
  } else if (b) {
    r.verdict = Verdict::regression;
    r.magnitude = kInf;
    r.message = std::string(reached) + " in the baseline (" + r.baseline + "), never now";
  } else if (c) {
    r.verdict = Verdict::improvement;
    r.magnitude = kInf;
    r.message = std::string("now ") + reached + " (" + r.current + "), never in the baseline";
  } else {
    r.message = std::string("never ") + reached + " in either";
  }
  return r;
}

namespace {

using compare_detail::numeric_row;

void check_versions(const Doc& b, const Doc& c) {
  auto vb = compare_detail::major_minor(b);
  auto vc = compare_detail::major_minor(c);
  if (vb == vc) return;
  throw CompareError(
      "cannot compare: " + b.file + " was written by drsim " +
      b.j.at("drsim_version").get<std::string>() + " and " + c.file + " by drsim " +
      c.j.at("drsim_version").get<std::string>() +
      "; results compare only within one major.minor version (re-run the "
      "baseline scenario with this drsim and commit its result as the new baseline)");
}

void compare_rto(const Doc& b, const Doc& c, std::vector<CompareRow>& rows) {
  auto rb = compare_detail::read_rto_met(b);
  auto rc = compare_detail::read_rto_met(c);
  auto word = [](std::optional<bool> v) { return v ? (*v ? "met" : "missed") : "n/a"; };
  CompareRow r = make_row("rto_met", "recovery", word(rb), word(rc));
  if (rb && rc && *rb && !*rc) {
    r.verdict = Verdict::regression;
    r.message = "the RTO was met in the baseline and is missed now";
  } else if (rb && rc && !*rb && *rc) {
    r.verdict = Verdict::improvement;
    r.message = "the RTO is met now; it was missed in the baseline";
  } else if (!rb || !rc) {
    r.message = "no RTO verdict in one of the results";
  }
  rows.push_back(std::move(r));
}

void compare_recovery(const Doc& b, const Doc& c, const ToleranceSettings& tol,
                      std::vector<CompareRow>& rows) {
  for (const char* metric : {"critical_up", "all_up"}) {
    std::string key = std::string(metric) + "_s";
    auto vb = *compare_detail::read_recovery_time(b, key, false);
    auto vc = *compare_detail::read_recovery_time(c, key, false);
    NumericSpec s{metric, "recovery", Quantity::time, tol.lookup({metric})};
    rows.push_back(numeric_row(b, c, s, vb, vc));
  }
}

void compare_percentiles(const Doc& b, const Doc& c, const ToleranceSettings& tol,
                         Comparison& out) {
  int only_one = 0;
  for (const char* metric : {"critical_up_p50", "critical_up_p90", "all_up_p50", "all_up_p90"}) {
    std::string m(metric);
    std::string key = m.substr(0, m.size() - 4) + "_s" + m.substr(m.size() - 4);
    auto vb = compare_detail::read_recovery_time(b, key, true);
    auto vc = compare_detail::read_recovery_time(c, key, true);
    if (!vb || !vc) {
      only_one += (vb || vc) ? 1 : 0;
      continue;
    }
    NumericSpec s{m, "recovery", Quantity::time, tol.lookup({m, "percentiles"})};
    out.rows.push_back(numeric_row(b, c, s, *vb, *vc));
  }
  if (only_one > 0)
    out.notes.push_back(
        "Monte Carlo percentiles are in only one of the results "
        "(--replications): not compared");
}

void compare_paging(const Doc& b, const Doc& c, const ToleranceSettings& tol, Comparison& out) {
  auto vb = compare_detail::read_peak_paging(b);
  auto vc = compare_detail::read_peak_paging(c);
  if (!vb || !vc) {
    if (vb || vc) out.notes.push_back("peak paging is in only one of the results: not compared");
    return;
  }
  NumericSpec s{"paging", "peak", Quantity::rate, tol.lookup({"paging"})};
  out.rows.push_back(numeric_row(b, c, s, *vb, *vc));
}

int priority(const std::string& metric) {
  if (metric == "rto_met" || metric == "rto_probability") return 0;
  if (metric == "blocked") return 1;
  if (metric == "finding") return 2;
  if (metric == "paging") return 4;
  return 3;
}

/// The magnitude at the precision the outputs show (minutes for times), so that rows that
/// look equal are ordered by name.
double shown_size(const CompareRow& r) {
  if (!std::isfinite(r.magnitude) || r.quantity != Quantity::time) return r.magnitude;
  return std::round(r.magnitude / 60.0);
}

void sort_rows(std::vector<CompareRow>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const CompareRow& x, const CompareRow& y) {
    if (x.verdict != y.verdict) return x.verdict < y.verdict;
    if (priority(x.metric) != priority(y.metric)) return priority(x.metric) < priority(y.metric);
    if (shown_size(x) != shown_size(y)) return shown_size(x) > shown_size(y);
    if (x.metric != y.metric) return x.metric < y.metric;
    return x.subject < y.subject;
  });
}

void add_notes(const ResultSummary& b, const ResultSummary& c, std::vector<std::string>& notes) {
  if (b.scenario != c.scenario)
    notes.push_back("the scenario name changed: " + b.scenario + " -> " + c.scenario);
  if (b.seed != c.seed) notes.push_back("the seed changed: " + b.seed + " -> " + c.seed);
}

}  // namespace

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::regression:
      return "regression";
    case Verdict::removed:
      return "removed";
    case Verdict::added:
      return "added";
    case Verdict::unchanged:
      return "unchanged";
    case Verdict::improvement:
      return "improvement";
  }
  return "unchanged";
}

std::string format_row_delta(const CompareRow& r) {
  if (!r.delta) return "";
  if (r.quantity == Quantity::time || std::fabs(*r.delta) < kEpsilon) return format_delta(*r.delta);
  return (*r.delta > 0 ? "+" : "") + format_number(*r.delta) + "/s";
}

int Comparison::count(Verdict v) const {
  return static_cast<int>(
      std::count_if(rows.begin(), rows.end(), [v](const CompareRow& r) { return r.verdict == v; }));
}

Comparison compare_results(const ResultInput& baseline, const ResultInput& current,
                           const ToleranceSettings& tolerances) {
  Doc b = compare_detail::make_doc(baseline);
  Doc c = compare_detail::make_doc(current);
  check_versions(b, c);
  Comparison out;
  out.baseline = compare_detail::summary(b);
  out.current = compare_detail::summary(c);
  out.tolerance = tolerances.describe();
  add_notes(out.baseline, out.current, out.notes);
  compare_rto(b, c, out.rows);
  compare_recovery(b, c, tolerances, out.rows);
  compare_percentiles(b, c, tolerances, out);
  compare_detail::compare_distributions(b, c, tolerances, out);
  compare_detail::compare_systems(b, c, tolerances, out.rows);
  compare_detail::compare_findings(b, c, out.rows);
  compare_paging(b, c, tolerances, out);
  sort_rows(out.rows);
  return out;
}

}  // namespace drsim::reports
