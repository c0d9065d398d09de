#pragma once
/// \file unit_helpers.hpp
/// Helpers shared by the unit tests (drsim_unit_tests): text searches, loading a scenario
/// document, attribution segments, comparing two results, the sample result: one definition
/// each instead of a copy in every test file that needs one.

#include <catch2/catch.hpp>
#include <cstddef>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/attribution.hpp"
#include "models/scenario_io.hpp"
#include "models/units.hpp"
#include "reports/compare.hpp"
#include "reports/result_io.hpp"

namespace drsim::test {

/// The path of the shipped scenario `stem` (e.g. "insurance-2007-year1").
inline std::string scenario_path(const std::string& stem) {
  return std::string(DRSIM_SCENARIOS) + "/" + stem + ".json";
}

/// The shipped scenario `stem` as a JSON document.
inline nlohmann::json scenario_json(const std::string& stem) {
  std::ifstream in(scenario_path(stem));
  return nlohmann::json::parse(in);
}

/// Whether `part` occurs in `text`.
inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// How often `what` occurs in `text`, without overlaps.
inline std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos;
       pos = text.find(what, pos + what.size()))
    ++n;
  return n;
}

/// Loads a scenario document as the file "t.json".
inline LoadResult load_json(const nlohmann::json& doc) {
  return load_scenario_text(doc.dump(), "t.json");
}

/// Whether one of r's errors names `pointer` (the errors are logged when none does).
inline bool has_pointer(const LoadResult& r, const std::string& pointer) {
  for (const auto& e : r.errors)
    if (e.pointer == pointer) return true;
  for (const auto& e : r.errors) UNSCOPED_INFO(e.to_string());
  return false;
}

/// An attribution segment of `c` from a to b, on `resource`, waiting for `gate` until gate_at.
inline attribution::Segment seg(attribution::Cause c, double a, double b, std::string resource = {},
                                std::string gate = {},
                                std::optional<double> gate_at = std::nullopt) {
  attribution::Segment s;
  s.cause = c, s.cls = attribution::default_class(c), s.resource = std::move(resource), s.start = a,
  s.end = b;
  s.gate = std::move(gate), s.gate_at = gate_at;
  return s;
}

/// A duration text in seconds (nullopt when it is not one), as `drsim compare` reads tolerances.
inline std::optional<double> duration(std::string_view text) {
  return units::parse_duration(text).value;
}

/// `drsim compare` of base.json b and cur.json c with the tolerances `tol`.
inline reports::Comparison run(const nlohmann::json& b, const nlohmann::json& c,
                               const std::vector<std::string>& tol = {}) {
  return reports::compare_results({"base.json", b}, {"cur.json", c},
                                  reports::parse_tolerances(tol, duration));
}

/// test/data/results/sample-year1.json, read once.
inline nlohmann::json sample_year1() {
  static const nlohmann::json doc =
      reports::load_result(std::string(DRSIM_TEST_DATA) + "/results/sample-year1.json");
  return doc;
}

}  // namespace drsim::test
