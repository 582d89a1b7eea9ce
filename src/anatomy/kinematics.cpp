#include "anatomy/kinematics.h"

#include <cmath>

#include <glm/geometric.hpp>

namespace hiplab::anatomy {
namespace {

using glm::dmat3;
using glm::dvec3;

dmat3 rot_x(double a) {
  const double c = std::cos(a), s = std::sin(a);
  dmat3 m(1.0);
  m[1][1] = c; m[1][2] = s;   // glm: m[col][row]
  m[2][1] = -s; m[2][2] = c;
  return m;
}
dmat3 rot_y(double a) {
  const double c = std::cos(a), s = std::sin(a);
  dmat3 m(1.0);
  m[0][0] = c; m[0][2] = -s;
  m[2][0] = s; m[2][2] = c;
  return m;
}
dmat3 rot_z(double a) {
  const double c = std::cos(a), s = std::sin(a);
  dmat3 m(1.0);
  m[0][0] = c; m[0][1] = s;
  m[1][0] = -s; m[1][1] = c;
  return m;
}

// Angle of a rotation about a known unit axis: sin from the skew part, cos from the trace.
double hinge_angle(const dmat3& r, const dvec3& axis) {
  const dvec3 vee{r[1][2] - r[2][1], r[2][0] - r[0][2], r[0][1] - r[1][0]};  // 2 sin(t) * axis
  const double s = 0.5 * glm::dot(vee, axis);
  const double c = 0.5 * (r[0][0] + r[1][1] + r[2][2] - 1.0);
  return std::atan2(s, c);
}

constexpr dvec3 kEx{1, 0, 0}, kEy{0, 1, 0}, kEz{0, 0, 1};

// The .osim axes are printed to 8 digits and are not exactly unit length; normalise once.
dvec3 unit_hinge_axis(BodyId right_body) {
  return glm::normalize(body_info(right_body).hinge_axis);
}
const std::array<dvec3, 3>& foot_axes() {
  static const std::array<dvec3, 3> a = {unit_hinge_axis(BodyId::kTalusR),
                                         unit_hinge_axis(BodyId::kCalcnR),
                                         unit_hinge_axis(BodyId::kToesR)};
  return a;
}

}  // namespace

dmat3 rotation_about(const dvec3& a, double angle) {
  const double c = std::cos(angle), s = std::sin(angle), t = 1.0 - c;
  dmat3 m;
  m[0] = dvec3{t * a.x * a.x + c, t * a.x * a.y + s * a.z, t * a.x * a.z - s * a.y};
  m[1] = dvec3{t * a.x * a.y - s * a.z, t * a.y * a.y + c, t * a.y * a.z + s * a.x};
  m[2] = dvec3{t * a.x * a.z + s * a.y, t * a.y * a.z - s * a.x, t * a.z * a.z + c};
  return m;
}

dmat3 mirror_rotation(const dmat3& r) {
  dmat3 m = r;
  // M r M: negate entries with exactly one z index (row 2 xor column 2).
  m[0][2] = -m[0][2]; m[1][2] = -m[1][2];
  m[2][0] = -m[2][0]; m[2][1] = -m[2][1];
  return m;
}

// The first segment each muscle coordinate moves: hip -> femur, knee -> tibia, ankle -> talus,
// subtalar -> calcaneus.
constexpr int kFirstMoved[kMuscleCoordCount] = {0, 0, 0, 1, 2, 3};

dvec3 LegKinematics::point_velocity(int k, LegSegment on, const dvec3& x) const {
  if (static_cast<int>(on) < kFirstMoved[k]) return dvec3{0.0};
  return glm::cross(axis[k], x - axis_point[k]) + axis_slide[k];
}

LegKinematics leg_kinematics(const LegPose& q) {
  LegKinematics k;
  const dvec3 hip = kRightHipCentre;
  const dmat3 rf = rot_z(q[LegCoord::kHipFlexion]);
  const dmat3 rfa = rf * rot_x(q[LegCoord::kHipAdduction]);
  Frame& femur = k.segment[0];
  femur.rotation = rfa * rot_y(q[LegCoord::kHipRotation]);
  femur.origin = hip;

  const double kf = q[LegCoord::kKneeFlexion];
  Frame& tibia = k.segment[1];
  tibia.rotation = femur.rotation * rot_z(-kf);  // Gait2392 knee_angle = -flexion
  tibia.origin = femur.apply(knee_tibia_origin(kf));

  const BodyInfo* chain[] = {&body_info(BodyId::kTalusR), &body_info(BodyId::kCalcnR),
                             &body_info(BodyId::kToesR)};
  const LegCoord hinge_coord[] = {LegCoord::kAnkle, LegCoord::kSubtalar, LegCoord::kMtp};
  for (int i = 0; i < 3; ++i) {
    const Frame& parent = k.segment[1 + i];
    Frame& f = k.segment[2 + i];
    f.rotation = parent.rotation * rotation_about(foot_axes()[i], q[hinge_coord[i]]);
    f.origin = parent.apply(chain[i]->joint_in_parent);
  }

  // Screw axes of the hip's body-fixed z-x-y sequence, and of the knee.
  k.axis[0] = kEz;
  k.axis[1] = rf * kEx;
  k.axis[2] = femur.rotation * kEy;
  for (int i = 0; i < 3; ++i) k.axis_point[i] = hip;
  k.axis[3] = -(femur.rotation * kEz);
  k.axis_point[3] = tibia.origin;
  k.axis_slide[3] = femur.rotation * knee_tibia_origin_derivative(kf);
  // Ankle and subtalar hinges: the child turns by +q about its axis fixed in the parent.
  for (int i = 0; i < 2; ++i) {
    k.axis[4 + i] = k.segment[1 + i].rotation * foot_axes()[i];
    k.axis_point[4 + i] = k.segment[2 + i].origin;
  }
  return k;
}

BodyFrames forward_kinematics(const LegAngles& pose) {
  BodyFrames out;
  out[BodyId::kTorso].origin = body_info(BodyId::kTorso).joint_in_parent;
  for (Side side : {Side::kRight, Side::kLeft}) {
    const LegKinematics k = leg_kinematics(pose.leg(side));
    for (int s = 0; s < kLegSegmentCount; ++s) {
      Frame f = k.segment[s];
      if (side == Side::kLeft) {
        f.rotation = mirror_rotation(f.rotation);
        f.origin = mirror_point(f.origin);
      }
      out[leg_body(side, static_cast<LegSegment>(s))] = f;
    }
  }
  return out;
}

std::array<double, 3> hip_angles(const dmat3& femur_in_pelvis, Side side) {
  const dmat3 r = side == Side::kLeft ? mirror_rotation(femur_in_pelvis) : femur_in_pelvis;
  // R = Rz(f) Rx(a) Ry(r): row 2 = (-cos a sin r, sin a, cos a cos r); column 1 = (-sin f cos a,
  // cos f cos a, sin a). glm indexes [column][row].
  const double add = std::atan2(r[1][2], std::hypot(r[1][0], r[1][1]));
  const double rot = std::atan2(-r[0][2], r[2][2]);
  const double flex = std::atan2(-r[1][0], r[1][1]);
  return {flex, add, rot};
}

LegAngles inverse_kinematics(const BodyFrames& frames) {
  LegAngles pose;
  for (Side side : {Side::kRight, Side::kLeft}) {
    LegPose& q = pose.leg(side);
    auto rel = [&](LegSegment child, BodyId parent) {
      const dmat3 r = glm::transpose(frames[parent].rotation) *
                      frames[leg_body(side, child)].rotation;
      return side == Side::kLeft ? mirror_rotation(r) : r;  // into the right-leg frame
    };
    const auto hip = hip_angles(frames[leg_body(side, LegSegment::kFemur)].rotation, side);
    q[LegCoord::kHipFlexion] = hip[0];
    q[LegCoord::kHipAdduction] = hip[1];
    q[LegCoord::kHipRotation] = hip[2];
    q[LegCoord::kKneeFlexion] = -hinge_angle(rel(LegSegment::kTibia, leg_body(side, LegSegment::kFemur)), kEz);
    q[LegCoord::kAnkle] = hinge_angle(rel(LegSegment::kTalus, leg_body(side, LegSegment::kTibia)),
                                      foot_axes()[0]);
    q[LegCoord::kSubtalar] = hinge_angle(rel(LegSegment::kCalcn, leg_body(side, LegSegment::kTalus)),
                                         foot_axes()[1]);
    q[LegCoord::kMtp] = hinge_angle(rel(LegSegment::kToes, leg_body(side, LegSegment::kCalcn)),
                                    foot_axes()[2]);
  }
  return pose;
}

}  // namespace hiplab::anatomy
