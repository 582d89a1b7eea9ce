// motion_test_helpers.h — small builders the motion tests share (one definition, so the layer's
// test files can compile together as unity sources: tests/CMakeLists.txt).
#pragma once
#include "core/units.h"
#include "motion/drill.h"

namespace hiplab::test {

// Degrees to radians, for angles written in degrees in the tests.
constexpr double rad(double deg) { return deg_to_rad(deg); }

// A phase of a drill: its name, duration (s) and whether it is a hold.
inline motion::Phase phase(const char* name, double duration, bool hold = false) {
  motion::Phase p;
  p.name = name;
  p.duration_s = duration;
  p.hold = hold;
  return p;
}

}  // namespace hiplab::test
