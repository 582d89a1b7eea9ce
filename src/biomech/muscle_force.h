// muscle_force.h — how much force a muscle makes at its current musculotendon length: a Hill-type
// fibre in series with a compliant tendon (the Thelen2003Muscle of OpenSim's Gait2392), with the
// fibre-tendon equilibrium solved for the length the pose gives.
//
// Curves (all normalised: fibre length by l_o, force by F_max), Thelen 2003, J Biomech Eng 125:70,
// with Gait2392's parameters (shared/reference/opensim-gait2392: every muscle has KshapeActive 0.5,
// KshapePassive 4, FmaxMuscleStrain 0.6, FmaxTendonStrain 0.033):
//   active force-length (Thelen 2003 eq. 4):  f_L = exp(-(l - 1)^2 / gamma),  gamma = 0.5;
//   passive force-length (Thelen 2003 eq. 3): f_PE = (exp(k_PE (l - 1) / e0) - 1) / (exp(k_PE) - 1)
//                                             for l > 1, else 0;  k_PE = 4, e0 = 0.6 (Gait2392;
//                                             per muscle, fitted to measured passive joint moments:
//                                             anatomy::passive_strain_at_fmax);
//   tendon force-strain (Thelen 2003, the exponential toe and linear region of its Fig. 1c; the
//   constants are those of OpenSim's Thelen2003Muscle::calcTendonForce):
//       f_T = F_toe (exp(k_toe eps / eps_toe) - 1) / (exp(k_toe) - 1)   for 0 < eps <= eps_toe,
//       f_T = k_lin (eps - eps_toe) + F_toe                           for eps > eps_toe,  0 when slack,
//     eps = (l_T - l_s) / l_s, F_toe = 1/3, k_toe = 3, eps_toe = 0.609 eps0, k_lin = 1.712 / eps0,
//     eps0 = 0.033 (the strain at which the tendon carries F_max: f_T(eps0) = 1.003).
//   OpenSim adds 0.001 (1 + eps) to f_T so that its integrator never sees a slack tendon; a static
//   equilibrium does not need it, so it is left out.
// Pennation, constant thickness (constant height; OpenSim's Thelen2003Muscle and
// MuscleFixedWidthPennationModel): l_M sin(a) = h = l_o sin(a_o), so the fibre's projection along
// the tendon is x = sqrt(l_M^2 - h^2) and cos(a) = x / l_M.
// Equilibrium at activation u in [0, 1] (force-velocity is 1: drills are slow, static optimisation):
//     F_max (u f_L(l_M) + f_PE(l_M)) cos(a) = F_max f_T(eps),   L_MT = l_T + x.
// It is solved for x by Newton's method kept inside a bracket (bisection when a step leaves it):
// at x = 0 the fibre pulls nothing along the tendon and the tendon is at its longest, at
// x = L_MT - l_s the tendon is slack, so the residual changes sign in between. The start is the
// rigid-tendon fibre with its force's tendon stretch taken off (one fixed-point step), which is
// within a few Newton steps of the root. No allocation; deterministic (no state between calls).
//
// For the effort solve (frame_analysis.h) a muscle's force must be linear in its activation. The
// equilibrium is solved twice: relaxed (u = 0, what the stretched muscle pulls by itself: its
// passive force) and fully active (u = 1); between them the tendon force is taken on the chord
//     F(u) = F_passive + u (F_full - F_passive),
// exact at both ends; with a rigid tendon (eps0 -> 0) it is exactly u F_max f_L cos(a) + passive.
// "available force" is F_full - F_passive: what activation adds on top of the passive pull.
// Units: metres, newtons.
#pragma once

#include "anatomy/muscle_data.h"

namespace hiplab::biomech {

inline constexpr double kForceLengthShape = 0.5;     // Gait2392 KshapeActive (Thelen 2003: 0.45)
inline constexpr double kPassiveShape = 4.0;         // Gait2392 KshapePassive (Thelen 2003: 5)
inline constexpr double kPassiveStrainAtFmax = 0.6;  // Gait2392 FmaxMuscleStrain (Thelen 2003: 0.6); the default e0
inline constexpr double kTendonStrainAtFmax = 0.033; // Gait2392 FmaxTendonStrain (Thelen 2003: 0.04)

// The normalised curves (see the top of this file).
double active_force_length(double normalized_fibre_length);
// e0: the passive strain at F_max (Gait2392's 0.6 by default; per muscle: anatomy::passive_strain_at_fmax).
double passive_force_length(double normalized_fibre_length, double e0 = kPassiveStrainAtFmax);
double tendon_force_strain(double tendon_strain);
// The tendon strain at which f_T = force (>= 0); the inverse of tendon_force_strain.
double tendon_strain_at(double normalized_force);

struct FibreState {
  double activation = 0.0;         // u the state was solved for
  double fibre_length_m = 0.0;     // l_M
  double normalized_length = 0.0;  // l_M / l_o
  double cos_pennation = 0.0;
  double tendon_strain = 0.0;      // (l_T - l_s) / l_s; 0 for a rigid tendon
  double force_length = 0.0;       // f_L in (0, 1]
  double passive_length = 0.0;     // f_PE >= 0
  double available_force_n = 0.0;  // F_max f_L cos a: the fibre's pull along the tendon at u = 1
  double passive_force_n = 0.0;    // F_max f_PE cos a, along the tendon
  double tendon_force_n = 0.0;     // u * available + passive (= F_max f_T for the compliant tendon)
  double residual_n = 0.0;         // fibre force along the tendon minus tendon force (0 when rigid)
  int iterations = 0;              // Newton/bisection steps the equilibrium took
};

// Rigid tendon (the tendon at its slack length): the model this file had before compliant tendons.
// e0 below: the passive strain at F_max of the passive curve (Gait2392's 0.6 by default; the
// force uses anatomy::passive_strain_at_fmax(muscle), fitted per muscle: muscle_calibration.h).
FibreState rigid_fibre_state(const anatomy::MuscleSpec& muscle, double musculotendon_length_m,
                             double activation = 1.0, double e0 = kPassiveStrainAtFmax);
// Compliant tendon: the fibre-tendon equilibrium at this activation (clamped to [0, 1]).
FibreState equilibrium_fibre_state(const anatomy::MuscleSpec& muscle, double musculotendon_length_m,
                                   double activation, double e0 = kPassiveStrainAtFmax);

// What the effort solve uses: the relaxed and the fully active equilibria and the chord between them.
struct MuscleCapacity {
  FibreState relaxed;              // u = 0
  FibreState full;                 // u = 1
  double passive_force_n = 0.0;    // relaxed.tendon_force_n
  double available_force_n = 0.0;  // full.tendon_force_n - relaxed.tendon_force_n (>= 0)
};
MuscleCapacity muscle_capacity(const anatomy::MuscleSpec& muscle, double musculotendon_length_m,
                               double e0 = kPassiveStrainAtFmax);

}  // namespace hiplab::biomech
