#include <ostream>

#include "simulator/cli.hpp"

namespace drsim {

int cmd_schema(const CliOptions&, std::ostream&, std::ostream& err) {
  err << "drsim schema: not built yet\n";
  return 2;
}

}  // namespace drsim
