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
// fold the part of the muscle that lies on the bone. And the frames twist about the path as the
// bones under its points turn (AttachmentMotion::twist), so a section that lay against the femur
// at the bind pose stays against the same side of it when the femur rotates.
// Far from the path the vertices ride on smoothed frames instead (anatomy/path_curve.h
// smooth_station_frames, blended with the path's own in kVolumeSmoothLevels steps by the offset):
// where the path turns sharply over a wrap surface (gluteus maximus over the greater trochanter in
// the 90/90 drills) a section 3-6 cm off it folded on the inside of the turn and stretched past 3x
// on the outside; lengths and moment arms are still of the real path. Their coordinates on those
// frames are made at load from the bind pose (MuscleVolume::smooth_coord), so the anatomical pose
// is unchanged.
// A muscle that runs from the pelvis to the femur alone (the gluteals, deep rotators, adductors,
// iliopsoas) also turns its sections part way (soft_tissue_weight: 0.5 for most, per muscle)
// towards the soft tissue's own turn (AttachmentMotion::soft_turn: the bind pose's section about
// the posed path's point, turned by a share of the femur's turn that grows along the muscle, as
// skinning by pelvis and femur with a common pivot would), so in deep hip flexion the buttock moves as one piece of tissue instead of
// sections that follow a path bent sharply round the greater trochanter (folded into flakes); the
// path's point stays each section's centre, so lengths and moment arms are unchanged.
// Stations find their segment by where they lie on the posed curve (PathCurve::station_s), and a
// pose's path points are matched to the bind pose's by Gait2392's point (match_rest_points): when
// a conditional point drops out (semitendinosus's on the tibia as the knee bends) the twist still
// follows the bones.
#pragma once
#include <array>
#include <span>
#include <string_view>

#include <glm/glm.hpp>

#include "anatomy/path_curve.h"
#include "assets/model.h"
#include "scene/draw_list.h"
#include "scene/muscle_geometry.h"

