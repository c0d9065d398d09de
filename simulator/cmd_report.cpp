#include <ostream>

#include "simulator/cli.hpp"

namespace drsim {

int cmd_report(const CliOptions&, std::ostream&, std::ostream& err) {
  err << "drsim report: not built yet\n";
  return 2;
}

}  // namespace drsim
