#pragma once
/// \file explain.hpp
/// `drsim explain RESULT.json [SYSTEM]`: why the recovery took as long as it did, from a
/// saved result.json: the critical path and what set the RTO, or one system's account of
/// every second up to its up time. Text for a system programmer, or JSON.

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

namespace drsim::reports {

/// The critical path and the "what set the RTO" summary as text. Throws ResultFileError
/// (naming `file`) when the document has no attribution or a malformed one.
std::string render_explain_text(const nlohmann::json& doc, const std::string& file);

/// One system's account as text. Throws ResultFileError when there is no such system (the
/// message lists the critical ones) or no attribution.
std::string render_account_text(const nlohmann::json& doc, const std::string& file,
                                const std::string& system);

/// The same as JSON: {"scenario", "recovery", "rto_drivers", "critical_path"} for the path,
/// {"scenario", "system": {name, kind, status, critical, up_s, attribution}} for a system.
nlohmann::json explain_json(const nlohmann::json& doc, const std::string& file,
                            const std::optional<std::string>& system);

}  // namespace drsim::reports
