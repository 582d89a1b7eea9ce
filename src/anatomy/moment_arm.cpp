#include "anatomy/moment_arm.h"

#include "anatomy/kinematics.h"
#include "anatomy/muscle_path.h"

namespace hiplab::anatomy {

double moment_arm(int muscle_index, const LegPose& pose, LegCoord coord) {
  const int k = coord_index(coord);
  if (k >= kMuscleCoordCount) return 0.0;
  MusclePath p;
  evaluate_muscle_path(muscle_index, pose, leg_kinematics(pose), Side::kRight, p);
  return p.moment_arm[k];
}

double moment_arm_central_difference(int muscle_index, const LegPose& pose, LegCoord coord,
                                     double h) {
  LegPose a = pose, b = pose;
  a[coord] += h;
  b[coord] -= h;
  return -(muscle_length(muscle_index, a) - muscle_length(muscle_index, b)) / (2.0 * h);
}

}  // namespace hiplab::anatomy
