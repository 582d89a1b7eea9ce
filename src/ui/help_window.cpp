// help_window.cpp — the F1 help: the keyboard shortcuts and the mouse. See ui/panels.h.
#include "ui/panels.h"

#include <imgui.h>

namespace hiplab::ui {

void help_window(UiState& ui) {
  if (!ui.show_help) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::Begin("Keyboard and mouse (F1)", &ui.show_help, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  const char* rows[][2] = {{"Space", "play / pause the drill"},
                           {"Left / Right", "step one frame"},
                           {"Page Up / Page Down", "previous / next phase"},
                           {"S", "switch the working side"},
                           {"W", "highlight: working / stretched"},
                           {"O", "joint-limit overlay on / off"},
                           {"K", "skin on / off"},
                           {"L", "landmark labels on / off"},
                           {"R", "reset the pose to the anatomical position"},
                           {"Ctrl+Z / Ctrl+Shift+Z", "undo / redo a pose edit"},
                           {"1 2 3 4 5", "front, back, left, right, top view"},
                           {"C / F / Home", "close-up of the working hip / frame / reset view"},
                           {"Ctrl+P", "screenshot"},
                           {"Ctrl+O", "open a model"},
                           {"F5", "presentation mode"},
                           {"F1", "this help"},
                           {"Esc", "deselect / close"},
                           {"Ctrl+Q", "quit"},
                           {"Left drag", "orbit; on the thigh or shin: turn the hip (Alt+drag: always orbit)"},
                           {"Right / middle drag", "pan"},
                           {"Wheel", "zoom toward the cursor"},
                           {"Click / double-click", "select a muscle or bone (its card) / centre on a point"}};
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
    for (auto& r : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.4f, 1.0f), "%s", r[0]);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r[1]);
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace hiplab::ui
