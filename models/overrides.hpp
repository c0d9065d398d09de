#pragma once
/// \file overrides.hpp
/// `--set /json/pointer=VALUE`: replace one existing value of a scenario document before it is
/// parsed. VALUE is JSON (`6`, `"what-if"`, `{"drives": 6}`); the pointer is RFC 6901 and
/// must name a value that exists (array elements by index: /production/guests/3/tier).

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace drsim {

enum class OverrideStatus {
  Applied,
  Malformed,  ///< the argument itself is wrong: no '=', no leading '/', VALUE not JSON
  Missing,    ///< well-formed, but the pointer names nothing in the document
};

struct OverrideResult {
  OverrideStatus status = OverrideStatus::Applied;
  std::string pointer;   ///< the pointer part of the argument (may be empty when malformed)
  std::string message;   ///< what is wrong (empty when applied)
  std::string expected;  ///< what was expected (empty when applied)
};

/// Applies one "/pointer=VALUE" to doc. Never throws; doc is unchanged unless Applied.
OverrideResult apply_override(nlohmann::json& doc, const std::string& argument);

}  // namespace drsim
