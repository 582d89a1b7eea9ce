// Tests src/anatomy/muscle_layers.h: the layer and region names read back as what they name, in
// order from the outside in, and nothing else parses.
#include <doctest/doctest.h>

#include "anatomy/muscle_layers.h"

using namespace hiplab::anatomy;

TEST_CASE("muscle layers and regions: names round-trip, layers ordered from the outside in, others refused") {
  for (int i = 0; i < kMuscleLayerCount; ++i) {
    const auto l = static_cast<MuscleLayer>(i);
    CHECK(parse_muscle_layer(muscle_layer_name(l)) == l);
  }
  for (int i = 0; i < kBodyRegionCount; ++i) {
    const auto r = static_cast<BodyRegion>(i);
    CHECK(parse_body_region(body_region_name(r)) == r);
  }
  // The peel takes layers whose index is below its level: superficial first, deep never.
  CHECK(static_cast<int>(MuscleLayer::kSuperficial) == 0);
  CHECK(static_cast<int>(MuscleLayer::kIntermediate) == 1);
  CHECK(static_cast<int>(MuscleLayer::kDeep) == 2);
  for (const char* bad : {"", "middle", "Deep", "superficial ", "outer"}) CHECK_FALSE(parse_muscle_layer(bad));
  for (const char* bad : {"", "foot", "Hip", "knee"}) CHECK_FALSE(parse_body_region(bad));
}
