// muscle_volume.h — places a packed muscle volume (assets/model.h MuscleVolume) on its posed path:
// each vertex at path(s) + frame(s) (a, k u, k v), frames parallel-transported from the path's
// origin (anatomy/path_curve.h, the same code the generator used at the bind pose), with the
// section scale k = sqrt(rest length / current length): the volume is kept (length x section area
// constant) and a shortening belly thickens — per path segment where the pose has the bind pose's
// points (anatomy::PathRest), so the part that rides on a bone keeps its shape. Normals follow the same stretch (inverse transpose).
// uv.x = angle about the path (0..1), uv.y = belly weight from s and the tendon shares (1 belly ..
// 0 tendon), as the tubes give the muscle shading.
// Near the attachments the volume follows the bone instead: where the path runs between two points
// on the same body (the iliacus in its fossa, the gluteal origins on the ilium), vertices move
// rigidly with that body (their bind position carried by its motion), blended into the
// path-following part over a few stations, so a sharp turn of the path over a bony edge does not
// fold the part of the muscle that lies on the bone.
#pragma once
#include <array>

#include <glm/glm.hpp>

#include "anatomy/path_curve.h"
#include "assets/model.h"
#include "scene/draw_list.h"
#include "scene/muscle_geometry.h"

namespace hiplab {

// Section scale for a path of `length` whose bind length was `rest_length`.
double muscle_section_scale(double rest_length, double length);

// Per station of a curve: how much the volume follows a bone there (0 path .. 1 bone) and that
// bone's motion since the bind pose, in world (posed = turn * bind (pelvis frame of the side) + shift).
struct AttachmentMotion {
  std::array<float, anatomy::PathCurve::kStations> weight{};
  std::array<glm::mat3, anatomy::PathCurve::kStations> turn{};
  std::array<glm::vec3, anatomy::PathCurve::kStations> shift{};
};
// From the posed path `p` (pelvis frame of `side`, kin = leg_kinematics of its leg), its curve and
// the pelvis placement in the world.
void attachment_motion(const anatomy::PathCurve& curve, const anatomy::MusclePath& p, const anatomy::LegKinematics& kin,
                       anatomy::Side side, const glm::dmat4& pelvis_world, AttachmentMotion& out);

// Appends `volume` placed on `curve` (world) to `mesh`; returns {first_index, index_count}.
// `px_per_m` > 0: the far level's triangles where its error spans at most a pixel there (as the
// meshes' levels of detail); otherwise the full mesh.
glm::ivec2 append_muscle_volume(const MuscleVolume& volume, const anatomy::PathCurve& curve, const MuscleTubeProfile& profile,
                                const AttachmentMotion& attached, DynamicMesh& mesh, double px_per_m = 0.0);

}  // namespace hiplab
