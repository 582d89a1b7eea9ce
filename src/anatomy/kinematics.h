// kinematics.h — forward kinematics (joint coordinates -> body frames in the pelvis frame) and
// inverse kinematics (body orientations -> joint coordinates) of the Gait2392 lower limb.
//
// Units: metres, radians. Frames: the pelvis frame (x anterior, y superior, z right), which a
// posture (biomech/posture.h) places in the world. Signs: joint_coordinates.h.
// Invariants: every Frame's R is a proper rotation (orthonormal, det +1). The left leg's frames
// are the mirror images (z -> -z) of the right leg's at the same coordinates; body-local points
// of the left leg are the mirrored right-side points, so `apply` works on them directly.
// Inverse kinematics is exact (round trip to ~1e-12 rad) away from gimbal lock of the hip
// (|adduction| -> 90 deg), where flexion and rotation become one axis.
#pragma once
#include <array>

#include <glm/mat3x3.hpp>
#include <glm/vec3.hpp>

#include "anatomy/joint_coordinates.h"
#include "anatomy/skeleton.h"

namespace hiplab::anatomy {

struct Frame {
  glm::dmat3 rotation{1.0};  // body axes expressed in the pelvis frame (columns)
  glm::dvec3 origin{0.0};    // body origin in the pelvis frame, m
  glm::dvec3 apply(const glm::dvec3& local) const { return rotation * local + origin; }
};

// Body frames of the whole model in the pelvis frame, indexed by body_index(). Pelvis = identity;
// torso at its Gait2392 joint with zero lumbar angles.
struct BodyFrames {
  std::array<Frame, kBodyCount> body{};
  const Frame& operator[](BodyId id) const { return body[body_index(id)]; }
  Frame& operator[](BodyId id) { return body[body_index(id)]; }
};

// One leg in the RIGHT-leg frame (the left leg is computed as a right leg and mirrored): the
// frames of its bodies and, for the six muscle coordinates (hip flexion, adduction, rotation,
// knee, ankle, subtalar), the instantaneous screw axis, so that a point x fixed on a body distal to
// coordinate k moves as  dx/dq_k = axis[k] x (x - axis_point[k]) + axis_slide[k]; a point on a body
// proximal to the joint of coordinate k does not move (dx/dq_k = 0).
struct LegKinematics {
  std::array<Frame, kLegSegmentCount> segment{};  // femur, tibia, talus, calcn, toes
  std::array<glm::dvec3, kMuscleCoordCount> axis{};
  std::array<glm::dvec3, kMuscleCoordCount> axis_point{};
  std::array<glm::dvec3, kMuscleCoordCount> axis_slide{};  // knee: tibia translation rate; else 0
  const Frame& operator[](LegSegment s) const { return segment[static_cast<int>(s)]; }
  // Velocity of a point fixed on segment `on` (pelvis-frame position x) for coordinate k.
  glm::dvec3 point_velocity(int k, LegSegment on, const glm::dvec3& x) const;
};

// Right-leg-frame kinematics of one leg at `pose` (the same call serves both sides).
LegKinematics leg_kinematics(const LegPose& pose);

// Full model: pelvis identity, torso, both legs (left mirrored).
BodyFrames forward_kinematics(const LegAngles& pose);

// Rotation helpers (right-handed, radians).
glm::dmat3 rotation_about(const glm::dvec3& unit_axis, double angle);
glm::dmat3 mirror_rotation(const glm::dmat3& r);  // M r M with M = diag(1, 1, -1)

// Recovers all coordinates from the body orientations of `frames` (positions are not needed:
// the knee translation follows from the knee angle). Hip angles use atan2/asin of the Gait2392
// z-x-y sequence; hinge angles are measured about their own axis in (-pi, pi].
LegAngles inverse_kinematics(const BodyFrames& frames);
// Hip (flexion, adduction, rotation) of a femur orientation relative to the pelvis, for `side`.
std::array<double, 3> hip_angles(const glm::dmat3& femur_in_pelvis, Side side);

}  // namespace hiplab::anatomy
