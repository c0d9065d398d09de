#pragma once
/// \file compare_output.hpp
/// The three renderings of a Comparison: a terminal table, JUnit XML for CI test reporters,
/// and Markdown for a pull-request comment. Formats: docs/compare.md.

#include <string>

#include "reports/compare.hpp"

namespace drsim::reports {

/// A terminal table, worst first, with a one-line verdict on top; ANSI colours when color.
std::string render_compare_text(const Comparison& c, bool color);

/// JUnit XML: one testsuite, one testcase per row; regressions carry a <failure>.
std::string render_compare_junit(const Comparison& c);

/// A Markdown summary: verdict, the rows that changed, the unchanged ones folded away.
std::string render_compare_markdown(const Comparison& c);

/// "2 regressions, 1 improvement, 3 added, 0 removed, 25 unchanged".
std::string compare_counts(const Comparison& c);

}  // namespace drsim::reports
