// muscles_panel.cpp — the right panel: highlight mode and its legend, the muscles working now,
// what is shown, peeling the layers away (session/peel.h), the brief's internal-rotator group, the muscle search and visibility list, and
// the card of the selection (ui/muscle_card.cpp, ui/bone_card.cpp). See ui/panels.h.
#include "ui/panels.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "core/units.h"
#include "scene/highlight.h"
#include "ui/widgets.h"

namespace hiplab::ui {

using anatomy::LegCoord;
using anatomy::Side;

namespace {

// The six muscles the brief names as internal rotators (gluteus minimus, TFL, semitendinosus,
// adductor longus and brevis, pectineus), as Gait2392 muscles.
bool in_brief_internal_rotators(std::string_view name) {
  for (std::string_view n : {"glut_min1", "glut_min2", "glut_min3", "tfl", "semiten", "add_long", "add_brev", "pect"})
    if (name == n) return true;
  return false;
}

void legend(HighlightMode mode) {
  if (mode == HighlightMode::kNone) return;
  const float w = ImGui::GetContentRegionAvail().x, h = 14.0f * ImGui::GetIO().FontGlobalScale;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const int n = 32;
  for (int i = 0; i < n; ++i) {
    const double t = (i + 0.5) / n;
    const glm::vec4 c = mode == HighlightMode::kWorking ? working_colour(t) : stretched_colour(1.0 + t * (kStretchFull - 1.0));
    dl->AddRectFilled(ImVec2(p.x + w * i / n, p.y), ImVec2(p.x + w * (i + 1) / n, p.y + h), to_u32(glm::vec4(glm::vec3(c), 1.0f)));
  }
  ImGui::Dummy(ImVec2(w, h));
  if (mode == HighlightMode::kWorking) {
    ImGui::TextDisabled("activation 0%%");
    ImGui::SameLine(w - ImGui::CalcTextSize("100%").x);
    ImGui::TextDisabled("100%%");
    hint("Muted: at rest (< 2%%). Computed by the effort solve.");
  } else {
    ImGui::TextDisabled("as long as standing");
    ImGui::SameLine(w - ImGui::CalcTextSize("+25%").x);
    ImGui::TextDisabled("+25%%");
    hint("Length vs the anatomical position. Muted: not stretched.");
  }
}

void internal_rotator_group(session::Session& s, const session::ComputedFrame& frame, const std::vector<MuscleInfo>& info) {
  // Named for patients: the six muscles often listed as internal rotators (see above).
  if (!ImGui::TreeNode("Internal rotators (the usual six)")) return;
  const Side side = s.side();
  const auto& leg = frame.analysis.leg[static_cast<std::size_t>(anatomy::side_index(side))];
  const double flex = rad_to_deg(s.current_pose().legs.leg(side)[LegCoord::kHipFlexion]);
  ImGui::TextWrapped("Rotation moment arms on the %s side at %.0f deg hip flexion (+ internal, mm):",
                     side == Side::kRight ? "right" : "left", flex);
  if (ImGui::Button("Isolate this group")) {
    for (int sd = 0; sd < 2; ++sd)
      for (int m = 0; m < anatomy::kMuscleCount; ++m)
        s.view.visibility[static_cast<std::size_t>(sd)][static_cast<std::size_t>(m)] =
            in_brief_internal_rotators(anatomy::muscle(m).name) ? session::MuscleVisibility::kShown : session::MuscleVisibility::kFaded;
  }
  std::string joined, left_role;
  for (int m = 0; m < anatomy::kMuscleCount; ++m) {
    const double r_mm = leg.muscle[static_cast<std::size_t>(m)].moment_arm_m[2] * 1000.0;
    const bool brief = in_brief_internal_rotators(anatomy::muscle(m).name);
    if (brief) {
      ImGui::BulletText("%-28s %+6.1f %s", display_name(info, m).c_str(), r_mm, r_mm > 2.0 ? "" : "(not an internal rotator here)");
      if (r_mm <= 2.0) left_role += (left_role.empty() ? "" : ", ") + display_name(info, m);
    } else if (r_mm > 2.0) {
      joined += (joined.empty() ? "" : ", ") + display_name(info, m) + " (" + std::to_string(static_cast<int>(std::lround(r_mm))) + ")";
    }
  }
  if (!joined.empty()) ImGui::TextWrapped("Also internal rotators at this flexion: %s.", joined.c_str());
  if (!left_role.empty()) ImGui::TextWrapped("Of the six, not internal rotators at this flexion: %s.", left_role.c_str());
  hint("Moment arms from the Gait2392 paths; they change with hip flexion (Delp et al. 1999).");
  ImGui::TreePop();
}

CameraRequest camera_for(ViewPreset v) {
  switch (v) {
    case ViewPreset::kFront: return CameraRequest::kFront;
    case ViewPreset::kBack: return CameraRequest::kBack;
    case ViewPreset::kLeft: return CameraRequest::kLeft;
    case ViewPreset::kRight: return CameraRequest::kRight;
    case ViewPreset::kTop: return CameraRequest::kTop;
  }
  return CameraRequest::kNone;
}

// Peel: the same level everywhere (0-2), per region, and the presets (which also turn the view to
// the side their muscles are seen from).
void peel_controls(session::ViewSettings& v, UiActions& a) {
  if (!v.layers) {
    hint("Peel: the muscle layers could not be read (assets/anatomy/muscle_layers.json).");
    return;
  }
  session::Peel& peel = v.peel;
  const bool uniform = peel.level[0] == peel.level[1] && peel.level[1] == peel.level[2] && peel.keep.none();
  // One level everywhere from a combo (narrow enough for the panel); a peel by region or a preset
  // shows as such until a level is chosen.
  static constexpr const char* kLevels[] = {"none", "superficial layer off", "superficial + intermediate off"};
  const session::PeelPreset* preset = session::find_peel_preset(peel.preset);
  const std::string preview = preset    ? std::string(preset->label)
                              : uniform ? kLevels[std::clamp(peel.level[0], 0, session::kMaxPeelLevel)]
                                        : "by region";
  ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Peel (P)").x - ImGui::GetStyle().ItemInnerSpacing.x);
  if (ImGui::BeginCombo("Peel (P)", preview.c_str())) {
    for (int l = 0; l <= session::kMaxPeelLevel; ++l)
      if (ImGui::Selectable(kLevels[l], uniform && peel.preset.empty() && peel.level[0] == l)) {
        peel = session::whole_body_peel(l);
        a.settings_changed = true;
      }
    ImGui::EndCombo();
  }
  for (const session::PeelPreset& p : session::peel_presets()) {
    const bool on = peel.preset == p.id;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(std::string(p.label).c_str())) {
      peel = session::preset_peel(p);
      a.camera = camera_for(p.view);
      a.settings_changed = true;
    }
    if (on) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(p.what).c_str());
    ImGui::SameLine();
  }
  ImGui::NewLine();
  if (ImGui::TreeNode("Peel by region")) {
    for (int r = 0; r < anatomy::kBodyRegionCount; ++r) {
      int level = peel.level[static_cast<std::size_t>(r)];
      ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
      const std::string label(anatomy::body_region_name(static_cast<anatomy::BodyRegion>(r)));
      if (ImGui::Combo(label.c_str(), &level, "none\0superficial off\0+ intermediate off\0")) {
        peel.level[static_cast<std::size_t>(r)] = level;
        peel.preset.clear();
        a.settings_changed = true;
      }
    }
    ImGui::TreePop();
  }
  if (peel.any()) hint("%s", session::describe_peel(peel).c_str());
}

}  // namespace

