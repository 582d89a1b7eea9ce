#include "session/view_state.h"

#include "anatomy/muscle_data.h"
#include "anatomy/muscle_names.h"

#include <glm/mat3x3.hpp>
#include <glm/vec4.hpp>

namespace hiplab::session {

namespace {
constexpr int kNamedMuscles = 3;  // a picture names at most this many (more labels crowd the hip)
}  // namespace

PoseSource standing_pose(const Model& model) {
  PoseSource p;
  p.pelvis_world = bind_pelvis_world(model);
  return p;
}

void compute_frame(const PoseSource& pose, const ViewSettings& view, ComputedFrame& out) {
  biomech::BiomechInput in;
  in.pose = pose.legs;
  in.posture = pose.posture;
  in.body = view.body;
  in.loads = pose.loads;
  biomech::analyze_frame(in, out.analysis);
  out.contacts.resize(static_cast<std::size_t>(out.analysis.contact_count));
  const glm::dmat3 rot(pose.pelvis_world);
  for (int k = 0; k < out.analysis.contact_count; ++k) {
    const biomech::ContactResult& c = out.analysis.contact[k];
    ContactArrow& a = out.contacts[static_cast<std::size_t>(k)];
    a.point = glm::dvec3(pose.pelvis_world * glm::dvec4(c.point_pelvis, 1.0));
    a.force = rot * c.force_pelvis;
    a.push_n = c.push_n;
    a.label = pose.loads.contacts[static_cast<std::size_t>(k)].label;
  }

  FrameRequest& r = out.request;
  r = FrameRequest{};  // every field that matters is set below (no bind-pose walk per frame)
  if (view.contact_arrows)  // the effort solve's contact forces, drawn where they act
    for (const ContactArrow& c : out.contacts) r.contact_forces.push_back({glm::vec3(c.point), glm::vec3(c.force)});
  r.body.legs = pose.legs;
  r.body.upper = pose.upper;
  r.body.pelvis_world = pose.pelvis_world;
  r.floor = view.floor;
  r.transparent_background = view.transparent_background;
  r.ui_scale = view.ui_scale;
  r.overlay = view.overlay;
  r.rom.norm = view.norm;
  r.rom.measured[0] = view.measured[0];
  r.rom.measured[1] = view.measured[1];
  r.rom.flexion = view.overlay_flexion;
  r.rom.abduction = view.overlay_abduction;
  BodySceneOptions& o = r.body_options;
  o.show_bones = view.show_bones;
  o.show_muscles = view.show_muscles;
  o.show_skin = view.show_skin;
  o.skin_outline = view.skin_outline;
  apply_highlight(out.analysis, view.highlight, o);
  if (view.name_muscles)
    for (const auto& [side, m] : muscles_to_name(out.analysis, view.highlight, kNamedMuscles))
      if (view.visibility[static_cast<std::size_t>(anatomy::side_index(side))][static_cast<std::size_t>(m)] != MuscleVisibility::kHidden)
        o.named.emplace_back(side, m);
  o.selected = view.selected_muscle;
  o.selected_bone = view.selected_bone.value_or("");
  std::array<bool, anatomy::kMuscleCount> peeled{};
  if (view.layers) peeled = peeled_muscles(view.peel, *view.layers);
  for (int s = 0; s < anatomy::kSideCount; ++s)
    for (int m = 0; m < anatomy::kMuscleCount; ++m) {
      MuscleLook& look = o.muscles[static_cast<std::size_t>(s)][static_cast<std::size_t>(m)];
      switch (view.visibility[static_cast<std::size_t>(s)][static_cast<std::size_t>(m)]) {
        case MuscleVisibility::kShown: break;
        case MuscleVisibility::kFaded: look.colour.a = std::min(look.colour.a, 0.18f); break;
        case MuscleVisibility::kHidden: look.visible = false; break;
      }
      if (peeled[static_cast<std::size_t>(m)]) look.visible = false;
    }
}

bool muscle_peeled(const ViewSettings& v, int m) { return v.layers && is_peeled(v.peel, *v.layers, m); }

bool muscle_under_layer(const ViewSettings& v, anatomy::Side side, int m) {
  if (!v.layers) return false;
  std::array<bool, anatomy::kMuscleCount> hidden{};
  for (int k = 0; k < anatomy::kMuscleCount; ++k)
    hidden[static_cast<std::size_t>(k)] =
        v.visibility[static_cast<std::size_t>(anatomy::side_index(side))][static_cast<std::size_t>(k)] != MuscleVisibility::kShown;
  return covered_by_layer(v.peel, *v.layers, m, hidden);
}

bool select_by_name(ViewSettings& v, const Model& model, const std::string& name, anatomy::Side default_side) {
  // A muscle by any name people use (anatomy/muscle_names.h); a name for several parts selects
  // the first of them.
  if (auto sel = anatomy::find_muscles(name)) {
    select_muscle(v, std::pair{sel->side.value_or(default_side), sel->muscles.front()});
    return true;
  }
  if (!is_body_model(model)) return false;
  for (const Mesh& mesh : model.meshes)
    if (!mesh.skinned && mesh.name == name) {
      select_bone(v, name);
      return true;
    }
  return false;
}

std::string unknown_selection_message(const std::string& name) {
  return "--select '" + name +
         "': expected a muscle such as glut_med1_r or piriformis (see hiplab moment-arms --muscle all) or a bone such as femur_r or sacrum";
}

}  // namespace hiplab::session
