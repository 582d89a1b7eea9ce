// status_line.cpp — the status line along the bottom edge: the F1 hint, and for developers (F12)
// frame and GPU time (means over a quarter of a second), MSAA samples, resident memory and the GL
// renderer. See
// ui/panels.h.
#include "ui/panels.h"

#include <algorithm>

#include <imgui.h>

namespace hiplab::ui {

void status_line(UiState& ui) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float h = ImGui::GetFrameHeight();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
  ImGui::Begin("##status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  note_panel(ui);
  UiState::StatusFigures& st = ui.status;
  st.sum_frame += ui.frame_ms;
  st.sum_gpu += std::max(ui.gpu_ms, 0.0);
  ++st.count;
  const double now = ImGui::GetTime();
  if (st.since < 0.0 || now - st.since >= 0.25) {
    st.frame_ms = st.sum_frame / st.count;
    st.gpu_ms = st.sum_gpu / st.count;
    st.sum_frame = st.sum_gpu = 0.0;
    st.count = 0;
    st.since = now;
  }
  // What a patient or a class reads is the help key; the renderer's figures are for developers (F12).
  if (ui.developer)
    ImGui::Text("frame %.1f ms   GPU %.1f ms   %dx MSAA   memory %.0f MiB   %s   F1: help   F12: hide these", st.frame_ms,
                st.gpu_ms, ui.samples, ui.resident_mib, ui.renderer_name.c_str());
  else
    ImGui::TextUnformatted("F1: help and keys");
  ImGui::End();
}

}  // namespace hiplab::ui
