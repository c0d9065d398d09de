// The hand-written matchers of the schema's patterns accept exactly what std::regex accepts:
// compared on the shipped examples, their neighbours (one character inserted, removed or
// changed) and random strings over the characters the patterns care about.
#include "models/schema_patterns.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "models/schema.hpp"

namespace {

void collect_patterns(const nlohmann::json& schema, std::vector<std::string>& out) {
  if (schema.is_array())
    for (const auto& v : schema) collect_patterns(v, out);
  if (!schema.is_object()) return;
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    if (it.key() == "pattern" && it->is_string()) out.push_back(it->get<std::string>());
    collect_patterns(*it, out);
  }
}

const std::vector<std::string> kExamples = {
    "8GB",         " 512 MiB ", "0",       "0.",    ".0",           "00.000",   "1.5TB",
    "100MBps",     "14MB/s",    "2 GiB/s", "90s",   "4min",         "1h30m",    "1d",
    "250ms",       "1 hrs 5 S", "0.5days", "3Sec",  "Mon 08:00",    "tue 9:05", " SUN\t23:59 ",
    "08:00",       "7:5",       "24:00",   "19:60", "RELATIVE 100", "rel 5",    "ABS 2.5%",
    "absolute 10", "Abs 1.25%", "0a",      "F00D",  "fg",           "1 m in",   "5 mins ",
    "12.s",        ".5h",       "..5h",    "5hr5",  "5 5h",         "KB",       "5 KiBps",
};

const std::string kAlphabet = " \t0123456789.:%/msecinhrdaybkgtipMSECINHRDAYBKGTIPlvuotwf";

std::string mutate(std::string s, std::mt19937& rng) {
  std::uniform_int_distribution<size_t> pick_char(0, kAlphabet.size() - 1);
  std::uniform_int_distribution<int> op(0, 2);
  size_t at = s.empty() ? 0 : std::uniform_int_distribution<size_t>(0, s.size() - 1)(rng);
  switch (op(rng)) {
    case 0:
      s.insert(s.begin() + static_cast<long>(at), kAlphabet[pick_char(rng)]);
      break;
    case 1:
      if (!s.empty()) s.erase(at, 1);
      break;
    default:
      if (!s.empty()) s[at] = kAlphabet[pick_char(rng)];
  }
  return s;
}

std::vector<std::string> candidates() {
  std::mt19937 rng(18);
  std::vector<std::string> out = kExamples;
  for (const auto& e : kExamples)
    for (int i = 0; i < 300; ++i) {
      std::string s = e;
      for (int k = 0; k <= i % 3; ++k) s = mutate(s, rng);
      out.push_back(s);
    }
  std::uniform_int_distribution<size_t> length(0, 9), pick_char(0, kAlphabet.size() - 1);
  for (int i = 0; i < 5000; ++i) {
    std::string s(length(rng), ' ');
    for (char& c : s) c = kAlphabet[pick_char(rng)];
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("every pattern of the schema has a hand-written matcher that agrees with std::regex",
          "[schema]") {
  std::vector<std::string> patterns;
  collect_patterns(nlohmann::json::parse(drsim::scenario_schema_text()), patterns);
  REQUIRE(patterns.size() >= 8);
  const auto texts = candidates();
  for (const auto& pattern : patterns) {
    INFO("pattern " << pattern);
    drsim::PatternMatcher matcher = drsim::hand_written_matcher(pattern);
    REQUIRE(matcher != nullptr);  // a new pattern: add its matcher to models/schema_patterns.cpp
    const std::regex re(pattern);
    int accepted = 0;
    for (const auto& text : texts) {
      bool expected = std::regex_search(text, re);
      accepted += expected ? 1 : 0;
      INFO("text '" << text << "'");
      REQUIRE(matcher(text) == expected);
    }
    CHECK(accepted > 0);  // the candidates reach the accepting side of every pattern
  }
}

TEST_CASE("a pattern without a hand-written matcher is left to std::regex", "[schema]") {
  CHECK(drsim::hand_written_matcher("^[a-z]+$") == nullptr);
}
