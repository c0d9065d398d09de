#include <ostream>

#include "simulator/cli.hpp"

namespace drsim {

int cmd_run(const CliOptions&, std::ostream&, std::ostream& err) {
  err << "drsim run: not built yet\n";
  return 2;
}

}  // namespace drsim
