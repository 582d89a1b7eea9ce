// skeleton.h — the bodies (bones) of the lower limb, their frames and the joints between them,
// transcribed from the OpenSim Gait2392 model.
//
// Joint centres and muscle paths from the OpenSim Gait2392 model (Delp et al. 1990; Anderson &
// Pandy 1999; Thelen 2003), CC BY 3.0. Source file: shared/reference/opensim-gait2392/
// gait2392_simbody.osim (and tables/model_joints.csv).
//
// Frames (OpenSim): x anterior, y superior, z to the right; metres. Every body's frame is the one
// its Gait2392 bone mesh is drawn in. Pelvis origin ≈ midpoint between the ASISs; femur origin =
// femoral head centre (= hip centre); tibia origin = knee centre; talus origin = ankle centre.
// The left leg is the right leg mirrored by z -> -z (positions negate z; rotation axes, being axial
// vectors, transform as (x, y, z) -> (-x, -y, z)), which is exactly how Gait2392 builds its left leg.
// This model has no patella body: the patella's effect on rectus femoris is a moving path point
// on the tibia (see muscle_data.h).
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include <glm/vec3.hpp>

namespace hiplab::anatomy {

enum class Side : std::uint8_t { kRight = 0, kLeft = 1 };
inline constexpr int kSideCount = 2;
constexpr int side_index(Side s) { return static_cast<int>(s); }
constexpr std::string_view side_suffix(Side s) { return s == Side::kRight ? "_r" : "_l"; }
// A sided name split at its suffix: "femur_r" → ("femur", right), "sacrum" → ("sacrum", none).
struct SidedName {
  std::string_view base;
  std::optional<Side> side;
};
constexpr SidedName split_side_suffix(std::string_view name) {
  if (name.size() > 2 && (name.ends_with("_r") || name.ends_with("_l")))
    return {name.substr(0, name.size() - 2), name.back() == 'r' ? Side::kRight : Side::kLeft};
  return {name, std::nullopt};
}

enum class LegSegment : std::uint8_t { kFemur, kTibia, kTalus, kCalcn, kToes };
inline constexpr int kLegSegmentCount = 5;

// Body ids; the two legs are laid out identically so leg_body() is arithmetic.
enum class BodyId : std::uint8_t {
  kPelvis, kTorso,
  kFemurR, kTibiaR, kTalusR, kCalcnR, kToesR,
  kFemurL, kTibiaL, kTalusL, kCalcnL, kToesL,
};
inline constexpr int kBodyCount = 12;
constexpr int body_index(BodyId b) { return static_cast<int>(b); }
constexpr BodyId leg_body(Side side, LegSegment seg) {
  return static_cast<BodyId>(2 + kLegSegmentCount * side_index(side) + static_cast<int>(seg));
}

enum class JointKind : std::uint8_t {
  kRoot,     // pelvis: placed in the world by a posture
  kWeld,     // torso: held at its neutral pose (lumbar coordinates are not modelled here)
  kHip,      // flexion (z), then adduction (x), then rotation (y), body-fixed sequence
  kKnee,     // planar: rotation about femur z plus tibia translation splines (Yamaguchi & Zajac 1989)
  kHinge,    // ankle, subtalar, mtp: one rotation about a fixed, oblique axis in the parent frame
};

struct BodyInfo {
  std::string_view name;        // Gait2392 body name, e.g. "femur_r"
  BodyId id;
  BodyId parent;                // kPelvis for the pelvis itself
  std::optional<Side> side;     // none for pelvis and torso
  std::string_view joint_name;  // Gait2392 joint name, e.g. "hip_r"
  JointKind joint;
  glm::dvec3 joint_in_parent;   // joint location in the parent frame, m
  glm::dvec3 hinge_axis;        // kHinge only: axis in the parent frame as printed in the .osim
                                // (8 digits, so normalise before use; model sign convention)
  double model_mass_kg;         // Gait2392's generic-subject mass (75 kg subject); biomech scales its own
  glm::dvec3 model_com;         // Gait2392 centre of mass in the body frame, m
};

// All bodies, indexed by body_index().
std::span<const BodyInfo> bodies();
const BodyInfo& body_info(BodyId id);
std::optional<BodyId> find_body(std::string_view name);

constexpr glm::dvec3 mirror_point(const glm::dvec3& p) { return {p.x, p.y, -p.z}; }
constexpr glm::dvec3 mirror_axis(const glm::dvec3& a) { return {-a.x, -a.y, a.z}; }

// Right hip centre in the pelvis frame, m (Gait2392 hip_r location_in_parent). Left: mirror_point.
inline constexpr glm::dvec3 kRightHipCentre{-0.0707, -0.0661, 0.0835};
glm::dvec3 hip_centre(Side side);

// Knee (both sides identical in the femur frame): position of the tibia origin in the femur frame as
// a function of knee FLEXION in radians (positive = flexion; Gait2392's knee_angle = -flexion), and
// its derivative with respect to flexion. Gait2392 SimmSplines of knee_angle_r, z = 0.
glm::dvec3 knee_tibia_origin(double knee_flexion_rad);
glm::dvec3 knee_tibia_origin_derivative(double knee_flexion_rad);

}  // namespace hiplab::anatomy
