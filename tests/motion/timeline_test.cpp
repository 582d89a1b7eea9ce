// Tests src/motion/timeline.h: unrolling over the dosage, continuous velocity across keyframes
// (numerically), no overshoot, holds, counters, mirrored sides and the pelvis resting on the floor.
#include "motion/timeline.h"

#include <doctest/doctest.h>

#include <cmath>

#include "core/units.h"
#include "motion/rom_limits.h"
#include "motion/motion_test_helpers.h"

using namespace hiplab;
using namespace hiplab::motion;

using hiplab::test::rad;

namespace {
using test::phase;
// Seated foot swing: 1 s setup, rep = out (smooth, two keyframes), hold, back (ease in/out).
Drill swing() {
  Drill d;
  d.id = "swing";
  d.name = "Swing";
  d.posture = biomech::Posture::kSeated;
  d.start[Channel::kHipFlexionR] = d.start[Channel::kHipFlexionL] = rad(90);
  d.start[Channel::kKneeR] = d.start[Channel::kKneeL] = rad(90);
  Phase setup = phase("setup", 1.0);
  setup.part = PhasePart::kSetup;
  Phase out = phase("out", 2.0);
  out.keyframes = {{0.8, {{Channel::kHipRotationR, rad(20)}, {Channel::kPelvisObliquity, rad(3)}}, false},
                   {2.0, {{Channel::kHipRotationR, rad(35)}, {Channel::kPelvisObliquity, 0.0}}, false}};
  Phase hold = phase("hold", 1.5);
  hold.hold = true;
  hold.loads.effort_ramp_s = 1.0;
  hold.loads.loads.efforts.push_back({anatomy::Side::kRight, anatomy::LegCoord::kHipRotation, 0.6});
  Phase back = phase("back", 1.5);
  back.easing = Easing::kEaseInOut;
  back.keyframes = {{1.5, {{Channel::kHipRotationR, 0.0}}, false}};
  d.phases = {setup, out, hold, back};
  d.dosage.sets = 2;
  d.dosage.reps = 3;
  return d;
}
Timeline build(const Drill& d, anatomy::Side s = anatomy::Side::kRight) {
  auto t = Timeline::build(d, s);
  REQUIRE(t.ok());
  return t.value();
}
}  // namespace

TEST_CASE("the timeline plays setup once, then sets x reps of the rep phases") {
  const Timeline t = build(swing());
  CHECK(t.instances().size() == 1 + 2 * 3 * 3);
  CHECK(t.duration() == doctest::Approx(1.0 + 6 * 5.0));
  const DrillFrame f = t.evaluate(1.0 + 5.0 * 4 + 2.5);  // set 2, rep 2, in the hold
  CHECK(f.set == 2);
  CHECK(f.rep == 2);
  CHECK(f.phase_name == "hold");
  CHECK(f.hold);
  CHECK(f.hold_remaining_s == doctest::Approx(1.0));
  CHECK(f.loads.efforts.size() == 1);
  CHECK(f.loads.efforts[0].fraction == doctest::Approx(0.3));  // half-way up its 1 s ramp
  CHECK(t.evaluate(0.5).set == 0);
  CHECK(t.find_phase_instance("hold") == 2);
}

TEST_CASE("keyframes are met exactly and the end of the drill holds the last pose") {
  const Timeline t = build(swing());
  CHECK(t.channels_at(1.8)[Channel::kHipRotationR] == doctest::Approx(rad(20)));
  CHECK(t.channels_at(3.0)[Channel::kHipRotationR] == doctest::Approx(rad(35)));
  CHECK(t.channels_at(1e9)[Channel::kHipRotationR] == doctest::Approx(0.0));
  CHECK(t.channels_at(-5)[Channel::kHipFlexionR] == doctest::Approx(rad(90)));
}

TEST_CASE("velocity is continuous across every keyframe and zero at holds (cubic Hermite, C1)") {
  const Timeline t = build(swing());
  const double eps = 1e-6;
  // Numerical derivative just before and just after every knot time.
  std::vector<double> knots;
  for (const PhaseInstance& in : t.instances()) {
    knots.push_back(in.start_s);
    for (const Keyframe& k : t.drill().phases[in.phase].keyframes) knots.push_back(in.start_s + k.time_s);
  }
  for (double tk : knots) {
    if (tk <= eps || tk >= t.duration() - eps) continue;
    for (int c = 0; c < kChannelCount; ++c) {
      const double before = (t.channels_at(tk).v[c] - t.channels_at(tk - eps).v[c]) / eps;
      const double after = (t.channels_at(tk + eps).v[c] - t.channels_at(tk).v[c]) / eps;
      INFO("t = " << tk << " channel " << channel_name(channel_at(c)));
      CHECK(before == doctest::Approx(after).epsilon(1e-3).scale(1.0));
    }
  }
  // The smooth keyframe at 0.8 s into "out" does not stop: the foot keeps moving through it.
  CHECK(std::abs(t.velocity_at(1.8)[Channel::kHipRotationR]) > 0.05);
  // Holds do not move.
  CHECK(t.velocity_at(3.7)[Channel::kHipRotationR] == doctest::Approx(0.0));
  // The analytic velocity agrees with the numerical one.
  const double tm = 2.3;
  const double num = (t.channels_at(tm + eps)[Channel::kHipRotationR] - t.channels_at(tm - eps)[Channel::kHipRotationR]) / (2 * eps);
  CHECK(t.velocity_at(tm)[Channel::kHipRotationR] == doctest::Approx(num).epsilon(1e-5));
}

