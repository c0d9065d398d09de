// GCC 12 reports a false -Warray-bounds inside nlohmann's parser (set_parents on a new string
// value, JSON_DIAGNOSTICS=1) wherever json::parse is instantiated; this file is the one place
// that parses JSON text, so the suppression stays here.
#pragma GCC diagnostic ignored "-Warray-bounds"

#include "models/text_guard.hpp"

namespace drsim {

std::string check_nesting(std::string_view text, size_t max_depth) {
  size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > max_depth)
        return "arrays/objects nest deeper than " + std::to_string(max_depth) +
               " levels (at byte " + std::to_string(i) + ")";
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return {};
}

bool parse_json_text(const std::string& text, nlohmann::json& out, std::string& error) {
  error = check_nesting(text, kMaxNesting);
  if (!error.empty()) return false;
  try {
    out = nlohmann::json::parse(text);
    return true;
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    size_t close = what.find("] ");
    error = close == std::string::npos ? what : what.substr(close + 2);
    return false;
  }
}

}  // namespace drsim
