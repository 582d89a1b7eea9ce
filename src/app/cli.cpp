#include "app/cli.h"

#include "app/cmd_activations.h"
#include "app/cmd_bench.h"
#include "app/cmd_info.h"
#include "app/cmd_moment_arms.h"
#include "app/cmd_render.h"
#include "app/window_app.h"

namespace hiplab::app {

int run_cli(const std::vector<std::string>& args) {
  CLI::App app{"HipLab — see how the hip rotates: hip mobility drills, range of motion and the muscles at work"};
  app.set_version_flag("--version", std::string(HIPLAB_VERSION));
  WindowOptions window;
  app.add_option("--model", window.model, "Model to open in the window (glTF/GLB, FBX, COLLADA)");
  app.add_option("--frames", window.frames, "Quit after this many frames (for scripted runs)")->check(CLI::Range(0, 1000000));
  app.add_option("--screenshot", window.screenshot, "Save the last frame to this PNG on exit (with --frames)");
  std::vector<Command> commands;
  commands.push_back(add_render_command(app));
  commands.push_back(add_info_command(app));
  commands.push_back(add_bench_command(app));
  commands.push_back(add_moment_arms_command(app));
  commands.push_back(add_activations_command(app));
  app.require_subcommand(0, 1);
  std::vector<std::string> rest(args.rbegin(), args.rend() - 1);  // CLI11 takes them reversed, minus argv[0]
  try {
    app.parse(rest);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  for (const Command& c : commands)
    if (c.sub->parsed()) return c.run();
  return run_window_app(window);
}

}  // namespace hiplab::app
