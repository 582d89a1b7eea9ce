// Tests scene/muscle_geometry.h's view-dependent tessellation: the outline of a muscle's widest
// section stays within a pixel of the true circle (within the 6..16-side range), rings follow the
// length on screen, and a view without a scale gets the medium detail.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "scene/muscle_geometry.h"

using namespace hiplab;

TEST_CASE("muscle tubes get more sides and rings the larger they are on screen, within a pixel of round") {
  const std::vector<glm::dvec3> path = {{0, 0, 0}, {0, -0.1, 0.02}, {0, -0.3, 0.05}};  // ~0.3 m
  MuscleTubeProfile p;
  p.belly_radius = 0.02;
  CHECK(muscle_tube_detail(path, p, 0.0) == glm::ivec2(14, 8));
  int last_sides = 0, last_rings = 0;
  for (double px_per_m : {50.0, 200.0, 500.0, 1000.0, 2000.0, 8000.0}) {
    const glm::ivec2 d = muscle_tube_detail(path, p, px_per_m);
    INFO(px_per_m << " px/m: " << d.x << " rings, " << d.y << " sides");
    CHECK(d.y % 2 == 0);
    CHECK(d.y >= 6);
    CHECK(d.y <= 16);
    CHECK(d.x >= 8);
    CHECK(d.x <= 32);
    CHECK(d.y >= last_sides);
    CHECK(d.x >= last_rings);
    const double r_px = p.belly_radius * px_per_m;
    if (d.y < 16) CHECK(r_px * (1.0 - std::cos(3.14159265358979 / d.y)) <= 1.0 + 1e-9);
    last_sides = d.y;
    last_rings = d.x;
  }
  CHECK(muscle_tube_detail(path, p, 50.0).y == 6);
  CHECK(muscle_tube_detail(path, p, 8000.0) == glm::ivec2(32, 16));
  // A flattened fan keeps its area, so its wide axis (r sqrt(aspect)) asks for more sides.
  MuscleTubeProfile fan = p;
  fan.fan_aspect = 2.6;
  CHECK(muscle_tube_detail(path, fan, 500.0).y > muscle_tube_detail(path, p, 500.0).y);
}
