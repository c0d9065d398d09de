#pragma once
/// \file check_text.hpp
/// The terminal form of a `drsim check` report, rendered from its JSON form
/// (docs/check-format.md): findings grouped per subject with severity tags, the questions for
/// the vendor, the changes since last test, and a summary line. Texts from the report are
/// stripped of control characters (escape_terminal) before they reach the terminal.

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace drsim::reports {

/// Renders a check report. `color` adds ANSI colours (only for a terminal). Lines are wrapped
/// at `width` columns with hanging indents. Throws ResultFileError (result_reader.hpp) naming
/// the JSON Pointer when the document is not a check report.
std::string render_check_text(const nlohmann::json& doc, bool color, int width = 100);

}  // namespace drsim::reports
