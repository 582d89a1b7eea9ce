#include "session/view_state.h"

#include "anatomy/muscle_data.h"
#include "anatomy/muscle_names.h"
#include "motion/floor_contacts.h"
#include "motion/posture_frames.h"

#include <glm/mat3x3.hpp>
#include <glm/vec4.hpp>

namespace hiplab::session {

Props drill_props(const PoseSource& pose, const ComputedFrame& frame) {
  Props p;
  const glm::dmat4& pw = pose.pelvis_world;
  const glm::dvec3 origin(pw[3]);
  auto flat = [](glm::dvec3 v) {  // horizontal unit vector (x if v is vertical)
    v.y = 0.0;
    const double l = glm::length(v);
    return l > 1e-6 ? glm::vec3(v / l) : glm::vec3(1.0f, 0.0f, 0.0f);
  };
  const glm::vec3 anterior = flat(glm::dvec3(pw[0])), superior = flat(glm::dvec3(pw[1]));
  const glm::vec3 under(static_cast<float>(origin.x), 0.0f, static_cast<float>(origin.z));
  using biomech::Posture;
  switch (pose.posture) {
    case Posture::kSupine:
    case Posture::kProne:
    case Posture::kSideLying:
    case Posture::kSideLyingOnRight:
      // Along the body: from above the head (about 0.85 m up from the hip joints' level) to past
      // the heels (about 1.0 m down); side-lying knees come forward, so the mat does too.
      p.mat = true;
      p.mat_axis = superior;
      p.mat_size = {2.0f, 0.75f};
      p.mat_centre = under - 0.08f * superior;
      if (pose.posture == Posture::kSideLying || pose.posture == Posture::kSideLyingOnRight) {
        // Knees forward (0.36 m in front of the hips at 60 deg of flexion), feet behind (0.47 m at 30).
        p.mat_centre += 0.10f * anterior;
        p.mat_size.y = 0.95f;
      }
      break;
    case Posture::kFloorSitting:
      p.mat = true;
      p.mat_axis = anterior;
      p.mat_size = {1.7f, 1.35f};  // the legs out in front and to the sides (the 90/90 feet reach 0.55 m out)
      p.mat_centre = under + 0.25f * anterior;
      break;
    case Posture::kKneeling:
      // Along the posture's forward, not the pelvis's: the half-kneeling windmill turns the pelvis
      // 35 deg over a planted front foot and back knee, and the mat stays on the floor under them.
      // Tall kneeling: knees under the hips, shins and feet behind (to 0.55 m); half-kneeling: the
      // front foot 0.45-0.65 m in front, the back toes 0.5 m behind.
      p.mat = true;
      p.mat_axis = flat(biomech::pelvis_to_world(pose.posture) * glm::dvec3(1.0, 0.0, 0.0));
      p.mat_size = {1.55f, 0.75f};
      p.mat_centre = under - 0.03f * p.mat_axis;
      break;
    case Posture::kSeated: {
      // The bench top where the seat contacts act (the lowest of them), under their middle. A
      // landmark on the seat (the sitting bones) is a point of skin; a segment's support acts at
      // its centre of mass, inside the thigh, so it sets the top only when no landmark does.
      glm::dvec3 sum(0.0);
      double low = 1e9;
      int n = 0;
      bool landmark = false;
      for (std::size_t k = 0; k < pose.loads.contacts.size(); ++k)
        landmark = landmark || (pose.loads.contacts[k].on == biomech::ContactSurface::kSupport &&
                                !pose.loads.contacts[k].at.centre_of_mass);
      for (std::size_t k = 0; k < frame.contacts.size() && k < pose.loads.contacts.size(); ++k)
        if (pose.loads.contacts[k].on == biomech::ContactSurface::kSupport) {
          sum += frame.contacts[k].point;
          if (!landmark || !pose.loads.contacts[k].at.centre_of_mass) low = std::min(low, frame.contacts[k].point.y);
          ++n;
        }
      if (n > 0) {
        const glm::dvec3 mid = sum / static_cast<double>(n);
        p.seat_top = glm::vec3(static_cast<float>(mid.x), static_cast<float>(low), static_cast<float>(mid.z)) - 0.08f * anterior;
        p.seat_axis = anterior;
      }
      break;
    }
    case Posture::kStanding: break;
  }
  if (pose.partner_hand) {
    // On the landmark's skin, on the side the hand is on (pelvis frame), pressing toward it.
    const motion::ContactSpheres s = motion::contact_spheres(pose.legs, pose.upper);
    const int i = motion::contact_index(pose.partner_hand->at);
    const glm::dvec3 dir = glm::normalize(pose.partner_hand->from);
    const glm::dvec3 palm = s.centre[static_cast<std::size_t>(i)] + (s.radius[static_cast<std::size_t>(i)] + 0.012) * dir;
    const glm::dvec3 dir_w = glm::normalize(glm::dmat3(pw) * dir);
    Props::Hand h;
    h.palm = glm::vec3(pw * glm::dvec4(palm, 1.0));
    h.press = glm::vec3(-dir_w);
    // The partner's forearm leaves the hand away from the body and up, toward where they kneel.
    h.forearm_end = h.palm + 0.25f * glm::normalize(glm::vec3(dir_w) + glm::vec3(0.0f, 0.8f, 0.0f));
    p.partner_hand = h;
  }
  if (pose.grip) p.grip = glm::vec3(pw * glm::dvec4(pose.grip->at, 1.0));
  for (int k = 0; k < frame.analysis.pull_count; ++k) {
    const biomech::PullResult& pr = frame.analysis.pull[static_cast<std::size_t>(k)];
    PropPull q;
    q.attachment = glm::vec3(pw * glm::dvec4(pr.attachment_pelvis, 1.0));
    q.target = glm::vec3(pw * glm::dvec4(pr.target_pelvis, 1.0));
    q.stretch = static_cast<float>(pr.stretch);
    q.elastic = pr.elastic;
    p.pulls.push_back(q);
  }
  return p;
}

PoseSource standing_pose(const Model& model) {
  PoseSource p;
  p.pelvis_world = bind_pelvis_world(model);
  return p;
}

void compute_frame(const PoseSource& pose, const ViewSettings& view, ComputedFrame& out) {
  biomech::BiomechInput in;
  in.pose = pose.legs;
  in.posture = pose.posture;
  in.pelvis_offset = motion::pelvis_offset_of(pose.posture, pose.pelvis_world);
  in.upper = pose.upper;
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
  if (view.props) r.props = drill_props(pose, out);
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
  r.rom.activity_marks = view.activity_marks;
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
  o.display_names = view.display_names;
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
