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

// The reach places only the contacts its gaps read on each step (floor_contacts.h
// contact_centres_from); those must be the very numbers contact_spheres_from gives, whatever the
// pose, for every contact, or the drills' arms would move.
TEST_CASE("contact_centres_from places each asked contact exactly where contact_spheres_from does, and leaves the rest") {
  for (int pose = 0; pose < 20; ++pose) {
    const double a = 0.13 * pose - 1.2;
    anatomy::LegAngles legs;
    legs.leg(anatomy::Side::kRight)[anatomy::LegCoord::kHipFlexion] = a;
    legs.leg(anatomy::Side::kLeft)[anatomy::LegCoord::kHipRotation] = 0.5 * a;
    legs.leg(anatomy::Side::kRight)[anatomy::LegCoord::kKneeFlexion] = 0.7 * std::abs(a);
    anatomy::UpperBodyPose upper;
    upper.lumbar_flexion = 0.3 * a;
    upper.lumbar_rotation = -0.2 * a;
    upper.neck_flexion = 0.25 * a;
    upper.neck_bending = -0.1 * a;
    upper.arms[0] = {a, 0.4 * a, 1.1 + 0.2 * a};
    upper.arms[1] = {-0.6 * a, 0.8 + 0.3 * a, 0.5};
    const anatomy::BodyFrames frames = anatomy::forward_kinematics(legs);
    const ContactSpheres all = contact_spheres_from(frames, upper);
    for (int i = 0; i < kContactCount; ++i) {
      ContactSpheres one;
      one.centre.fill(glm::dvec3(7.0));
      const int which[] = {i};
      contact_centres_from(frames, upper, which, one);
      INFO("contact " << contact_name(static_cast<ContactPoint>(i)) << " pose " << pose);
      CHECK(one.centre[static_cast<std::size_t>(i)] == all.centre[static_cast<std::size_t>(i)]);
      CHECK(one.radius[static_cast<std::size_t>(i)] == all.radius[static_cast<std::size_t>(i)]);
      for (int k = 0; k < kContactCount; ++k)
        if (k != i) CHECK(one.centre[static_cast<std::size_t>(k)] == glm::dvec3(7.0));
    }
  }
}
