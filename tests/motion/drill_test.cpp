// Tests src/motion/drill.h: validate() names the field, mirroring swaps sides and signs.
#include "motion/drill.h"

#include <doctest/doctest.h>

#include "core/units.h"
#include "motion/motion_test_helpers.h"

using namespace hiplab;
using namespace hiplab::motion;

using hiplab::test::rad;

namespace {
Drill sample() {
  Drill d;
  d.id = "sample";
  d.name = "Sample";
  d.posture = biomech::Posture::kSideLying;
  d.start[Channel::kHipFlexionR] = rad(45);
  d.start[Channel::kKneeR] = rad(90);
  Phase up;
  up.name = "up";
  up.duration_s = 2;
  up.keyframes.push_back({2.0, {{Channel::kHipRotationR, rad(-30)}, {Channel::kPelvisObliquity, rad(5)}}, false});
  biomech::ElasticBand band;
  band.attachment = {anatomy::BodyId::kTibiaR, {0.0, -0.38, 0.01}};
  band.anchor_world = {0.3, 0.5, -0.2};
  up.loads.loads.bands.push_back(band);
  up.loads.loads.efforts.push_back({anatomy::Side::kRight, anatomy::LegCoord::kHipRotation, -0.5});
  Phase down = up;
  down.name = "down";
  down.keyframes = {{2.0, {{Channel::kHipRotationR, 0.0}, {Channel::kPelvisObliquity, 0.0}}, false}};
  d.phases = {up, down};
  d.dosage.sets = 2;
  d.dosage.reps = 3;
  DrillContact floor;
  floor.at = ContactPoint::kTrochanterL;
  DrillContact feet;
  feet.at = ContactPoint::kAnkleR;
  feet.on = biomech::ContactSurface::kBody;
  feet.other = ContactPoint::kAnkleL;
  DrillContact thigh;
  thigh.at_body = anatomy::BodyId::kFemurL;
  thigh.on = biomech::ContactSurface::kSupport;
  d.contacts = {floor, feet, thigh};
  return d;
}
bool has(const std::vector<std::string>& errors, const std::string& needle) {
  for (const auto& e : errors)
    if (e.find(needle) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("a well-formed drill validates") { CHECK(validate(sample()).empty()); }

TEST_CASE("validate names the field of each broken part") {
  Drill d = sample();
  d.phases[1].duration_s = -1;
  d.phases[0].keyframes[0].time_s = 5;
  d.dosage.reps = 0;
  d.name.clear();
  const auto e = validate(d);
  CHECK(has(e, "phases[1].duration_s: expected a positive number of seconds, got -1"));
  CHECK(has(e, "phases[0].keyframes[0].time_s"));
  CHECK(has(e, "dosage.reps"));
  CHECK(has(e, "name:"));
}

TEST_CASE("validate rejects angles beyond the range of motion unless the phase is end_range") {
  Drill d = sample();
  d.phases[0].keyframes[0].values[0].second = rad(-60);  // ER 60 > AAOS 45
  CHECK(has(validate(d), "phases[0].keyframes[0].hip_rotation_r_deg: -60 deg is outside the range of motion"));
  d.phases[0].end_range = true;
  d.phases[1].end_range = true;
  CHECK(validate(d).empty());
}

TEST_CASE("validate asks a repeating rep to end where it starts") {
  Drill d = sample();
  d.phases[1].keyframes[0].values[0].second = rad(-10);
  CHECK(has(validate(d), "must end where it starts"));
  d.dosage.sets = 1;
  d.dosage.reps = 1;
  CHECK(validate(d).empty());
}

TEST_CASE("validate rejects non-finite numbers and hold phases that move") {
  Drill d = sample();
  d.phases[0].keyframes[0].values[0].second = std::numeric_limits<double>::quiet_NaN();
  CHECK(has(validate(d), "phases[0].keyframes[0].hip_rotation_r_deg: expected a finite number"));
  d = sample();
  d.phases[0].hold = true;
  CHECK(has(validate(d), "phases[0].keyframes: a hold phase keeps its pose"));
}

TEST_CASE("mirroring swaps the legs, flips the lateral signs, the posture side, loads and contacts") {
  const Drill d = sample();
  const Drill m = mirrored_drill(d);
  CHECK(m.working_side == anatomy::Side::kLeft);
  CHECK(m.posture == biomech::Posture::kSideLyingOnRight);
  CHECK(m.start[Channel::kHipFlexionL] == doctest::Approx(rad(45)));
  CHECK(m.start[Channel::kHipFlexionR] == 0.0);
  const auto& kv = m.phases[0].keyframes[0].values;
  CHECK(kv[0].first == Channel::kHipRotationL);
  CHECK(kv[0].second == doctest::Approx(rad(-30)));  // external rotation stays external
  CHECK(kv[1].first == Channel::kPelvisObliquity);
  CHECK(kv[1].second == doctest::Approx(rad(-5)));
  const auto& band = m.phases[0].loads.loads.bands[0];
  CHECK(band.attachment.body == anatomy::BodyId::kTibiaL);
  CHECK(band.attachment.local.z == doctest::Approx(-0.01));
  // Anchor 0.5 m above the (upward-facing) right side stays 0.5 m above the upward-facing left side.
  CHECK(band.anchor_world.y == doctest::Approx(0.5));
  CHECK(band.anchor_world.x == doctest::Approx(0.3));
  CHECK(m.phases[0].loads.loads.efforts[0].side == anatomy::Side::kLeft);
  CHECK(m.phases[0].loads.loads.efforts[0].fraction == doctest::Approx(-0.5));
  CHECK(m.contacts[0].at == ContactPoint::kTrochanterR);
  CHECK(m.contacts[1].at == ContactPoint::kAnkleL);
  CHECK(m.contacts[1].other == ContactPoint::kAnkleR);
  CHECK(m.contacts[2].at_body == anatomy::BodyId::kFemurR);
  CHECK(contact_label(m.contacts[1]) == "ankle_l on ankle_r");
  // Twice is the identity.
  const Drill mm = mirrored_drill(m);
  for (int i = 0; i < kChannelCount; ++i) CHECK(mm.start.v[i] == doctest::Approx(d.start.v[i]));
  CHECK(mm.phases[0].loads.loads.bands[0].anchor_world.z == doctest::Approx(d.phases[0].loads.loads.bands[0].anchor_world.z));
}

TEST_CASE("channel names round-trip and mirror in pairs") {
  for (int i = 0; i < kChannelCount; ++i) {
    const Channel c = channel_at(i);
    CHECK(find_channel(channel_name(c)) == c);
    CHECK(mirror_channel(mirror_channel(c)) == c);
  }
  CHECK(find_channel("knee_flexion_l") == Channel::kKneeL);
  CHECK_FALSE(find_channel("hip_rotaton_r").has_value());
}
