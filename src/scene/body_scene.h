// body_scene.h — one frame of the anatomical body: the model's bone and skin meshes posed from joint
// coordinates (body_pose.h) and the muscle volumes along their paths (muscle_geometry.h), with the
// colours and visibility the caller chose (highlighting decides colours; this only draws them).
//
// Pick ids: mesh i of the model → kBonePickBase + i; muscle m of side s → muscle_pick_id(s, m).
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "anatomy/muscle_data.h"
#include "assets/model.h"
#include "assets/node_transforms.h"
#include "scene/body_pose.h"
#include "scene/draw_list.h"

namespace hiplab {

constexpr std::uint32_t kBonePickBase = 1;
constexpr std::uint32_t kMusclePickBase = 1000;
constexpr std::uint32_t muscle_pick_id(anatomy::Side side, int muscle) {
  return kMusclePickBase + 100u * static_cast<std::uint32_t>(anatomy::side_index(side)) + static_cast<std::uint32_t>(muscle);
}

struct MuscleLook {
  glm::vec4 colour{0.42f, 0.07f, 0.06f, 1.0f};  // linear RGB; fibre-toned red by default
  bool visible = true;
  bool show_through = false;  // highlighted: seen faintly through the muscles and bones over it
};

// The names the panels and cards show for each muscle (assets/anatomy/muscles.json's display_name,
// e.g. "Gluteus medius (back part)"), by muscle index; an empty entry falls back to the anatomy
// label. Loaded once by whoever makes the view and shared, so a frame copies no strings.
using MuscleDisplayNames = std::array<std::string, anatomy::kMuscleCount>;

struct BodySceneOptions {
  bool show_bones = true;
  bool show_muscles = true;
  bool show_skin = true;
  // The skin as a silhouette outline only (the body's shape without a veil over the hips), instead
  // of the faint translucent surface.
  bool skin_outline = false;
  float skin_alpha = 0.3f;  // faint translucent body surface
  std::array<std::array<MuscleLook, anatomy::kMuscleCount>, anatomy::kSideCount> muscles{};
  bool floor = true;
  bool transparent_background = false;
  // Pixels one metre spans where the body is seen (OrbitCamera::pixels_per_metre): the muscle
  // volumes are tessellated so their outline strays at most a pixel from the true round
  // (or elliptical) section; 0 = a fixed medium detail (14 rings, 8 sides).
  float muscle_px_per_m = 0.0f;
  // Draw the model's packed muscle volumes where it has them (scene/muscle_volume.h); off = tubes.
  bool muscle_volumes = true;
  // Place the left leg's muscles on a second thread while this one places the right's (where the
  // machine has two cores); the mesh is the same either way.
  bool threads = true;
  // The selected muscle gets its name as a label at its middle; the selected bone (mesh name) a
  // warmer tint and its name on its surface near its middle.
  std::optional<std::pair<anatomy::Side, int>> selected;
  std::string selected_bone;
  // Muscles named in the view with leader lines (the ones that matter now: session picks them),
  // each line in the muscle's own highlight colour.
  std::vector<std::pair<anatomy::Side, int>> named;
  // The words for those labels, as the panels name the muscles (null: the anatomy labels).
  std::shared_ptr<const MuscleDisplayNames> display_names;
};

// A muscle's name as a picture shows it, in the words of the panels where `names` has them
// ("Gluteus medius (back part) (R)"), else its anatomy label capitalised ("Gluteus medius
// (posterior) (R)").
std::string named_muscle_text(anatomy::Side side, int muscle, const MuscleDisplayNames* names = nullptr);

// The label of a bone mesh: "femur_r" → "femur (R)", "hip_bone_l" → "hip bone (L)", "sacrum".
std::string bone_label(const std::string& mesh_name);

// World point halfway along a muscle's path (by length) at a pose: where its label goes and a
// point that lies inside its drawn volume.
glm::vec3 muscle_midpoint(const BodyPoseInput& input, anatomy::Side side, int muscle);

// The pelvis placement of the model's own bind pose (standing, as generated).
glm::dmat4 bind_pelvis_world(const Model& model);

// Poses the model into `pose` and appends its draws (bones, skin, muscles) to `out`.
void add_body_to_scene(const Model& model, ModelHandle handle, const BodyPoseInput& input,
                       const BodySceneOptions& options, NodeTransforms& pose, DrawList& out);

}  // namespace hiplab
