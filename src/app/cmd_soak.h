#pragma once
#include "app/command.h"
namespace hiplab::app {
// hiplab soak [--minutes N] [--size WxH] — a long headless run for leaks and slow-downs (issue 14):
// every drill, both sides, each highlight mode, then the hands-on angles swept, with the real UI
// panels; prints resident memory, frame time and GL errors each minute and a verdict.
Command add_soak_command(CLI::App& app);
}  // namespace hiplab::app
