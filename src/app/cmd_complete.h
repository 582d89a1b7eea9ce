// cmd_complete.h — `hiplab complete WORD...` (hidden, not in --help): what may come next on a command line, for the
// bash completion (packaging/hiplab.bash-completion). The words are those typed after `hiplab`, the
// last one the word being completed (maybe empty). Commands and options come from the CLI11 tree, so
// they cannot drift; the values of options that name things come from where the program reads them:
// drill ids from the drills it knows, muscle names from anatomy/muscle_data.h, norms from
// anatomy/rom_norms.h.
#pragma once
#include <string>
#include <vector>

#include "app/command.h"

namespace hiplab::app {

// The marker line that asks the shell to complete a file name.
inline constexpr const char* kCompleteFiles = "__files__";

// Candidates that start with the last word (one per line in the command's output), or
// {kCompleteFiles}.
std::vector<std::string> completions(const CLI::App& root, const std::vector<std::string>& words);
// `hiplab complete WORD...`: prints completions(root, words), one per line; returns 0. Run before
// CLI11 parses (cli.cpp), so words such as "--" or "--help" reach it as typed.
int run_complete(const CLI::App& root, std::vector<std::string> words);

}  // namespace hiplab::app
