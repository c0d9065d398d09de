#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

#include "app/cli.hpp"
#include "models/config_check_json.hpp"
#include "models/scenario_io.hpp"
#include "reports/check_text.hpp"

namespace drsim {

namespace {

/// Loads one scenario, printing its problems; nullopt (and the exit code) when it cannot be used.
std::optional<LoadResult> load_or_report(const std::string& file,
                                         const std::vector<std::string>& sets, std::ostream& err,
                                         int& exit_code) {
  LoadResult r = load_scenario(file, sets);
  if (r.status == LoadStatus::Ok) return r;
  for (const auto& e : r.errors) err << e.to_string() << "\n";
  exit_code = static_cast<int>(r.status);
  err << "drsim check: " << file << ": " << r.failure << ", nothing checked\n";
  return std::nullopt;
}

}  // namespace

/// The DR configuration preflight: static findings, questions for the vendor and, with
/// --against, the changes since last test. Exit 0 no error finding, 1 an error finding (or an
/// invalid scenario), 2 could not run.
int cmd_check(const CliOptions& o, std::ostream& out, std::ostream& err) {
  int code = 0;
  auto current = load_or_report(o.files.at(0), o.sets, err, code);
  if (!current) return code;
  std::optional<LoadResult> last;
  if (o.against) {
    last = load_or_report(*o.against, {}, err, code);
    if (!last) return code;
  }
  nlohmann::json report = check_report_json(current->scenario, last ? &last->scenario : nullptr);
  report["drsim_version"] = DRSIM_VERSION;
  report["scenario"]["sha256"] = current->sha256;
  if (o.format == "json")
    out << report.dump(2) << "\n";
  else
    out << reports::render_check_text(report, o.color);
  return report.at("summary").at("errors").get<int>() > 0 ? 1 : 0;
}

}  // namespace drsim
