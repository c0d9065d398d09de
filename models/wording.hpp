#pragma once
/// \file wording.hpp
/// Small helpers for messages people read: counts with the right plural.

#include <string>

namespace drsim {

/// "1 CP", "2 CPs", "1 shared CP", "3 critical systems": n, then the noun, plural unless n is 1
/// (`plural` when adding "s" is wrong).
inline std::string count_noun(double n, const std::string& noun, const std::string& plural = "") {
  std::string number = n == static_cast<long long>(n) ? std::to_string(static_cast<long long>(n))
                                                      : std::to_string(n);
  return number + " " + (n == 1 ? noun : (plural.empty() ? noun + "s" : plural));
}

}  // namespace drsim
