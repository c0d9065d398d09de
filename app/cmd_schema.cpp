#include <ostream>

#include "app/cli.hpp"
#include "models/schema.hpp"

namespace drsim {

/// Prints the scenario JSON Schema (draft-07) that validate also checks against.
int cmd_schema(const CliOptions&, std::ostream& out, std::ostream&) {
  out << scenario_schema_text();
  return 0;
}

}  // namespace drsim
