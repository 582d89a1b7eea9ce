// Checks src/biomech/posture.h: gravity direction in the pelvis frame for each posture.
#include "biomech/posture.h"

#include <doctest/doctest.h>

#include "core/units.h"

using namespace hiplab;
using namespace hiplab::biomech;

TEST_CASE("postures: gravity in the pelvis frame") {
  CHECK(gravity_in_pelvis(Posture::kStanding).y == doctest::Approx(-kGravity));
  CHECK(gravity_in_pelvis(Posture::kSupine).x == doctest::Approx(-kGravity));  // falls backward
  CHECK(gravity_in_pelvis(Posture::kSideLying).z == doctest::Approx(-kGravity));  // right side up
  for (Posture p : all_postures()) CHECK(find_posture(posture_name(p)) == p);
}
