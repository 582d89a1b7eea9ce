// shortcuts.cpp — the keyboard shortcuts (the table in ui/key_bindings.h), carried out on the
// session and the UI state. See app_ui.h.
#include "ui/app_ui.h"

#include <algorithm>

#include <imgui.h>

#include "ui/key_bindings.h"

namespace hiplab::ui {

namespace {

using anatomy::Side;

// What each action does. The playback keys act only when a drill is loaded.
void apply(KeyAction action, UiState& ui, session::Session& s, UiActions& a) {
  auto playback = [&](auto&& step) {
    if (!s.timeline()) return;
    step(s.playback());
    s.set_mode(session::Mode::kDrill);
  };
  switch (action) {
    case KeyAction::kPlayPause:
      if (s.timeline()) {
        s.set_mode(session::Mode::kDrill);
        s.playback().toggle();
      }
      break;
    case KeyAction::kStepBack: playback([](motion::Playback& pb) { pb.step(-1); }); break;
    case KeyAction::kStepForward: playback([](motion::Playback& pb) { pb.step(1); }); break;
    case KeyAction::kPreviousPhase: playback([](motion::Playback& pb) { pb.previous_phase(); }); break;
    case KeyAction::kNextPhase: playback([](motion::Playback& pb) { pb.next_phase(); }); break;
    case KeyAction::kSwitchSide:
      s.set_side(s.side() == Side::kRight ? Side::kLeft : Side::kRight);
      a.settings_changed = true;
      break;
    case KeyAction::kToggleHighlight:
      s.view.highlight = s.view.highlight == HighlightMode::kWorking ? HighlightMode::kStretched : HighlightMode::kWorking;
      a.settings_changed = true;
      break;
    case KeyAction::kToggleOverlay:
      s.view.overlay = !s.view.overlay;
      a.settings_changed = true;
      break;
    case KeyAction::kPeel: {
      // Everywhere alike: from the deepest level any region has, one layer further; past the last, all back.
      const int deepest = std::max({s.view.peel.level[0], s.view.peel.level[1], s.view.peel.level[2]});
      s.view.peel = session::whole_body_peel(deepest >= session::kMaxPeelLevel ? 0 : deepest + 1);
      a.settings_changed = true;
      break;
    }
    case KeyAction::kToggleSkin:
      // faint → outline → off → faint
      if (!s.view.show_skin) s.view.show_skin = true, s.view.skin_outline = false;
      else if (!s.view.skin_outline) s.view.skin_outline = true;
      else s.view.show_skin = false;
      a.settings_changed = true;
      break;
    case KeyAction::kToggleLabels:
      ui.show_labels = !ui.show_labels;
      a.settings_changed = true;
      break;
    case KeyAction::kToggleMirror: s.view.mirror = !s.view.mirror; break;
    case KeyAction::kResetPose: s.reset_pose(); break;
    case KeyAction::kUndo: s.undo(); break;
    case KeyAction::kRedo: s.redo(); break;
    case KeyAction::kViewFront: a.camera = CameraRequest::kFront; break;
    case KeyAction::kViewBack: a.camera = CameraRequest::kBack; break;
    case KeyAction::kViewLeft: a.camera = CameraRequest::kLeft; break;
    case KeyAction::kViewRight: a.camera = CameraRequest::kRight; break;
    case KeyAction::kViewTop: a.camera = CameraRequest::kTop; break;
    case KeyAction::kViewWorkingHip: a.camera = CameraRequest::kWorkingHip; break;
    case KeyAction::kViewFrame: a.camera = CameraRequest::kFrame; break;
    case KeyAction::kViewReset: a.camera = CameraRequest::kReset; break;
    case KeyAction::kScreenshot:
      ui.screenshot_open = true;
      ui.screenshot_replace.clear();  // a question from an earlier opening is not carried over
      break;
    case KeyAction::kOpenModel:
      ui.browser_open = true;
      ui.browser_purpose = BrowserPurpose::kModel;
      break;
    case KeyAction::kPresentation: ui.presentation = !ui.presentation; break;
    case KeyAction::kHelp: ui.show_help = !ui.show_help; break;
    case KeyAction::kDeveloper: ui.developer = !ui.developer; break;
    case KeyAction::kEscape:
      if (ui.show_about) ui.show_about = false;
      else if (ui.show_help) ui.show_help = false;
      else if (ui.screenshot_open) ui.screenshot_open = false;
      else session::clear_selection(s.view);
      break;
    case KeyAction::kQuit: a.quit = true; break;
  }
}

}  // namespace

void handle_shortcuts(UiState& ui, session::Session& s, UiActions& a) {
  const std::vector<std::pair<int, int>> keys = std::move(ui.keys_pressed);
  ui.keys_pressed.clear();
  if (ImGui::GetIO().WantTextInput) return;  // typing into a field
  constexpr int kShift = 1, kCtrl = 2;      // UiState::keys_pressed's modifier bits
  for (const auto& [k, mods] : keys)
    if (const std::optional<KeyAction> action = action_for_key(k, Modifiers{(mods & kCtrl) != 0, (mods & kShift) != 0}))
      apply(*action, ui, s, a);
}

}  // namespace hiplab::ui
