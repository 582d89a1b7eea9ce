// passive_moment.h — the passive joint moments the model's relaxed muscles make at a pose, and the
// published passive joint moments they are checked against.
//
// Model: the sum over the 43 muscles of one leg of (relaxed tendon force, muscle_force.h, with the
// parameters the force uses, anatomy::force_muscle) x (moment arm), about the six muscle
// coordinates; what frame_analysis.h counts in the balance as LegResult::passive_torque.
//
// Published: Riener & Edrich 1999, "Identification of passive elastic joint moments in the lower
// extremities", J Biomech 32:539-544 (ten healthy subjects, hip, knee and ankle moved slowly by an
// experimenter, relaxation checked by EMG). Their double-exponential fits, angles in degrees
// (+ hip flexion, + knee flexion, + ankle dorsiflexion, as here), moments in N m (+ hip flexion,
// + knee flexion):
//   M_hip  = exp(1.4655 - 0.0034 K - 0.0750 H) - exp(1.3403 - 0.0226 K + 0.0305 H) + 8.072
//   M_knee = exp(1.800 - 0.0352 K + 0.0460 A + 0.0217 H) - exp(-3.971 + 0.0495 K + 0.0004 A
//            - 0.0128 H) - 4.820 + exp(2.220 - 0.150 K)
// Coefficients as transcribed in the nms-dyn repository (rienerEdrich1999PassiveHipMoment.m,
// rienerEdrich1999PassiveKneeMoment.m, used by Miller et al. 2012's sprinting simulations; the
// ankle's sign flipped there so that dorsiflexion is positive), not checked against the paper
// itself. The knee's last term (the straight knee's stop) is written exp(2.220 - 1.50 K) there,
// which vanishes by 5 deg of flexion; exp(2.220 - 0.150 K) is used here, the reading that keeps the
// term a smooth stop (9.2 N m at 0 deg, 2.1 at 10, 0.5 at 20, under 0.1 from 30 on). The two
// readings agree at 0 deg and from 30 deg on; on the fit's grid they differ only at 10 and 20 deg.
// They describe the whole joint (muscles, ligaments, capsule, skin), so a model of the muscles
// alone should come near them where the muscles are stretched and not exceed them.
// The sign convention is both papers' (+ flexion for both moments), which is HipLab's.
#pragma once
#include <array>

#include "anatomy/joint_coordinates.h"

namespace hiplab::biomech {

// N m about hip flexion, adduction, rotation, knee, ankle, subtalar (right-leg signs).
std::array<double, anatomy::kMuscleCoordCount> model_passive_moments(const anatomy::LegPose& pose);

// Riener & Edrich 1999 (above). Degrees in, N m out (+ flexion).
double riener_edrich_hip_moment(double hip_flexion_deg, double knee_flexion_deg);
double riener_edrich_knee_moment(double hip_flexion_deg, double knee_flexion_deg, double ankle_dorsiflexion_deg);

}  // namespace hiplab::biomech
