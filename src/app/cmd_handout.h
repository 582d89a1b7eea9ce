#pragma once
#include "app/command.h"
namespace hiplab::app {
// hiplab handout --drills a,b,c [--side] [--patient] [--therapist] [--clinic] [--logo FILE.png]
//   [--notes] [--dosage drill=3x10,...] [--paper a4|letter] [--date] [--picture-size WxH] --out FILE.pdf
// (app/handout.h, media/handout_pdf.h): a cover and one page per drill, written atomically. Bad
// options, an unknown drill or a bad dosage: one message naming it, exit 2. The file name on
// stdout; pages, size and time on stderr.
Command add_handout_command(CLI::App& app);
}  // namespace hiplab::app
