// app_ui.cpp — see app_ui.h. Lays the panels out (each in its own file, declared in ui/panels.h):
// the left panel (model and view, drills, overlay, hands-on angles), the right panel (muscles and
// the card of the selection), the playback bar and cue, help, screenshot, file browser, the
// message, and the status line or, in presentation mode, the laser pointer.
#include "ui/app_ui.h"

#include "core/panel_anchor.h"

#include <algorithm>

#include <filesystem>

#include <imgui.h>

#include "ui/panels.h"

namespace hiplab::ui {

namespace {

// Presentation mode hides a panel until the mouse comes near its edge.
bool panel_visible(const UiState& ui, bool left_edge) {
  if (!ui.presentation) return true;
  const float margin = 40.0f;
  return left_edge ? ui.mouse.x < margin : ui.mouse.x > ui.viewport.x - margin;
}

}  // namespace

void note_panel(UiState& ui) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
  ui.panel_rects.emplace_back(p.x - vp->WorkPos.x, p.y - vp->WorkPos.y, s.x, s.y);
}

UiActions draw_app_ui(UiState& ui, session::Session& s, const session::ComputedFrame& frame, const Model* model,
                      const std::vector<MuscleInfo>& info, const BoneCards* bones) {
  UiActions a;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ui.viewport = {vp->WorkSize.x, vp->WorkSize.y};
  ui.mouse = {ImGui::GetIO().MousePos.x - vp->WorkPos.x, ImGui::GetIO().MousePos.y - vp->WorkPos.y};
  handle_shortcuts(ui, s, a);
  ui.panel_rects.clear();
  const bool body = model && model->find_node("pelvis") >= 0;

  // The side panels end above the playback bar and the status line, so nothing overlaps them.
  const float side_h = std::max(200.0f, vp->WorkSize.y - 196.0f * ui.ui_scale);
  // A window that changed size since the panels were laid out (maximised, moved to a projector)
  // takes them along: the Muscles panel stays on the right edge, both follow the new height.
  const auto follow_window = [&](int i) {
    const UiState::SidePanel& sp = ui.side_panels[static_cast<std::size_t>(i)];
    if (sp.rect.z <= 0.0f || sp.viewport == ui.viewport) return;
    const glm::vec4 n = reanchor_panel(sp.rect, sp.viewport, ui.viewport, sp.default_h, side_h);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + n.x, vp->WorkPos.y + n.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(n.z, n.w), ImGuiCond_Always);
  };
  const auto remember = [&](int i) {
    const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    ui.side_panels[static_cast<std::size_t>(i)] = {glm::vec4(p.x - vp->WorkPos.x, p.y - vp->WorkPos.y, sz.x, sz.y), ui.viewport, side_h};
  };
  if (panel_visible(ui, true)) {
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 8, vp->WorkPos.y + 8), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(330 * ui.ui_scale, side_h), ImGuiCond_FirstUseEver);
    follow_window(0);
    ImGui::Begin("HipLab", nullptr, ImGuiWindowFlags_NoCollapse);
    remember(0);
    model_and_view(s, ui, a);
    note_panel(ui);
    if (body) {
      drills_panel(s, ui, a);
      overlay_panel(s, a);
      if (ui.patients.available && ImGui::Button(ui.patients.open ? "Hide patients' records" : "Patients' records..."))
        ui.patients.open = !ui.patients.open;
      if (ImGui::CollapsingHeader("Hands-on angles", ImGuiTreeNodeFlags_DefaultOpen)) pose_panel(s);
    }
    ImGui::End();
  }
  if (body && panel_visible(ui, false)) {
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 8, vp->WorkPos.y + 8), ImGuiCond_FirstUseEver, ImVec2(1, 0));
    ImGui::SetNextWindowSize(ImVec2(kMusclesPanelWidth * ui.ui_scale, side_h), ImGuiCond_FirstUseEver);
    follow_window(1);
    ImGui::Begin("Muscles", nullptr, ImGuiWindowFlags_NoCollapse);
    remember(1);
    note_panel(ui);
    muscles_panel(s, ui, a, frame, info, model, bones);
    ImGui::End();
  }
  if (body) {
    if (!ui.presentation || ui.mouse.y > ui.viewport.y - 160) playback_panel(s, ui);
    cue_banner(s, ui);
  }
  help_window(ui);
  about_window(ui);
  screenshot_window(ui, a);
  video_window(s, ui, a);
  handout_window(ui, a);
  file_browser(ui, a);
  if (body) patients_window(s, ui);

  if (!ui.message.empty()) {
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.3f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::Begin("##message", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.message_is_error ? ImVec4(1.0f, 0.5f, 0.45f, 1) : ImVec4(1, 0.85f, 0.4f, 1));
    ImGui::PushTextWrapPos(vp->WorkSize.x * 0.6f);
    ImGui::TextUnformatted(ui.message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (ImGui::Button("Dismiss")) ui.message.clear();
    ImGui::End();
  }
  if (!ui.loading_path.empty()) {
    // The window keeps drawing while a model loads (app/model_load_job.h); the current model stays
    // until the new one is ready.
    // Top centre, between the side panels, clear of the hips' angle labels.
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 8.0f * ui.ui_scale),
                            ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::Begin("##loading", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    ImGui::Text("Loading %s ... %.0f s", std::filesystem::path(ui.loading_path).filename().string().c_str(), ui.loading_seconds);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) a.cancel_load = true;
    ImGui::End();
  }
  if (!ui.hover_text.empty() && !ImGui::GetIO().WantCaptureMouse) ImGui::SetTooltip("%s", ui.hover_text.c_str());

  if (ui.presentation) {
    // Laser pointer: a bright dot with a soft halo at the cursor.
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    const ImVec2 m = ImGui::GetIO().MousePos;
    fg->AddCircleFilled(m, 16.0f * ui.ui_scale, IM_COL32(255, 40, 40, 60), 24);
    fg->AddCircleFilled(m, 6.0f * ui.ui_scale, IM_COL32(255, 30, 30, 235), 16);
  } else {
    status_line(ui);
  }
  return a;
}

}  // namespace hiplab::ui
