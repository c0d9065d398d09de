#pragma once
/// \file text_guard.hpp
/// Cheap checks on raw JSON text before it is parsed, so absurd input (200,000 nested
/// brackets, huge files) is refused cleanly instead of exhausting the stack or memory.

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drsim {

/// Deepest nesting of arrays/objects a scenario may have (the format needs about 6).
inline constexpr size_t kMaxNesting = 64;
/// Largest scenario file read (bytes).
inline constexpr size_t kMaxFileBytes = size_t{32} * 1024 * 1024;
/// Longest string or object key a scenario may hold (the longest shipped description has 771
/// characters). Longer ones are refused before anything else reads the document: the schema's
/// regular expressions (std::regex) recurse once per character.
inline constexpr size_t kMaxStringChars = 4096;

/// "" if the brackets of `text` (outside strings) nest at most max_depth deep, else a message.
std::string check_nesting(std::string_view text, size_t max_depth);

/// Parses `text` after check_nesting; on failure returns false and a message that gives the
/// line and column ("line 3, column 17: the number 1e309 is too large ..."). Never throws for
/// bad text.
bool parse_json_text(const std::string& text, nlohmann::json& out, std::string& error);

/// JSON Pointers of the strings and object keys in doc longer than max_chars (iterative, so any
/// depth is fine), with their lengths.
std::vector<std::pair<std::string, size_t>> find_long_strings(const nlohmann::json& doc,
                                                              size_t max_chars);

}  // namespace drsim
