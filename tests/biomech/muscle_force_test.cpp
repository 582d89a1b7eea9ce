// Checks src/biomech/muscle_force.h: Thelen 2003 active force-length with a rigid tendon.
#include "biomech/muscle_force.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace hiplab;
using namespace hiplab::anatomy;
using namespace hiplab::biomech;

TEST_CASE("full force at optimal fibre length, less when shorter or longer") {
  const MuscleSpec& m = muscle(*find_muscle("glut_med1"));
  // Musculotendon length that puts the fibre at l_o with pennation a_o (rigid tendon).
  const double at_opt = m.tendon_slack_length_m + m.optimal_fiber_length_m * std::cos(m.pennation_at_optimal_rad);
  const FibreState s = fibre_state(m, at_opt);
  CHECK(s.normalized_length == doctest::Approx(1.0));
  CHECK(s.force_length == doctest::Approx(1.0));
  CHECK(s.available_force_n == doctest::Approx(m.max_isometric_force_n * std::cos(m.pennation_at_optimal_rad)));
  // Thelen 2003 eq. 4 with gamma 0.5: 50% longer fibre -> exp(-0.25/0.5) = 0.61.
  const FibreState longer = fibre_state(m, at_opt + 0.5 * m.optimal_fiber_length_m);
  CHECK(longer.force_length < 0.75);
  CHECK(longer.force_length > 0.5);
  CHECK(fibre_state(m, at_opt - 0.04).force_length < 1.0);
}
