// Checks src/anatomy/kinematics.h: forward kinematics against Gait2392 geometry and the
// pose -> orientations -> pose round trip (issue 4: exact to 1e-9 rad away from gimbal lock).
#include "anatomy/kinematics.h"

#include <doctest/doctest.h>

#include <random>

#include "core/units.h"

using namespace hiplab;
using namespace hiplab::anatomy;

TEST_CASE("forward kinematics: neutral pose puts the knee ~0.396 m below the hip centre") {
  const BodyFrames f = forward_kinematics(LegAngles{});
  const glm::dvec3 hip = f[BodyId::kFemurR].origin;
  CHECK(hip.z == doctest::Approx(0.0835));
  const glm::dvec3 knee = f[BodyId::kTibiaR].origin;
  CHECK(hip.y - knee.y == doctest::Approx(0.396).epsilon(0.005));
  // Left is the mirror image.
  CHECK(f[BodyId::kTibiaL].origin.z == doctest::Approx(-knee.z));
  CHECK(f[BodyId::kTalusL].origin.y == doctest::Approx(f[BodyId::kTalusR].origin.y));
}

TEST_CASE("signs: + flexion moves the knee forward, + adduction medially, on both legs") {
  LegAngles p;
  for (Side s : {Side::kRight, Side::kLeft}) p.leg(s)[LegCoord::kHipFlexion] = deg_to_rad(30.0);
  BodyFrames f = forward_kinematics(p);
  // 0.396 m * sin 30 deg ~ 0.2 m forward of the hip centre.
  CHECK(f[BodyId::kTibiaR].origin.x - f[BodyId::kFemurR].origin.x > 0.18);
  CHECK(f[BodyId::kTibiaL].origin.x - f[BodyId::kFemurL].origin.x > 0.18);
  LegAngles a;
  for (Side s : {Side::kRight, Side::kLeft}) a.leg(s)[LegCoord::kHipAdduction] = deg_to_rad(20.0);
  f = forward_kinematics(a);
  CHECK(f[BodyId::kTibiaR].origin.z < 0.0835 - 0.1);   // right knee moves toward -z (midline)
  CHECK(f[BodyId::kTibiaL].origin.z > -0.0835 + 0.1);  // left knee toward +z (midline)
  // Internal rotation with the knee bent 90 deg and hip flexed 90 (seated): the foot swings
  // OUTWARD (laterally), on both legs.
  LegAngles r;
  for (Side s : {Side::kRight, Side::kLeft}) {
    r.leg(s)[LegCoord::kHipFlexion] = deg_to_rad(90.0);
    r.leg(s)[LegCoord::kKneeFlexion] = deg_to_rad(90.0);
  }
  const BodyFrames f0 = forward_kinematics(r);
  for (Side s : {Side::kRight, Side::kLeft}) r.leg(s)[LegCoord::kHipRotation] = deg_to_rad(30.0);
  f = forward_kinematics(r);
  CHECK(f[BodyId::kTalusR].origin.z > f0[BodyId::kTalusR].origin.z + 0.1);
  CHECK(f[BodyId::kTalusL].origin.z < f0[BodyId::kTalusL].origin.z - 0.1);
}

TEST_CASE("inverse kinematics recovers every coordinate to 1e-9 rad (away from gimbal lock)") {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> flex(-0.5, 2.0), add(-1.2, 1.2), rot(-1.3, 1.3),
      knee(0.0, 2.3), foot(-0.6, 0.6);
  for (int trial = 0; trial < 500; ++trial) {
    LegAngles p;
    for (Side s : {Side::kRight, Side::kLeft}) {
      LegPose& q = p.leg(s);
      q[LegCoord::kHipFlexion] = flex(rng);
      q[LegCoord::kHipAdduction] = add(rng);
      q[LegCoord::kHipRotation] = rot(rng);
      q[LegCoord::kKneeFlexion] = knee(rng);
      q[LegCoord::kAnkle] = foot(rng);
      q[LegCoord::kSubtalar] = foot(rng);
      q[LegCoord::kMtp] = foot(rng);
    }
    const LegAngles back = inverse_kinematics(forward_kinematics(p));
    for (int s = 0; s < kSideCount; ++s)
      for (int c = 0; c < kLegCoordCount; ++c)
        REQUIRE(std::abs(back.legs[s].q[c] - p.legs[s].q[c]) < 1e-9);
  }
}
