// app_ui.h — the window's Dear ImGui UI over the session (session/session.h): drills and
// playback, hands-on angles, muscles (highlight, legend, top working list, search, visibility,
// the internal-rotator group, the muscle card and the moment-arm explorer), the joint-limit overlay
// settings, presentation mode, help and the screenshot dialog, one file per panel (ui/panels.h).
// The panels change the session directly where that is all there is to it, and return the
// requests only the app can carry out.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "assets/model.h"
#include "assets/muscle_info.h"
#include "scene/bone_attachments.h"
#include "scene/camera.h"
#include "session/session.h"
#include "ui/style.h"  // apply_style, setup_fonts: set up before the first frame

namespace hiplab::ui {

struct ScreenshotRequest {
  std::string path;
  int width = 1920, height = 1080;
  bool transparent = false;
};

enum class CameraRequest { kNone, kFront, kBack, kLeft, kRight, kTop, kWorkingHip, kFrame, kReset };

struct UiState {
  // model
  std::string model_path;
  std::vector<std::string> model_lines;
  std::string message;
  bool message_is_error = false;
  // A model being opened off the UI thread: its file ("" when none) and seconds so far.
  std::string loading_path;
  double loading_seconds = 0.0;
  // status
  double frame_ms = 0.0, gpu_ms = -1.0;
  // What the status line shows: the means over a quarter of a second (readable, and the line is
  // drawn again four times a second rather than every frame).
  struct StatusFigures {
    double frame_ms = 0.0, gpu_ms = 0.0, sum_frame = 0.0, sum_gpu = 0.0, since = -1.0;
    int count = 0;
  } status;
  std::string renderer_name;
  double resident_mib = 0.0;  // the app's memory, for the F12 line (set by the app a few times a second)
  int samples = 0;
  // panels
  bool presentation = false;
  bool show_help = false;
  bool developer = false;  // F12: frame time and renderer details in the status line
  bool show_about = false;  // the About box (ui/about_window.cpp), from the help
  std::string version;      // "hiplab 0.1.0 (commit ...)", shown in the About box
  std::string card_scrolled_to;  // the selection whose card was last scrolled into view
  bool show_labels = false;  // landmark labels
  bool follow_hip = false;
  bool screenshot_open = false;
  ScreenshotRequest screenshot;
  std::string screenshot_replace;  // the existing file the dialog asks about replacing ("" when not asking)
  std::string muscle_search;
  std::string hover_text;     // name under the cursor, shown as a tooltip
  bool browser_open = false;
  std::string browser_dir;
  float ui_scale = 1.0f;
  // Key presses since the last frame, from the window's key callback: (key code, modifier bits
  // 1 shift, 2 ctrl). Collected there because on a slow software renderer a quick tap can go down
  // and up between two frames, which Dear ImGui 1.86's key state would miss.
  std::vector<std::pair<int, int>> keys_pressed;
  double last_mouse_move_time = 0.0;
  glm::vec2 mouse{0.0f};
  glm::vec2 viewport{1.0f};
  // The docked panels drawn this frame (x, y, width, height in the viewport's pixels): the app
  // frames the scene in the part they leave free (scene/framing.h free_view_rect).
  std::vector<glm::vec4> panel_rects;
};

struct UiActions {
  std::optional<std::string> open_file;
  bool cancel_load = false;  // the Cancel button of "Loading..."
  std::optional<ScreenshotRequest> screenshot;
  CameraRequest camera = CameraRequest::kNone;
  std::optional<int> drill_view;  // one of the current drill's own views (motion::Drill::views)
  bool quit = false;
  bool settings_changed = false;
};

// Bone cards: the hand-written descriptions and, per mesh of the current model, the muscles the
// model says attach there (scene/bone_attachments.h).
struct BoneCards {
  std::vector<BoneInfo> info;
  std::vector<std::vector<MuscleAttachment>> attachments;
};

UiActions draw_app_ui(UiState& ui, session::Session& s, const session::ComputedFrame& frame, const Model* model,
                      const std::vector<MuscleInfo>& info, const BoneCards* bones = nullptr);

// Keyboard shortcuts: the keys pressed since the last frame (UiState::keys_pressed), looked up in
// the table the F1 help lists (ui/key_bindings.h), carried out on the session and the UI state.
void handle_shortcuts(UiState& ui, session::Session& s, UiActions& a);

}  // namespace hiplab::ui
