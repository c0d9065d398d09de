#include "reports/result_reader.hpp"

#include <cmath>
#include <cstdio>

namespace drsim::reports {

using nlohmann::json;

namespace {

std::string pointer_token(const std::string& key) {
  std::string out;
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

/// "1e+300", "12.5": a number as it appears in messages.
std::string shown(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

/// A number that is out of range, for "found ...".
std::string found_number(const json& v) {
  return v.is_number_float() ? shown(v.get<double>()) : v.dump();
}

}  // namespace

ResultNode::ResultNode(const json& value, std::string file)
    : value_(&value), file_(std::make_shared<const std::string>(std::move(file))) {}

ResultNode::ResultNode(const json& value, std::shared_ptr<const std::string> file,
                       std::string pointer)
    : value_(&value), file_(std::move(file)), pointer_(std::move(pointer)) {}

ResultNode ResultNode::child(const json& value, const std::string& token) const {
  return ResultNode(value, file_, pointer_ + "/" + pointer_token(token));
}

std::string ResultNode::where() const {
  std::string ptr = pointer_.empty() ? std::string("/") : pointer_;
  return file_->empty() ? ptr : *file_ + ": " + ptr;
}

void ResultNode::fail(const std::string& expected) const {
  throw ResultFileError(where() + ": expected " + expected + ", found " + value_->type_name());
}

void ResultNode::fail_range(const std::string& expected) const {
  throw ResultFileError(where() + ": expected " + expected + ", found " + found_number(*value_));
}

ResultNode ResultNode::at(const std::string& key, const char* expected) const {
  if (!value_->is_object()) fail("an object");
  auto it = value_->find(key);
  if (it == value_->end()) {
    std::string ptr = pointer_ + "/" + pointer_token(key);
    throw ResultFileError((file_->empty() ? ptr : *file_ + ": " + ptr) + " is missing; expected " +
                          expected);
  }
  return child(*it, key);
}

std::optional<ResultNode> ResultNode::find(const std::string& key) const {
  if (!value_->is_object()) fail("an object");
  auto it = value_->find(key);
  if (it == value_->end() || it->is_null()) return std::nullopt;
  return child(*it, key);
}

std::vector<ResultNode> ResultNode::elements(const char* expected) const {
  if (!value_->is_array()) fail(expected);
  std::vector<ResultNode> out;
  out.reserve(value_->size());
  for (std::size_t i = 0; i < value_->size(); ++i)
    out.push_back(child((*value_)[i], std::to_string(i)));
  return out;
}

std::vector<std::pair<std::string, ResultNode>> ResultNode::members(const char* expected) const {
  if (!value_->is_object()) fail(expected);
  std::vector<std::pair<std::string, ResultNode>> out;
  for (const auto& item : value_->items())
    out.emplace_back(item.key(), child(item.value(), item.key()));
  return out;
}

std::string ResultNode::text() const {
  if (!value_->is_string()) fail("a string");
  return value_->get<std::string>();
}

double ResultNode::number(double lo, double hi) const {
  if (!value_->is_number()) fail("a number");
  double v = value_->get<double>();
  if (!std::isfinite(v) || v < lo || v > hi)
    fail_range("a number from " + shown(lo) + " to " + shown(hi));
  return v;
}

double ResultNode::seconds() const {
  if (!value_->is_number()) fail("a number");
  double v = value_->get<double>();
  if (!std::isfinite(v) || v < 0 || v > kMaxResultTimeS)
    fail_range("seconds from 0 to " + shown(kMaxResultTimeS) + " (4 weeks)");
  return v;
}

bool ResultNode::boolean() const {
  if (!value_->is_boolean()) fail("true or false");
  return value_->get<bool>();
}

long long ResultNode::integer(long long lo, long long hi) const {
  if (!value_->is_number_integer()) fail("an integer");
  if (value_->is_number_unsigned()) {
    auto u = value_->get<unsigned long long>();
    if (u > static_cast<unsigned long long>(hi))
      fail_range("an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
    return static_cast<long long>(u);
  }
  auto v = value_->get<long long>();
  if (v < lo || v > hi)
    fail_range("an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
  return v;
}

std::optional<std::string> ResultNode::text_at(const std::string& key) const {
  auto n = find(key);
  return n ? std::optional(n->text()) : std::nullopt;
}

std::optional<double> ResultNode::number_at(const std::string& key) const {
  auto n = find(key);
  return n ? std::optional(n->number()) : std::nullopt;
}

std::optional<double> ResultNode::seconds_at(const std::string& key) const {
  auto n = find(key);
  return n ? std::optional(n->seconds()) : std::nullopt;
}

std::optional<bool> ResultNode::boolean_at(const std::string& key) const {
  auto n = find(key);
  return n ? std::optional(n->boolean()) : std::nullopt;
}

}  // namespace drsim::reports
