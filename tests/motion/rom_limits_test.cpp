// Tests src/motion/rom_limits.h against the norms it cites (AAOS 1965; Roach & Miles 1991).
#include "motion/rom_limits.h"

#include <doctest/doctest.h>

#include "core/units.h"
#include "motion/motion_test_helpers.h"

using namespace hiplab;
using namespace hiplab::motion;

using hiplab::test::rad;

TEST_CASE("hip limits are the AAOS 1965 norms: flexion 120, extension 30, abduction 45, adduction 30, rotation 45 each way") {
  const RomLimit& f = rom_limit(Channel::kHipFlexionR);
  CHECK(rad_to_deg(f.max) == doctest::Approx(120));
  CHECK(rad_to_deg(f.min) == doctest::Approx(-30));
  CHECK(rad_to_deg(rom_limit(Channel::kHipAdductionL).min) == doctest::Approx(-45));
  CHECK(rad_to_deg(rom_limit(Channel::kHipAdductionL).max) == doctest::Approx(30));
  CHECK(rad_to_deg(rom_limit(Channel::kHipRotationR).max) == doctest::Approx(45));
  CHECK(rad_to_deg(rom_limit(Channel::kHipRotationR).min) == doctest::Approx(-45));
}

TEST_CASE("typical rotation is Roach and Miles 1991: 32 deg internal and external") {
  CHECK(rad_to_deg(rom_limit(Channel::kHipRotationL).typical_max) == doctest::Approx(32));
  CHECK(rad_to_deg(rom_limit(Channel::kHipRotationL).typical_min) == doctest::Approx(-32));
}

TEST_CASE("every channel's range contains the anatomical position and the typical band sits inside the limit") {
  for (int i = 0; i < kChannelCount; ++i) {
    const RomLimit& l = rom_limit(channel_at(i));
    CHECK(l.min <= 0.0);
    CHECK(l.max >= 0.0);
    CHECK(l.min < l.max);
    CHECK(l.typical_min >= l.min - 1e-12);
    CHECK(l.typical_max <= l.max + 1e-12);
    CHECK_FALSE(l.source.empty());
  }
  CHECK(clamp_to_rom(Channel::kKneeR, rad(200)) == doctest::Approx(rad(135)));
}
