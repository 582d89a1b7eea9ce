#include "ui/screenshot_save.h"

namespace hiplab::ui {

namespace {
ScreenshotRequest save_now(UiState& ui) {
  ui.screenshot_replace.clear();
  ui.screenshot_open = false;
  return ui.screenshot;
}
}  // namespace

bool screenshot_asking_to_replace(const UiState& ui) {
  return !ui.screenshot_replace.empty() && ui.screenshot_replace == ui.screenshot.path;
}

std::optional<ScreenshotRequest> press_screenshot_button(UiState& ui, ScreenshotButton button, bool target_exists) {
  switch (button) {
    case ScreenshotButton::kSave:
      if (!target_exists) return save_now(ui);
      ui.screenshot_replace = ui.screenshot.path;
      return std::nullopt;
    case ScreenshotButton::kReplace:
      // Only the file that was asked about: a name edited since then is asked about afresh.
      if (!screenshot_asking_to_replace(ui)) return std::nullopt;
      return save_now(ui);
    case ScreenshotButton::kCancel:
      ui.screenshot_replace.clear();  // the dialog stays open for another name
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace hiplab::ui