namespace hiplab {

// Section scale for a path of `length` whose bind length was `rest_length`.
double muscle_section_scale(double rest_length, double length);

// Per station of a curve (at its arc length on the posed curve, PathCurve::station_s): how much
// the volume follows a bone there (0 path .. 1 bone) and that
// bone's motion since the bind pose, in world (posed = turn * bind (pelvis frame of the side) + shift).
// Also the twist of the path's frames about the tangent at each station (cos, sin): the
// parallel-transported frames keep the hint's turn from the origin, so where the bone under the
// far end turns about the path (the femur's rotation under a muscle from the pelvis) the section
// would stay put while the bone turns into it. Each active path point's bind frame
// (MuscleVolume::rest_point_normal, rest_point_tangent), carried by its point's bone and then
// turned by the smallest rotation from the carried tangent to the posed one (the swing), gives the
// twist there; the stations between take it linearly by arc length.
struct AttachmentMotion {
  std::array<float, anatomy::PathCurve::kStations> weight{};
  std::array<glm::mat3, anatomy::PathCurve::kStations> turn{};
  std::array<glm::vec3, anatomy::PathCurve::kStations> shift{};
  std::array<glm::vec2, anatomy::PathCurve::kStations> twist{};
  // The soft tissue's motion at each station of a muscle that runs from the pelvis to the femur
  // (nothing else): its bind-pose sections turned about the hip centre by a share of the femur's
  // turn since the bind pose (quaternion slerp, as dual-quaternion skinning blends two bones with
  // a common pivot), the share growing smoothly along the free span from the last pelvis point
  // (0) to the first femur point (1). soft_weight: how much the drawn section takes that
  // orientation instead of the path's frames (0: none; the muscle crosses no hip or touches
  // another bone). The section stays centred on the path, so lengths and moment arms are the
  // path's; only the drawn shape changes.
  std::array<glm::mat3, anatomy::PathCurve::kStations> soft_turn{};
  std::array<float, anatomy::PathCurve::kStations> soft_weight{};
};
// From the posed path `p` (pelvis frame of `side`, kin = leg_kinematics of its leg), its curve and
// the pelvis placement in the world. `rest_normal`, `rest_tangent`: MuscleVolume::rest_point_normal
// and rest_point_tangent (empty, or a count other than the posed path's active points: no twist).
// `rest_index` (empty: one for one): per active point of `p`, its index among the bind pose's
// points (anatomy/path_curve.h match_rest_points); a point not active then takes its twist from
// its neighbours (linearly by arc length).
// `soft_weight`: AttachmentMotion::soft_weight in the free span of a muscle from the pelvis to the
// femur alone (soft_tissue_weight of its volume; 0: no soft turn).
constexpr float kSoftTissueWeight = 0.5f;  // the weight of a hip muscle not tuned on its own
void attachment_motion(const anatomy::PathCurve& curve, const anatomy::MusclePath& p, const anatomy::LegKinematics& kin,
                       anatomy::Side side, const glm::dmat4& pelvis_world, AttachmentMotion& out,
                       std::span<const glm::vec3> rest_normal = {}, std::span<const glm::vec3> rest_tangent = {},
                       std::span<const std::int8_t> rest_index = {}, float soft_weight = kSoftTissueWeight);
// How much the sections of volume `volume_name` (a muscle from the pelvis to the femur alone) take
// the soft tissue's turn: per muscle, measured as the scene draws them (muscle_volume.cpp
// kSoftWeights), kSoftTissueWeight for the rest.
float soft_tissue_weight(std::string_view volume_name);

// The path curve and attachment motion of volume `v` on the posed path `p` (pelvis frame of
// `side`, placed in the world by `pelvis_world`; `drawn_world`: p.drawn in the world), as the
// scene places it: the hint, the bind pose's arc lengths and the points matched to the bind pose's.
void posed_volume_curve(const MuscleVolume& v, const anatomy::MusclePath& p, const anatomy::LegKinematics& kin, anatomy::Side side,
                        const glm::dmat4& pelvis_world, std::span<const glm::dvec3> drawn_world, anatomy::PathCurve& curve,
                        AttachmentMotion& attached);

// The station frames a volume is placed on: `curve`'s (world), twisted by `attached`.twist.
void volume_station_frames(const anatomy::PathCurve& curve, const AttachmentMotion& attached, anatomy::StationFrames& out);

// A split muscle's parts (Gait2392's three paths of gluteus maximus, medius, minimus, adductor
// magnus) are packed side by side at the bind pose, but each follows its own posed path, and in
// deep hip flexion those paths fan apart: the parts, thin sheets, part at their seams (issue 11,
// "each volume follows its posed path ... stays whole"; the flexed buttock read as loose flakes).
// So a part's station frames also take a share of its neighbours' motion: each part's motion at a
// station (the rigid map from its bind-pose frame there, MuscleVolume::rest_station*, to its posed
// frame) carries the part's own bind-pose frame, and the frames so carried are averaged (positions
// linearly, turns as normalised quaternions) with weights `share` (the own frame takes the rest).
// Frames, not placed vertices, are blended: the same weights over the whole part, so its sections
// stay as smooth as its own path's (blending placed vertices by their place across the muscle
// doubled the creases, branches hglut and hglut2). At the bind pose every part's motion is the same
// and the frames are the part's own.
struct PartFrames {
  const MuscleVolume* volume = nullptr;          // its rest_station, rest_station_tangent, _normal
  const anatomy::StationFrames* posed = nullptr;  // volume_station_frames of its posed path
  float share = 0.0f;
};
// False (out untouched) where a volume lacks its bind-pose frames.
bool blend_part_frames(const PartFrames& own, std::span<const PartFrames> neighbours, anatomy::StationFrames& out);

// Appends `volume` placed on `curve` (world) to `mesh`; returns {first_index, index_count}.
// `px_per_m` > 0: the far level's triangles where its error spans at most a pixel there (as the
// meshes' levels of detail); otherwise the full mesh. `frames`: the station frames to place on
// instead of the curve's own (blend_part_frames); the curve still gives the section scale.
glm::ivec2 append_muscle_volume(const MuscleVolume& volume, const anatomy::PathCurve& curve, const MuscleTubeProfile& profile,
                                const AttachmentMotion& attached, DynamicMesh& mesh, double px_per_m = 0.0,
                                const anatomy::StationFrames* frames = nullptr);

// Out of bone (issue 11, section 4): the volumes follow their paths while the bones are rigid, so a
// thick belly beside a bone that turns under it enters it however the frames are shaped. After
// placing, each vertex of `out` (the first `count` of the volume's, as append_muscle_volume placed
// them) that lies near a bone at the bind pose (MuscleVolume::bone_mask, bone_fields) is read
// against that bone's signed-distance field (assets/bone_field.h) in the bone's posed frame, and one
// inside it (distance < 0) is moved along the field's gradient to kBoneClearance outside it (two
// steps, each re-read). At the bind pose the vertices lie kBoneClearance or more off the bones (the
// generator packs them 0.5 mm off), so none moves there. `fields`: Model::bone_fields;
// `bone_world[b]`, `world_to_bone[b]`: the pose's world transform of fields[b].node and its inverse.
// Normals are left as placed (the pushed side faces the bone). Pushed alone, the vertices of a
// belly's side that a bone turns into (10-20 mm deep at 90 degrees of hip flexion) landed on the
// bone's surface in a flattened sheet, creased at its rim (the "crumpled wrapper" round the flexed
// hip), so pushes of 2 mm and more are shared: each path station's mean push, smoothed along the
// path, shifts that whole section of the volume (path_coord.x; none when path_coord is shorter than
// `count`), the vertices are pushed out again from there, and with `tris` (the triangles drawn,
// indices less `index_base` naming the first `count` vertices) each push is carried, fading, to the
// two rings of vertices around it. Returns how many vertices the last push moved.
constexpr float kBoneClearance = 0.0005f;  // m, as the generator's push_out_of_bones keeps them at the bind pose
std::size_t push_out_of_bones(const MuscleVolume& volume, std::span<const BoneField> fields, std::span<const glm::mat4> bone_world,
                              std::span<const glm::mat4> world_to_bone, Vertex* out, std::size_t count,
                              std::span<const std::uint32_t> tris = {}, std::uint32_t index_base = 0);

}  // namespace hiplab
