// Checks src/biomech/static_optimization.h: exact minimum-sum-of-squares activations (KKT
// conditions), zero torque -> zero activation, and the closest solution when infeasible.
#include "biomech/static_optimization.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace hiplab::biomech;

namespace {

ActivationProblem random_problem(std::mt19937& rng, int n, double torque_scale) {
  std::uniform_real_distribution<double> col(-40.0, 40.0), t(-1.0, 1.0);
  ActivationProblem pb;
  pb.rows = 4;
  pb.variables = n;
  for (int i = 0; i < n; ++i)
    for (int k = 0; k < 4; ++k) pb.column[i][k] = col(rng) * (i % 3 == 0 && k == 3 ? 0.0 : 1.0);
  for (int k = 0; k < 4; ++k) pb.torque[k] = torque_scale * t(rng);
  return pb;
}

}  // namespace

TEST_CASE("zero torque gives exactly zero activation") {
  std::mt19937 rng(1);
  ActivationProblem pb = random_problem(rng, 28, 0.0);
  const ActivationSolution s = solve_activations(pb);
  CHECK(s.feasible);
  for (int i = 0; i < 28; ++i) CHECK(s.activation[i] == 0.0);
}

TEST_CASE("feasible problems: A a = tau, and KKT: a_i = clamp(c_i . lambda, 0, 1)") {
  // For min sum a^2 s.t. A a = tau, 0 <= a <= 1, the KKT conditions are exactly
  // a_i = min(1, max(0, c_i^T lambda)) for the constraint multipliers lambda.
  std::mt19937 rng(2);
  int solved = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const ActivationProblem pb = random_problem(rng, 28, 60.0);
    const ActivationSolution s = solve_activations(pb);
    if (!s.feasible) continue;
    ++solved;
    for (int k = 0; k < 4; ++k) REQUIRE(std::abs(s.achieved[k] - pb.torque[k]) < 1e-7);
    for (int i = 0; i < 28; ++i) {
      double c = 0.0;
      for (int k = 0; k < 4; ++k) c += pb.column[i][k] * s.multiplier[k];
      REQUIRE(s.activation[i] == doctest::Approx(std::clamp(c, 0.0, 1.0)).epsilon(1e-6).scale(1.0));
      REQUIRE(s.activation[i] >= 0.0);
      REQUIRE(s.activation[i] <= 1.0);
    }
  }
  CHECK(solved > 250);
}

TEST_CASE("a load beyond the muscles: all-out closest torque, saturated coordinate named") {
  ActivationProblem pb;
  pb.rows = 2;
  pb.variables = 3;
  pb.column[0] = {10.0, 0.0};
  pb.column[1] = {5.0, 5.0};
  pb.column[2] = {0.0, -8.0};
  pb.torque = {100.0, 0.0};  // max flexion-like torque is 15: infeasible
  const ActivationSolution s = solve_activations(pb);
  CHECK_FALSE(s.feasible);
  CHECK(s.saturated[0]);
  CHECK_FALSE(s.saturated[1]);
  // Closest: a0 = a1 = 1 gives 15 about row 0; row 1 balanced by a2 = 5/8.
  CHECK(s.activation[0] == doctest::Approx(1.0));
  CHECK(s.activation[1] == doctest::Approx(1.0));
  CHECK(s.activation[2] == doctest::Approx(0.625));
  CHECK(s.achieved[1] == doctest::Approx(0.0).scale(1.0));
}

TEST_CASE("muscles and contact edges (x >= 0, no upper bound) over two legs' rows: KKT holds") {
  // With unbounded variables (a contact's friction-pyramid edge weights) the KKT conditions read
  // x_i = max(0, c_i . lambda) for them and clamp(c_i . lambda, 0, 1) for the muscles.
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> col(-40.0, 40.0), t(-1.0, 1.0), big(-4000.0, 4000.0);
  int solved = 0;
  for (int trial = 0; trial < 200; ++trial) {
    ActivationProblem pb;
    pb.rows = 8;
    const int muscles = 56, edges = 24;
    pb.variables = muscles + edges;
    for (int i = 0; i < muscles; ++i)  // each muscle crosses one leg's four rows
      for (int k = 0; k < 8; ++k) pb.column[i][k] = (k / 4 == i / 28) ? col(rng) : 0.0;
    for (int i = muscles; i < pb.variables; ++i) {  // contacts reach both legs, with large columns
      pb.unbounded[i] = true;
      for (int k = 0; k < 8; ++k) pb.column[i][k] = big(rng);
    }
    for (int k = 0; k < 8; ++k) pb.torque[k] = 80.0 * t(rng);
    const ActivationSolution s = solve_activations(pb);
    REQUIRE(s.converged);
    if (!s.feasible) continue;
    ++solved;
    for (int k = 0; k < 8; ++k) REQUIRE(std::abs(s.achieved[k] - pb.torque[k]) < 1e-6);
    for (int i = 0; i < pb.variables; ++i) {
      double c = 0.0;
      for (int k = 0; k < 8; ++k) c += pb.column[i][k] * s.multiplier[k];
      const double expect = pb.unbounded[i] ? std::max(c, 0.0) : std::clamp(c, 0.0, 1.0);
      REQUIRE(s.activation[i] == doctest::Approx(expect).epsilon(1e-6).scale(1.0));
      REQUIRE(s.activation[i] >= 0.0);
      if (!pb.unbounded[i]) REQUIRE(s.activation[i] <= 1.0);
    }
  }
  CHECK(solved > 150);
}

