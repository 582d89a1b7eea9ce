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

TEST_CASE("passive fibre force (Thelen 2003 eq. 3, Gait2392 k_PE 4, e0 0.6): none up to l_o, F_max at 1.6 l_o") {
  const MuscleSpec& m = muscle(*find_muscle("peri"));
  const double width = m.optimal_fiber_length_m * std::sin(m.pennation_at_optimal_rad);
  // The musculotendon length that puts the fibre at l (rigid tendon, constant-thickness pennation).
  auto at = [&](double l) { return m.tendon_slack_length_m + std::sqrt(l * l - width * width); };
  const double lo = m.optimal_fiber_length_m;
  CHECK(fibre_state(m, at(lo)).passive_force_n == doctest::Approx(0.0));
  CHECK(fibre_state(m, at(0.8 * lo)).passive_force_n == 0.0);
  const FibreState full = fibre_state(m, at(1.6 * lo));
  CHECK(full.passive_length == doctest::Approx(1.0));
  CHECK(full.passive_force_n == doctest::Approx(m.max_isometric_force_n * full.cos_pennation));
  // Exponential in between: at 1.3 l_o, (e^2 - 1) / (e^4 - 1) = 0.119.
  CHECK(fibre_state(m, at(1.3 * lo)).passive_length == doctest::Approx((std::exp(2.0) - 1.0) / (std::exp(4.0) - 1.0)));
}
