#include "models/schema.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <memory>
#include <new>
#include <stdexcept>
#include <string_view>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/adapters/rapidjson_adapter.hpp>
#include <valijson/constraint_builder.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "models/json_reader.hpp"
#include "models/schema_patterns.hpp"
#include "models/schema_text.hpp"
#include "models/text_guard.hpp"

namespace drsim {
namespace {

using nlohmann::json;

/// Longest string the schema's regular expressions are run on: std::regex recurses once per
/// character (a 2,000-character duration overflowed a 1 MiB stack). Every pattern of the schema
/// matches far shorter strings; the loader refuses anything over kMaxStringChars before this.
constexpr size_t kMaxPatternInput = 256;

/// Errors that only repeat, for an enclosing value, that something inside it failed.
bool is_wrapper(const std::string& description) {
  for (const char* prefix :
       {"Failed to validate item #", "Failed to validate against schema associated with",
        "Failed to validate against child schema #"})
    if (description.rfind(prefix, 0) == 0) return true;
  return false;
}

/// A missing or unknown property is reported at the object; point at the property instead.
std::string refine_pointer(const std::string& pointer, const std::string& description) {
  bool names_property =
      description.rfind("Missing required property '", 0) == 0 ||
      description.find("additionalProperties' constraints: '") != std::string::npos;
  size_t close = description.rfind('\'');
  size_t open = close == std::string::npos || close == 0 ? std::string::npos
                                                         : description.rfind('\'', close - 1);
  if (!names_property || open == std::string::npos) return pointer;
  return pointer_join(pointer, description.substr(open + 1, close - open - 1));
}

/// The keyword a "pattern" with a hand-written matcher becomes (valijson ignores it, the
/// builder below turns it into a PatternMatch).
constexpr const char* kMatchedPattern = "x-drsim-pattern";

/// A "pattern" checked by its hand-written matcher instead of a compiled std::regex, with
/// valijson's own message (schema_patterns.hpp).
class PatternMatch : public valijson::constraints::PolyConstraint {
 public:
  explicit PatternMatch(PatternMatcher matcher) : matcher_(matcher) {}
  bool validate(const valijson::adapters::Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    if (!target.isString()) return true;  // as valijson's pattern with strict types
    std::string text;
    target.getString(text);
    if (matcher_(text)) return true;
    if (results)
      results->pushError(context, "Failed to match regex specified by 'pattern' constraint.");
    return false;
  }

 private:
  Constraint* cloneInto(void* where) const override { return new (where) PatternMatch(matcher_); }
  size_t sizeOf() const override { return sizeof(PatternMatch); }
  PatternMatcher matcher_;
};

class PatternMatchBuilder : public valijson::ConstraintBuilder {
 public:
  valijson::constraints::Constraint* make(const valijson::adapters::Adapter& value) const override {
    std::string pattern;
    if (!value.getString(pattern) || hand_written_matcher(pattern) == nullptr)
      throw std::logic_error("no hand-written matcher for the schema pattern " + pattern);
    return new PatternMatch(hand_written_matcher(pattern));
  }
};

/// Renames every "pattern" that has a hand-written matcher to kMatchedPattern (values of
/// const, enum, default and examples are data, not schemas, and are left alone).
void use_hand_written_patterns(rapidjson::Value& schema, rapidjson::Document::AllocatorType& a) {
  if (schema.IsArray()) {
    for (auto& v : schema.GetArray()) use_hand_written_patterns(v, a);
    return;
  }
  if (!schema.IsObject()) return;
  for (auto& m : schema.GetObject()) {
    std::string_view key(m.name.GetString(), m.name.GetStringLength());
    if (key == "pattern" && m.value.IsString() &&
        hand_written_matcher({m.value.GetString(), m.value.GetStringLength()}) != nullptr)
      m.name.SetString(kMatchedPattern, a);
    else if (key != "const" && key != "enum" && key != "default" && key != "examples")
      use_hand_written_patterns(m.value, a);
  }
}

/// The schema, compiled once (valijson schemas cannot be copied).
const valijson::Schema& compiled_schema() {
  static const std::unique_ptr<valijson::Schema> schema = [] {
    auto s = std::make_unique<valijson::Schema>();
    // Our own text, checked by the tests, read with RapidJSON (a dependency of valijson's
    // package): parsing it and compiling from it cost 4.6 M instructions of every validate and
    // run against 9.1 M from an nlohmann tree (bench/README.md). A compiled schema does not
    // depend on the tree it came from; the scenario is still checked as an nlohmann tree.
    // Full precision: numbers rounded as nlohmann and strtod round them (the schema's bounds).
    rapidjson::Document doc;  // freed in a few large blocks (its allocator's), not per node
    doc.Parse<rapidjson::kParseFullPrecisionFlag>(scenario_schema_text());
    if (doc.HasParseError()) throw std::logic_error("the embedded scenario schema is not JSON");
    use_hand_written_patterns(doc, doc.GetAllocator());
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.addConstraintBuilder(kMatchedPattern, new PatternMatchBuilder);
    valijson::adapters::RapidJsonAdapter adapter(doc);
    parser.populateSchema(adapter, *s);
    return s;
  }();
  return *schema;
}

}  // namespace

const char* scenario_schema_text() {
  return generated::kScenarioSchema;
}

std::string context_to_pointer(const std::vector<std::string>& context) {
  std::string out;
  for (const auto& part : context) {
    if (part == "<root>") continue;
    std::string key = part;
    if (key.size() >= 2 && key.front() == '[' && key.back() == ']')
      key = key.substr(1, key.size() - 2);
    if (key.size() >= 2 && key.front() == '"' && key.back() == '"')
      key = key.substr(1, key.size() - 2);
    out = pointer_join(out, key);
  }
  return out;
}

std::vector<ScenarioError> check_against_schema(const json& doc, const std::string& file) {
  std::vector<ScenarioError> out;
  auto long_strings = find_long_strings(doc, kMaxPatternInput);
  json shortened;
  if (!long_strings.empty()) {
    shortened = doc;
    for (const auto& [p, size] : long_strings) {
      json& v = shortened.at(json::json_pointer(p));
      if (v.is_string() && size > kMaxPatternInput)
        v = v.get<std::string>().substr(0, kMaxPatternInput);
    }
  }
  const json& checked = long_strings.empty() ? doc : shortened;
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(checked);
  validator.validate(compiled_schema(), target, &results);
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    if (is_wrapper(e.description)) continue;
    std::string pointer = refine_pointer(context_to_pointer(e.context), e.description);
    bool seen = std::any_of(out.begin(), out.end(),
                            [&](const ScenarioError& x) { return x.pointer == pointer; });
    if (!seen)
      out.push_back({file, pointer, e.description, "what the schema allows (see drsim schema)"});
  }
  return out;
}

}  // namespace drsim
