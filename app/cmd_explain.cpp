// drsim explain RESULT.json [SYSTEM] [--format text|json]: why the recovery took as long as
// it did (the critical path and what set the RTO), or one system's account of its time.
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

#include "app/cli.hpp"
#include "reports/explain.hpp"
#include "reports/result_io.hpp"

namespace drsim {

int cmd_explain(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (o.files.empty() || o.files.size() > 2) {
    err << "drsim explain: expected RESULT.json [SYSTEM]\n";
    return 2;
  }
  const std::string& path = o.files.front();
  std::optional<std::string> system;
  if (o.files.size() == 2) system = o.files[1];
  try {
    nlohmann::json doc = reports::load_result(path);
    if (o.format == "json")
      out << reports::explain_json(doc, path, system).dump(2) << "\n";
    else if (system)
      out << reports::render_account_text(doc, path, *system);
    else
      out << reports::render_explain_text(doc, path);
    return 0;
  } catch (const std::exception& e) {
    std::string what = e.what();
    err << "drsim explain: " << (what.rfind(path, 0) == 0 ? what : path + ": " + what) << "\n";
    return 2;
  }
}

}  // namespace drsim
