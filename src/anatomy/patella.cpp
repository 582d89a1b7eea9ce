#include "anatomy/patella.h"

#include <array>
#include <cmath>

#include "anatomy/natural_spline.h"
#include "anatomy/skeleton.h"

namespace hiplab::anatomy {
namespace {

// Rajagopal et al. 2016 (Rajagopal2016.osim, patellofemoral_r/_l, read from opensim-models):
// knots at knee_angle 0 to 120 deg every 10 deg (rad); rotation1 about the femur's z axis (rad),
// translation1 along x and translation2 along y (m) of the patella origin from the joint's parent
// frame (femur, (-0.00809, -0.40796, 0.00275)).
constexpr std::array<double, 13> kKnots = {0, 0.174533, 0.349066, 0.523599, 0.698132, 0.872665, 1.0472,
                                           1.22173, 1.39626, 1.5708, 1.74533, 1.91986, 2.0944};
constexpr std::array<double, 13> kRotZ = {0.00113686, -0.00629212, -0.105582, -0.253683, -0.414245, -0.579047, -0.747244,
                                          -0.91799,   -1.09044,    -1.26379,  -1.43763,  -1.61186,  -1.78634};
constexpr std::array<double, 13> kTx = {0.0524, 0.0488, 0.0437, 0.0371, 0.0296, 0.0216, 0.0136,
                                        0.0057, -0.0019, -0.0088, -0.0148, -0.0196, -0.0227};
constexpr std::array<double, 13> kTy = {-0.0108, -0.019, -0.0263, -0.0322, -0.0367, -0.0395, -0.0408,
                                        -0.0404, -0.0384, -0.0349, -0.0301, -0.0245, -0.0187};

struct Splines {
  NaturalSpline rot, tx, ty;
};
const Splines& splines() {
  static const Splines s{NaturalSpline(kKnots, kRotZ), NaturalSpline(kKnots, kTx), NaturalSpline(kKnots, kTy)};
  return s;
}

glm::dmat3 rot_z(double a) {
  const double c = std::cos(a), s = std::sin(a);
  glm::dmat3 m(1.0);
  m[0][0] = c;
  m[0][1] = s;
  m[1][0] = -s;
  m[1][1] = c;
  return m;
}

// HipLab's patella centre in Rajagopal's patella frame (m): where HipLab's own patella bone
// (tools/model_generator/bones.cpp, drawn about its centre) sits on that model's moving frame. Fitted
// to the generated femur (tests/scene/body_pose_test.cpp): over 0-120 deg the patella's back stays
// 1.5-4.2 mm off the bone of the trochlea and condyles, the room of the two articular cartilages
// between them (the patella's the thickest in the body, several mm: Standring (ed.), Gray's Anatomy,
// 41st ed. 2016, ch. 81; the generated bones carry none). At extension the patella then stands as
// high as it did fixed to the tibia (its centre 1.7 cm above the tibia's origin, its apex about
// 1.8 cm above the tibial plateau) and 1.2 cm further forward, where fixed it lay 6.8 mm inside the
// femur above the trochlea. Searched on a grid of 1-2 mm in x (0-7 mm) and 5 mm in y (0-40 mm):
// (0.006, 0.020) kept 1.0-5.0 mm but stood the patella 2 cm lower, its apex at the joint line;
// (0.005, 0.040) touched the femur at 40-50 deg.
constexpr glm::dvec3 kCentreInRajagopalPatella{0.007, 0.040, 0.0};
// Its z in the femur frame (Rajagopal's patella runs 2.75 mm lateral of its knee; HipLab's patella sat
// 1 mm lateral of the tibia's origin in its trochlea before the coupling, and keeps that).
constexpr double kCentreZ = 0.001;

}  // namespace

PatellaPose rajagopal_patella_in_femur(double knee_flexion_rad) {
  const Splines& s = splines();
  return {rot_z(s.rot.value(knee_flexion_rad)),
          glm::dvec3(-0.00809 + s.tx.value(knee_flexion_rad), -0.40796 + s.ty.value(knee_flexion_rad), 0.0)};
}

double patella_flexion(double knee_flexion_rad) {
  const Splines& s = splines();
  return -(s.rot.value(knee_flexion_rad) - s.rot.value(0.0));
}

PatellaPose patella_in_femur(double knee_flexion_rad) {
  const PatellaPose r = rajagopal_patella_in_femur(knee_flexion_rad);
  // HipLab's patella axes are Rajagopal's as they are at extension (turned by its 0.07 deg there),
  // so that the patella stands unrotated in the bind pose.
  glm::dvec3 centre = r.origin + r.rotation * kCentreInRajagopalPatella;
  centre.z = kCentreZ;
  return {rot_z(-patella_flexion(knee_flexion_rad)), centre};
}

PatellaPose patella_in_tibia(double knee_flexion_rad) {
  const PatellaPose f = patella_in_femur(knee_flexion_rad);
  // The tibia turns by -knee flexion about the femur's z, its origin at knee_tibia_origin.
  const glm::dmat3 to_tibia = rot_z(knee_flexion_rad);
  return {to_tibia * f.rotation, to_tibia * (f.origin - knee_tibia_origin(knee_flexion_rad))};
}

}  // namespace hiplab::anatomy
