// cue_banner.cpp — the current phase's cue in large type at the top of the view while a drill
// plays, with the hold countdown and the further cues. See ui/panels.h.
#include "ui/panels.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/widgets.h"

namespace hiplab::ui {

void cue_banner(session::Session& s, UiState& ui) {
  if (!s.timeline() || s.mode() != session::Mode::kDrill) return;
  auto f = s.drill_frame();
  if (!f) return;
  const motion::Phase& ph = s.timeline()->drill().phases[static_cast<std::size_t>(f->phase_index)];
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 12), ImGuiCond_Always, ImVec2(0.5f, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.15f, 0.16f, 0.18f, 1.0f));  // opaque (see apply_style)
  ImGui::Begin("##cue", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::PopStyleColor();
  note_panel(ui);
  if (large_font()) ImGui::PushFont(large_font());
  // Wrapped to fit between the side panels (presentation mode hides them).
  ImGui::PushTextWrapPos(ui.presentation ? vp->WorkSize.x * 0.8f : std::max(300.0f, vp->WorkSize.x * 0.5f - 120.0f * ui.ui_scale));
  ImGui::TextUnformatted(ph.cues.empty() ? ph.name.c_str() : ph.cues.front().c_str());
  if (f->hold) ImGui::TextColored(ImVec4(0.55f, 0.8f, 1.0f, 1.0f), "Hold: %.0f s", std::ceil(f->hold_remaining_s));
  ImGui::PopTextWrapPos();
  if (large_font()) ImGui::PopFont();
  for (std::size_t i = 1; i < ph.cues.size(); ++i) ImGui::TextWrapped("%s", ph.cues[i].c_str());
  ImGui::End();
}

}  // namespace hiplab::ui
