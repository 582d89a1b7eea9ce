#pragma once
#include "app/command.h"
namespace hiplab::app {
// hiplab info [--model FILE] [--json]: nodes, bones, meshes, triangles, bounds, load time.
Command add_info_command(CLI::App& app);
}  // namespace hiplab::app
