// muscle_card.cpp — the selected muscle's card (right panel): its description, origin, insertion,
// nerve and actions, its depth layer (with the offer to peel down to it, or back to it), its length, activation and rotation moment arm now, and the moment-arm
// explorer (rotation moment arm across hip flexion 0-120 deg). See ui/panels.h.
#include "ui/panels.h"

#include <algorithm>

#include <imgui.h>

#include "anatomy/moment_arm.h"
#include "core/units.h"
#include "ui/widgets.h"

namespace hiplab::ui {

using anatomy::LegCoord;
using anatomy::Side;

namespace {

void moment_arm_explorer(session::Session& s, Side side, int m) {
  const anatomy::LegPose current = s.current_pose().legs.leg(side);
  constexpr int n = 61;
  float values[n];
  float lo = 0.0f, hi = 0.0f;
  for (int i = 0; i < n; ++i) {
    anatomy::LegPose p = current;
    p[LegCoord::kHipFlexion] = deg_to_rad(120.0 * i / (n - 1));
    values[i] = static_cast<float>(anatomy::moment_arm(m, p, LegCoord::kHipRotation) * 1000.0);
    lo = std::min(lo, values[i]);
    hi = std::max(hi, values[i]);
  }
  lo = std::min(lo, -10.0f) - 2.0f;
  hi = std::max(hi, 10.0f) + 2.0f;
  const float w = ImGui::GetContentRegionAvail().x, h = 120.0f * ImGui::GetIO().FontGlobalScale;
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(w, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), IM_COL32(25, 27, 32, 255));
  auto y_of = [&](float v) { return p0.y + h * (hi - v) / (hi - lo); };
  auto x_of = [&](double deg) { return p0.x + w * static_cast<float>(deg / 120.0); };
  dl->AddRectFilled(ImVec2(p0.x, p0.y), ImVec2(p0.x + w, y_of(0.0f)), IM_COL32(40, 60, 95, 120));
  dl->AddLine(ImVec2(p0.x, y_of(0.0f)), ImVec2(p0.x + w, y_of(0.0f)), IM_COL32(150, 150, 160, 255));
  for (int i = 0; i + 1 < n; ++i)
    dl->AddLine(ImVec2(x_of(120.0 * i / (n - 1)), y_of(values[i])), ImVec2(x_of(120.0 * (i + 1) / (n - 1)), y_of(values[i + 1])),
                IM_COL32(255, 200, 80, 255), 2.5f);
  const double flex = std::clamp(rad_to_deg(current[LegCoord::kHipFlexion]), 0.0, 120.0);
  dl->AddLine(ImVec2(x_of(flex), p0.y), ImVec2(x_of(flex), p0.y + h), IM_COL32(255, 255, 255, 220), 2.0f);
  dl->AddText(ImVec2(p0.x + 4, p0.y + 2), IM_COL32(200, 210, 230, 255), "internal rotator (+)");
  dl->AddText(ImVec2(p0.x + 4, p0.y + h - ImGui::GetTextLineHeight() - 2), IM_COL32(200, 210, 230, 255), "external rotator (-)");
  hint("rotation moment arm (mm) vs hip flexion 0-120 deg; white line: now (%.0f deg)", flex);
}

// Its layer, and what the peel does to it: a muscle the peel took away can be brought back, one
// under a layer still on can have what lies over it taken away (session::peel_to_show either way).
void layer_line(session::Session& s, UiActions& a, Side side, int m) {
  session::ViewSettings& v = s.view;
  if (!v.layers) return;
  const auto layer = v.layers->layer[static_cast<std::size_t>(m)];
  const auto region = v.layers->region[static_cast<std::size_t>(m)];
  ImGui::Text("Layer: %s (%s)", std::string(anatomy::muscle_layer_name(layer)).c_str(),
              std::string(anatomy::body_region_name(region)).c_str());
  if (session::muscle_peeled(v, m)) {
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.35f, 1.0f), "Peeled away: not shown now.");
    if (ImGui::Button("Bring its layer back")) {
      v.peel = session::peel_to_show(v.peel, *v.layers, m);
      a.settings_changed = true;
    }
  } else if (session::muscle_under_layer(v, side, m)) {
    // The layers still on between the region's peel and this muscle's layer.
    const int from = v.peel.level[static_cast<std::size_t>(region)], to = static_cast<int>(layer);
    const char* over = from == 0 && to == 2 ? "superficial and intermediate layers" : from == 1 ? "intermediate layer" : "superficial layer";
    ImGui::TextWrapped("Under the %s of the %s.", over, std::string(anatomy::body_region_name(region)).c_str());
    if (ImGui::Button("Peel down to it")) {
      v.peel = session::peel_to_show(v.peel, *v.layers, m);
      a.settings_changed = true;
    }
  }
}

}  // namespace

void muscle_card(session::Session& s, UiActions& a, const session::ComputedFrame& frame, const std::vector<MuscleInfo>& info) {
  if (!s.view.selected_muscle) {
    hint("Click a muscle in the view or the list for its card.");
    return;
  }
  const auto [side, m] = *s.view.selected_muscle;
  const MuscleInfo* mi = info_for(info, m);
  if (large_font()) ImGui::PushFont(large_font());
  ImGui::TextWrapped("%s (%s)", display_name(info, m).c_str(), side == Side::kRight ? "right" : "left");
  if (large_font()) ImGui::PopFont();
  layer_line(s, a, side, m);
  muscle_view_buttons(s.view, m, false);
  if (mi) {
    ImGui::TextWrapped("%s", mi->description.c_str());
    ImGui::TextWrapped("Origin: %s", mi->origin.c_str());
    ImGui::TextWrapped("Insertion: %s", mi->insertion.c_str());
    ImGui::TextWrapped("Nerve: %s", mi->innervation.c_str());
    ImGui::TextWrapped("Actions: %s", mi->primary_actions.c_str());
    ImGui::TextWrapped("Rotation and hip flexion: %s", mi->rotation_with_hip_flexion.c_str());
  }
  const biomech::MuscleState& st = frame.analysis.leg[static_cast<std::size_t>(anatomy::side_index(side))].muscle[static_cast<std::size_t>(m)];
  ImGui::TextWrapped("Length %.1f cm   stretch %+.0f%% vs standing", st.length_m * 100.0, (st.stretch_vs_anatomical - 1.0) * 100.0);
  ImGui::TextWrapped("Activation %.0f%%   force %.0f N", st.activation * 100.0, st.force_n);
  ImGui::TextWrapped("Rotation moment arm %+.1f mm (%s)", st.moment_arm_m[2] * 1000.0,
              st.moment_arm_m[2] > 0 ? "internal rotator now" : "external rotator now");
  moment_arm_explorer(s, side, m);
  if (ImGui::Button("Deselect (Esc)")) session::clear_selection(s.view);
}

}  // namespace hiplab::ui
