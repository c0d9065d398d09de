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

/// Sets out[key] from the tiers CSV cell `col` of `row` (nothing when either is absent), typed by
/// the column: `critical` and `dedicated` booleans; `cpus`, `paging_volumes`, `cps`, `ifls` and
/// `volumes` integers; `steady_cpu` and `engine_mips` numbers; the rest text.
void copy_cell(nlohmann::ordered_json& out, const TiersRow* row, const std::string& col,
               const std::string& key);

DrResult build_dr(const Parsed& p, const Site& s, Messages& msgs, std::vector<std::string>& review);

}  // namespace drsim::import
