#pragma once
#include "app/command.h"
namespace hiplab::app {
// hiplab bench [--model FILE | --synthetic TRIANGLES] [--frames N] [--size WxH] [--msaa N] [--json]
Command add_bench_command(CLI::App& app);
}  // namespace hiplab::app
