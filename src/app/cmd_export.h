#pragma once
#include "app/command.h"
namespace hiplab::app {
// hiplab export [--model FILE] [--drill NAME [--time SEC | --phase P]] [--side left|right] [--pose ...]
//               [--highlight working|stretched|none] [--skin faint|outline|off] --out FILE.glb|FILE.obj
// Writes what the view shows (bones, muscle volumes, skin) posed, in world space, with its colours.
Command add_export_command(CLI::App& app);
}  // namespace hiplab::app
