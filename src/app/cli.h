// cli.h — the whole `hiplab` command line as a function, so tests can run commands in-process.
#pragma once
#include <string>
#include <vector>

namespace hiplab::app {

// args[0] is the program name. Returns the exit code (0 ok, 1 runtime failure, 2 bad usage).
int run_cli(const std::vector<std::string>& args);

}  // namespace hiplab::app
