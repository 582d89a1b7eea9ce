// shortcuts.cpp — the keyboard shortcuts, applied to the session and the UI state. See app_ui.h.
#include "ui/app_ui.h"

#include <imgui.h>

namespace hiplab::ui {

namespace {

// Dear ImGui 1.86 indexes keys by the platform backend's codes: GLFW's letter codes are their
// ASCII capitals, F1 = 290, F5 = 294.
constexpr int kKeyF1 = 290, kKeyF5 = 294;
int key(char letter) { return static_cast<int>(letter); }

using anatomy::Side;

}  // namespace

void handle_shortcuts(UiState& ui, session::Session& s, UiActions& a) {
  ImGuiIO& io = ImGui::GetIO();
  const std::vector<std::pair<int, int>> keys = std::move(ui.keys_pressed);
  ui.keys_pressed.clear();
  if (io.WantTextInput) return;
  constexpr int kShift = 1, kCtrl = 2;
  // Key codes are GLFW's (letters are their ASCII capitals; see the constants above).
  constexpr int kSpace = 32, kEscape = 256, kRight = 262, kLeft = 263, kPageUp = 266, kPageDown = 267, kHome = 268;
  for (const auto& [k, mods] : keys) {
    const bool ctrl = (mods & kCtrl) != 0, shift = (mods & kShift) != 0;
    if (ctrl) {
      if (k == key('Q')) a.quit = true;
      if (k == key('Z')) shift ? s.redo() : s.undo();
      if (k == key('P')) ui.screenshot_open = true;
      if (k == key('O')) ui.browser_open = true;
      continue;
    }
    if (k == kKeyF1) ui.show_help = !ui.show_help;
    if (k == kKeyF5) ui.presentation = !ui.presentation;
    if (k == kEscape) {
      if (ui.show_help) ui.show_help = false;
      else if (ui.screenshot_open) ui.screenshot_open = false;
      else session::clear_selection(s.view);
    }
    if (s.timeline()) {
      motion::Playback& pb = s.playback();
      if (k == kSpace) {
        s.set_mode(session::Mode::kDrill);
        pb.toggle();
      }
      if (k == kRight) pb.step(1), s.set_mode(session::Mode::kDrill);
      if (k == kLeft) pb.step(-1), s.set_mode(session::Mode::kDrill);
      if (k == kPageDown) pb.next_phase(), s.set_mode(session::Mode::kDrill);
      if (k == kPageUp) pb.previous_phase(), s.set_mode(session::Mode::kDrill);
    }
    if (k == key('S')) {
      s.set_side(s.side() == Side::kRight ? Side::kLeft : Side::kRight);
      a.settings_changed = true;
    }
    if (k == key('W')) {
      s.view.highlight = s.view.highlight == HighlightMode::kWorking ? HighlightMode::kStretched : HighlightMode::kWorking;
      a.settings_changed = true;
    }
    if (k == key('O')) s.view.overlay = !s.view.overlay, a.settings_changed = true;
    if (k == key('K')) s.view.show_skin = !s.view.show_skin, a.settings_changed = true;
    if (k == key('L')) ui.show_labels = !ui.show_labels, a.settings_changed = true;
    if (k == key('R')) s.reset_pose();
    const CameraRequest views[] = {CameraRequest::kFront, CameraRequest::kBack, CameraRequest::kLeft, CameraRequest::kRight,
                                   CameraRequest::kTop};
    for (int i = 0; i < 5; ++i)
      if (k == '1' + i) a.camera = views[i];
    if (k == key('C')) a.camera = CameraRequest::kWorkingHip;
    if (k == key('F')) a.camera = CameraRequest::kFrame;
    if (k == kHome) a.camera = CameraRequest::kReset;
  }
}

}  // namespace hiplab::ui
