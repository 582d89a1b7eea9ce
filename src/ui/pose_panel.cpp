// pose_panel.cpp — the hands-on angles (left panel): a slider and a typed value per hip and knee
// coordinate of both legs and per neck coordinate (flexion, side-bending, rotation), with the joint
// limits, and reset / undo / redo. See ui/panels.h.
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

const std::vector<PoseSliderGroup>& pose_slider_groups() {
  static const std::vector<PoseSliderGroup> groups = [] {
    std::vector<PoseSliderGroup> g;
    for (Side side : {Side::kRight, Side::kLeft})
      g.push_back({side == Side::kRight ? "Right hip and knee" : "Left hip and knee",
                   {{motion::leg_channel(side, LegCoord::kHipFlexion), "flexion"},
                    {motion::leg_channel(side, LegCoord::kHipAdduction), "adduction"},
                    {motion::leg_channel(side, LegCoord::kHipRotation), "internal rotation"},
                    {motion::leg_channel(side, LegCoord::kKneeFlexion), "knee flexion"}}});
    // The neck (anatomy/upper_body.h; its ranges AAOS 1965, motion/rom_limits.cpp): signs as the
    // drill channels neck_*_deg, so a value typed here reads like one in a drill file; the hint
    // above the sliders says which way + goes (short labels: the panel is narrow).
    g.push_back({"Neck",
                 {{Channel::kNeckFlexion, "flexion"}, {Channel::kNeckBending, "side-bend"}, {Channel::kNeckRotation, "rotation"}}});
    return g;
  }();
  return groups;
}

void pose_panel(session::Session& s) {
  hint("+ flexion, + adduction, + internal rotation, + knee flexion (both legs); neck: + chin down, + toward the right shoulder, + turned to the left");
  for (const PoseSliderGroup& g : pose_slider_groups()) {
    ImGui::TextUnformatted(g.title);
    for (const PoseSlider& sl : g.sliders) angle_slider(s, sl.channel, sl.label);  // IDs: the channel
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
