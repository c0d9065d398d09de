#pragma once
/// \file uncertainty_table.hpp
/// The one table of `parameters.uncertainty`: each spread and incident with its key, what it
/// applies to and its basis (DOMAIN-ROUND2.md section A). The parser (uncertainty_parse.cpp)
/// and `drsim params` read it; the defaults are those of UncertaintyParams.

#include <string>
#include <vector>

#include "models/uncertainty.hpp"

namespace drsim {

/// How an uncertainty entry is written in a scenario.
enum class UncertaintyKind {
  Spread,       ///< "fixed" or {"dist": ..., "cv"/"p95_ratio"/"low"/"high"}
  Probability,  ///< a number from 0 to 1
  Duration,     ///< "5min"
};

struct UncertaintyInfo {
  const char* key;  ///< the key under /parameters/uncertainty
  UncertaintyKind kind;
  const char* applies_to;                       ///< what it draws or what happens, in a few words
  const char* source;                           ///< DOMAIN-ROUND2 row, "Assumption" where it is one
  Spread UncertaintyParams::*spread = nullptr;  ///< kind Spread
  double UncertaintyParams::*number = nullptr;  ///< kind Probability (or Duration, seconds)

  /// The default as a scenario writes it: {"dist": "lognormal", "cv": 0.3}, "0.02", "5min".
  std::string default_text() const;
  /// What a scenario may write, in words.
  std::string range_text() const;
};

/// Every spread, then every incident, in the order of UncertaintyParams.
const std::vector<UncertaintyInfo>& uncertainty_table();

/// A spread as a scenario writes it: "fixed", {"dist": "uniform", "low": 0.6, "high": 1}.
std::string spread_text(const Spread& s);

}  // namespace drsim
