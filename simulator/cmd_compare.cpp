#include <ostream>

#include "simulator/cli.hpp"

namespace drsim {

int cmd_compare(const CliOptions&, std::ostream&, std::ostream& err) {
  err << "drsim compare: not built yet\n";
  return 2;
}

}  // namespace drsim
