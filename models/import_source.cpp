#include "models/import_source.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace drsim::import {

std::string Pos::to_string() const {
  return line > 0 ? file + ":" + std::to_string(line) : file;
}

std::string Message::to_string() const {
  std::string head = pos.to_string() + ": ";
  switch (kind) {
    case MessageKind::Error:
      return head + text + (expected.empty() ? "" : "; expected " + expected);
    case MessageKind::Warning:
      return head + "warning: " + text + (other ? " (" + other->to_string() + ")" : "");
    case MessageKind::NotUsed:
      return head + "not used: " + text;
  }
  return head + text;
}

void Messages::error(const Pos& p, std::string what, std::string expected) {
  items_.push_back({MessageKind::Error, p, std::move(what), std::move(expected), std::nullopt});
}

void Messages::warning(const Pos& p, std::string what, std::optional<Pos> other) {
  items_.push_back({MessageKind::Warning, p, std::move(what), "", std::move(other)});
}

void Messages::not_used(const Pos& p, std::string what) {
  items_.push_back({MessageKind::NotUsed, p, std::move(what), "", std::nullopt});
}

bool Messages::has_errors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Message& m) { return m.kind == MessageKind::Error; });
}

std::vector<Message> Messages::sorted() const {
  std::vector<Message> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Message& a, const Message& b) {
    return static_cast<int>(a.kind) < static_cast<int>(b.kind);
  });
  return out;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool abbrev(std::string_view text, std::string_view full, size_t min) {
  std::string t = upper(text);
  return t.size() >= min && t.size() <= full.size() && full.substr(0, t.size()) == t;
}

std::optional<unsigned> parse_hex(std::string_view s, size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return std::nullopt;
  unsigned v = 0;
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 16 +
        static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(c))
                                  ? c - '0'
                                  : std::toupper(static_cast<unsigned char>(c)) - 'A' + 10);
  }
  return v;
}

std::string hex4(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", v & 0xFFFFu);
  return buf;
}

std::string hex2(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02X", v & 0xFFu);
  return buf;
}

std::optional<StorageSize> parse_storage(std::string_view s) {
  if (s.size() < 2 || s.size() > 8) return std::nullopt;
  std::string digits(s.substr(0, s.size() - 1));
  if (!std::all_of(digits.begin(), digits.end(),
                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  double n = std::stod(digits);
  if (n <= 0) return std::nullopt;
  const std::string unit = upper(s.substr(s.size() - 1));
  const std::string units = "KMGTPE";
  size_t k = units.find(unit);
  if (k == std::string::npos) return std::nullopt;
  double bytes = n;
  for (size_t i = 0; i <= k; ++i) bytes *= 1024;
  static const char* names[] = {"KiB", "MiB", "GiB", "TiB"};
  if (k <= 3) return StorageSize{bytes, digits + names[k]};
  double tib = bytes / (1024.0 * 1024 * 1024 * 1024);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0fTiB", tib);
  return StorageSize{bytes, buf};
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string::npos) j = text.size();
    std::string line = text.substr(i, j - i);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
    i = j + 1;
  }
  return out;
}

std::vector<Statement> join_continuations(const std::vector<std::string>& lines,
                                          const std::string& file, Messages& msgs,
                                          const std::string& unit) {
  std::vector<Statement> out;
  std::optional<Statement> open;
  for (size_t i = 0; i < lines.size(); ++i) {
    auto w = words(lines[i]);
    if (w.empty()) continue;
    std::string joined;
    for (const auto& x : w) joined += (joined.empty() ? "" : " ") + x;
    if (open)
      open->text += " " + joined;
    else
      open = Statement{{file, static_cast<int>(i + 1)}, joined};
    if (open->text.back() == ',') {
      open->text.pop_back();
      continue;
    }
    out.push_back(*open);
    open.reset();
  }
  if (open)
    msgs.error(open->pos, "bad continuation: the statement ends with a comma but the file ends",
               "a " + unit + " after a statement that ends with a comma");
  return out;
}

}  // namespace drsim::import
