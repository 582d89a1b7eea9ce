#pragma once
#include "app/command.h"
namespace hiplab::app {
// hiplab render [--model FILE] [--view NAME] [--size WxH] [--msaa N] [--transparent] --out FILE.png
Command add_render_command(CLI::App& app);
}  // namespace hiplab::app