TEST_CASE("the motion never overshoots its keyframes (monotone between them)") {
  const Timeline t = build(swing());
  for (int i = 0; i <= 4000; ++i) {
    const double x = t.duration() * i / 4000.0;
    const double r = t.channels_at(x)[Channel::kHipRotationR];
    CHECK(r >= -1e-12);
    CHECK(r <= rad(35) + 1e-12);
  }
}

TEST_CASE("the drill on the left side gives the mirrored angles at every time") {
  const Timeline r = build(swing(), anatomy::Side::kRight);
  const Timeline l = build(swing(), anatomy::Side::kLeft);
  CHECK(l.side() == anatomy::Side::kLeft);
  CHECK(r.duration() == doctest::Approx(l.duration()));
  for (int i = 0; i <= 100; ++i) {
    const double x = r.duration() * i / 100.0;
    const ChannelValues a = r.channels_at(x), b = l.channels_at(x);
    for (int c = 0; c < kChannelCount; ++c) {
      const Channel ch = channel_at(c);
      CHECK(b[mirror_channel(ch)] == doctest::Approx(mirror_sign(ch) * a[ch]));
    }
    const DrillFrame fr = r.evaluate(x), fl = l.evaluate(x);
    CHECK(fl.legs.leg(anatomy::Side::kLeft)[anatomy::LegCoord::kHipRotation] ==
          doctest::Approx(fr.legs.leg(anatomy::Side::kRight)[anatomy::LegCoord::kHipRotation]));
    // Pelvis placement mirrors too: same height, lateral translation negated.
    CHECK(fl.pelvis_world[3].y == doctest::Approx(fr.pelvis_world[3].y));
    CHECK(fl.pelvis_world[3].z == doctest::Approx(-fr.pelvis_world[3].z).epsilon(1e-9).scale(1.0));
  }
  CHECK(l.evaluate(3.5).loads.efforts[0].side == anatomy::Side::kLeft);
}

TEST_CASE("an invalid drill does not build and the error lists the problem") {
  Drill d = swing();
  d.phases[1].duration_s = 0.0;
  auto t = Timeline::build(d, anatomy::Side::kRight);
  REQUIRE_FALSE(t.ok());
  CHECK(t.error().message.find("phases[1].duration_s") != std::string::npos);
}

TEST_CASE("standing in the anatomical position the pelvis is about 0.94 m up and the soles touch the floor") {
  // HipLab body model: pelvis origin 0.944 m above the soles in its bind pose.
  const glm::dmat4 m = pelvis_placement(biomech::Posture::kStanding, ChannelValues{});
  CHECK(m[3].y == doctest::Approx(0.944).epsilon(0.02));
  const ContactSpheres s = contact_spheres(anatomy::LegAngles{}, anatomy::UpperBodyPose{});
  const auto h = contact_heights(s, m);
  CHECK(h[contact_index(ContactPoint::kHeelR)] == doctest::Approx(0.0).scale(1.0).epsilon(0.01));
  CHECK(h[contact_index(ContactPoint::kForefootL)] < 0.015);
  for (double v : h) CHECK(v >= -1e-9);
}

TEST_CASE("lying supine with the trunk 2 deg flexed and the hips 1 deg extended the sacrum, back, head and heels rest on the floor") {
  ChannelValues c;
  c[Channel::kLumbarFlexion] = rad(2);
  c[Channel::kHipFlexionR] = c[Channel::kHipFlexionL] = rad(-1);
  const glm::dmat4 m = pelvis_placement(biomech::Posture::kSupine, c);
  const auto h = contact_heights(contact_spheres(leg_pose(c), upper_body_pose(c)), m);
  CHECK(h[contact_index(ContactPoint::kUpperBack)] < 0.02);
  CHECK(h[contact_index(ContactPoint::kHead)] < 0.02);
  INFO("sacrum " << h[contact_index(ContactPoint::kSacrum)] << " heel " << h[contact_index(ContactPoint::kHeelR)]);
  CHECK(h[contact_index(ContactPoint::kSacrum)] < 0.02);
  CHECK(h[contact_index(ContactPoint::kHeelR)] < 0.02);
}
