// Tests src/motion/posture_frames.h: its copies agree exactly with biomech/posture.h.
#include "motion/posture_frames.h"

#include <doctest/doctest.h>

using namespace hiplab;

TEST_CASE("motion's posture names and pelvis rotations are biomech's") {
  CHECK(std::size(motion::kPostures) == biomech::all_postures().size());
  for (biomech::Posture p : biomech::all_postures()) {
    CHECK(motion::posture_label(p) == biomech::posture_name(p));
    CHECK(motion::posture_from_label(biomech::posture_name(p)) == p);
    const glm::dmat3 a = motion::posture_rotation(p), b = biomech::pelvis_to_world(p);
    for (int c = 0; c < 3; ++c)
      for (int r = 0; r < 3; ++r) CHECK(a[c][r] == doctest::Approx(b[c][r]).epsilon(1e-15));
  }
}