TEST_CASE("an unbounded variable goes past 1 when the load needs it") {
  // One contact edge alone must carry 300 N m with a column of 100 per unit: x = 3.
  ActivationProblem pb;
  pb.rows = 1;
  pb.variables = 2;
  pb.column[0] = {100.0};
  pb.unbounded[0] = true;
  pb.column[1] = {10.0};  // a muscle that helps a little
  pb.torque = {300.0};
  const ActivationSolution s = solve_activations(pb);
  CHECK(s.feasible);
  // min x0^2 + x1^2 s.t. 100 x0 + 10 x1 = 300: x = 300 (100, 10) / 10100.
  CHECK(s.activation[0] == doctest::Approx(300.0 * 100.0 / 10100.0));
  CHECK(s.activation[1] == doctest::Approx(300.0 * 10.0 / 10100.0));
}

TEST_CASE("a rank-deficient Gram matrix (pivoted Cholesky path) gives the reference solve's answer") {
  // Rows 4 and 5 are combinations of rows 0-2 for every variable (as a contact's rows that the free
  // variables reach in fewer directions than rows), so A_F A_F^T is singular however many variables
  // are free and the plain Cholesky fails: the pivoted one must give the pseudo-inverse that the
  // reference's Jacobi decomposition gives. Tolerance as in tests/assets/drill_effort_test.cpp.
  std::mt19937 rng(4);
  std::uniform_real_distribution<double> col(-40.0, 40.0), t(-1.0, 1.0);
  int compared = 0, feasible = 0;
  for (int trial = 0; trial < 200; ++trial) {
    ActivationProblem pb;
    pb.rows = 6;
    pb.variables = 40;
    for (int i = 0; i < pb.variables; ++i) {
      for (int k = 0; k < 4; ++k) pb.column[i][k] = col(rng);
      pb.column[i][4] = 0.5 * pb.column[i][0] - 2.0 * pb.column[i][1];
      pb.column[i][5] = pb.column[i][2] + pb.column[i][0];
      pb.unbounded[i] = i >= 32;  // a few contact-like edges
    }
    // A reachable torque (in the span of the rows), or an arbitrary one (the closest is found).
    for (int k = 0; k < 4; ++k) pb.torque[k] = 60.0 * t(rng);
    pb.torque[4] = trial % 2 ? 0.5 * pb.torque[0] - 2.0 * pb.torque[1] : 60.0 * t(rng);
    pb.torque[5] = pb.torque[2] + pb.torque[0];
    const ActivationSolution fast = solve_activations(pb);
    pb.reference = true;
    const ActivationSolution ref = solve_activations(pb);
    REQUIRE(fast.converged);
    REQUIRE(ref.converged);
    CHECK(fast.feasible == ref.feasible);
    feasible += fast.feasible ? 1 : 0;
    for (int i = 0; i < pb.variables; ++i) REQUIRE(std::abs(fast.activation[i] - ref.activation[i]) <= 1e-8);
    ++compared;
  }
  CHECK(compared == 200);
  CHECK(feasible > 50);  // both kinds of problem are met
}

// A warm start far from the answer (static_optimization.h, kWarmStepBudget): every variable free
// at half activation, where the answer needs most at zero, so the primal active sets would drop
// them one at a time (the 90/90 switch's pelvis rolling: 200-280 steps). The solve gives up the
// warm start after the budget and starts again from the dual, Newton steps begun at the
// multipliers it was given (here another torque's): the same optimum (KKT), in a bounded number
// of steps; and with no multipliers given (zeros), the dual starts from zero as a cold solve does.
TEST_CASE("a warm start far from the answer is given up for the dual's point: same optimum, bounded steps") {
  std::mt19937 rng(7);
  constexpr int kRows = 6, kVars = 240;
  std::uniform_real_distribution<double> col(-40.0, 40.0), t(-1.0, 1.0);
  int given_up = 0;
  for (int trial = 0; trial < 20; ++trial) {
    ActivationProblem pb;
    pb.rows = kRows;
    pb.variables = kVars;
    for (int i = 0; i < kVars; ++i)
      for (int k = 0; k < kRows; ++k) pb.column[i][k] = col(rng);
    for (int k = 0; k < kRows; ++k) pb.torque[k] = 150.0 * t(rng);
    const ActivationSolution cold = solve_activations(pb);
    REQUIRE(cold.feasible);
    ActivationProblem other = pb;
    for (int k = 0; k < kRows; ++k) other.torque[k] = 150.0 * t(rng);
    const ActivationSolution from = solve_activations(other);
    for (bool with_multipliers : {true, false}) {
      ActivationProblem warm = pb;
      warm.warm = true;
      warm.start.fill(0.5);
      warm.start_multiplier = with_multipliers ? from.multiplier : std::array<double, kMaxRows>{};
      const ActivationSolution s = solve_activations(warm);
      INFO("trial " << trial << " multipliers " << with_multipliers << " steps " << s.iterations << " cold " << cold.iterations);
      REQUIRE(s.feasible);
      if (s.iterations > kWarmStepBudget) ++given_up;
      CHECK(s.iterations <= kWarmStepBudget + 1 + cold.iterations + 40);
      for (int i = 0; i < kVars; ++i)
        CHECK(s.activation[i] == doctest::Approx(cold.activation[i]).epsilon(1e-6).scale(1.0));
    }
  }
  CHECK(given_up >= 20);  // the budget was reached (the primal start alone would need more)
}
