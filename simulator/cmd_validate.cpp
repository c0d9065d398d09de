#include <ostream>

#include "simulator/cli.hpp"

namespace drsim {

int cmd_validate(const CliOptions&, std::ostream&, std::ostream& err) {
  err << "drsim validate: not built yet\n";
  return 2;
}

}  // namespace drsim
