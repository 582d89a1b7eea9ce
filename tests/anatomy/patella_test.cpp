// Tests src/anatomy/patella.h: the patellofemoral coupling (Rajagopal et al. 2016's
// patellofemoral_r) as HipLab's knee carries it.
#include "anatomy/patella.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "anatomy/skeleton.h"
#include "core/units.h"

using namespace hiplab;
using namespace hiplab::anatomy;

TEST_CASE("the kneecap stands unrotated at extension and turns with the knee as Rajagopal's patella does") {
  const PatellaPose rest = patella_in_tibia(0.0);
  for (int c = 0; c < 3; ++c)
    for (int r = 0; r < 3; ++r) CHECK(rest.rotation[c][r] == doctest::Approx(c == r ? 1.0 : 0.0).epsilon(1e-12));
  // Rajagopal2016.osim, patellofemoral_r rotation1 at knee_angle 1.5708: -1.26379 rad (-0.00113686 at
  // 0): the patella flexes 72.5 deg against the femur when the knee flexes 90.
  CHECK(rad_to_deg(patella_flexion(deg_to_rad(90.0))) == doctest::Approx(72.47).epsilon(0.001));
  // It flexes with the knee, never ahead of it, from 10 deg on.
  double last = 0.0;
  for (int deg = 10; deg <= 120; deg += 10) {
    const double f = patella_flexion(deg_to_rad(static_cast<double>(deg)));
    CHECK(f > last);
    CHECK(f < deg_to_rad(static_cast<double>(deg)));
    last = f;
  }
  // Left in the femur's own frame the pose is the femur's: patella_in_tibia is it seen from the tibia.
  for (int deg : {0, 45, 90, 120}) {
    const double q = deg_to_rad(static_cast<double>(deg));
    const PatellaPose f = patella_in_femur(q), t = patella_in_tibia(q);
    const glm::dmat3 tibia_in_femur = glm::transpose(glm::dmat3(glm::dvec3(std::cos(q), std::sin(q), 0), glm::dvec3(-std::sin(q), std::cos(q), 0), glm::dvec3(0, 0, 1)));
    const glm::dvec3 back = tibia_in_femur * t.origin + knee_tibia_origin(q);
    CHECK(glm::length(back - f.origin) < 1e-12);
  }
}

// The patellar ligament (the patella's apex to the tibial tuberosity) barely stretches, so its length
// should hardly change as the knee bends: the coupling, taken from another model's knee and carried
// on HipLab's (Gait2392's) tibia, keeps it at 53.4-54.6 mm over 0-120 deg. And the patella stands
// at a normal height: the Insall-Salvati ratio (ligament length over the patella's length, 4.8 cm
// for the generated bone; Insall & Salvati 1971, Radiology 101:101, normal 0.8-1.2) is 1.1 at 30 deg.
// Points: the apex of the generated patella (tools/model_generator/bones.cpp, 3 cm
// below its centre) and the top of the generated tibial tuberosity (tibia frame (0.037, -0.062)).
TEST_CASE("the patellar ligament keeps its length as the knee bends") {
  const glm::dvec3 apex_in_patella(0.002, -0.030, 0.0), tuberosity(0.037, -0.062, 0.005);
  double lo = 1.0, hi = 0.0;
  for (int deg = 0; deg <= 120; deg += 5) {
    const PatellaPose p = patella_in_tibia(deg_to_rad(static_cast<double>(deg)));
    const double len = glm::length(p.origin + p.rotation * apex_in_patella - tuberosity);
    lo = std::min(lo, len);
    hi = std::max(hi, len);
  }
  MESSAGE("patellar ligament over 0-120 deg: " << 1000.0 * lo << " to " << 1000.0 * hi << " mm");
  CHECK(hi - lo < 0.002);
  const PatellaPose at30 = patella_in_tibia(deg_to_rad(30.0));
  const double insall_salvati = glm::length(at30.origin + at30.rotation * apex_in_patella - tuberosity) / 0.048;
  MESSAGE("Insall-Salvati ratio at 30 deg: " << insall_salvati);
  CHECK(insall_salvati > 0.8);
  CHECK(insall_salvati < 1.2);
}
