// help_window.cpp — the F1 help: the keyboard shortcuts, read from the table the keys are handled
// by (ui/key_bindings.h), and the mouse. See ui/panels.h.
#include "ui/panels.h"

#include <cstring>
#include <string>

#include <imgui.h>

#include "ui/key_bindings.h"

namespace hiplab::ui {

namespace {

void help_row(const char* keys, const char* what) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.4f, 1.0f), "%s", keys);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(what);
}

}  // namespace

void help_window(UiState& ui) {
  if (!ui.show_help) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::Begin("Keyboard and mouse (F1)", &ui.show_help, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  // The mouse is handled by the window (app/), not by a key table.
  const char* mouse[][2] = {{"Left drag", "orbit; on the thigh or shin: turn the hip (Alt+drag: always orbit)"},
                            {"Right / middle drag", "pan"},
                            {"Wheel", "zoom toward the cursor"},
                            {"Click / double-click", "select a muscle or bone (its card) / centre on a point"}};
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
    const auto bindings = key_bindings();
    for (std::size_t i = 0; i < bindings.size();) {
      // Neighbouring bindings with the same words are one row.
      std::string keys = key_label(bindings[i]);
      std::size_t j = i + 1;
      for (; j < bindings.size() && std::strcmp(bindings[j].help, bindings[i].help) == 0; ++j) keys += " / " + key_label(bindings[j]);
      help_row(keys.c_str(), bindings[i].help);
      i = j;
    }
    for (auto& r : mouse) help_row(r[0], r[1]);
    ImGui::EndTable();
  }
  if (ImGui::Button("About HipLab")) ui.show_about = true;
  ImGui::End();
}

}  // namespace hiplab::ui
