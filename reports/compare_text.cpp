#include <algorithm>
#include <array>
#include <sstream>

#include "reports/compare_output.hpp"
#include "reports/escape.hpp"

namespace drsim::reports {
namespace {

constexpr size_t kColumns = 7;
using Line = std::array<std::string, kColumns>;

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
  return out;
}

Line line_of(const CompareRow& r) {
  return {upper(verdict_name(r.verdict)), escape_terminal(r.metric),  escape_terminal(r.subject),
          escape_terminal(r.baseline),    escape_terminal(r.current), format_row_delta(r),
          escape_terminal(r.message)};
}

const char* colour_of(Verdict v) {
  switch (v) {
    case Verdict::regression:
      return "\x1b[1;31m";
    case Verdict::improvement:
      return "\x1b[32m";
    case Verdict::added:
    case Verdict::removed:
      return "\x1b[33m";
    case Verdict::unchanged:
      return "";
  }
  return "";
}

void print_line(std::ostream& out, const Line& line, const std::array<size_t, kColumns>& width,
                const char* colour) {
  std::string text;
  for (size_t i = 0; i < kColumns; ++i) {
    std::string cell = line[i];
    if (i + 1 < kColumns) cell.resize(std::max(width[i], cell.size()), ' ');
    text += (i == 0 ? "" : "  ") + cell;
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  if (*colour != '\0') text = colour + text + "\x1b[0m";
  out << text << "\n";
}

}  // namespace

std::string compare_counts(const Comparison& c) {
  auto n = [&](Verdict v, const char* one, const char* many) {
    int k = c.count(v);
    return std::to_string(k) + " " + (k == 1 ? one : many);
  };
  return n(Verdict::regression, "regression", "regressions") + ", " +
         n(Verdict::improvement, "improvement", "improvements") + ", " +
         n(Verdict::added, "added", "added") + ", " + n(Verdict::removed, "removed", "removed") +
         ", " + n(Verdict::unchanged, "unchanged", "unchanged");
}

std::string render_compare_text(const Comparison& c, bool color) {
  std::ostringstream out;
  out << "drsim compare: " << (c.has_regression() ? "FAIL" : "PASS") << " - " << compare_counts(c)
      << "\n";
  for (const auto* s : {&c.baseline, &c.current})
    out << (s == &c.baseline ? "  baseline  " : "  current   ") << escape_terminal(s->file) << "  ("
        << escape_terminal(s->scenario) << ", drsim " << escape_terminal(s->version) << ", seed "
        << escape_terminal(s->seed) << ")\n";
  out << "  tolerance " << c.tolerance << "\n";
  for (const auto& note : c.notes) out << "  note: " << escape_terminal(note) << "\n";
  out << "\n";
  std::vector<Line> lines{{"VERDICT", "METRIC", "SUBJECT", "BASELINE", "CURRENT", "DELTA", "WHY"}};
  for (const auto& r : c.rows) lines.push_back(line_of(r));
  std::array<size_t, kColumns> width{};
  for (const auto& l : lines)
    for (size_t i = 0; i < kColumns; ++i) width[i] = std::max(width[i], l[i].size());
  for (size_t i = 0; i < lines.size(); ++i)
    print_line(out, lines[i], width, color && i > 0 ? colour_of(c.rows[i - 1].verdict) : "");
  return out.str();
}

}  // namespace drsim::reports
