// window_app.h — the interactive app: a GLFW window with an OpenGL 3.3 core context, Dear ImGui
// panels, the orbit camera and the shared Renderer (which draws into its own MSAA framebuffer that
// is then copied to the window).
#pragma once
#include <string>

namespace hiplab::app {

struct WindowOptions {
  std::string model;       // empty = default model
  int frames = 0;          // > 0: quit after this many frames (smoke tests)
  std::string screenshot;  // save the last frame (with UI) here on exit
  // On exit print "drill=ID playing=yes|no time=SECONDS" (scripted window tests: what keys did).
  bool report_state = false;
  int width = 0, height = 0;  // 0: from the settings
  std::string drill;       // start with this drill (id or name)
  double time_s = -1.0;    // ... paused at this time (s); < 0 plays from the start
  std::string side;        // "left" / "right"; empty: from the settings
  bool presentation = false;
  bool help = false;
  std::string select;      // muscle to select (e.g. glut_med1_r)
  std::string peel;        // session::parse_peel: "0".."2" or a preset id; empty: from the settings
  long long patient = 0;   // > 0: open the Patients window with this patient selected
  // Scripted runs (xdotool tests): written once the start-up work is done (the first frames drawn,
  // the levels of detail and the bones' fields in), so a script acts on a window that is ready
  // however busy the machine, rather than after a fixed sleep.
  std::string ready_file;
};

// Returns the process exit code.
int run_window_app(const WindowOptions& options);

}  // namespace hiplab::app
