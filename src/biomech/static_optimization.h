// static_optimization.h — muscle activations (and contact forces) from joint torques: the exact
// solution of
//
//     minimise  sum_i x_i^2   subject to  A x = tau,   0 <= x_i <= 1 (or 0 <= x_i when unbounded)
//
// where column i of A holds variable i's generalised force per unit (N m) about each coordinate,
// and tau is the torque the muscles and contacts must make together (N m). A muscle is a bounded
// variable: its activation, its column the available force times its moment arms. A contact is
// unbounded variables (kFrictionEdges, frame_analysis.h), the weights of the edges of its
// linearised friction pyramid (a non-negative combination of n + mu t_k is exactly a push with
// friction inside the pyramid), so
// the pyramid's face inequalities become sign constraints and the same bound-constrained active
// set solves muscles and contacts together; the caller scales contact columns so that their cost
// is as light as it wants (frame_analysis.h).
// When no activation vector reaches tau (the load is beyond the muscles), the solution is the
// lexicographic one: first the activations that minimise |A a - tau|^2 (the closest reachable
// torque), then, among those, the smallest sum of squares; the coordinates whose torque could not
// be met are flagged saturated.
//
// Method: two primal active-set phases over the box (Nocedal & Wright 2006, Numerical
// Optimization, Alg. 16.3; phase 1 is the bounded-variable least squares of Stark & Parker 1995,
// Computational Statistics 10:129), started in a cold solve at the point a few semismooth Newton
// steps on the dual reach (static_optimization.cpp, dual_start). Each subproblem on the free set is solved in closed form with
// the pseudo-inverse of the small Gram matrix A_F A_F^T (<= 18 x 18: Cholesky when it is safely
// non-singular on its non-zero rows, else Cholesky with diagonal pivoting, which finds the rank,
// else a Jacobi eigen-decomposition), so rank-deficient cases (a coordinate no free muscle
// crosses, a contact's rows reached in fewer directions than rows) are handled. The Cholesky
// factor is kept from step to step and changed by rank-one updates as variables join and leave
// the free set (static_optimization.cpp, Solver::updated_lambda). No allocation; sizes fixed.
// Rows: up to two legs' coordinates (contacts between the legs couple them into one problem).
// Units: activations dimensionless, torques N m.
#pragma once
#include <array>

namespace hiplab::biomech {

// Coordinates of both legs (hip flexion, adduction, rotation, knee, ankle, subtalar: six a leg)
// and, when the whole body is balanced, the six rows of the body's force and moment balance
// (frame_analysis.h); a contact between the legs couples them into one problem.
inline constexpr int kMaxRows = 18;
// Variables: both legs' muscles (2 x 43) and the contacts' pyramid edges, with room for more.
inline constexpr int kMaxVariables = 296;  // 2 x 43 muscles + 24 contacts x 8 friction edges + 12 residuals = 290

struct ActivationProblem {
  int rows = kMaxRows;
  int variables = 0;
  std::array<std::array<double, kMaxRows>, kMaxVariables> column{};  // column[i][k]: N m per unit x_i
  std::array<bool, kMaxVariables> unbounded{};  // true: x_i >= 0 only (a contact edge); else 0..1
  std::array<double, kMaxRows> torque{};        // required torque, N m
  // Warm start (e.g. the previous frame's solution while playing): the active sets begin at this
  // point, clamped to the bounds, instead of at zero. The optimum is unique (strictly convex), so
  // the answer is the same up to the tolerances; only the iterations drop.
  bool warm = false;
  std::array<double, kMaxVariables> start{};
  // The multipliers of the solve the warm start comes from (ActivationSolution::multiplier). A
  // primal warm start is cheap where the free set barely changes, but where it must change much
  // (the 90/90 switch's pelvis rolling at 4.0 s, a jump to another drill's similar pose) the
  // active sets drop and re-free variables one at a time: 200-280 steps, 1.1-1.6 ms. So a warm
  // solve that runs past kWarmStepBudget steps starts again from the dual's Newton point, the
  // Newton steps begun at these multipliers instead of zero (static_optimization.cpp, dual_start):
  // from there it takes 4-20 steps.
  std::array<double, kMaxRows> start_multiplier{};
  // The straightforward solve, for tests that check the fast paths give the same answer: cold
  // (`warm` ignored), and every free-set pseudo-inverse by the Jacobi eigen-decomposition of the
  // whole Gram matrix built afresh (no Cholesky, no kept factor, no pivoting, no shortcut for few
  // free variables). About 25 times slower (a scrubbed frame: 6.6 ms median against 0.26).
  bool reference = false;
};

struct ActivationSolution {
  std::array<double, kMaxVariables> activation{};  // x_i (activation, or contact edge weight)
  std::array<double, kMaxRows> achieved{};      // A a, N m
  std::array<double, kMaxRows> multiplier{};    // lambda of the equality constraints (KKT)
  std::array<bool, kMaxRows> saturated{};       // |achieved - torque| beyond tolerance
  bool feasible = true;
  bool converged = true;  // false: an iteration cap was reached first (the point is still within bounds)
  int iterations = 0;
};

// Active-set steps a primal warm start may take before the solve starts again from the dual
// (ActivationProblem::start_multiplier). Every shipped drill played at 30 fps (63,643 frames): 76
// warm solves ran past 25 steps (74 of them past 40, to 280); a warm start given up costs these
// steps on top of the 4-20 from the dual.
inline constexpr int kWarmStepBudget = 25;

// Tolerance on the torque residual, relative to max(1 N m, |tau|, column scale).
inline constexpr double kTorqueRelTolerance = 1e-9;

ActivationSolution solve_activations(const ActivationProblem& problem);

}  // namespace hiplab::biomech
