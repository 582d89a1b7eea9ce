// pose_panel.cpp — the hands-on angles (left panel): a slider and a typed value per hip and knee
// coordinate of both legs, with the joint limits, and reset / undo / redo. See ui/panels.h.
#include "ui/panels.h"

#include <string>

#include <imgui.h>

#include "core/units.h"
#include "motion/rom_limits.h"
#include "ui/widgets.h"

namespace hiplab::ui {

using anatomy::LegCoord;
using anatomy::Side;
using motion::Channel;

namespace {

void angle_slider(session::Session& s, Channel c, const char* label) {
  const motion::RomLimit& lim = motion::rom_limit(c);
  float deg = static_cast<float>(rad_to_deg(s.channel(c)));
  const float lo = static_cast<float>(rad_to_deg(lim.min)), hi = static_cast<float>(rad_to_deg(lim.max));
  ImGui::PushID(static_cast<int>(c));
  ImGui::SetNextItemWidth(150);
  const bool changed = ImGui::SliderFloat("##s", &deg, lo, hi, "%.0f", ImGuiSliderFlags_AlwaysClamp);
  if (ImGui::IsItemActivated()) s.begin_pose_edit();
  if (changed) s.set_channel(c, deg_to_rad(static_cast<double>(deg)));
  if (ImGui::IsItemDeactivated()) s.end_pose_edit();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(70);
  float typed = deg;
  if (ImGui::InputFloat("##n", &typed, 0.0f, 0.0f, "%.1f", ImGuiInputTextFlags_EnterReturnsTrue)) {
    s.begin_pose_edit();
    s.set_channel(c, deg_to_rad(static_cast<double>(typed)));
    s.end_pose_edit();
  }
  ImGui::SameLine();
  if (s.at_limit(c)) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.2f, 1.0f), "%s  AT LIMIT", label);
  else ImGui::TextUnformatted(label);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Range %.0f to %.0f deg (%s)", lo, hi, std::string(lim.source).c_str());
  ImGui::PopID();
}

}  // namespace

void pose_panel(session::Session& s) {
  hint("+ flexion, + adduction, + internal rotation, + knee flexion (both legs)");
  for (Side side : {Side::kRight, Side::kLeft}) {
    ImGui::PushID(anatomy::side_index(side));
    ImGui::Text("%s hip and knee", side == Side::kRight ? "Right" : "Left");
    angle_slider(s, motion::leg_channel(side, LegCoord::kHipFlexion), "flexion");
    angle_slider(s, motion::leg_channel(side, LegCoord::kHipAdduction), "adduction");
    angle_slider(s, motion::leg_channel(side, LegCoord::kHipRotation), "internal rotation");
    angle_slider(s, motion::leg_channel(side, LegCoord::kKneeFlexion), "knee flexion");
    ImGui::PopID();
  }
  if (ImGui::Button("Reset (R)")) s.reset_pose();
  ImGui::SameLine();
  ImGui::BeginDisabled(!s.can_undo());
  if (ImGui::Button("Undo (Ctrl+Z)")) s.undo();
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!s.can_redo());
  if (ImGui::Button("Redo (Ctrl+Shift+Z)")) s.redo();
  ImGui::EndDisabled();
  hint("Drag the thigh or shin in the view to rotate the hip.");
}

}  // namespace hiplab::ui
