#include "models/json_reader.hpp"

#include <cmath>
#include <cstdio>

namespace drsim {
namespace {

using nlohmann::json;

std::string type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "an array";
    case json::value_t::object:
      return "an object";
    case json::value_t::number_float:
      return "a number with a fraction or exponent";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    default:
      return "an unusable value";
  }
}

std::string format_number(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

}  // namespace

std::string quote_for_message(const std::string& text) {
  if (text.size() <= 60) return "\"" + text + "\"";
  return "\"" + text.substr(0, 57) + "...\" (" + std::to_string(text.size()) + " characters)";
}

double number_value(const json& v) {
  if (v.is_number_unsigned()) return static_cast<double>(v.get<std::uint64_t>());
  if (v.is_number_integer()) return static_cast<double>(v.get<std::int64_t>());
  if (v.is_number_float()) return v.get<double>();
  return 0;
}

void Diagnostics::add(std::string pointer, std::string message, std::string expected) {
  errors_.push_back(
      ScenarioError{file_, std::move(pointer), std::move(message), std::move(expected)});
}

std::string pointer_join(const std::string& parent, std::string_view key) {
  std::string out = parent + "/";
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string pointer_join(const std::string& parent, size_t index) {
  return parent + "/" + std::to_string(index);
}

std::string name_list(const std::vector<std::string>& names) {
  if (names.empty()) return "(there are none)";
  std::string out = "one of: ";
  for (size_t i = 0; i < names.size() && i < 40; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > 40) out += ", ...";
  return out;
}

std::string Bounds::range_text() const {
  if (hi >= 1e15) return (lo_open ? "> " : ">= ") + format_number(lo);
  if (lo_open) return "> " + format_number(lo) + " and <= " + format_number(hi);
  return "from " + format_number(lo) + " to " + format_number(hi);
}

std::string Bounds::describe(bool integer) const {
  return (integer ? "an integer " : "a number ") + range_text();
}

ObjectReader::ObjectReader(const json& value, std::string pointer, Diagnostics& diags,
                           const std::vector<std::string>& keys)
    : pointer_(std::move(pointer)), diags_(diags) {
  if (!value.is_object()) {
    diags_.add(pointer_, "is " + type_name(value), "an object");
    return;
  }
  object_ = &value;
  for (const auto& item : value.items()) {
    if (item.key() == kCommentKey) {  // a note for people, in any object; drsim ignores it
      if (!item.value().is_string())
        diags_.add(pointer_join(pointer_, item.key()), "is " + type_name(item.value()),
                   "a string (a comment)");
      continue;
    }
    bool known = false;
    for (const auto& k : keys) known = known || k == item.key();
    if (!known)
      diags_.add(pointer_join(pointer_, item.key()), "unknown key", "a key " + name_list(keys));
  }
}

bool ObjectReader::has(const char* key) const {
  return child(key) != nullptr;
}

const json* ObjectReader::child(const char* key) const {
  if (object_ == nullptr) return nullptr;
  auto it = object_->find(key);
  return it == object_->end() ? nullptr : &*it;
}

const json* ObjectReader::get(const char* key, Need need) const {
  const json* v = child(key);
  if (v == nullptr && need == Need::Required && object_ != nullptr)
    diags_.add(ptr(key), "is missing", "a value here (it is required)");
  return v;
}

void ObjectReader::wrong_type(const char* key, const char* expected) const {
  diags_.add(ptr(key), "is " + type_name(*child(key)), expected);
}

void ObjectReader::string(const char* key, std::string& out, Need need, bool non_empty) {
  const json* v = get(key, need);
  if (v == nullptr) return;
  if (!v->is_string()) return wrong_type(key, non_empty ? "a non-empty string" : "a string");
  if (non_empty && v->get_ref<const std::string&>().empty())
    return diags_.add(ptr(key), "is empty", "a non-empty string");
  out = v->get<std::string>();
}

void ObjectReader::string(const char* key, std::optional<std::string>& out) {
  std::string text;
  if (!has(key)) return;
  size_t before = diags_.errors().size();
  string(key, text);
  if (diags_.errors().size() == before) out = text;
}

void ObjectReader::boolean(const char* key, bool& out) {
  const json* v = get(key, Need::Optional);
  if (v == nullptr) return;
  if (!v->is_boolean()) return wrong_type(key, "true or false");
  out = v->get<bool>();
}

void ObjectReader::integer(const char* key, int& out, Bounds b, Need need) {
  const json* v = get(key, need);
  if (v == nullptr) return;
  // the expected text only for a message (formatting the bounds cost more than the reading)
  if (!v->is_number_integer()) return wrong_type(key, b.describe(true).c_str());
  double d = number_value(*v);
  if (!b.contains(d))
    return diags_.add(ptr(key), "is out of range (" + format_number(d) + ")", b.describe(true));
  out = static_cast<int>(d);
}

void ObjectReader::integer(const char* key, std::optional<int>& out, Bounds b) {
  if (!has(key)) return;
  int value = 0;
  size_t before = diags_.errors().size();
  integer(key, value, b);
  if (diags_.errors().size() == before) out = value;
}

void ObjectReader::number(const char* key, double& out, Bounds b, Need need) {
  const json* v = get(key, need);
  if (v == nullptr) return;
  if (!v->is_number()) return wrong_type(key, b.describe(false).c_str());
  double d = number_value(*v);
  if (!std::isfinite(d) || !b.contains(d))
    return diags_.add(ptr(key), "is out of range (" + format_number(d) + ")", b.describe(false));
  out = d;
}

void ObjectReader::strings(const char* key, std::vector<std::string>& out, Need need) {
  const json* v = get(key, need);
  if (v == nullptr) return;
  if (!v->is_array()) return wrong_type(key, "an array of names");
  out.clear();
  for (size_t i = 0; i < v->size(); ++i) {
    const json& e = (*v)[i];
    if (!e.is_string() || e.get_ref<const std::string&>().empty()) {
      diags_.add(pointer_join(ptr(key), i),
                 "is " + (e.is_string() ? std::string("empty") : type_name(e)),
                 "a non-empty string");
      continue;
    }
    out.push_back(e.get<std::string>());
  }
}

namespace {

/// What the engine can simulate whatever a field's own bounds (issue 15: SimGrid asserted on a
/// valid scenario): a non-zero size from 1 byte to 1 PB, a rate from 1 KB/s to 10 TB/s, a
/// duration from 1 ms to 10,000,000 s (116 days). 0 stays allowed where the field allows it.
std::optional<Bounds> engine_range(ObjectReader::UnitParser parse) {
  if (parse == units::parse_size) return Bounds{1, 1e15};
  if (parse == units::parse_rate) return Bounds{1e3, 1e13};
  if (parse == units::parse_duration) return Bounds{1e-6, 1e7};
  return std::nullopt;
}

}  // namespace

void ObjectReader::unit(const char* key, UnitParser parse, double& out, Bounds b, Need need) {
  const json* v = get(key, need);
  if (v == nullptr) return;
  if (v->is_number() && number_value(*v) == 0) {
    units::Parsed zero = parse("0");
    if (zero.value) {
      if (!b.contains(0)) return diags_.add(ptr(key), "is 0", "a value " + b.range_text());
      out = 0;
      return;
    }
  }
  if (!v->is_string()) return wrong_type(key, (parse("").expected + ", as a string").c_str());
  units::Parsed p = parse(v->get_ref<const std::string&>());
  if (!p.value)
    return diags_.add(ptr(key), quote_for_message(v->get<std::string>()) + " cannot be read",
                      p.expected);
  if (!b.contains(*p.value))
    return diags_.add(ptr(key), quote_for_message(v->get<std::string>()) + " is out of range",
                      "a value " + b.range_text() + " (bytes, bytes/s or seconds)");
  auto engine = engine_range(parse);
  if (*p.value != 0 && engine && !engine->contains(*p.value))
    return diags_.add(ptr(key), quote_for_message(v->get<std::string>()) + " is out of range",
                      "0 or a value " + engine->range_text() + " (bytes, bytes/s or seconds)");
  out = *p.value;
}

void ObjectReader::unit(const char* key, UnitParser parse, std::optional<double>& out, Bounds b) {
  if (!has(key)) return;
  double value = 0;
  size_t before = diags_.errors().size();
  unit(key, parse, value, b);
  if (diags_.errors().size() == before) out = value;
}

bool ObjectReader::read_string_for_choice(const char* key, std::string& out, Need need) {
  const json* v = get(key, need);
  if (v == nullptr) return false;
  if (!v->is_string()) {
    wrong_type(key, "a string");
    return false;
  }
  out = v->get<std::string>();
  return true;
}

}  // namespace drsim
