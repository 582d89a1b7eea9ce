// Tests src/motion/hand_reach.h: an arm reaches the floor or a landmark with the smallest change of
// its three angles, stays inside its range of motion, and says which hand a contact moves. (The
// shipped drills' hands: tests/assets/builtin_drills_test.cpp.)
#include <doctest/doctest.h>

#include <cmath>

#include "core/units.h"
#include "motion/hand_reach.h"
#include "motion/rom_limits.h"
#include "motion/timeline.h"

using namespace hiplab;
using namespace hiplab::motion;

namespace {
DrillContact on_floor(ContactPoint p) {
  DrillContact c;
  c.at = p;
  c.on = biomech::ContactSurface::kFloor;
  return c;
}
}  // namespace

TEST_CASE("reaching_hand names the arm a contact moves: a hand or elbow that rests, or a hand rested on") {
  CHECK(reaching_hand(on_floor(ContactPoint::kHandR)) == anatomy::Side::kRight);
  CHECK(reaching_hand(on_floor(ContactPoint::kElbowL)) == anatomy::Side::kLeft);
  CHECK_FALSE(reaching_hand(on_floor(ContactPoint::kHeelR)).has_value());
  DrillContact head = on_floor(ContactPoint::kHead);
  head.on = biomech::ContactSurface::kBody;
  head.other = ContactPoint::kHandL;
  CHECK(reaching_hand(head) == anatomy::Side::kLeft);
}

TEST_CASE("a standing body's hand reaches the front of its thigh: the gap closes, the other arm is untouched") {
  anatomy::LegAngles legs;
  anatomy::UpperBodyPose upper;
  upper.arms[0] = {deg_to_rad(30.0), deg_to_rad(15.0), deg_to_rad(60.0)};
  const glm::dmat4 pelvis = pelvis_placement(biomech::Posture::kStanding, ChannelValues{});
  DrillContact c;
  c.at = ContactPoint::kHandR;
  c.on = biomech::ContactSurface::kBody;
  c.other = ContactPoint::kThighUpperR;
  const double before = *contact_gap(c, contact_spheres(legs, upper), pelvis);
  CHECK(std::abs(before) > 0.05);
  const anatomy::ArmPose a = reach(std::span(&c, 1), anatomy::Side::kRight, legs, upper, pelvis);
  anatomy::UpperBodyPose after = upper;
  after.arms[0] = a;
  CHECK(std::abs(*contact_gap(c, contact_spheres(legs, after), pelvis)) < 1e-3);
  for (auto [ch, v] : {std::pair{Channel::kShoulderFlexionR, a.shoulder_flexion}, std::pair{Channel::kShoulderAbductionR, a.shoulder_abduction},
                       std::pair{Channel::kElbowFlexionR, a.elbow_flexion}})
    CHECK(within_rom(ch, v, 1e-9));
}
