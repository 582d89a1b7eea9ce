// Checks src/biomech/muscle_force.h: the Thelen 2003 curves with Gait2392's parameters, the rigid
// tendon, and the compliant tendon's fibre-tendon equilibrium.
#include "biomech/muscle_force.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

using namespace hiplab;
using namespace hiplab::anatomy;
using namespace hiplab::biomech;

namespace {
const MuscleSpec& spec(const char* name) { return muscle(*find_muscle(name)); }

// Musculotendon length that puts a rigid-tendon fibre at length l (constant-thickness pennation).
double rigid_mtu_at(const MuscleSpec& m, double l) {
  const double width = m.optimal_fiber_length_m * std::sin(m.pennation_at_optimal_rad);
  return m.tendon_slack_length_m + std::sqrt(l * l - width * width);
}
}  // namespace

TEST_CASE("rigid tendon: full force at optimal fibre length, less when shorter or longer (Thelen 2003 eq. 4)") {
  const MuscleSpec& m = spec("glut_med1");
  const double at_opt = rigid_mtu_at(m, m.optimal_fiber_length_m);
  const FibreState s = rigid_fibre_state(m, at_opt);
  CHECK(s.normalized_length == doctest::Approx(1.0));
  CHECK(s.force_length == doctest::Approx(1.0));
  CHECK(s.available_force_n == doctest::Approx(m.max_isometric_force_n * std::cos(m.pennation_at_optimal_rad)));
  // Thelen 2003 eq. 4 with gamma 0.5: 50% longer fibre -> exp(-0.25/0.5) = 0.61.
  const FibreState longer = rigid_fibre_state(m, at_opt + 0.5 * m.optimal_fiber_length_m);
  CHECK(longer.force_length < 0.75);
  CHECK(longer.force_length > 0.5);
  CHECK(rigid_fibre_state(m, at_opt - 0.04).force_length < 1.0);
}

TEST_CASE("passive fibre force (Thelen 2003 eq. 3, Gait2392 k_PE 4, e0 0.6): none up to l_o, F_max at 1.6 l_o") {
  const MuscleSpec& m = spec("peri");
  const double lo = m.optimal_fiber_length_m;
  CHECK(rigid_fibre_state(m, rigid_mtu_at(m, lo)).passive_force_n == doctest::Approx(0.0));
  CHECK(rigid_fibre_state(m, rigid_mtu_at(m, 0.8 * lo)).passive_force_n == 0.0);
  const FibreState full = rigid_fibre_state(m, rigid_mtu_at(m, 1.6 * lo));
  CHECK(full.passive_length == doctest::Approx(1.0));
  CHECK(full.passive_force_n == doctest::Approx(m.max_isometric_force_n * full.cos_pennation));
  // Exponential in between: at 1.3 l_o, (e^2 - 1) / (e^4 - 1) = 0.119.
  CHECK(rigid_fibre_state(m, rigid_mtu_at(m, 1.3 * lo)).passive_length ==
        doctest::Approx((std::exp(2.0) - 1.0) / (std::exp(4.0) - 1.0)));
}

TEST_CASE("tendon force-strain (Thelen 2003, as OpenSim Thelen2003Muscle): slack below l_s, toe to 0.609 eps0, F_max at eps0 = 0.033") {
  CHECK(tendon_force_strain(-0.01) == 0.0);
  CHECK(tendon_force_strain(0.0) == 0.0);
  // The toe ends at 0.609 eps0 with a third of F_max, continuously.
  const double toe = 0.609 * kTendonStrainAtFmax;
  CHECK(tendon_force_strain(toe) == doctest::Approx(1.0 / 3.0));
  CHECK(tendon_force_strain(toe * (1.0 - 1e-9)) == doctest::Approx(tendon_force_strain(toe * (1.0 + 1e-9))));
  // F_max at the Gait2392 FmaxTendonStrain (the linear region's 1.712 / eps0 gives 1.003).
  CHECK(tendon_force_strain(kTendonStrainAtFmax) == doctest::Approx(1.0).epsilon(0.005));
  // Stiffer and stiffer through the toe, then linear.
  CHECK(tendon_force_strain(0.5 * toe) < 0.5 * tendon_force_strain(toe));
  for (double f : {0.0, 0.01, 0.2, 1.0 / 3.0, 0.5, 1.0, 1.5})
    CHECK(tendon_force_strain(tendon_strain_at(f)) == doctest::Approx(f).scale(1.0));
}

