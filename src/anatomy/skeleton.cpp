// Joint centres from the OpenSim Gait2392 model (Delp et al. 1990; Anderson & Pandy 1999;
// Thelen 2003), CC BY 3.0; transcribed from gait2392_simbody.osim.
#include "anatomy/skeleton.h"

#include <array>

#include "anatomy/natural_spline.h"

namespace hiplab::anatomy {
namespace {

using glm::dvec3;
constexpr dvec3 kZero{0.0, 0.0, 0.0};

// Gait2392 joint axes (right side, parent frame); the left side uses mirror_axis.
constexpr dvec3 kAnkleAxisR{-0.10501355, -0.17402245, 0.97912632};    // ankle_angle_r, + dorsiflexion
constexpr dvec3 kSubtalarAxisR{0.78717961, 0.60474746, -0.12094949};  // subtalar_angle_r
constexpr dvec3 kMtpAxisR{-0.5809544, 0.0, 0.81393611};               // mtp_angle_r

constexpr BodyInfo leg(std::string_view name, BodyId id, BodyId parent, Side side,
                       std::string_view joint_name, JointKind kind, dvec3 joint_r, dvec3 axis_r,
                       double mass, dvec3 com_r) {
  const bool left = side == Side::kLeft;
  return BodyInfo{name, id, parent, side, joint_name, kind,
                  left ? mirror_point(joint_r) : joint_r,
                  left ? mirror_axis(axis_r) : axis_r, mass,
                  left ? mirror_point(com_r) : com_r};
}

constexpr BodyInfo kBodies[kBodyCount] = {
    {"pelvis", BodyId::kPelvis, BodyId::kPelvis, std::nullopt, "ground_pelvis", JointKind::kRoot,
     kZero, kZero, 11.777, {-0.0707, 0.0, 0.0}},
    {"torso", BodyId::kTorso, BodyId::kPelvis, std::nullopt, "back", JointKind::kWeld,
     {-0.1007, 0.0815, 0.0}, kZero, 34.2366, {-0.03, 0.32, 0.0}},
#define HIPLAB_LEG(S, SIDE, F, T, A, C, O)                                                          \
  leg("femur" S, BodyId::F, BodyId::kPelvis, SIDE, "hip" S, JointKind::kHip, kRightHipCentre,     \
      kZero, 9.3014, {0.0, -0.17, 0.0}),                                                          \
      leg("tibia" S, BodyId::T, BodyId::F, SIDE, "knee" S, JointKind::kKnee, kZero, kZero, 3.7075, \
          {0.0, -0.1867, 0.0}),                                                                   \
      leg("talus" S, BodyId::A, BodyId::T, SIDE, "ankle" S, JointKind::kHinge, {0.0, -0.43, 0.0}, \
          kAnkleAxisR, 0.1, kZero),                                                               \
      leg("calcn" S, BodyId::C, BodyId::A, SIDE, "subtalar" S, JointKind::kHinge,                 \
          {-0.04877, -0.04195, 0.00792}, kSubtalarAxisR, 1.25, {0.1, 0.03, 0.0}),                 \
      leg("toes" S, BodyId::O, BodyId::C, SIDE, "mtp" S, JointKind::kHinge,                       \
          {0.1788, -0.002, 0.00108}, kMtpAxisR, 0.2166, {0.0346, 0.006, -0.0175})
    HIPLAB_LEG("_r", Side::kRight, kFemurR, kTibiaR, kTalusR, kCalcnR, kToesR),
    HIPLAB_LEG("_l", Side::kLeft, kFemurL, kTibiaL, kTalusL, kCalcnL, kToesL),
#undef HIPLAB_LEG
};

// knee_r translation1 (x) and translation2 (y) SimmSplines, abscissa knee_angle_r in rad
// (negative = flexion), ordinate in m, tibia origin in the femur frame.
constexpr double kKneeTxX[] = {-2.0944, -1.74533, -1.39626, -1.0472, -0.698132, -0.349066,
                               -0.174533, 0.197344, 0.337395, 0.490178, 1.52146, 2.0944};
constexpr double kKneeTxY[] = {-0.0032, 0.00179, 0.00411, 0.0041, 0.00212, -0.001,
                               -0.0031, -0.005227, -0.005435, -0.005574, -0.005435, -0.00525};
constexpr double kKneeTyX[] = {-2.0944, -1.22173, -0.523599, -0.349066, -0.174533, 0.159149, 2.0944};
constexpr double kKneeTyY[] = {-0.4226, -0.4082, -0.399, -0.3976, -0.3966, -0.395264, -0.396};

const NaturalSpline& knee_tx() {
  static const NaturalSpline s(kKneeTxX, kKneeTxY);
  return s;
}
const NaturalSpline& knee_ty() {
  static const NaturalSpline s(kKneeTyX, kKneeTyY);
  return s;
}

}  // namespace

std::span<const BodyInfo> bodies() { return kBodies; }
const BodyInfo& body_info(BodyId id) { return kBodies[body_index(id)]; }

std::optional<BodyId> find_body(std::string_view name) {
  for (const BodyInfo& b : kBodies)
    if (b.name == name) return b.id;
  return std::nullopt;
}

glm::dvec3 hip_centre(Side side) {
  return side == Side::kRight ? kRightHipCentre : mirror_point(kRightHipCentre);
}

glm::dvec3 knee_tibia_origin(double knee_flexion_rad) {
  const double q = -knee_flexion_rad;  // Gait2392 knee_angle
  return {knee_tx().value(q), knee_ty().value(q), 0.0};
}

glm::dvec3 knee_tibia_origin_derivative(double knee_flexion_rad) {
  const double q = -knee_flexion_rad;  // d/dflexion = -d/dknee_angle
  return {-knee_tx().derivative(q), -knee_ty().derivative(q), 0.0};
}

}  // namespace hiplab::anatomy
