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
  int width = 1280, height = 800;
};

// Returns the process exit code.
int run_window_app(const WindowOptions& options);

}  // namespace hiplab::app
