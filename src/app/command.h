// command.h — how a subcommand plugs into the `hiplab` command line (CLI11).
// Each command lives in src/app/cmd_<name>.cpp and exposes one function
//     Command add_<name>_command(CLI::App& app);
// which creates the subcommand, binds its options to state it owns (captured by the returned
// closure), and returns a Command. main() parses, then runs the Command whose subcommand was used.
// run() returns the process exit code: 0 success, 1 a runtime failure (bad file...), 2 bad usage.
// Errors go to stderr as one line naming the file/field and what was expected.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>

namespace hiplab::app {

struct Command {
  CLI::App* sub = nullptr;
  std::function<int()> run;
};

// Whether a subcommand shows in --help (a hidden one has no group): the manual and the shell
// completion list the same commands as the help.
inline bool visible_subcommand(const CLI::App* sub) { return !sub->get_group().empty(); }

}  // namespace hiplab::app
