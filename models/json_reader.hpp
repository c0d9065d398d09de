#pragma once
/// \file json_reader.hpp
/// Reading one JSON document into Spec structs without ever throwing: every wrong type,
/// range, unit or unknown key becomes a ScenarioError with its JSON Pointer, and reading
/// goes on so that a load reports all problems at once.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/scenario_io.hpp"
#include "models/units.hpp"

namespace drsim {

/// The problems found in one file so far.
class Diagnostics {
 public:
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}
  void add(std::string pointer, std::string message, std::string expected = {});
  const std::string& file() const { return file_; }
  const std::vector<ScenarioError>& errors() const { return errors_; }
  std::vector<ScenarioError>& errors() { return errors_; }
  bool empty() const { return errors_.empty(); }

 private:
  std::string file_;
  std::vector<ScenarioError> errors_;
};

/// RFC 6901: the pointer of `key` under `parent` ("~" -> "~0", "/" -> "~1").
std::string pointer_join(const std::string& parent, std::string_view key);
std::string pointer_join(const std::string& parent, size_t index);

/// A value quoted for a message, cut short when long: "abc", "9999...(100002 characters)".
std::string quote_for_message(const std::string& text);

/// Names joined for an "expected" text: "one of: A, B, C" (first 40, then "...").
std::string name_list(const std::vector<std::string>& names);

/// The value of a JSON number as a double, whatever its storage (0 for non-numbers).
double number_value(const nlohmann::json& v);

/// Inclusive numeric bounds; lo_open makes the lower bound exclusive ("> 0").
struct Bounds {
  double lo = 0;
  double hi = 1e15;
  bool lo_open = false;
  std::string range_text() const;            ///< ">= 0", "from 1 to 1000"
  std::string describe(bool integer) const;  ///< "an integer from 1 to 1000"
  bool contains(double v) const { return (lo_open ? v > lo : v >= lo) && v <= hi; }
};

/// The ranges most fields use: sizes, rates, durations and counts.
inline const Bounds kPositive{0, 1e15, true};
inline const Bounds kNonNegative{0, 1e15};

enum class Need { Optional, Required };

/// A key every object of a scenario accepts: a comment (a string) that drsim ignores.
inline constexpr const char* kCommentKey = "_comment";

/// Reads the fields of one JSON object. Checks on construction that the value is an object
/// and that it has only the listed keys.
class ObjectReader {
 public:
  ObjectReader(const nlohmann::json& value, std::string pointer, Diagnostics& diags,
               const std::vector<std::string>& keys);

  bool ok() const { return object_ != nullptr; }
  bool has(const char* key) const;
  const nlohmann::json* child(const char* key) const;
  std::string ptr(const char* key) const { return pointer_join(pointer_, key); }
  const std::string& pointer() const { return pointer_; }
  Diagnostics& diags() const { return diags_; }

  void string(const char* key, std::string& out, Need need = Need::Optional, bool non_empty = true);
  void string(const char* key, std::optional<std::string>& out);
  void boolean(const char* key, bool& out);
  void integer(const char* key, int& out, Bounds b, Need need = Need::Optional);
  void integer(const char* key, std::optional<int>& out, Bounds b);
  void number(const char* key, double& out, Bounds b, Need need = Need::Optional);
  void strings(const char* key, std::vector<std::string>& out, Need need = Need::Optional);

  using UnitParser = units::Parsed (*)(std::string_view);
  /// A value with a unit (size, rate, duration, week time, time of day) in base units.
  void unit(const char* key, UnitParser parse, double& out, Bounds b, Need need = Need::Optional);
  void unit(const char* key, UnitParser parse, std::optional<double>& out, Bounds b);

  /// A string from a fixed set; `names[i]` maps to `values[i]`.
  template <typename E>
  void choice(const char* key, E& out, const std::vector<std::pair<const char*, E>>& table,
              Need need = Need::Optional) {
    std::string text;
    if (!read_string_for_choice(key, text, need)) return;
    for (const auto& [name, value] : table) {
      if (text == name) {
        out = value;
        return;
      }
    }
    std::vector<std::string> names;
    names.reserve(table.size());
    for (const auto& entry : table) names.emplace_back(entry.first);
    diags_.add(ptr(key), "unknown value " + quote_for_message(text), name_list(names));
  }

 private:
  const nlohmann::json* get(const char* key, Need need) const;
  bool read_string_for_choice(const char* key, std::string& out, Need need);
  void wrong_type(const char* key, const char* expected) const;

  const nlohmann::json* object_ = nullptr;
  std::string pointer_;
  Diagnostics& diags_;
};

/// Calls fn(element, pointer) for each element of the array at `key` (absent = none).
template <typename Fn>
void for_each_element(const ObjectReader& r, const char* key, Fn fn) {
  const nlohmann::json* arr = r.child(key);
  if (arr == nullptr) return;
  if (!arr->is_array()) {
    r.diags().add(r.ptr(key), "wrong type", "an array");
    return;
  }
  for (size_t i = 0; i < arr->size(); ++i) fn((*arr)[i], pointer_join(r.ptr(key), i));
}

}  // namespace drsim
