// drills_panel.cpp — the drill chooser, the working side and the chosen drill's summary, dosage,
// myths and safety notes (left panel). See ui/panels.h.
#include "ui/panels.h"

#include <algorithm>

#include <imgui.h>

#include "assets/settings.h"
#include "ui/widgets.h"

namespace hiplab::ui {

using anatomy::Side;

void drills_panel(session::Session& s, UiState& ui, UiActions& a) {
  section("Drills");
  const auto& drills = s.drills();
  const char* current = s.drill() ? s.drill()->name.c_str() : "(none: hands-on)";
  if (ImGui::BeginCombo("##drill", current)) {
    if (ImGui::Selectable("(none: hands-on)", s.current_drill() < 0)) {
      (void)s.select_drill(-1);
      a.settings_changed = true;
    }
    for (std::size_t i = 0; i < drills.size(); ++i) {
      std::string label = drills[i].drill.name + (drills[i].user ? "  (yours)" : "");
      if (drills[i].drill.kind == "test") label += "  [test]";
      if (drills[i].drill.kind == "comparison") label += "  [comparison]";
      if (ImGui::Selectable(label.c_str(), s.current_drill() == static_cast<int>(i))) {
        Status st = s.select_drill(static_cast<int>(i));
        if (!st) {
          ui.message = st.error().message;
          ui.message_is_error = true;
        } else {
          s.playback().play();
          a.settings_changed = true;
        }
      }
      if (ImGui::IsItemHovered() && !drills[i].drill.summary.empty()) ImGui::SetTooltip("%s", drills[i].drill.summary.c_str());
    }
    ImGui::EndCombo();
  }
  if (!s.drill_errors().empty() && ImGui::TreeNode("drill_errors", "%zu drill file(s) could not be read", s.drill_errors().size())) {
    for (const std::string& e : s.drill_errors()) ImGui::TextWrapped("%s", e.c_str());
    ImGui::TreePop();
  }
  int side = s.side() == Side::kRight ? 0 : 1;
  ImGui::TextUnformatted("Working side:");
  ImGui::SameLine();
  if (ImGui::RadioButton("right", &side, 0)) s.set_side(Side::kRight), a.settings_changed = true;
  ImGui::SameLine();
  if (ImGui::RadioButton("left (S)", &side, 1)) s.set_side(Side::kLeft), a.settings_changed = true;
  if (const motion::Drill* d = s.drill()) {
    // The drill's own views (best first): the working hip and its rotation in sight.
    if (!d->views.empty()) {
      ImGui::TextUnformatted("See it:");
      for (std::size_t i = 0; i < d->views.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Button(d->views[i].name.c_str())) a.drill_view = static_cast<int>(i);
        ImGui::PopID();
      }
    }
    // A clip of the drill to send home (ui/video_window.cpp), opened with the window's side.
    if (ImGui::Button("Export video...")) {
      ui.video.open = true;
      ui.video.side = s.side() == Side::kRight ? 0 : 1;
      ui.video.reps = std::clamp(d->dosage.reps, 1, 3);
      if (ui.video.path.empty()) ui.video.path = d->id;
      a.video_options_changed = true;
    }
    ImGui::TextWrapped("%s", d->summary.c_str());
    if (!d->dosage.text.empty()) ImGui::TextWrapped("Dosage: %s", d->dosage.text.c_str());
    for (const motion::MythNote& m : d->myths) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.85f, 0.45f, 1.0f));
      ImGui::TextWrapped("Often said: %s", m.claim.c_str());
      ImGui::PopStyleColor();
      ImGui::TextWrapped("In fact: %s", m.correction.c_str());
    }
    if (!d->safety.empty() && ImGui::TreeNode("Safety")) {
      for (const std::string& t : d->safety) ImGui::BulletText("%s", t.c_str());
      ImGui::TreePop();
    }
  }
  // A printed sheet to take home (ui/handout_window.cpp): this drill ticked, others to add.
  if (ImGui::Button("Handout (PDF)...")) open_handout_dialog(ui.handout, s);
  // The body the effort solve weighs: segment masses and lengths scale with it (de Leva 1996), so
  // the loads a drill puts on the hip do too.
  if (ImGui::TreeNode("Body for the effort solve")) {
    biomech::BodyDescription& b = s.view.body;
    float mass = static_cast<float>(b.mass_kg), height = static_cast<float>(b.height_m);
    if (ImGui::SliderFloat("Mass (kg)", &mass, kBodyMassMinKg, kBodyMassMaxKg, "%.0f kg", ImGuiSliderFlags_AlwaysClamp)) {
      b.mass_kg = mass;
      a.settings_changed = true;
    }
    if (ImGui::SliderFloat("Height (m)", &height, kBodyHeightMinM, kBodyHeightMaxM, "%.2f m", ImGuiSliderFlags_AlwaysClamp)) {
      b.height_m = height;
      a.settings_changed = true;
    }
    hint("Used for the weight of each leg segment and the contact forces; 70 kg, 1.75 m by default");
    ImGui::TreePop();
  }
}

}  // namespace hiplab::ui
