// main.cpp — the `hiplab` program: see app/cli.h.
#include <string>
#include <vector>

#include "app/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  return hiplab::app::run_cli(args);
}
