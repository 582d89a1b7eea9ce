// cmd_drills.h — `hiplab drills [--json]`: lists the built-in and user drills (and any bad drill
// files, one line each on stderr). Exit 0, or 1 when a drill file could not be read.
#pragma once
#include "app/command.h"

namespace hiplab::app {
Command add_drills_command(CLI::App& app);
}
