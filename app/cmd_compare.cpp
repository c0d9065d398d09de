#include <exception>
#include <nlohmann/json.hpp>
#include <ostream>

#include "app/cli.hpp"
#include "app/output_files.hpp"
#include "models/units.hpp"
#include "reports/compare.hpp"
#include "reports/compare_output.hpp"
#include "reports/result_io.hpp"

namespace drsim {
namespace {

std::optional<double> parse_duration(std::string_view text) {
  return units::parse_duration(text).value;
}

/// Reads both results and compares them; throws on anything that makes comparing impossible.
reports::Comparison load_and_compare(const CliOptions& o) {
  auto tolerances = reports::parse_tolerances(o.tolerances, parse_duration);
  nlohmann::json baseline = reports::load_result(o.files.at(0));
  nlohmann::json current = reports::load_result(o.files.at(1));
  return reports::compare_results({o.files.at(0), baseline}, {o.files.at(1), current}, tolerances);
}

void write_outputs(const CliOptions& o, const reports::Comparison& c) {
  if (o.junit) write_file_atomic(*o.junit, reports::render_compare_junit(c));
  if (o.markdown) write_file_atomic(*o.markdown, reports::render_compare_markdown(c));
}

}  // namespace

int cmd_compare(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (o.files.size() != 2) {
    err << "drsim compare: expected two files, BASELINE.json CURRENT.json\n";
    return 2;
  }
  try {
    reports::Comparison c = load_and_compare(o);
    out << reports::render_compare_text(c, o.color);
    write_outputs(o, c);
    return c.has_regression() ? 1 : 0;
  } catch (const std::exception& e) {
    err << "drsim compare: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace drsim
