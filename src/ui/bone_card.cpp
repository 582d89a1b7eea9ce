// bone_card.cpp — the selected bone's card (right panel): its description, joints and landmarks,
// the joint it turns at now, and the muscles the model attaches to it. See ui/panels.h.
#include "ui/panels.h"

#include <string>

#include <imgui.h>

#include "core/units.h"
#include "ui/widgets.h"

namespace hiplab::ui {

using anatomy::LegCoord;
using anatomy::Side;

void bone_card(session::Session& s, const Model& model, const std::vector<MuscleInfo>& info, const BoneCards* bones) {
  const std::string& mesh_name = *s.view.selected_bone;
  int mesh = -1;
  for (std::size_t i = 0; i < model.meshes.size(); ++i)
    if (model.meshes[i].name == mesh_name) mesh = static_cast<int>(i);
  const BoneInfo* bi = bones ? find_bone_info(bones->info, mesh_name) : nullptr;
  const std::optional<Side> sided = anatomy::split_side_suffix(mesh_name).side;
  const bool right = sided == Side::kRight, left = sided == Side::kLeft;
  if (large_font()) ImGui::PushFont(large_font());
  ImGui::TextWrapped("%s%s", bi ? bi->display_name.c_str() : bone_label(mesh_name).c_str(), right ? " (right)" : left ? " (left)" : "");
  if (large_font()) ImGui::PopFont();
  if (bi) {
    ImGui::TextWrapped("%s", bi->description.c_str());
    if (!bi->joints.empty()) ImGui::TextWrapped("Joints: %s", bi->joints.c_str());
    if (!bi->landmarks.empty()) ImGui::TextWrapped("Landmarks: %s", bi->landmarks.c_str());
  }
  // The joint this bone turns at, now (sign conventions as on the overlay).
  const Side side = left ? Side::kLeft : Side::kRight;
  const anatomy::LegPose leg = s.current_pose().legs.leg(side);
  if (mesh_name.rfind("femur", 0) == 0)
    ImGui::TextWrapped("Hip now: flexion %.0f deg, adduction %.0f deg, rotation %+.0f deg (+ internal / - external)",
                       rad_to_deg(leg[LegCoord::kHipFlexion]), rad_to_deg(leg[LegCoord::kHipAdduction]),
                       rad_to_deg(leg[LegCoord::kHipRotation]));
  if (mesh_name.rfind("tibia", 0) == 0 || mesh_name.rfind("fibula", 0) == 0 || mesh_name.rfind("patella", 0) == 0)
    ImGui::TextWrapped("Knee now: flexion %.0f deg", rad_to_deg(leg[LegCoord::kKneeFlexion]));
  // The muscles the model attaches here: click one for its card.
  if (bones && mesh >= 0 && static_cast<std::size_t>(mesh) < bones->attachments.size()) {
    const auto& list = bones->attachments[static_cast<std::size_t>(mesh)];
    if (list.empty()) {
      hint("No muscle of the model starts or ends on this bone.");
    } else {
      bool any_shared = false;
      for (const bool origin : {true, false}) {
        bool header = false;
        for (const MuscleAttachment& at : list) {
          if (at.origin != origin) continue;
          if (!header) {
            ImGui::TextUnformatted(origin ? "Muscles that start here:" : "Muscles that end here:");
            header = true;
          }
          ImGui::PushID(at.muscle * 4 + (at.origin ? 2 : 0) + anatomy::side_index(at.side));
          std::string label = "  " + display_name(info, at.muscle);
          if (!right && !left) label += at.side == Side::kRight ? " (R)" : " (L)";
          if (at.shared) label += " *";
          any_shared |= at.shared;
          if (ImGui::Selectable(label.c_str())) session::select_muscle(s.view, std::pair{at.side, at.muscle});
          ImGui::PopID();
        }
      }
      hint("Computed from the model: the bone nearest each end of a muscle's path.%s",
                          any_shared ? " * this end lies between two bones and is listed on both." : "");
    }
  }
  if (ImGui::Button("Deselect (Esc)")) session::clear_selection(s.view);
}

}  // namespace hiplab::ui
