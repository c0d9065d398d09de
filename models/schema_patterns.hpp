#pragma once
/// \file schema_patterns.hpp
/// Hand-written matchers for the "pattern"s of the scenario schema. Compiling the schema's
/// std::regex patterns cost about a tenth of a year-1 process (issue 18); each matcher
/// accepts exactly the strings its pattern accepts (test/models/schema_patterns_test.cpp
/// compares them with std::regex on generated strings). Patterns without a matcher keep
/// std::regex.

#include <string_view>

namespace drsim {

/// Whether a whole string is accepted (the pattern's regex_search, the patterns being
/// anchored with ^ and $).
using PatternMatcher = bool (*)(std::string_view text);

/// The matcher for an ECMAScript pattern of the schema, or nullptr when there is none.
PatternMatcher hand_written_matcher(std::string_view pattern);

}  // namespace drsim
