// about_window.cpp — the About box (from the F1 help): what HipLab is, what it is for and what it
// is not for, its version and source commit, its licence and where its figures come from. See
// ui/panels.h.
#include "ui/panels.h"

#include <imgui.h>

namespace hiplab::ui {

// The intended-use statement, also in the README and the manual page.
const char* const kIntendedUse =
    "HipLab is for education and exercise guidance: learning how the hip rotates, which muscles a "
    "drill works or stretches, and how a drill is done. It is not a medical device and not for "
    "diagnosis or treatment decisions. Angles, ranges, muscle lengths and efforts shown by HipLab "
    "are estimates from a generic model, not measurements of you.";

void about_window(UiState& ui) {
  if (!ui.show_about) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(520 * ui.ui_scale, 0), ImGuiCond_Appearing);
  ImGui::Begin("About HipLab", &ui.show_about, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse);
  ImGui::TextUnformatted("HipLab: see how the hip rotates");  // ASCII: the UI font atlas has no dashes
  ImGui::TextDisabled("%s", ui.version.c_str());
  ImGui::Separator();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.4f, 1.0f), "Intended use");
  ImGui::TextUnformatted(kIntendedUse);
  ImGui::Spacing();
  ImGui::TextUnformatted(
      "Joint centres and muscle paths from the OpenSim Gait2392 model (Delp et al. 1990; Anderson & Pandy "
      "1999; Thelen 2003), CC BY 3.0. Bone cards after OpenStax Anatomy and Physiology 2e, CC BY 4.0. "
      "Every source is listed in the README and in /usr/share/doc/hiplab/copyright.");
  ImGui::Spacing();
  ImGui::TextUnformatted("Licence: MIT. Built with GLFW, Dear ImGui, glm, Assimp, stb, CLI11, nlohmann-json, "
                         "meshoptimizer and Mesa.");
  ImGui::PopTextWrapPos();
  if (ImGui::Button("Close")) ui.show_about = false;
  ImGui::End();
}

}  // namespace hiplab::ui
