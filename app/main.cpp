#include <exception>
#include <iostream>

#include "app/cli.hpp"

int main(int argc, char** argv) {
  try {
    return drsim::run_cli(argc, argv, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "drsim: internal error: " << e.what() << "\n";
    return 2;
  }
}
