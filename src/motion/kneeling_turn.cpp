#include "motion/kneeling_turn.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include "anatomy/kinematics.h"
#include "motion/floor_contacts.h"
#include "motion/timeline.h"

namespace hiplab::motion {
namespace {
using anatomy::LegCoord;
using anatomy::LegSegment;
using anatomy::Side;
using glm::dmat3;
using glm::dvec3;

// R = Rz(a) Rx(b) Ry(c): the order of the pelvis offsets (floor_contacts.h pelvis_offset_rotation,
// with a = -tilt) and of the lumbar joint (a = -lumbar_flexion). Away from |b| = 90 deg.
std::array<double, 3> zxy_angles(const dmat3& r) {
  // glm is column-major: r[col][row].
  const double b = std::asin(std::clamp(r[1][2], -1.0, 1.0));
  const double a = std::atan2(-r[1][0], r[1][1]);
  const double c = std::atan2(-r[0][2], r[2][2]);
  return {a, b, c};
}

constexpr std::size_t kUnknowns = 5;    // pelvis roll, back hip flexion, adduction, rotation, back knee flexion
constexpr std::size_t kResiduals = 9;   // back knee landmark (3), back toes (3), back shin direction (3)
// The shin direction is weighed as a 0.4 m lever (about the shin's length): an angle error counts
// like the displacement it makes at the ankle.
constexpr double kShinLever = 0.4;

struct Pose {
  dmat3 pelvis;        // pelvis axes in the world
  dvec3 pelvis_origin; // world
  anatomy::LegAngles legs;
};

}  // namespace

KneelingTurnResult kneeling_turn(const ChannelValues& start, Side front, double turn) {
  const Side back = front == Side::kRight ? Side::kLeft : Side::kRight;
  const biomech::Posture posture = biomech::Posture::kKneeling;
  const glm::dmat4 w0 = pelvis_placement(posture, start);
  const dmat3 p0(w0);
  const dvec3 o0(w0[3]);
  const anatomy::LegAngles legs0 = leg_pose(start);
  const anatomy::BodyFrames fk0 = anatomy::forward_kinematics(legs0);
  const anatomy::Frame& femur_f0 = fk0[anatomy::leg_body(front, LegSegment::kFemur)];
  const dmat3 femur_f_world = p0 * femur_f0.rotation;
  const dvec3 hip_f_local = femur_f0.origin;  // the hip centre, fixed in the pelvis
  const dvec3 hip_f_world = p0 * hip_f_local + o0;

  // Back-leg targets in the world at the start.
  const ContactPoint knee_pt = back == Side::kRight ? ContactPoint::kKneeFrontR : ContactPoint::kKneeFrontL;
  const ContactPoint toes_pt = back == Side::kRight ? ContactPoint::kToesR : ContactPoint::kToesL;
  const anatomy::UpperBodyPose upper0 = upper_body_pose(start);
  auto world_point = [&](const Pose& p, ContactPoint c) {
    return p.pelvis * contact_spheres(p.legs, upper0).centre[contact_index(c)] + p.pelvis_origin;
  };
  auto shin_dir = [&](const Pose& p) {
    const anatomy::BodyFrames fk = anatomy::forward_kinematics(p.legs);
    return p.pelvis * fk[anatomy::leg_body(back, LegSegment::kTibia)].rotation[1];
  };
  const Pose pose0{p0, o0, legs0};
  const dvec3 knee_target = world_point(pose0, knee_pt);
  const dvec3 toes_target = world_point(pose0, toes_pt);
  const dvec3 shin_target = shin_dir(pose0);

  // The turn about the pelvis's long axis; + toward the front leg, i.e. the front of the pelvis turns
  // to the front leg's side (pelvis_rotation + turns it to the left: drill_channels.h).
  const double signed_turn = front == Side::kRight ? -turn : turn;
  const dmat3 turned = anatomy::rotation_about(glm::normalize(p0[1]), signed_turn) * p0;
  const dvec3 forward = glm::normalize(p0[0]);

  auto pose_of = [&](const std::array<double, kUnknowns>& x) {
    Pose p;
    p.pelvis = anatomy::rotation_about(forward, x[0]) * turned;
    p.pelvis_origin = hip_f_world - p.pelvis * hip_f_local;
    p.legs = legs0;
    const std::array<double, 3> hf = anatomy::hip_angles(glm::transpose(p.pelvis) * femur_f_world, front);
    anatomy::LegPose& lf = p.legs.leg(front);
    lf[LegCoord::kHipFlexion] = hf[0];
    lf[LegCoord::kHipAdduction] = hf[1];
    lf[LegCoord::kHipRotation] = hf[2];
    anatomy::LegPose& lb = p.legs.leg(back);
    lb[LegCoord::kHipFlexion] = x[1];
    lb[LegCoord::kHipAdduction] = x[2];
    lb[LegCoord::kHipRotation] = x[3];
    lb[LegCoord::kKneeFlexion] = x[4];
    return p;
  };
  auto residuals = [&](const std::array<double, kUnknowns>& x) {
    const Pose p = pose_of(x);
    const dvec3 dk = world_point(p, knee_pt) - knee_target;
    const dvec3 dt = world_point(p, toes_pt) - toes_target;
    const dvec3 ds = (shin_dir(p) - shin_target) * kShinLever;
    return std::array<double, kResiduals>{dk.x, dk.y, dk.z, dt.x, dt.y, dt.z, ds.x, ds.y, ds.z};
  };

  const anatomy::LegPose& lb0 = legs0.leg(back);
  std::array<double, kUnknowns> x{0.0, lb0[LegCoord::kHipFlexion], lb0[LegCoord::kHipAdduction],
                                  lb0[LegCoord::kHipRotation], lb0[LegCoord::kKneeFlexion]};
  // Gauss-Newton with a little Levenberg-Marquardt damping; the start pose is an exact solution at
  // turn 0 and the solution moves smoothly with the turn, so a few steps suffice.
  constexpr std::size_t kN = kUnknowns, kM = kResiduals;
  for (int iter = 0; iter < 30; ++iter) {
    const std::array<double, kM> r = residuals(x);
    std::array<std::array<double, kN>, kM> jac{};  // forward differences
    constexpr double kStep = 1e-7;
    for (std::size_t j = 0; j < kN; ++j) {
      std::array<double, kN> xp = x;
      xp[j] += kStep;
      const std::array<double, kM> rp = residuals(xp);
      for (std::size_t i = 0; i < kM; ++i) jac[i][j] = (rp[i] - r[i]) / kStep;
    }
    // Normal equations (J^T J + lambda I) dx = -J^T r, by Gaussian elimination with partial pivoting.
    std::array<std::array<double, kN + 1>, kN> a{};
    for (std::size_t p = 0; p < kN; ++p) {
      for (std::size_t q = 0; q < kN; ++q) {
        for (std::size_t i = 0; i < kM; ++i) a[p][q] += jac[i][p] * jac[i][q];
        if (p == q) a[p][q] += 1e-9;
      }
      for (std::size_t i = 0; i < kM; ++i) a[p][kN] -= jac[i][p] * r[i];
    }
    for (std::size_t c = 0; c < kN; ++c) {
      std::size_t piv = c;
      for (std::size_t k = c + 1; k < kN; ++k)
        if (std::abs(a[k][c]) > std::abs(a[piv][c])) piv = k;
      std::swap(a[c], a[piv]);
      for (std::size_t k = c + 1; k < kN; ++k) {
        const double f = a[k][c] / a[c][c];
        for (std::size_t m = c; m <= kN; ++m) a[k][m] -= f * a[c][m];
      }
    }
    std::array<double, kN> dx{};
    for (std::size_t c = kN; c-- > 0;) {
      double s = a[c][kN];
      for (std::size_t m = c + 1; m < kN; ++m) s -= a[c][m] * dx[m];
      dx[c] = s / a[c][c];
    }
    double step = 0.0;
    for (std::size_t j = 0; j < kN; ++j) {
      x[j] += dx[j];
      step = std::max(step, std::abs(dx[j]));
    }
    if (step < 1e-10) break;
  }

  const Pose p = pose_of(x);
  KneelingTurnResult out;
  out.channels = start;
  set_leg_pose(out.channels, p.legs);
  // Pelvis channels: the offsets are Rz(-tilt) Rx(obliquity) Ry(rotation) after the kneeling
  // posture's base rotation (identity: biomech/posture.h); the horizontal shift is the pelvis
  // origin's (timeline.h chooses the height by the floor).
  const dmat3 r0 = biomech::pelvis_to_world(posture);
  const std::array<double, 3> po = zxy_angles(glm::transpose(r0) * p.pelvis);
  out.channels[Channel::kPelvisTilt] = -po[0];
  out.channels[Channel::kPelvisObliquity] = po[1];
  out.channels[Channel::kPelvisRotation] = po[2];
  const dvec3 shift = glm::transpose(r0) * p.pelvis_origin;
  out.channels[Channel::kPelvisX] = shift.x;
  out.channels[Channel::kPelvisZ] = shift.z;
  // The trunk turns with the pelvis about the vertical and stays upright: its world orientation is
  // the start one turned by the same angle; the lumbar joint takes up the difference.
  const UpperFrames uf0 = upper_body_frames(upper0);
  const dmat3 torso_world = anatomy::rotation_about({0, 1, 0}, signed_turn) * p0 * uf0.rotation[0];
  const std::array<double, 3> lu = zxy_angles(glm::transpose(p.pelvis) * torso_world);
  out.channels[Channel::kLumbarFlexion] = -lu[0];
  out.channels[Channel::kLumbarBending] = lu[1];
  out.channels[Channel::kLumbarRotation] = lu[2];
  out.back_residual_m = std::max(glm::length(world_point(p, knee_pt) - knee_target),
                                 glm::length(world_point(p, toes_pt) - toes_target));
  return out;
}

}  // namespace hiplab::motion
