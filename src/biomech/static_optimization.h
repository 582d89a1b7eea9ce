// static_optimization.h — muscle activations from joint torques: the exact solution of
//
//     minimise  sum_i a_i^2   subject to  A a = tau,   0 <= a_i <= 1
//
// where column i of A holds muscle i's available force times its moment arms (N m per unit
// activation) about each coordinate, and tau is the torque the muscles must make (N m).
// When no activation vector reaches tau (the load is beyond the muscles), the solution is the
// lexicographic one: first the activations that minimise |A a - tau|^2 (the closest reachable
// torque), then, among those, the smallest sum of squares; the coordinates whose torque could not
// be met are flagged saturated.
//
// Method: two primal active-set phases over the box (Nocedal & Wright 2006, Numerical
// Optimization, Alg. 16.3; phase 1 is the bounded-variable least squares of Stark & Parker 1995,
// Computational Statistics 10:129). Each subproblem on the free set is solved in closed form with
// the pseudo-inverse of the small Gram matrix A_F A_F^T (<= 6 x 6, Jacobi eigen-decomposition), so
// rank-deficient cases (a coordinate no free muscle crosses) are handled. No allocation; sizes fixed.
// Units: activations dimensionless, torques N m.
#pragma once
#include <array>

namespace hiplab::biomech {

inline constexpr int kMaxRows = 6;       // coordinates (hip flex/add/rot, knee, ankle, subtalar)
inline constexpr int kMaxMuscles = 48;   // >= anatomy::kMuscleCount (43)

struct ActivationProblem {
  int rows = kMaxRows;
  int muscles = 0;
  std::array<std::array<double, kMaxRows>, kMaxMuscles> column{};  // column[i][k]: N m per unit a_i
  std::array<double, kMaxRows> torque{};                            // required muscle torque, N m
};

struct ActivationSolution {
  std::array<double, kMaxMuscles> activation{};
  std::array<double, kMaxRows> achieved{};      // A a, N m
  std::array<double, kMaxRows> multiplier{};    // lambda of the equality constraints (KKT)
  std::array<bool, kMaxRows> saturated{};       // |achieved - torque| beyond tolerance
  bool feasible = true;
  int iterations = 0;
};

// Tolerance on the torque residual, relative to max(1 N m, |tau|, column scale).
inline constexpr double kTorqueRelTolerance = 1e-9;

ActivationSolution solve_activations(const ActivationProblem& problem);

}  // namespace hiplab::biomech
