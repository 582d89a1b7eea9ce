// overlay_panel.cpp — the joint-limit overlay settings (left panel): which arcs, the normal range
// and its source, the patient's measured limits. See ui/panels.h.
#include "ui/panels.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "anatomy/rom_norms.h"
#include "ui/widgets.h"

namespace hiplab::ui {

using anatomy::Side;

void overlay_panel(session::Session& s, UiActions& a) {
  section("Joint-limit overlay");
  session::ViewSettings& v = s.view;
  if (ImGui::Checkbox("Rotation arcs at both hips (O)", &v.overlay)) a.settings_changed = true;
  if (ImGui::Checkbox("Name the muscles that matter", &v.name_muscles)) a.settings_changed = true;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The three muscles working or stretched most right now, named in the view with a line to each");
  ImGui::Checkbox("Contact forces (arrows)", &v.contact_arrows);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("What the floor, the mat and the other leg push with, as the effort solve finds it");
  ImGui::Checkbox("Flexion / extension", &v.overlay_flexion);
  ImGui::SameLine();
  ImGui::Checkbox("Abduction / adduction", &v.overlay_abduction);
  if (ImGui::BeginCombo("Normal range", std::string(v.norm.label).c_str())) {
    for (const anatomy::RomNorm& n : anatomy::rom_norms())
      if (ImGui::Selectable(std::string(n.label).c_str(), n.id == v.norm.id)) {
        v.norm = n;
        a.settings_changed = true;
      }
    ImGui::EndCombo();
  }
  ImGui::TextDisabled("IR %.0f-%.0f, ER %.0f-%.0f deg; %s", v.norm.ir_low_deg, v.norm.ir_high_deg, v.norm.er_low_deg,
                      v.norm.er_high_deg, std::string(v.norm.position).c_str());
  hint("Source: %s", std::string(v.norm.source).c_str());
  if (ImGui::TreeNode("Patient's measured limits (deg)")) {
    for (Side side : {Side::kRight, Side::kLeft}) {
      anatomy::MeasuredLimits& m = v.measured[static_cast<std::size_t>(anatomy::side_index(side))];
      ImGui::PushID(anatomy::side_index(side));
      for (auto [label, field] : {std::pair{"internal", &m.internal_rotation_deg}, std::pair{"external", &m.external_rotation_deg}}) {
        bool on = field->has_value();
        float value = static_cast<float>(field->value_or(35.0));
        ImGui::PushID(label);
        if (ImGui::Checkbox("##on", &on)) *field = on ? std::optional<double>(value) : std::nullopt;
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110);
        if (ImGui::InputFloat((std::string(side_letter(side)) + " " + label).c_str(), &value, 1.0f, 5.0f, "%.0f")) {
          value = std::clamp(std::isfinite(value) ? value : 35.0f, 0.0f, 90.0f);
          *field = value;
        }
        ImGui::PopID();
      }
      ImGui::PopID();
    }
    ImGui::TreePop();
  }
}

}  // namespace hiplab::ui
