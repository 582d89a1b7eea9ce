// model_view_panel.cpp — the top of the left panel: the model file (Open model...) and the view
// buttons (the presets, follow the working hip, landmark labels). See ui/panels.h.
#include "ui/panels.h"

#include <filesystem>

#include <imgui.h>

#include "ui/widgets.h"

namespace hiplab::ui {

namespace fs = std::filesystem;

void model_and_view(session::Session& s, UiState& ui, UiActions& a) {
  ImGui::TextWrapped("%s", fs::path(ui.model_path).filename().string().c_str());
  for (const std::string& line : ui.model_lines) ImGui::TextDisabled("%s", line.c_str());
  if (ImGui::Button("Open model... (Ctrl+O)")) {
    ui.browser_open = true;
    ui.browser_purpose = BrowserPurpose::kModel;
    if (ui.browser_dir.empty()) ui.browser_dir = fs::path(ui.model_path).parent_path().string();
  }
  section("View");
  struct B {
    const char* label;
    CameraRequest r;
  };
  const B buttons[] = {{"Front (1)", CameraRequest::kFront}, {"Back (2)", CameraRequest::kBack},
                       {"Left (3)", CameraRequest::kLeft},   {"Right (4)", CameraRequest::kRight},
                       {"Top (5)", CameraRequest::kTop},     {"Working hip (C)", CameraRequest::kWorkingHip},
                       {"Frame (F)", CameraRequest::kFrame}, {"Reset (Home)", CameraRequest::kReset}};
  for (int i = 0; i < 8; ++i) {
    if (i % 3) ImGui::SameLine();
    if (ImGui::Button(buttons[i].label)) a.camera = buttons[i].r;
  }
  ImGui::Checkbox("Follow the working hip", &ui.follow_hip);
  ImGui::Checkbox("Landmark labels (L)", &ui.show_labels);
  ImGui::Checkbox("Mirror view (M)", &s.view.mirror);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Left and right swapped, as in a mirror: follow the drill facing the screen");
}

}  // namespace hiplab::ui
