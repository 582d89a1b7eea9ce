// screenshot_window.cpp — the screenshot dialog (Ctrl+P): file, size, transparent background.
// See ui/panels.h.
#include "ui/panels.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

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
  if (ImGui::Button("Save PNG")) {
    a.screenshot = ui.screenshot;
    ui.screenshot_open = false;
  }
  ImGui::End();
}

}  // namespace hiplab::ui
