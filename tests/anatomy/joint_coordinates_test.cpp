// Checks src/anatomy/joint_coordinates.h: every coordinate has a name that parses back.
#include "anatomy/joint_coordinates.h"

#include <doctest/doctest.h>

using namespace hiplab::anatomy;

TEST_CASE("coordinate names round trip and knee_flexion is an alias of knee") {
  for (int i = 0; i < kLegCoordCount; ++i) {
    const auto c = static_cast<LegCoord>(i);
    CHECK(find_coord(coord_name(c)) == c);
    CHECK_FALSE(coord_sign_text(c).empty());
  }
  CHECK(find_coord("knee_flexion") == LegCoord::kKneeFlexion);
  CHECK_FALSE(find_coord("elbow").has_value());
  CHECK(coord_index(LegCoord::kKneeFlexion) < kMuscleCoordCount);
}
