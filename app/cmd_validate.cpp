#include <algorithm>
#include <ostream>

#include "app/cli.hpp"
#include "models/scenario_io.hpp"

namespace drsim {

/// Validates every file (with the --set overrides); prints each file's problems to stderr and
/// "FILE: valid" to stdout. Exit: the worst of the files (0 valid, 1 invalid, 2 unreadable).
int cmd_validate(const CliOptions& o, std::ostream& out, std::ostream& err) {
  int worst = 0;
  for (const auto& file : o.files) {
    LoadResult r = load_scenario(file, o.sets);
    for (const auto& e : r.errors) err << e.to_string() << "\n";
    int code = static_cast<int>(r.status);
    if (code == 0)
      out << file << ": valid (" << r.scenario.name << ")\n";
    else
      err << file << ": " << r.failure << ", " << r.errors.size()
          << (r.errors.size() == 1 ? " problem\n" : " problems\n");
    worst = std::max(worst, code);
  }
  return worst;
}

}  // namespace drsim
