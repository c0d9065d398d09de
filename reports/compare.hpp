#pragma once
/// \file compare.hpp
/// `drsim compare`: two result documents (docs/result-format.md) and tolerance settings in,
/// a Comparison out: one row per compared metric or system, worst first. Pure: no files, no
/// printing. The semantics are documented in docs/compare.md.

#include <functional>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace drsim::reports {

/// Two results that cannot be compared, or a bad tolerance; the message says why and names
/// the file and JSON Pointer where one is involved. `drsim compare` exits 2 on it.
struct CompareError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// How a row ended, in order from worst to best.
enum class Verdict { regression, removed, added, unchanged, improvement };

/// "regression", "removed", "added", "unchanged", "improvement".
std::string_view verdict_name(Verdict v);

/// What the numbers of a row measure, for formatting the delta.
enum class Quantity { time, rate, none };

/// One compared metric for one subject.
struct CompareRow {
  std::string
      metric;  ///< rto_met, critical_up, all_up, *_p50/_p90, system, blocked, finding, paging
  std::string subject;          ///< "recovery", a system name, or "code SUBJECT" for a finding
  std::string baseline;         ///< the baseline value as shown ("Mon 13:30", "never", "met")
  std::string current;          ///< the current value as shown
  std::optional<double> delta;  ///< current - baseline (seconds or pages/s), when both exist
  Quantity quantity = Quantity::none;
  Verdict verdict = Verdict::unchanged;
  std::string message;   ///< why this verdict, in words
  double magnitude = 0;  ///< for ordering: |delta|, or infinity when a value appeared or vanished
};

/// A row's delta as shown: "+3h10m" for times, "+1200/s" for rates, "" when there is none.
std::string format_row_delta(const CompareRow& r);

/// Who wrote a result and for which scenario, for the headers of the outputs.
struct ResultSummary {
  std::string file;
  std::string scenario;
  std::string version;
  std::string seed;
};

/// The outcome of a comparison.
struct Comparison {
  ResultSummary baseline;
  ResultSummary current;
  std::string tolerance;           ///< the tolerance settings in words
  std::vector<CompareRow> rows;    ///< worst first
  std::vector<std::string> notes;  ///< what was not compared and why, scenario or seed changes

  /// Rows with verdict v.
  int count(Verdict v) const;
  /// True when any row is a regression: the gate fails.
  bool has_regression() const { return count(Verdict::regression) > 0; }
};

/// An allowance before a worse value counts as a regression. With both a fraction and an
/// absolute amount, the larger allowance wins; with neither, the allowance is 0.
struct Tolerance {
  std::optional<double> fraction;  ///< of the baseline value: 0.05 for "5%"
  std::optional<double> seconds;   ///< absolute, for times: "30min"
  std::optional<double> rate;      ///< absolute, for paging (pages/s): "paging=500"

  /// The allowance for a baseline value; absolute amounts in the row's quantity only.
  double allowance(double baseline, Quantity q) const;
  /// "5% or 30m, the larger", "0".
  std::string describe() const;
};

/// Tolerances: a default and per-metric overrides that replace the default for their key.
struct ToleranceSettings {
  Tolerance fallback;
  std::map<std::string, Tolerance> by_key;  ///< critical_up, percentiles, system:NAME, paging ...

  /// The tolerance for a metric: the first key of keys that is set, else the default.
  const Tolerance& lookup(std::initializer_list<std::string> keys) const;
  /// "5% or 30m, the larger; all_up=2h".
  std::string describe() const;
};

/// Parses a duration such as "30min" or "1h30m" into seconds; empty when it is not one.
using DurationParser = std::function<std::optional<double>(std::string_view)>;

/// Parses `--tolerance` values: "5%", "30min", "KEY=5%", "KEY=30min", "paging=500".
/// Throws CompareError naming the value and what was expected (valid keys are listed).
ToleranceSettings parse_tolerances(const std::vector<std::string>& specs,
                                   const DurationParser& parse_duration);

/// A result document and the file it came from (for messages).
struct ResultInput {
  std::string file;
  const nlohmann::json& doc;
};

/// Compares current against baseline. Throws CompareError when the documents are not
/// comparable (different drsim major.minor), ResultFileError (result_io.hpp) naming the file
/// and JSON Pointer of a malformed or out-of-range field.
Comparison compare_results(const ResultInput& baseline, const ResultInput& current,
                           const ToleranceSettings& tolerances);

}  // namespace drsim::reports
