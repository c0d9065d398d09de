#include "reports/result_reader.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

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

/// The JSON Pointer of target below node (path holds node's), found depth first.
bool locate(const json& node, const json* target, std::string& path) {
  if (&node == target) return true;
  const std::size_t mark = path.size();
  if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      path += "/" + std::to_string(i);
      if (locate(node[i], target, path)) return true;
      path.resize(mark);
    }
  } else if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      path += "/" + pointer_token(it.key());
      if (locate(*it, target, path)) return true;
      path.resize(mark);
    }
  }
  return false;
}

}  // namespace

ResultNode::ResultNode(const json& value, std::string file)
    : value_(&value), root_(&value), file_(std::make_shared<const std::string>(std::move(file))) {}

ResultNode ResultNode::child(const json& value) const {
  ResultNode c(*this);
  c.value_ = &value;
  return c;
}

std::string ResultNode::pointer() const {
  std::string path;
  return locate(*root_, value_, path) ? path : std::string();
}

std::string ResultNode::where() const {
  std::string ptr = pointer();
  if (ptr.empty()) ptr = "/";
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
    std::string ptr = pointer() + "/" + pointer_token(key);
    throw ResultFileError((file_->empty() ? ptr : *file_ + ": " + ptr) + " is missing; expected " +
                          expected);
  }
  return child(*it);
}

std::optional<ResultNode> ResultNode::find(const std::string& key) const {
  if (!value_->is_object()) fail("an object");
  auto it = value_->find(key);
  if (it == value_->end() || it->is_null()) return std::nullopt;
  return child(*it);
}

std::vector<ResultNode> ResultNode::elements(const char* expected) const {
  if (!value_->is_array()) fail(expected);
  std::vector<ResultNode> out;
  out.reserve(value_->size());
  for (const auto& v : *value_) out.push_back(child(v));
  return out;
}

std::vector<std::pair<std::string, ResultNode>> ResultNode::members(const char* expected) const {
  if (!value_->is_object()) fail(expected);
  std::vector<std::pair<std::string, ResultNode>> out;
  for (const auto& item : value_->items()) out.emplace_back(item.key(), child(item.value()));
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
