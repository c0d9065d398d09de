#pragma once
/// \file import_build_dr.hpp
/// The DR side of an import: from the DR IOCP and DR SYSTEM CONFIG where given (Hipersocket
/// CHPIDs, OSA device numbers, VSWITCH controllers), otherwise a copy of production that the
/// planner replaces with what the vendor promised.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "models/import_build.hpp"

namespace drsim::import {

struct DrResult {
  nlohmann::ordered_json json;  ///< the dr_site object
  bool devices_change = false;  ///< a DR device number differs: VM needs a SYSTEM CONFIG change
  std::string comment;          ///< for the description: where the DR side came from
};

DrResult build_dr(const Parsed& p, const Site& s, Messages& msgs, std::vector<std::string>& review);

}  // namespace drsim::import
