#pragma once
#include "app/command.h"
namespace hiplab::app {
// hiplab export-video --drill NAME [--side] [--reps N] [--view] [--highlight] [--overlay on|off]
//   [--captions on|off] [--size WxH] [--fps N] --out FILE.mp4|FILE.webm|FILE.gif
// (app/video_export.h). A progress bar with the time left on a terminal, a plain line per 10%
// otherwise (both on stderr; the file name on stdout at the end). Ctrl+C stops it and leaves no
// file: exit 130.
Command add_export_video_command(CLI::App& app);
}  // namespace hiplab::app
