#pragma once
/// \file text_guard.hpp
/// Cheap checks on raw JSON text before it is parsed, so absurd input (200,000 nested
/// brackets, huge files) is refused cleanly instead of exhausting the stack or memory.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace drsim {

/// Deepest nesting of arrays/objects a scenario may have (the format needs about 6).
inline constexpr size_t kMaxNesting = 64;
/// Largest scenario file read (bytes).
inline constexpr size_t kMaxFileBytes = 32u * 1024 * 1024;

/// "" if the brackets of `text` (outside strings) nest at most max_depth deep, else a message.
std::string check_nesting(std::string_view text, size_t max_depth);

/// Parses `text` after check_nesting; on failure returns false and a message (never throws
/// for bad text).
bool parse_json_text(const std::string& text, nlohmann::json& out, std::string& error);

}  // namespace drsim
