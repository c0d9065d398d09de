#include <ostream>

#include "simulator/cli.hpp"

namespace drsim {

int cmd_check(const CliOptions&, std::ostream&, std::ostream& err) {
  err << "drsim check: not built yet\n";
  return 2;
}

}  // namespace drsim
