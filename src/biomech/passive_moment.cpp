#include "biomech/passive_moment.h"

#include <cmath>

#include "anatomy/kinematics.h"
#include "anatomy/muscle_calibration.h"
#include "anatomy/muscle_path.h"
#include "biomech/muscle_force.h"

namespace hiplab::biomech {

std::array<double, anatomy::kMuscleCoordCount> model_passive_moments(const anatomy::LegPose& pose) {
  const anatomy::LegKinematics kin = anatomy::leg_kinematics(pose);
  anatomy::MusclePath path;
  std::array<double, anatomy::kMuscleCoordCount> m{};
  for (int i = 0; i < anatomy::kMuscleCount; ++i) {
    anatomy::evaluate_muscle_path(i, pose, kin, anatomy::Side::kRight, path);
    const double f = muscle_capacity(anatomy::force_muscle(i), path.length, anatomy::passive_strain_at_fmax(i)).passive_force_n;
    for (int c = 0; c < anatomy::kMuscleCoordCount; ++c) m[c] += f * path.moment_arm[c];
  }
  return m;
}

double riener_edrich_hip_moment(double h, double k) {
  return std::exp(1.4655 - 0.0034 * k - 0.0750 * h) - std::exp(1.3403 - 0.0226 * k + 0.0305 * h) + 8.072;
}

double riener_edrich_knee_moment(double h, double k, double a) {
  return std::exp(1.800 - 0.0352 * k + 0.0460 * a + 0.0217 * h) -
         std::exp(-3.971 + 0.0495 * k + 0.0004 * a - 0.0128 * h) - 4.820 + std::exp(2.220 - 0.150 * k);
}

}  // namespace hiplab::biomech
