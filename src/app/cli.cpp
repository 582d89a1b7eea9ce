#include "app/cli.h"

#include <cstdio>

#include "app/cli_values.h"

#include "app/cmd_activations.h"
#include "app/cmd_bench.h"
#include "app/cmd_soak.h"
#include "app/cmd_check_drill.h"
#include "app/cmd_complete.h"
#include "app/cmd_drills.h"
#include "app/cmd_export.h"
#include "app/cmd_export_video.h"
#include "app/cmd_handout.h"
#include "app/cmd_info.h"
#include "app/cmd_man.h"
#include "app/cmd_moment_arms.h"
#include "app/cmd_patients.h"
#include "app/cmd_render.h"
#include "app/import_sandbox.h"
#include "app/version.h"
#include "app/window_app.h"
#include "session/peel.h"

namespace hiplab::app {

int run_cli(const std::vector<std::string>& args) {
  CLI::App app{"HipLab — see how the hip rotates: hip mobility drills, range of motion and the muscles at work", "hiplab"};
  app.set_version_flag("--version", version_line());
  WindowOptions window;
  app.add_option("--model", window.model, "Model to open in the window (glTF/GLB, FBX, COLLADA)");
  app.add_option("--frames", window.frames, "Quit after this many frames (for scripted runs)")->check(CLI::Range(0, 1000000));
  app.add_option("--screenshot", window.screenshot, "Save the last frame to this PNG on exit (with --frames)");
  app.add_option("--ready-file", window.ready_file,
                 "Write this file once the window is ready: its start-up work done (for scripted runs)");
  app.add_flag("--report-state", window.report_state,
               "Print the drill, whether it plays, its time, the window's size and place, the model's bone fields and the side panels' places on exit (with --frames; for scripted runs)");
  app.add_option("--drill", window.drill, "Open with this drill (id or name, see hiplab drills)");
  app.add_option("--time", window.time_s, "... paused at this time in seconds")->check(CLI::Range(0.0, 1e6));
  app.add_option("--side", window.side, "Working side: left or right")->check(CLI::IsMember({"left", "right"}));
  app.add_option("--select", window.select, "Select a muscle (e.g. glut_med1_r) or a bone (e.g. femur_r, sacrum) and open its card");
  app.add_option("--peel", window.peel, "Muscle layers taken away: 0, 1, 2, deep-rotators or hip-flexors (default: as last time)")
      ->check([](const std::string& v) { return session::parse_peel(v) ? std::string() : "expected " + session::peel_values_help(); });
  std::string window_size;
  app.add_option("--size", window_size, "Window size WxH (default: as last time, made smaller where the screen is)");
  app.add_option("--patient", window.patient, "Open the Patients window with this patient (a number from hiplab patients list)")
      ->check(CLI::Range(1LL, 1000000000000LL));
  app.add_flag("--presentation", window.presentation, "Start in presentation mode (F5)");
  app.add_flag("--help-overlay", window.help, "Start with the keyboard help shown (F1)");
  std::vector<Command> commands;
  commands.push_back(add_render_command(app));
  commands.push_back(add_export_command(app));
  commands.push_back(add_export_video_command(app));
  commands.push_back(add_handout_command(app));
  commands.push_back(add_info_command(app));
  commands.push_back(add_bench_command(app));
  commands.push_back(add_soak_command(app));
  commands.push_back(add_moment_arms_command(app));
  commands.push_back(add_activations_command(app));
  commands.push_back(add_drills_command(app));
  commands.push_back(add_check_drill_command(app));
  commands.push_back(add_patients_command(app));
  // Hidden: the manual page and the shell completion are made from this same definition. The
  // completion reads the words as typed, before CLI11 would take "--" or "--help" as its own.
  commands.push_back(add_man_command(app));
  // Hidden: the sandboxed model import (app/import_sandbox.h), started by HipLab itself.
  if (args.size() >= 2 && args[1] == kImportChildCommand) return run_import_child(args);
  if (args.size() >= 2 && args[1] == "complete") return run_complete(app, std::vector<std::string>(args.begin() + 2, args.end()));
  app.require_subcommand(0, 1);
  std::vector<std::string> rest(args.rbegin(), args.rend() - 1);  // CLI11 takes them reversed, minus argv[0]
  try {
    app.parse(rest);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  for (const Command& c : commands)
    if (c.sub->parsed()) return c.run();
  if (!window_size.empty()) {
    auto size = parse_size("--size", window_size, 16384);
    if (!size) {
      std::fprintf(stderr, "error: %s\n", size.error().message.c_str());
      return 2;
    }
    window.width = size->width;
    window.height = size->height;
  }
  return run_window_app(window);
}

}  // namespace hiplab::app