float working_row_name_width(float avail) {
  // The row: colour swatch (drawn before, outside `avail`), the name, then "100%".
  return avail - ImGui::CalcTextSize("100%").x - ImGui::GetStyle().ItemSpacing.x;
}

void muscle_view_buttons(session::ViewSettings& v, int m, bool menu) {
  const auto vis = v.visibility[0][static_cast<std::size_t>(m)];
  auto both = [&](session::MuscleVisibility value) {
    for (auto& side : v.visibility) side[static_cast<std::size_t>(m)] = value;
  };
  auto item = [&](const char* label, const char* tip) {
    const bool hit = menu ? ImGui::MenuItem(label) : ImGui::SmallButton(label);
    if (!menu && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
    if (!menu) ImGui::SameLine();
    return hit;
  };
  if (item("Isolate", "Show it on both sides with every other muscle faded")) {
    for (auto& side : v.visibility) side.fill(session::MuscleVisibility::kFaded);
    both(session::MuscleVisibility::kShown);
  }
  const bool faded = vis == session::MuscleVisibility::kFaded, hidden = vis == session::MuscleVisibility::kHidden;
  if (item(faded ? "Unfade" : "Fade", faded ? "Draw it fully again" : "Draw it faint, on both sides"))
    both(faded ? session::MuscleVisibility::kShown : session::MuscleVisibility::kFaded);
  if (item(hidden ? "Show" : "Hide", hidden ? "Draw it again" : "Leave it out of the view, on both sides"))
    both(hidden ? session::MuscleVisibility::kShown : session::MuscleVisibility::kHidden);
  if (!menu) ImGui::NewLine();
}

void muscles_panel(session::Session& s, UiState& ui, UiActions& a, const session::ComputedFrame& frame,
                   const std::vector<MuscleInfo>& info, const Model* model, const BoneCards* bones) {
  session::ViewSettings& v = s.view;
  int mode = static_cast<int>(v.highlight);
  ImGui::TextUnformatted("Highlight (W):");
  {
    // The three choices beside the label where the panel is wide enough, else on their own line.
    const ImGuiStyle& st = ImGui::GetStyle();
    float radios = 0.0f;
    for (const char* label : {"working", "stretched", "none"})
      radios += ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + ImGui::CalcTextSize(label).x + st.ItemSpacing.x;
    if (ImGui::CalcTextSize("Highlight (W):").x + radios <= ImGui::GetContentRegionAvail().x) ImGui::SameLine();
  }
  if (ImGui::RadioButton("working", &mode, static_cast<int>(HighlightMode::kWorking))) a.settings_changed = true;
  ImGui::SameLine();
  if (ImGui::RadioButton("stretched", &mode, static_cast<int>(HighlightMode::kStretched))) a.settings_changed = true;
  ImGui::SameLine();
  if (ImGui::RadioButton("none", &mode, static_cast<int>(HighlightMode::kNone))) a.settings_changed = true;
  v.highlight = static_cast<HighlightMode>(mode);
  legend(v.highlight);

  section("Working now");
  // A fixed-height opaque child: the list changes every frame of a drill, the panel around it does
  // not move with it and is kept from the last frame (ui/ui_layers.h).
  ImGui::BeginChild("working_now", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 6.0f), false);
  {
    // Its own opaque background, in its own draw list, so it is drawn again without the panel.
    const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + sz.x, p.y + sz.y), ImGui::GetColorU32(ImGuiCol_WindowBg));
  }
  const auto top = top_working_muscles(frame.analysis, 6);
  if (top.empty()) hint("No muscle is working (no load or effort in this pose).");
  // The name and the activation only, so the longest names fit the panel (issue 12: "muscle names
  // not cut off"); the share of the effort, a figure for the curious, is in the row's tooltip.
  for (const WorkingMuscle& w : top) {
    ImGui::PushID(static_cast<int>(anatomy::side_index(w.side)) * anatomy::kMuscleCount + w.muscle);
    ImGui::ColorButton("##c", to_imgui(working_colour(w.activation)), ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
    ImGui::SameLine();
    const std::string name = display_name(info, w.muscle) + " (" + side_letter(w.side) + ")";
    if (ImGui::Selectable(name.c_str(), false, ImGuiSelectableFlags_None, ImVec2(working_row_name_width(ImGui::GetContentRegionAvail().x), 0)))
      session::select_muscle(v, std::pair{w.side, w.muscle});
    const bool hovered = ImGui::IsItemHovered();
    ImGui::SameLine();
    ImGui::Text("%3.0f%%", w.activation * 100.0);
    if (hovered || ImGui::IsItemHovered())
      ImGui::SetTooltip("%s: %.0f%% of its strength, %.0f%% of the effort the solve shares out", name.c_str(), w.activation * 100.0,
                        w.share * 100.0);
    ImGui::PopID();
  }
  for (int sd = 0; sd < 2; ++sd) {
    const auto& leg = frame.analysis.leg[static_cast<std::size_t>(sd)];
    std::string sat;
    for (int k = 0; k < anatomy::kMuscleCoordCount; ++k)
      if (leg.saturated[static_cast<std::size_t>(k)])
        sat += (sat.empty() ? "" : ", ") + std::string(anatomy::coord_name(static_cast<LegCoord>(k)));
    if (!sat.empty()) ImGui::TextColored(ImVec4(1, 0.5f, 0.3f, 1), "%s leg: the load is beyond the muscles at %s", sd ? "Left" : "Right", sat.c_str());
  }
  ImGui::EndChild();

  section("Show");
  ImGui::Checkbox("Bones", &v.show_bones);
  ImGui::SameLine();
  ImGui::Checkbox("Muscles", &v.show_muscles);
  ImGui::SameLine();
  // The skin: faint and smooth, a silhouette outline, or off.
  int skin = !v.show_skin ? 2 : v.skin_outline ? 1 : 0;
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("outline").x + 2.0f * ImGui::GetFrameHeight());
  if (ImGui::Combo("Skin (K)", &skin, "faint\0outline\0off\0")) {
    v.show_skin = skin != 2;
    v.skin_outline = skin == 1;
    a.settings_changed = true;
  }
  if (ImGui::Button("Show all")) {
    v.props = true;
    for (auto& side : v.visibility) side.fill(session::MuscleVisibility::kShown);
    if (v.peel.any()) a.settings_changed = true;
    v.peel = session::Peel{};
  }
  ImGui::SameLine();  // on the second line: the first is full at the panel's width
  ImGui::Checkbox("Props", &v.props);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The mat, bench, band or cable the drill uses");
  peel_controls(v, a);
  internal_rotator_group(s, frame, info);

  char buf[64];
  std::snprintf(buf, sizeof buf, "%s", ui.muscle_search.c_str());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputTextWithHint("##search", "search muscles by name", buf, sizeof buf)) ui.muscle_search = buf;
  if (ImGui::BeginChild("muscle_list", ImVec2(0, 150 * ImGui::GetIO().FontGlobalScale), true)) {
    // Groups first (isolate / fade / hide a whole group), then muscles.
    std::string last_group;
    for (int m = 0; m < anatomy::kMuscleCount; ++m) {
      const std::string name = display_name(info, m);
      const std::string group(anatomy::muscle_group_name(anatomy::muscle(m).group));
      if (!contains_ci(name, ui.muscle_search) && !contains_ci(group, ui.muscle_search) &&
          !contains_ci(std::string(anatomy::muscle(m).name), ui.muscle_search))
        continue;
      if (group != last_group) {
        last_group = group;
        ImGui::PushID(group.c_str());
        ImGui::TextColored(ImVec4(0.7f, 0.8f, 1.0f, 1.0f), "%s", group.c_str());
        ImGui::SameLine();
        auto set_group = [&](session::MuscleVisibility vis, bool others_faded) {
          for (int sd = 0; sd < 2; ++sd)
            for (int k = 0; k < anatomy::kMuscleCount; ++k) {
              const bool in = anatomy::muscle_group_name(anatomy::muscle(k).group) == group;
              auto& slot = v.visibility[static_cast<std::size_t>(sd)][static_cast<std::size_t>(k)];
              if (in) slot = vis;
              else if (others_faded) slot = session::MuscleVisibility::kFaded;
            }
        };
        if (ImGui::SmallButton("isolate")) set_group(session::MuscleVisibility::kShown, true);
        ImGui::SameLine();
        if (ImGui::SmallButton("fade")) set_group(session::MuscleVisibility::kFaded, false);
        ImGui::SameLine();
        if (ImGui::SmallButton("hide")) set_group(session::MuscleVisibility::kHidden, false);
        ImGui::PopID();
      }
      ImGui::PushID(m);
      const Side side = s.side();
      auto& vis = v.visibility[static_cast<std::size_t>(anatomy::side_index(side))][static_cast<std::size_t>(m)];
      const bool selected = v.selected_muscle && v.selected_muscle->second == m;
      // A muscle the peel took away or the user hid is listed greyed, a faded one dimmed; the
      // peeled one's card offers to bring it back.
      const bool peeled = session::muscle_peeled(v, m);
      const bool dim = peeled || vis != session::MuscleVisibility::kShown;
      if (dim) {
        ImVec4 c = ImGui::GetStyleColorVec4(peeled || vis == session::MuscleVisibility::kHidden ? ImGuiCol_TextDisabled : ImGuiCol_Text);
        if (!peeled && vis == session::MuscleVisibility::kFaded) c.w *= 0.7f;
        ImGui::PushStyleColor(ImGuiCol_Text, c);
      }
      // The whole row for the name (issue 12: names not cut off); isolate / fade / hide in its
      // right-click menu and on the muscle card.
      const bool clicked = ImGui::Selectable((peeled ? name + " (peeled)" : name).c_str(), selected);
      if (dim) ImGui::PopStyleColor();
      if (clicked) session::select_muscle(v, std::pair{side, m});
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click for its card; right-click to isolate, fade or hide it");
      if (ImGui::BeginPopupContextItem("row")) {
        muscle_view_buttons(v, m, true);
        ImGui::EndPopup();
      }
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
  section(s.view.selected_bone ? "Bone card" : "Muscle card");
  // A new selection (a click in the view or the lists) scrolls its card into the panel.
  const std::string selection = s.view.selected_bone ? *s.view.selected_bone
                                : s.view.selected_muscle ? std::to_string(anatomy::side_index(s.view.selected_muscle->first)) + ":" +
                                                               std::to_string(s.view.selected_muscle->second)
                                                         : std::string();
  if (!selection.empty() && selection != ui.card_scrolled_to) ImGui::SetScrollHereY(0.0f);
  ui.card_scrolled_to = selection;
  if (s.view.selected_bone && model) bone_card(s, *model, info, bones);
  else muscle_card(s, a, frame, info);
}

}  // namespace hiplab::ui
