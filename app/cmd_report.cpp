// drsim report RESULT.json [--html FILE]: renders the HTML timeline of a saved result.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "app/cli.hpp"
#include "app/output_files.hpp"
#include "reports/html_timeline.hpp"
#include "reports/result_io.hpp"

namespace drsim {

namespace {

std::string default_html_path(const std::string& result_path) {
  return (std::filesystem::path(result_path).parent_path() / "timeline.html").string();
}

}  // namespace

int cmd_report(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (o.files.size() != 1) {
    err << "drsim report: expected one result file (drsim report RESULT.json [--html FILE])\n";
    return 2;
  }
  const std::string& path = o.files.front();
  const std::string html_path = o.html.value_or(default_html_path(path));
  std::string html;
  try {
    html = reports::render_timeline_html(reports::load_result(path));
  } catch (const reports::ResultFileError& e) {
    std::string what = e.what();
    err << "drsim report: " << (what.rfind(path, 0) == 0 ? what : path + ": " + what) << "\n";
    return 2;
  }
  try {
    write_file_atomic(html_path, html);
  } catch (const std::exception& e) {
    err << "drsim report: " << e.what() << "\n";
    return 2;
  }
  if (!o.quiet) out << "timeline: " << html_path << "\n";
  return 0;
}

}  // namespace drsim
