// muscle_force.h — how much force a muscle can make at its current length, with a rigid tendon.
//
// Fibre geometry (rigid tendon, constant-thickness pennation as in OpenSim's Thelen2003Muscle):
//   l_M = sqrt((L_MT - l_TS)^2 + (l_o sin a_o)^2),  cos a = (L_MT - l_TS) / l_M  (clamped >= 0).
// Active force-length (Thelen 2003, J Biomech Eng 125:70, eq. 4, shape factor gamma = 0.5 as the
// Gait2392 KshapeActive parameter):  f_L = exp(-(l_M/l_o - 1)^2 / gamma).
// Available force along the tendon at full activation: F_max * f_L * cos a.
// Units: metres, newtons. Passive fibre force is not modelled (activations explain active torque).
#pragma once

#include "anatomy/muscle_data.h"

namespace hiplab::biomech {

inline constexpr double kForceLengthShape = 0.5;  // Gait2392 KshapeActive (Thelen 2003: 0.45)

struct FibreState {
  double fibre_length_m;      // l_M
  double normalized_length;   // l_M / l_o
  double cos_pennation;
  double force_length;        // f_L in (0, 1]
  double available_force_n;   // F_max * f_L * cos a
};

FibreState fibre_state(const anatomy::MuscleSpec& muscle, double musculotendon_length_m);

}  // namespace hiplab::biomech
