// view_state.h — from "what is happening" (a pose with its posture and loads) and "how the user wants
// to see it" (highlight, overlay, visibility, selection) to one frame: the biomechanics of the pose
// (biomech::analyze_frame) and the FrameRequest the scene draws. Shared by the window and by
// `hiplab render`, so a still and the window agree.
#pragma once
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <glm/vec3.hpp>

#include "anatomy/activity_demands.h"
#include "anatomy/rom_norms.h"
#include "assets/model.h"
#include "biomech/frame_analysis.h"
#include "motion/drill.h"
#include "scene/frame_builder.h"
#include "scene/highlight.h"
#include "session/peel.h"

namespace hiplab::session {

struct PoseSource {
  anatomy::LegAngles legs;
  anatomy::UpperBodyPose upper;
  glm::dmat4 pelvis_world{1.0};  // scene world: y up, floor at y = 0 (or the model's bind pelvis)
  biomech::Posture posture = biomech::Posture::kStanding;
  biomech::Loads loads;
  std::optional<motion::PartnerHand> partner_hand;  // drawn as a prop (props.h)
  std::optional<motion::Grip> grip;                 // the handle a hand holds, drawn as a prop
};

enum class MuscleVisibility : unsigned char { kShown, kFaded, kHidden };

struct ViewSettings {
  HighlightMode highlight = HighlightMode::kWorking;
  bool overlay = true;
  bool overlay_flexion = false;
  bool overlay_abduction = false;
  anatomy::RomNorm norm = anatomy::default_rom_norm();
  std::array<anatomy::MeasuredLimits, 2> measured{};
  // Everyday activities' range as ticks on the arcs (anatomy/activity_demands.h; empty: none).
  std::vector<anatomy::ActivityMark> activity_marks;

  bool show_bones = true, show_muscles = true, show_skin = true;
  bool skin_outline = false;  // the skin as a silhouette outline (show_skin off hides it)
  bool mirror = false;
  bool name_muscles = true;
  bool props = true;  // the drill's mat, bench, band or cable (scene/props.h)  // the muscles that matter now named in the view with leader lines
  bool contact_arrows = false;  // the contact forces of the effort solve as arrows  // follow-along mirror view (OrbitCamera::mirrored): left and right swapped
  std::array<std::array<MuscleVisibility, anatomy::kMuscleCount>, 2> visibility{};
  // Layers taken away from the outside in (session/peel.h), on top of `visibility`. It needs each
  // muscle's layer (assets/muscle_layers.h, loaded once by whoever makes the view); without them
  // nothing is peeled.
  Peel peel;
  std::optional<anatomy::MuscleLayers> layers;
  // The muscles' names as the panels show them, for the names drawn in the view (scene/body_scene.h;
  // loaded once by whoever makes the view; null: the anatomy labels).
  std::shared_ptr<const MuscleDisplayNames> display_names;
  // One selection at a time (select_muscle / select_bone keep it so): a muscle, or a bone by its
  // mesh name ("femur_r", "sacrum").
  std::optional<std::pair<anatomy::Side, int>> selected_muscle;
  std::optional<std::string> selected_bone;
  float ui_scale = 1.0f;
  bool floor = true;
  bool transparent_background = false;
  biomech::BodyDescription body;  // mass and height for the effort solve
};

inline void select_muscle(ViewSettings& v, std::optional<std::pair<anatomy::Side, int>> m) {
  v.selected_muscle = m;
  if (m) v.selected_bone.reset();
}
inline void select_bone(ViewSettings& v, std::optional<std::string> mesh) {
  v.selected_bone = std::move(mesh);
  if (v.selected_bone) v.selected_muscle.reset();
}
inline void clear_selection(ViewSettings& v) {
  v.selected_muscle.reset();
  v.selected_bone.reset();
}
// Selects by name a muscle ("glut_med1_r", "piriformis", "gluteus medius right" — any name
// anatomy/muscle_names.h knows; without a side, `default_side`) or a bone of a body
// model ("femur_r", "sacrum"), as --select takes them. False (and nothing changed) for any other
// name: unknown_selection_message says what was expected.
bool select_by_name(ViewSettings& v, const Model& model, const std::string& name, anatomy::Side default_side);
std::string unknown_selection_message(const std::string& name);

// True when the peel takes muscle m away (false without layers).
bool muscle_peeled(const ViewSettings& v, int m);
// True when m is shown but lies under a shallower layer of its region that is shown too (muscles
// the user hid or faded on `side` do not cover it): the window offers to peel down to it (peel_to_show).
bool muscle_under_layer(const ViewSettings& v, anatomy::Side side, int m);

// The anatomical position standing as the model was generated (pelvis at its bind placement).
PoseSource standing_pose(const Model& model);

// A contact force ready to draw as an arrow in the scene world (y up, floor at y = 0): it acts at
// `point` on the part named first in `label` (the other part, if any, feels the opposite force).
struct ContactArrow {
  glm::dvec3 point{0.0};  // m, scene world
  glm::dvec3 force{0.0};  // N, scene world axes
  double push_n = 0.0;    // normal part
  std::string label;      // "ankle_r on ankle_l"
};

struct ComputedFrame {
  FrameRequest request;
  biomech::BiomechResult analysis;
  std::vector<ContactArrow> contacts;  // one per contact of the pose's loads, in their order
};

void compute_frame(const PoseSource& pose, const ViewSettings& view, ComputedFrame& out);

// The drill's props for this pose (scene/props.h): a mat under a body on the floor, a bench under
// a seated one (its top at the seat contacts), and the bands and cables along the lines the effort
// solve pulls along (frame.analysis, frame.contacts: compute_frame's, already filled).
Props drill_props(const PoseSource& pose, const ComputedFrame& frame);

}  // namespace hiplab::session
