#pragma once
/// \file param_table.hpp
/// The one table of the model parameters: for each, the scenario key, how it is written, the
/// range a scenario may set, its unit, what it means and its source (the DOMAIN.md row). The
/// defaults are those of ModelParams (params.hpp); the parser (params_parse.cpp), `drsim
/// params` and docs/parameters.md all read this table.

#include <string>
#include <vector>

#include "models/json_reader.hpp"
#include "models/params.hpp"

namespace drsim {

/// How a parameter is written in a scenario.
enum class ParamKind {
  Duration,  ///< "20s", "8min": seconds
  Rate,      ///< "100MBps": bytes/s
  Size,      ///< "4096B": bytes
  Number,    ///< a plain number
  Curve,     ///< 4 numbers (the overcommitment curve)
};

struct ParamInfo {
  const char* group;  ///< tape | ipl | paging | cpu | distributed
  const char* key;    ///< the key under /parameters/<group>
  ParamKind kind;
  Bounds bounds;                   ///< what a scenario may set, in base units (not used for curves)
  const char* unit;                ///< the unit of the value in base units: "s", "B/s", "x", ...
  const char* meaning;             ///< what it is, in one sentence
  const char* source;              ///< DOMAIN.md row and basis, "Assumption" where it is one
  double* (*field)(ModelParams&);  ///< the value in ModelParams (a curve: its first point)

  std::string name() const { return std::string(group) + "." + key; }
  /// The default, written as in a scenario: "20s", "100MBps", "0.6", "[1, 1.2, 1.5, 2]".
  std::string default_text() const;
  /// The default in base units (the first point for a curve).
  double default_value() const;
  /// The valid range in words: ">= 0 s", "from 0 to 1", "4 increasing numbers from 1".
  std::string range_text() const;
};

/// Every model parameter, in the order of the groups of ModelParams.
const std::vector<ParamInfo>& param_table();

/// The parameter groups in order: tape, ipl, paging, cpu, distributed.
const std::vector<std::string>& param_groups();

/// A value in the form a scenario writes it ("8min", "100MBps", "4096B", "0.6").
std::string param_value_text(ParamKind kind, double value);

}  // namespace drsim
