#include "models/schema_patterns.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace drsim {
namespace {

/// ECMAScript \s in the "C" locale.
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool hex_digit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string_view trim_front(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return s;
}
std::string_view trim_back(std::string_view s) {
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

/// Case-insensitive: s starts with the lower-case word w; consumes it when it does.
bool eat_word(std::string_view& s, std::string_view w) {
  if (s.size() < w.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (lower(s[i]) != w[i]) return false;
  s.remove_prefix(w.size());
  return true;
}

size_t eat_digits(std::string_view& s) {
  size_t n = 0;
  while (n < s.size() && is_digit(s[n])) ++n;
  s.remove_prefix(n);
  return n;
}

/// 0+(\.0*)?|0*\.0+ : zeros with at most one '.', at least one zero, nothing else.
bool is_zero(std::string_view s) {
  bool dot = false, zero = false;
  for (char c : s) {
    if (c == '0')
      zero = true;
    else if (c == '.' && !dot)
      dot = true;
    else
      return false;
  }
  return zero;
}

/// [0-9]+(\.[0-9]*)?|\.[0-9]+ at the front of s, consumed.
bool eat_number(std::string_view& s) {
  size_t whole = eat_digits(s);
  size_t fraction = 0;
  if (!s.empty() && s.front() == '.') {
    s.remove_prefix(1);
    fraction = eat_digits(s);
    return whole > 0 || fraction > 0;
  }
  return whole > 0;
}

bool is_size_unit(std::string_view u) {
  for (std::string_view k : {"B", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB"})
    if (u == k) return true;
  return false;
}

/// ^\s*(ZERO|NUMBER\s*UNIT SUFFIX)\s*$ with the suffix "" (size) or (ps|/s) (rate).
bool size_or_rate(std::string_view text, bool rate) {
  std::string_view s = trim_back(trim_front(text));
  if (is_zero(s)) return true;
  if (!eat_number(s)) return false;
  s = trim_front(s);
  if (rate) {
    if (s.size() < 2 || !(s.ends_with("ps") || s.ends_with("/s"))) return false;
    s.remove_suffix(2);
  }
  return is_size_unit(s);
}

bool size(std::string_view text) {
  return size_or_rate(text, false);
}
bool rate(std::string_view text) {
  return size_or_rate(text, true);
}

bool is_duration_unit(std::string_view letters) {
  std::string u(letters.size(), ' ');
  std::transform(letters.begin(), letters.end(), u.begin(), lower);
  for (std::string_view k :
       {"ms", "s", "sec", "m", "min", "mins", "h", "hr", "hrs", "d", "day", "days"})
    if (u == k) return true;
  return false;
}

/// ^\s*(ZERO|(NUMBER\s*UNIT\s*)+)$: a unit is never followed by a letter (only by spaces, the
/// next number or the end), so it is the whole run of letters.
bool duration(std::string_view text) {
  std::string_view s = trim_front(text);
  if (is_zero(s)) return true;
  do {
    if (!eat_number(s)) return false;
    s = trim_front(s);
    size_t n = 0;
    while (n < s.size() && is_letter(s[n])) ++n;
    if (!is_duration_unit(s.substr(0, n))) return false;
    s = trim_front(s.substr(n));
  } while (!s.empty());
  return true;
}

/// ([01]?[0-9]|2[0-3]):[0-5][0-9] and nothing after it.
bool clock_time(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2) return false;
  std::string_view h = s.substr(0, colon), m = s.substr(colon + 1);
  if (!std::all_of(h.begin(), h.end(), is_digit)) return false;
  if (h.size() == 2 && !(h[0] == '0' || h[0] == '1' || (h[0] == '2' && h[1] <= '3'))) return false;
  return m.size() == 2 && m[0] >= '0' && m[0] <= '5' && is_digit(m[1]);
}

/// ^\s*HH:MM\s*$
bool time_of_day(std::string_view text) {
  return clock_time(trim_back(trim_front(text)));
}

/// ^\s*(mon|tue|wed|thu|fri|sat|sun)\s+HH:MM\s*$ (the day in any case)
bool week_time(std::string_view text) {
  std::string_view s = trim_back(trim_front(text));
  bool day = false;
  for (std::string_view d : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
    if (eat_word(s, d)) {
      day = true;
      break;
    }
  if (!day || s.empty() || !is_space(s.front())) return false;
  return clock_time(trim_front(s));
}

/// ^(REL(ATIVE)? [0-9]+|ABS(OLUTE)? [0-9]+(\.[0-9])?%?)$ (the words in any case)
bool share(std::string_view s) {
  bool relative = eat_word(s, "relative ") || eat_word(s, "rel ");
  if (!relative && !eat_word(s, "absolute ") && !eat_word(s, "abs ")) return false;
  if (eat_digits(s) == 0) return false;
  if (relative) return s.empty();
  if (!s.empty() && s.front() == '.') {
    s.remove_prefix(1);
    if (s.empty() || !is_digit(s.front())) return false;
    s.remove_prefix(1);
  }
  if (!s.empty() && s.front() == '%') s.remove_prefix(1);
  return s.empty();
}

bool hex2(std::string_view s) {
  return s.size() == 2 && std::all_of(s.begin(), s.end(), hex_digit);
}
bool hex4(std::string_view s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), hex_digit);
}

}  // namespace

PatternMatcher hand_written_matcher(std::string_view pattern) {
  static const std::array<std::pair<std::string_view, PatternMatcher>, 8> kMatchers{{
      {R"(^\s*(0+(\.0*)?|0*\.0+|([0-9]+(\.[0-9]*)?|\.[0-9]+)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB))\s*$)",
       size},
      {R"(^\s*(0+(\.0*)?|0*\.0+|([0-9]+(\.[0-9]*)?|\.[0-9]+)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)(ps|/s))\s*$)",
       rate},
      {R"(^\s*(0+(\.0*)?|0*\.0+|(([0-9]+(\.[0-9]*)?|\.[0-9]+)\s*([mM][sS]|[sS]([eE][cC])?|[mM]([iI][nN][sS]?)?|[hH]([rR][sS]?)?|[dD]([aA][yY][sS]?)?)\s*)+)$)",
       duration},
      {R"(^\s*([Mm][Oo][Nn]|[Tt][Uu][Ee]|[Ww][Ee][Dd]|[Tt][Hh][Uu]|[Ff][Rr][Ii]|[Ss][Aa][Tt]|[Ss][Uu][Nn])\s+([01]?[0-9]|2[0-3]):[0-5][0-9]\s*$)",
       week_time},
      {R"(^\s*([01]?[0-9]|2[0-3]):[0-5][0-9]\s*$)", time_of_day},
      {R"(^([Rr][Ee][Ll]([Aa][Tt][Ii][Vv][Ee])? [0-9]+|[Aa][Bb][Ss]([Oo][Ll][Uu][Tt][Ee])? [0-9]+(\.[0-9])?%?)$)",
       share},
      {"^[0-9A-Fa-f]{2}$", hex2},
      {"^[0-9A-Fa-f]{4}$", hex4},
  }};
  for (const auto& [p, m] : kMatchers)
    if (p == pattern) return m;
  return nullptr;
}

}  // namespace drsim
