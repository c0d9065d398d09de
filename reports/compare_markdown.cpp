#include <sstream>

#include "reports/compare_output.hpp"
#include "reports/escape.hpp"

namespace drsim::reports {
namespace {

/// Text from a result, shown as written inside a table cell or a list item.
std::string cell(const std::string& text) {
  return escape_markdown(text);
}

const char* badge(Verdict v) {
  switch (v) {
    case Verdict::regression:
      return "❌ regression";
    case Verdict::improvement:
      return "✅ improvement";
    case Verdict::added:
      return "➕ added";
    case Verdict::removed:
      return "➖ removed";
    case Verdict::unchanged:
      return "unchanged";
  }
  return "";
}

void table(std::ostream& out, const Comparison& c, bool changed) {
  out << "| verdict | metric | subject | baseline | current | delta | why |\n"
      << "| --- | --- | --- | --- | --- | --- | --- |\n";
  for (const auto& r : c.rows) {
    if ((r.verdict != Verdict::unchanged) != changed) continue;
    out << "| " << badge(r.verdict) << " | " << cell(r.metric) << " | " << cell(r.subject) << " | "
        << cell(r.baseline) << " | " << cell(r.current) << " | " << cell(format_row_delta(r))
        << " | " << cell(r.message) << " |\n";
  }
}

}  // namespace

std::string render_compare_markdown(const Comparison& c) {
  std::ostringstream out;
  out << "### drsim compare: " << (c.has_regression() ? "❌ recovery got slower" : "✅ no regression")
      << "\n\n";
  out << compare_counts(c) << ".\n\n";
  out << "- baseline: " << cell(c.baseline.file) << " (" << cell(c.baseline.scenario) << ", drsim "
      << cell(c.baseline.version) << ", seed " << cell(c.baseline.seed) << ")\n";
  out << "- current: " << cell(c.current.file) << " (" << cell(c.current.scenario) << ", drsim "
      << cell(c.current.version) << ", seed " << cell(c.current.seed) << ")\n";
  out << "- tolerance: " << cell(c.tolerance) << "\n";
  for (const auto& note : c.notes) out << "- note: " << cell(note) << "\n";
  int unchanged = c.count(Verdict::unchanged);
  if (static_cast<size_t>(unchanged) < c.rows.size()) {
    out << "\n";
    table(out, c, true);
  }
  if (unchanged > 0) {
    out << "\n<details><summary>" << unchanged << " unchanged</summary>\n\n";
    table(out, c, false);
    out << "\n</details>\n";
  }
  return out.str();
}

}  // namespace drsim::reports
