#include <exception>
#include <iostream>

#include "app/cli.hpp"
#include "app/output_files.hpp"

int main(int argc, char** argv) {
  drsim::install_signal_handlers();
  try {
    return drsim::run_cli(argc, argv, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "drsim: internal error: " << e.what() << "\n";
    return 2;
  }
}
