#pragma once
/// \file compare_doc.hpp
/// Typed reads of the parts of a result document that `drsim compare` looks at, through the
/// reports' one reader (result_reader.hpp): every read checks its type and range and throws
/// ResultFileError naming the file, the JSON Pointer and what was expected. Internal to
/// reports/compare*.cpp.

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "reports/compare.hpp"
#include "reports/result_reader.hpp"

namespace drsim::reports::compare_detail {

/// A result document being compared.
struct Doc {
  const std::string& file;
  const nlohmann::json& j;
  ResultNode root;
  std::optional<double> start_week_s;  ///< /exercise/start_week_s when present, for labels
};

/// Makes a Doc, reading the exercise start when the document has it.
Doc make_doc(const ResultInput& in);

/// The fields of one system that compare uses.
struct SystemInfo {
  std::optional<double> up_s;
  bool critical = false;
  std::string status;
  std::string blocked_by;
};

/// One finding's identity; findings match when all three are equal.
struct FindingKey {
  std::string code;
  std::string subject;
  std::string severity;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 sees the 0 of the defaulted <=>
  auto operator<=>(const FindingKey&) const = default;
};

/// Major and minor of /drsim_version ("0.3.0" -> {0, 3}).
std::pair<long, long> major_minor(const Doc& d);

/// Who wrote the document, for headers.
ResultSummary summary(const Doc& d);

/// Systems by name (/systems); a duplicate name is an error.
std::map<std::string, SystemInfo> read_systems(const Doc& d);

/// Findings counted by identity (/findings), with one message of each.
std::map<FindingKey, std::pair<int, std::string>> read_findings(const Doc& d);

/// /recovery/KEY: seconds, or empty for null; missing is an error unless optional, where
/// a missing key gives std::nullopt in the outer optional.
std::optional<std::optional<double>> read_recovery_time(const Doc& d, const std::string& key,
                                                        bool optional);

/// /recovery/rto_met: true, false, or empty for null.
std::optional<bool> read_rto_met(const Doc& d);

/// /metrics/peak_paging_pages_per_s, empty when the document has none.
std::optional<double> read_peak_paging(const Doc& d);

/// A row with its names and shown values; the verdict starts as unchanged.
CompareRow make_row(std::string metric, std::string subject, std::string baseline,
                    std::string current);

/// A metric compared as a number: which one, for whom, and how its values are shown.
struct NumericSpec {
  std::string metric;
  std::string subject;
  Quantity quantity;
  const Tolerance& tolerance;
};

/// Compares two values of one metric (empty = never reached) under the spec's tolerance.
CompareRow numeric_row(const Doc& bd, const Doc& cd, const NumericSpec& s, std::optional<double> b,
                       std::optional<double> c);

/// Rows for /systems: up times, newly blocked or unblocked systems, added and removed ones.
void compare_systems(const Doc& b, const Doc& c, const ToleranceSettings& tol,
                     std::vector<CompareRow>& rows);

/// Rows for /findings: added (an error is a regression), resolved, still there.
void compare_findings(const Doc& b, const Doc& c, std::vector<CompareRow>& rows);

/// Rows for two Monte Carlo results (/distribution in both): the RTO probability against the
/// baseline's 95 % interval, and each critical system's P90; a note when only one has it.
void compare_distributions(const Doc& b, const Doc& c, const ToleranceSettings& tol,
                           Comparison& out);

}  // namespace drsim::reports::compare_detail
