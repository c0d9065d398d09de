#include <sstream>

#include "reports/compare_output.hpp"
#include "reports/escape.hpp"

namespace drsim::reports {
namespace {

std::string xml_escape(const std::string& text, bool attribute = true) {
  return escape_xml(text, attribute ? XmlPlace::attribute : XmlPlace::content);
}

std::string details(const CompareRow& r) {
  std::string text = "baseline: " + r.baseline + "\ncurrent: " + r.current;
  std::string delta = format_row_delta(r);
  if (!delta.empty()) text += "\ndelta: " + delta;
  return text + "\n" + r.message;
}

/// "system LNX1: +3h10m, beyond the 30m allowance (tolerance 30m)".
std::string headline(const CompareRow& r) {
  std::string delta = format_row_delta(r);
  return r.metric + " " + r.subject + ": " + (delta.empty() ? "" : delta + ", ") + r.message;
}

void write_case(std::ostream& out, const CompareRow& r) {
  out << "    <testcase classname=\"drsim.compare." << xml_escape(r.metric) << "\" name=\""
      << xml_escape(r.subject) << "\" time=\"0\">\n";
  if (r.verdict == Verdict::regression) {
    out << "      <failure type=\"regression\" message=\"" << xml_escape(headline(r)) << "\">"
        << xml_escape(details(r), false) << "</failure>\n";
  } else {
    out << "      <system-out>"
        << xml_escape(std::string(verdict_name(r.verdict)) + "\n" + details(r), false)
        << "</system-out>\n";
  }
  out << "    </testcase>\n";
}

void write_properties(std::ostream& out, const Comparison& c) {
  auto prop = [&](const char* name, const std::string& value) {
    out << "      <property name=\"" << name << "\" value=\"" << xml_escape(value) << "\"/>\n";
  };
  out << "    <properties>\n";
  prop("baseline",
       c.baseline.file + " (" + c.baseline.scenario + ", drsim " + c.baseline.version + ")");
  prop("current",
       c.current.file + " (" + c.current.scenario + ", drsim " + c.current.version + ")");
  prop("tolerance", c.tolerance);
  for (const auto& note : c.notes) prop("note", note);
  out << "    </properties>\n";
}

}  // namespace

std::string render_compare_junit(const Comparison& c) {
  std::ostringstream out;
  // junit-10.xsd (the Jenkins xunit plugin's) allows `skipped` on <testsuite> only
  std::string counts = "tests=\"" + std::to_string(c.rows.size()) + "\" failures=\"" +
                       std::to_string(c.count(Verdict::regression)) + "\" errors=\"0\"";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"drsim compare\" " << counts << " time=\"0\">\n";
  out << "  <testsuite name=\"drsim compare: " << xml_escape(c.current.scenario) << "\" " << counts
      << " skipped=\"0\" time=\"0\">\n";
  write_properties(out, c);
  for (const auto& r : c.rows) write_case(out, r);
  out << "  </testsuite>\n</testsuites>\n";
  return out.str();
}

}  // namespace drsim::reports
