// muscle_force.h — how much force a muscle can make at its current length, with a rigid tendon.
//
// Fibre geometry (rigid tendon, constant-thickness pennation as in OpenSim's Thelen2003Muscle):
//   l_M = sqrt((L_MT - l_TS)^2 + (l_o sin a_o)^2),  cos a = (L_MT - l_TS) / l_M  (clamped >= 0).
// Active force-length (Thelen 2003, J Biomech Eng 125:70, eq. 4, shape factor gamma = 0.5 as the
// Gait2392 KshapeActive parameter):  f_L = exp(-(l_M/l_o - 1)^2 / gamma).
// Available force along the tendon at full activation: F_max * f_L * cos a.
// Passive fibre force (Thelen 2003, eq. 3; the curve of OpenSim's Thelen2003Muscle), with Gait2392's
// KshapePassive k_PE = 4 and FmaxMuscleStrain e0 = 0.6 (shared/reference/opensim-gait2392):
//   f_PE = (exp(k_PE (l_M/l_o - 1) / e0) - 1) / (exp(k_PE) - 1)  for l_M > l_o, else 0,
// along the tendon: F_max * f_PE * cos a. A stretched muscle pulls whatever its activation; the
// effort solve reports that pull but does not count it yet (frame_analysis.h says why).
// The tendon is rigid (no force-strain equilibrium): where Gait2392's tendon slack length leaves the
// fibre far from its working range the fibre length — and so f_L and f_PE — is that model's
// limit, not tuned here (e.g. TFL: tendon 0.425 m against 0.095 m of fibre).
// Units: metres, newtons.
#pragma once

#include "anatomy/muscle_data.h"

namespace hiplab::biomech {

inline constexpr double kForceLengthShape = 0.5;  // Gait2392 KshapeActive (Thelen 2003: 0.45)
inline constexpr double kPassiveShape = 4.0;      // Gait2392 KshapePassive (Thelen 2003: 5)
inline constexpr double kPassiveStrainAtFmax = 0.6;  // Gait2392 FmaxMuscleStrain (Thelen 2003: 0.6)

struct FibreState {
  double fibre_length_m;      // l_M
  double normalized_length;   // l_M / l_o
  double cos_pennation;
  double force_length;        // f_L in (0, 1]
  double available_force_n;   // F_max * f_L * cos a
  double passive_length;      // f_PE >= 0
  double passive_force_n;     // F_max * f_PE * cos a, along the tendon
};

FibreState fibre_state(const anatomy::MuscleSpec& muscle, double musculotendon_length_m);

}  // namespace hiplab::biomech
