#pragma once
/// \file result_reader.hpp
/// The one typed reader of the documents the reports read (result.json, docs/result-format.md,
/// and the check report, docs/check-format.md). A ResultNode is one JSON value and its JSON
/// Pointer; every read checks the type and, for numbers, the range, and throws ResultFileError
/// "FILE: /pointer: expected WHAT, found WHAT" (or "FILE: /pointer is missing; expected WHAT").
/// Bounds: every number is finite and within +-kMaxResultNumber (so formatting never
/// overflows); every time is within [0, kMaxResultTimeS] (so the timeline stays small).

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "reports/result_io.hpp"

namespace drsim::reports {

/// Largest magnitude of any number a report reads (1e15: exact in a double and in a long long).
inline constexpr double kMaxResultNumber = 1e15;
/// Latest time (seconds from the exercise start) a result may hold: 4 weeks. An exercise is
/// at most one week long; the timeline draws one column per day.
inline constexpr double kMaxResultTimeS = 28 * 86400.0;

/// One value of a document being read, with its place (file and JSON Pointer) for messages.
class ResultNode {
 public:
  /// The root of a document; file names it in messages ("" for none).
  ResultNode(const nlohmann::json& value, std::string file);

  const nlohmann::json& raw() const { return *value_; }  ///< the JSON value itself
  /// Where this value is, found from the root when asked (only messages need it: reading
  /// 5,000 systems built a pointer string per field read, issue 18).
  std::string pointer() const;
  bool is_null() const { return value_->is_null(); }

  /// A member that must be there (it may be null). Throws when missing or this is no object.
  ResultNode at(const std::string& key, const char* expected) const;
  /// A member, or nothing when it is missing or null. Throws when this is no object.
  std::optional<ResultNode> find(const std::string& key) const;
  /// The elements of an array. Throws (with `expected`) when this is no array.
  std::vector<ResultNode> elements(const char* expected) const;
  /// The members of an object, in document order. Throws (with `expected`) when no object.
  std::vector<std::pair<std::string, ResultNode>> members(const char* expected) const;

  /// This value as a string.
  std::string text() const;
  /// This value as a finite number within [lo, hi].
  double number(double lo = -kMaxResultNumber, double hi = kMaxResultNumber) const;
  /// This value as a time in seconds: a number within [0, kMaxResultTimeS].
  double seconds() const;
  /// This value as true or false.
  bool boolean() const;
  /// This value as an integer within [lo, hi].
  long long integer(long long lo, long long hi) const;

  /// The member key: missing or null gives nothing, anything else is read as above.
  std::optional<std::string> text_at(const std::string& key) const;
  std::optional<double> number_at(const std::string& key) const;
  std::optional<double> seconds_at(const std::string& key) const;
  std::optional<bool> boolean_at(const std::string& key) const;

  /// Throws ResultFileError: "FILE: POINTER: expected EXPECTED, found <this value's type>".
  [[noreturn]] void fail(const std::string& expected) const;
  /// The same for a number out of range: "..., found 1e+300".
  [[noreturn]] void fail_range(const std::string& expected) const;

 private:
  ResultNode child(const nlohmann::json& value) const;
  std::string where() const;

  const nlohmann::json* value_;
  const nlohmann::json* root_;
  std::shared_ptr<const std::string> file_;
};

}  // namespace drsim::reports
