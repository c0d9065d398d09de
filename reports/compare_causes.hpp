#pragma once
/// \file compare_causes.hpp
/// For `drsim compare`: which causes of a system's account changed most between two results
/// ("CPU-starved +40m (other guests), paging -8m"), when both carry attribution.

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "reports/attribution_view.hpp"

namespace drsim::reports {

/// Accounts by system name; empty when the document has no (well-formed) attribution.
std::map<std::string, SystemAccount> accounts_by_name(const nlohmann::json& doc);

/// The causes whose seconds changed most from `base` to `cur` (at most `limit`, each by at
/// least a minute), largest change first, each with the resource or holder that changed most:
/// "CPU-starved +40m (other guests), paging -8m". Empty when nothing changed that much.
std::string cause_changes(const SystemAccount& base, const SystemAccount& cur, size_t limit = 3);

}  // namespace drsim::reports
