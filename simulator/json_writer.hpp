#pragma once
/// \file json_writer.hpp
/// A streaming JSON writer whose text is byte for byte what nlohmann::json::dump() gives for
/// the same document (compact, or indented by 2 with --pretty): the same string escaping
/// (control characters as \u00xx, UTF-8 passed through, invalid UTF-8 refused with
/// nlohmann's own error), the same number text (nlohmann's shortest round-trip form of a
/// double, e.g. 1.0, 0.001, 1e+20) and the same separators. The caller writes members in
/// nlohmann::json's key order (sorted by bytes): the writer does not sort.

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace drsim {

class JsonWriter {
 public:
  /// Appends to out; indented by 2 when pretty, else compact.
  JsonWriter(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  /// The next member's key; its value follows.
  void key(std::string_view k);

  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(double v);
  void value(std::int64_t v);
  void value(std::uint64_t v);
  void value(int v) { value(static_cast<std::int64_t>(v)); }
  void value(bool v);
  void null();
  /// A whole tree, as dump() writes it at this place.
  void value(const nlohmann::json& v);

  /// "s" or null when s is empty.
  void text_or_null(std::string_view s);

  /// s quoted and escaped exactly as nlohmann::json::dump() (ensure_ascii off) does; throws
  /// nlohmann's type_error 316 on invalid UTF-8.
  static void append_string(std::string& out, std::string_view s);
  /// v as nlohmann::json::dump() writes a double ("null" when not finite).
  static void append_double(std::string& out, double v);

 private:
  void before_value();
  void newline_indent(std::size_t depth);

  std::string& out_;
  bool pretty_;
  struct Level {
    bool array = false;
    bool first = true;
  };
  std::vector<Level> stack_;
};

}  // namespace drsim
