#pragma once
/// \file html_timeline.hpp
/// The HTML timeline of one result: a single self-contained page (inline CSS, JS and SVG, no
/// network) with the summary, one lane per system from Monday to Thursday, milestones, the
/// RTO line, findings at their hour, paging and CPU charts on the same time axis, and the
/// lists of findings and operator actions. Every text from the result is HTML-escaped.

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "reports/html_data.hpp"

namespace drsim::reports {

/// Renders the page for a result document (docs/result-format.md). Pure: JSON in, HTML out.
/// Throws ResultFileError (result_io.hpp) naming the JSON Pointer of a field with a wrong type.
std::string render_timeline_html(const nlohmann::json& result);

/// Renders the page of a view already read (read_timeline_data, or `drsim run` straight from
/// its Result without a result tree: issue 18).
std::string render_timeline_html(const TimelineData& d);

}  // namespace drsim::reports
