// Checks src/anatomy/skeleton.h: Gait2392 body tree, joint centres and knee splines
// (gait2392_simbody.osim; tables/model_joints.csv).
#include "anatomy/skeleton.h"

#include <doctest/doctest.h>


using namespace hiplab::anatomy;

TEST_CASE("skeleton: Gait2392 bodies and joint centres") {
  REQUIRE(bodies().size() == static_cast<std::size_t>(kBodyCount));
  for (int i = 0; i < kBodyCount; ++i) CHECK(body_index(bodies()[i].id) == i);
  // Right hip centre in the pelvis frame (model_joints.csv): (-0.0707, -0.0661, 0.0835) m.
  const BodyInfo& fr = body_info(BodyId::kFemurR);
  CHECK(fr.name == "femur_r");
  CHECK(fr.joint_in_parent.z == doctest::Approx(0.0835));
  const BodyInfo& fl = body_info(*find_body("femur_l"));
  CHECK(fl.joint_in_parent.z == doctest::Approx(-0.0835));
  CHECK(fl.joint_in_parent.y == doctest::Approx(-0.0661));
  CHECK(body_info(leg_body(Side::kLeft, LegSegment::kToes)).name == "toes_l");
  CHECK(body_info(BodyId::kCalcnL).parent == BodyId::kTalusL);
  // Left ankle axis is the mirrored axial vector of the right (0.105, 0.174, 0.979) in the .osim.
  CHECK(body_info(BodyId::kTalusL).hinge_axis.x == doctest::Approx(0.10501355));
  CHECK(body_info(BodyId::kTalusL).hinge_axis.z == doctest::Approx(0.97912632));
}

TEST_CASE("knee: tibia about 0.396 m below the hip centre at full extension, lower when flexed") {
  // Gait2392 knee_r translation2 spline: -0.3966 at knee_angle -0.174533, -0.4226 at -2.0944.
  CHECK(knee_tibia_origin(0.174533).y == doctest::Approx(-0.3966).epsilon(1e-6));
  CHECK(knee_tibia_origin(2.0944).y == doctest::Approx(-0.4226).epsilon(1e-6));
  CHECK(knee_tibia_origin(0.0).y == doctest::Approx(-0.396).epsilon(2e-3));
  // Derivative matches a central difference.
  for (double q : {0.1, 0.7, 1.3, 1.9}) {
    const double h = 1e-6;
    const double fd = (knee_tibia_origin(q + h).x - knee_tibia_origin(q - h).x) / (2 * h);
    CHECK(knee_tibia_origin_derivative(q).x == doctest::Approx(fd).epsilon(1e-6));
  }
}