TEST_CASE("fibre-tendon equilibrium: every muscle, relaxed to fully active, short to long: fibre force along the tendon = tendon force") {
  // The equilibrium the effort solve uses (muscle_force.h): for each muscle, musculotendon lengths
  // from 10% below to 25% above its optimal length l_o cos a_o + l_s, activations 0 to 1.
  double worst = 0.0;
  int worst_iterations = 0;
  std::string worst_muscle;
  for (int i = 0; i < kMuscleCount; ++i) {
    const MuscleSpec& m = muscle(i);
    const double nominal = m.optimal_fiber_length_m * std::cos(m.pennation_at_optimal_rad) + m.tendon_slack_length_m;
    for (double stretch = 0.90; stretch <= 1.2501; stretch += 0.025)
      for (double u : {0.0, 0.01, 0.3, 1.0}) {
        const double mtu = stretch * nominal;
        const FibreState s = equilibrium_fibre_state(m, mtu, u);
        const double residual = std::abs(s.residual_n) / m.max_isometric_force_n;
        if (residual > worst) {
          worst = residual;
          worst_muscle = std::string(m.name);
        }
        worst_iterations = std::max(worst_iterations, s.iterations);
        // The parts add up to the musculotendon length.
        const double tendon = m.tendon_slack_length_m * (1.0 + s.tendon_strain);
        CHECK(tendon + s.fibre_length_m * s.cos_pennation == doctest::Approx(mtu).epsilon(1e-9));
        // Constant thickness: l_M sin a = l_o sin a_o.
        CHECK(s.fibre_length_m * std::sqrt(std::max(0.0, 1.0 - s.cos_pennation * s.cos_pennation)) ==
              doctest::Approx(m.optimal_fiber_length_m * std::sin(m.pennation_at_optimal_rad)).epsilon(1e-9));
        // The tendon is never compressed into carrying force, and pulls exactly what the fibre does.
        CHECK(s.tendon_force_n >= 0.0);
        CHECK(std::abs(s.tendon_force_n - (u * s.available_force_n + s.passive_force_n)) <= 1e-9 * m.max_isometric_force_n);
      }
  }
  MESSAGE("largest equilibrium residual ", worst, " F_max (", worst_muscle, "), most iterations ", worst_iterations);
  CHECK(worst < 1e-9);
  CHECK(worst_iterations < 30);
}

TEST_CASE("short tendon: at optimal length the compliant tendon gives the rigid tendon's force (Millard et al. 2013)") {
  // Millard, Uchida, Seth & Delp 2013, J Biomech Eng 135:021005: for a muscle with a short tendon the
  // rigid-tendon model produces the forces of the elastic-tendon models. Adductor magnus (superior):
  // l_s 0.060 m against l_o 0.087 m. Its tendon stretches eps0 l_s = 2 mm at F_max, 2.3% of l_o, so
  // the fibre leaves the plateau of f_L by almost nothing.
  const MuscleSpec& m = spec("add_mag1");
  REQUIRE(m.tendon_slack_length_m < m.optimal_fiber_length_m);
  const double mtu = rigid_mtu_at(m, m.optimal_fiber_length_m);
  const FibreState rigid = rigid_fibre_state(m, mtu);
  const FibreState compliant = equilibrium_fibre_state(m, mtu, 1.0);
  MESSAGE("add_mag1 at optimal length: rigid ", rigid.tendon_force_n, " N, compliant ", compliant.tendon_force_n,
          " N, tendon strain ", compliant.tendon_strain);
  CHECK(compliant.tendon_force_n == doctest::Approx(rigid.tendon_force_n).epsilon(0.01));
  CHECK(compliant.tendon_strain == doctest::Approx(kTendonStrainAtFmax).epsilon(0.05));
}

