// cmd_man.h — `hiplab man` (hidden): the manual page, in troff (man(7)), written from the same
// command-line definition `--help` prints — every command, option and description comes from the
// CLI11 tree, so the manual cannot drift from the help. The build runs it to make hiplab.1.gz.
#pragma once
#include <string>

#include "app/command.h"

namespace hiplab::app {

// The manual page for `root` and its visible subcommands.
std::string man_page(const CLI::App& root);
// Registers `man` on `root` (hidden from --help); it prints man_page(root).
Command add_man_command(CLI::App& root);

}  // namespace hiplab::app
