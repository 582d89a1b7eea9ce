// viewer_ui.h — the window's Dear ImGui panels: the model panel (file, counts, open), view buttons,
// a file browser, the message banner and the status line. The UI only reads this state and
// returns what the user asked for; the app carries it out.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "scene/camera.h"

namespace hiplab::ui {

struct ViewerUiState {
  std::string model_path;
  std::vector<std::string> model_lines;  // "meshes 12", ...
  std::string message;                   // last error or warning, shown until dismissed
  bool message_is_error = false;
  double frame_ms = 0.0, gpu_ms = -1.0;
  std::string renderer_name;
  int samples = 0;
  // file browser
  bool browser_open = false;
  std::string browser_dir;
  std::string browser_filter;
};

struct ViewerUiActions {
  std::optional<std::string> open_file;
  std::optional<ViewPreset> preset;
  bool frame_model = false;
  bool quit = false;
};

ViewerUiActions draw_viewer_ui(ViewerUiState& state);

}  // namespace hiplab::ui