TEST_CASE("long tendon: the active fibre is shorter than with a rigid tendon at the same musculotendon length") {
  // Soleus (l_s 0.25 m, l_o 0.05 m) and TFL (l_s 0.425 m, l_o 0.095 m): fully active at the rigid
  // model's optimal length, the tendon carries nearly F_max and so stretches by nearly eps0 = 3.3%:
  // 8 mm for soleus (16% of its fibre), 14 mm for TFL. The fibre gives that length back.
  for (const char* name : {"soleus", "tfl"}) {
    const MuscleSpec& m = spec(name);
    const double mtu = rigid_mtu_at(m, m.optimal_fiber_length_m);
    const FibreState rigid = rigid_fibre_state(m, mtu);
    const FibreState active = equilibrium_fibre_state(m, mtu, 1.0);
    const FibreState relaxed = equilibrium_fibre_state(m, mtu, 0.0);
    MESSAGE(std::string(name), ": fibre rigid ", rigid.fibre_length_m * 1000.0, " mm, compliant active ", active.fibre_length_m * 1000.0,
            " mm (tendon strain ", active.tendon_strain, "), force ", active.tendon_force_n, " N against ",
            rigid.tendon_force_n, " N rigid");
    CHECK(active.fibre_length_m < rigid.fibre_length_m - 0.6 * kTendonStrainAtFmax * m.tendon_slack_length_m);
    CHECK(active.tendon_strain > 0.6 * kTendonStrainAtFmax);
    CHECK(active.tendon_strain < kTendonStrainAtFmax);
    // Less force than rigid: the fibre moved down the ascending limb of f_L.
    CHECK(active.tendon_force_n < rigid.tendon_force_n);
    // Relaxed at that length the fibre is not stretched, so the tendon is slack and nothing pulls.
    CHECK(relaxed.tendon_force_n == doctest::Approx(0.0).scale(1.0));
    CHECK(relaxed.fibre_length_m == doctest::Approx(rigid.fibre_length_m));
  }
}

TEST_CASE("stretched and relaxed: the passive pull also stretches the tendon, so it is below the rigid tendon's") {
  // Rectus femoris (l_s 0.31 m against l_o 0.114 m) pulled to where a rigid tendon would put its
  // fibre at 1.5 l_o: the relaxed fibre pulls, the tendon takes part of the stretch, and the
  // passive force is less than the rigid model's, but not zero.
  const MuscleSpec& m = spec("rect_fem");
  const double mtu = rigid_mtu_at(m, 1.5 * m.optimal_fiber_length_m);
  const FibreState rigid = rigid_fibre_state(m, mtu, 0.0);
  const MuscleCapacity c = muscle_capacity(m, mtu);
  MESSAGE("rect_fem at rigid 1.5 l_o: passive rigid ", rigid.passive_force_n, " N, compliant ", c.passive_force_n,
          " N (fibre ", c.relaxed.normalized_length, " l_o)");
  CHECK(c.passive_force_n > 0.0);
  CHECK(c.passive_force_n < rigid.passive_force_n);
  CHECK(c.relaxed.normalized_length < 1.5);
  CHECK(c.passive_force_n == doctest::Approx(c.relaxed.tendon_force_n));
  // The chord the effort solve uses: exact at both ends.
  CHECK(c.passive_force_n + c.available_force_n == doctest::Approx(c.full.tendon_force_n));
  CHECK(c.available_force_n > 0.0);
}

TEST_CASE("slack: a musculotendon shorter than its tendon's slack length pulls nothing, relaxed or active") {
  const MuscleSpec& m = spec("tfl");
  const MuscleCapacity c = muscle_capacity(m, 0.9 * m.tendon_slack_length_m);
  CHECK(c.passive_force_n == 0.0);
  CHECK(c.available_force_n == 0.0);
}
