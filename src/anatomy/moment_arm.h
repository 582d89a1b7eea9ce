// moment_arm.h — moment arms of the Gait2392 lower-limb muscles about one joint coordinate.
//
// Units: metres in, metres out (callers printing mm multiply by 1000). r = -dL/dq (see
// muscle_path.h for signs: + = pulls toward + coordinate, e.g. + hip_rotation = internal rotator).
// The hip coordinates, knee, ankle and subtalar carry moment arms; mtp (held at 0) returns 0.
#pragma once
#include "anatomy/joint_coordinates.h"

namespace hiplab::anatomy {

// Analytic moment arm (m) of `muscle` about `coord` at `pose`.
double moment_arm(int muscle, const LegPose& pose, LegCoord coord);

// Central difference -(L(q+h) - L(q-h)) / 2h, for checking; h in rad. Wrong across a conditional
// point's switch, by construction.
double moment_arm_central_difference(int muscle, const LegPose& pose, LegCoord coord,
                                     double h = 1e-6);

}  // namespace hiplab::anatomy
