#include "simulator/json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace drsim {
namespace {

/// The length of the well-formed UTF-8 sequence at s[i] (Unicode table 3-7: no overlong
/// forms, no surrogates, nothing above U+10FFFF; what nlohmann's decoder accepts), 0 if none.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto at = [&s](std::size_t k) -> unsigned {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0U;
  };
  auto cont = [](unsigned b, unsigned lo = 0x80, unsigned hi = 0xBF) { return b >= lo && b <= hi; };
  const unsigned b = at(i);
  if (b >= 0xC2 && b <= 0xDF) return cont(at(i + 1)) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    const unsigned lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
    return cont(at(i + 1), lo, hi) && cont(at(i + 2)) ? 3 : 0;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    const unsigned lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
    return cont(at(i + 1), lo, hi) && cont(at(i + 2)) && cont(at(i + 3)) ? 4 : 0;
  }
  return 0;
}

/// Refuses invalid UTF-8 with the very error nlohmann::json::dump() throws for it.
[[noreturn]] void refuse_invalid_utf8(std::string_view s) {
  (void)nlohmann::json(std::string(s)).dump();
  throw std::runtime_error("invalid UTF-8 in a result string");  // not reached
}

/// The escape of an ASCII byte, or nullptr when it stands for itself.
const char* ascii_escape(unsigned char c, std::array<char, 8>& buf) {
  switch (c) {
    case '\b':
      return "\\b";
    case '\t':
      return "\\t";
    case '\n':
      return "\\n";
    case '\f':
      return "\\f";
    case '\r':
      return "\\r";
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    default:
      break;
  }
  if (c > 0x1F) return nullptr;
  static constexpr char kHex[] = "0123456789abcdef";
  buf = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF], '\0', '\0'};
  return buf.data();
}

}  // namespace

void JsonWriter::append_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t plain = 0;  // start of the bytes not yet copied
  std::array<char, 8> buf{};
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const std::size_t n = utf8_length(s, i);
      if (n == 0) refuse_invalid_utf8(s);
      i += n;
      continue;
    }
    const char* esc = ascii_escape(c, buf);
    if (esc != nullptr) {
      out.append(s.data() + plain, i - plain);
      out += esc;
      plain = i + 1;
    }
    ++i;
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

void JsonWriter::append_double(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  std::array<char, 64> buf{};  // nlohmann's own number buffer is 64 bytes
  char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), v);
  out.append(buf.data(), end);
}

void JsonWriter::newline_indent(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * 2, ' ');
}

void JsonWriter::before_value() {
  if (stack_.empty() || !stack_.back().array) return;  // the top level, or after a key
  Level& l = stack_.back();
  if (!l.first) out_ += ',';
  l.first = false;
  if (pretty_) newline_indent(stack_.size());
}

void JsonWriter::key(std::string_view k) {
  Level& l = stack_.back();
  if (!l.first) out_ += ',';
  l.first = false;
  if (pretty_) newline_indent(stack_.size());
  append_string(out_, k);
  out_ += pretty_ ? ": " : ":";
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  stack_.push_back({false, true});
}

void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  stack_.push_back({true, true});
}

void JsonWriter::end_object() {
  const bool empty = stack_.back().first;
  stack_.pop_back();
  if (pretty_ && !empty) newline_indent(stack_.size());
  out_ += '}';
}

void JsonWriter::end_array() {
  const bool empty = stack_.back().first;
  stack_.pop_back();
  if (pretty_ && !empty) newline_indent(stack_.size());
  out_ += ']';
}

void JsonWriter::value(std::string_view s) {
  before_value();
  append_string(out_, s);
}

void JsonWriter::value(double v) {
  before_value();
  append_double(out_, v);
}

void JsonWriter::value(std::int64_t v) {
  before_value();
  std::array<char, 24> buf{};
  out_.append(buf.data(), std::to_chars(buf.data(), buf.data() + buf.size(), v).ptr);
}

void JsonWriter::value(std::uint64_t v) {
  before_value();
  std::array<char, 24> buf{};
  out_.append(buf.data(), std::to_chars(buf.data(), buf.data() + buf.size(), v).ptr);
}

void JsonWriter::value(bool v) {
  before_value();
  out_ += v ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::text_or_null(std::string_view s) {
  if (s.empty())
    null();
  else
    value(s);
}

void JsonWriter::value(const nlohmann::json& v) {
  using T = nlohmann::json::value_t;
  switch (v.type()) {
    case T::object:
      begin_object();
      for (auto it = v.begin(); it != v.end(); ++it) {
        key(it.key());
        value(*it);
      }
      end_object();
      return;
    case T::array:
      begin_array();
      for (const auto& e : v) value(e);
      end_array();
      return;
    case T::string:
      value(std::string_view(v.get_ref<const std::string&>()));
      return;
    case T::boolean:
      value(v.get<bool>());
      return;
    case T::number_integer:
      value(v.get<std::int64_t>());
      return;
    case T::number_unsigned:
      value(v.get<std::uint64_t>());
      return;
    case T::number_float:
      value(v.get<double>());
      return;
    case T::null:
    case T::discarded:
    case T::binary:
      null();
      return;  // a result holds no binary values
  }
}

}  // namespace drsim
