// Checks src/biomech/anthropometry.h against de Leva 1996 (J Biomech 29:1223), Table 4.
#include "biomech/anthropometry.h"

#include <doctest/doctest.h>


using namespace hiplab::biomech;

TEST_CASE("de Leva 1996: male thigh 14.16%, shank 4.33%, foot 1.37% of body mass") {
  const LegSegmentParameters p = leg_segment_parameters({70.0, 1.75, Sex::kMale});
  CHECK(p.segment[0].mass_kg == doctest::Approx(0.1416 * 70.0));
  CHECK(p.segment[1].mass_kg == doctest::Approx(0.0433 * 70.0));
  CHECK(p.segment[2].mass_kg == doctest::Approx(0.0137 * 70.0));
  // Thigh CoM 40.95% of 422.2 mm (at 1741 mm stature) below the hip centre, ~0.17 m as in Gait2392.
  CHECK(-p.segment[0].com_right.y == doctest::Approx(0.4095 * 0.4222 * 1.75 / 1.741).epsilon(0.01));
  // Taller body, longer lever; heavier body, heavier segments.
  const LegSegmentParameters q = leg_segment_parameters({90.0, 1.95, Sex::kMale});
  CHECK(q.segment[1].com_right.y < p.segment[1].com_right.y);
  CHECK(q.segment[1].mass_kg > p.segment[1].mass_kg);
}
