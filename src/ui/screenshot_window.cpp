// screenshot_window.cpp — the screenshot dialog (Ctrl+P): file, size, transparent background, and
// a question before an existing file is replaced. See ui/panels.h.
#include "ui/panels.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include <imgui.h>

#include "ui/screenshot_save.h"
#include "ui/widgets.h"

namespace hiplab::ui {

void screenshot_window(UiState& ui, UiActions& a) {
  if (!ui.screenshot_open) return;
  ImGui::Begin("Screenshot", &ui.screenshot_open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  char path[512];
  std::snprintf(path, sizeof path, "%s", ui.screenshot.path.c_str());
  if (ImGui::InputText("File", path, sizeof path)) ui.screenshot.path = path;
  ImGui::InputInt("Width", &ui.screenshot.width, 64, 256);
  ImGui::InputInt("Height", &ui.screenshot.height, 64, 256);
  ui.screenshot.width = std::clamp(ui.screenshot.width, 16, 8192);
  ui.screenshot.height = std::clamp(ui.screenshot.height, 16, 8192);
  ImGui::Checkbox("Transparent background", &ui.screenshot.transparent);
  hint("Panels and gizmos are left out; the overlay and labels stay.");
  if (screenshot_asking_to_replace(ui)) {
    // An existing file is replaced only when the user says so (ui/screenshot_save.h).
    ImGui::TextWrapped("%s exists already. Replace it?", ui.screenshot.path.c_str());
    if (ImGui::Button("Replace")) a.screenshot = press_screenshot_button(ui, ScreenshotButton::kReplace, true);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) press_screenshot_button(ui, ScreenshotButton::kCancel, true);
  } else if (ImGui::Button("Save PNG")) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(ui.screenshot.path, ec);
    a.screenshot = press_screenshot_button(ui, ScreenshotButton::kSave, exists);
  }
  ImGui::End();
}

}  // namespace hiplab::ui
