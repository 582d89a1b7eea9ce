// joint_coordinates.h — THE statement of joint coordinate names, units and signs.
//
// Units: radians inside the code (degrees only at the edges, named *_deg).
// Signs, for BOTH legs (the left leg is the mirror image of the right, never negated by callers):
//   hip_flexion    + flexion      (thigh forward),       - extension
//   hip_adduction  + adduction    (thigh toward midline), - abduction
//   hip_rotation   + internal rotation,                   - external rotation
//   knee           + knee flexion (0 = straight),         - hyperextension
//   ankle          + dorsiflexion (toes up),              - plantarflexion   (Gait2392 ankle_angle)
//   subtalar       + inversion (sole turned inward),      - eversion         (Gait2392 subtalar_angle,
//                  about its oblique axis)
//   mtp            Gait2392 mtp_angle (+ toe extension/dorsiflexion)
// Hip order (Gait2392 hip_r): flexion about the pelvis z axis, then adduction about the rotated x
// axis, then rotation about the femur's own long (y) axis — a body-fixed z-x-y sequence.
// Knee: Gait2392's knee_angle is NEGATIVE in flexion; here knee = -knee_angle, so + is flexion.
// Left leg: Gait2392 hip_l uses axes (0,0,1), (-1,0,0), (0,-1,0) — exactly the mirror of the right —
// so the same numbers mean the same anatomical motion on both sides.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "anatomy/skeleton.h"

namespace hiplab::anatomy {

enum class LegCoord : std::uint8_t {
  kHipFlexion, kHipAdduction, kHipRotation, kKneeFlexion, kAnkle, kSubtalar, kMtp,
};
inline constexpr int kLegCoordCount = 7;
// The coordinates the muscles act on and the effort solve balances: the first six of LegCoord
// (hip x3, knee, ankle, subtalar). The toes are held at mtp = 0, so mtp carries no moment arm.
inline constexpr int kMuscleCoordCount = 6;
constexpr int coord_index(LegCoord c) { return static_cast<int>(c); }

// "hip_flexion", "hip_adduction", "hip_rotation", "knee", "ankle", "subtalar", "mtp"
std::string_view coord_name(LegCoord c);
// Plain-English sign meaning, e.g. "+ internal rotation / - external rotation"
std::string_view coord_sign_text(LegCoord c);
// Accepts coord_name() values and "knee_flexion".
std::optional<LegCoord> find_coord(std::string_view name);

struct LegPose {
  std::array<double, kLegCoordCount> q{};  // rad
  double& operator[](LegCoord c) { return q[coord_index(c)]; }
  double operator[](LegCoord c) const { return q[coord_index(c)]; }
};

// The joint coordinates of both legs (a pose of the body as angles; the model's node transforms
// are hiplab::NodeTransforms).
struct LegAngles {
  std::array<LegPose, kSideCount> legs{};
  LegPose& leg(Side s) { return legs[side_index(s)]; }
  const LegPose& leg(Side s) const { return legs[side_index(s)]; }
};

}  // namespace hiplab::anatomy
