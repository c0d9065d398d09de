#pragma once
/// \file config_check_json.hpp
/// The JSON form of a `drsim check` report (documented in docs/check-format.md). The text
/// output is rendered from this form (reports/check_text.hpp), so both always agree.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "models/config_check.hpp"

namespace drsim {

/// One finding as a JSON object: code, severity, subject, message, production, dr,
/// consequence, remedy, pointer (empty strings kept, so every key is always there).
nlohmann::json finding_json(const Finding& f);

/// One DR-site difference: subject, item, last, current, verdict, pointer.
nlohmann::json config_diff_json(const ConfigDiff& d);

/// The whole report of `drsim check` for scenario `s`, and, when `last` is given, the
/// differences with last test's DR site. "scenario" carries name and file; the caller may
/// add the sha256 and the drsim version.
nlohmann::json check_report_json(const Scenario& s, const Scenario* last);

}  // namespace drsim
