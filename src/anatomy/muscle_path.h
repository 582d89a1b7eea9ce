// muscle_path.h — muscle-tendon paths at a pose: the active path points, the musculotendon
// length, and the moment arms about the hip, knee, ankle and subtalar coordinates; plus stretch
// measures.
//
// Units: metres (lengths and moment arms), radians. Paths are straight lines between the active
// points of muscle_data.h (conditional points only inside their coordinate range; the moving point
// follows the knee). Moment arm r_k = -dL/dq_k, computed analytically from the screw axes of
// kinematics.h (exact for the piecewise-smooth path; at a conditional point's switch the one-sided
// value of the active configuration is returned). Sign: + moment arm = the muscle's pull turns the
// joint toward + coordinate (joint_coordinates.h), e.g. + hip_rotation = internal rotator.
// Lengths and moment arms are identical for the two sides at the same coordinates (mirror image);
// only the drawn points differ (left = mirrored).
#pragma once
#include <array>

#include <glm/vec3.hpp>

#include "anatomy/joint_coordinates.h"
#include "anatomy/kinematics.h"
#include "anatomy/muscle_data.h"

namespace hiplab::anatomy {

inline constexpr int kMaxPathPoints = 8;  // flexor digitorum longus has 8

struct MusclePath {
  std::array<glm::dvec3, kMaxPathPoints> point{};  // active points in the pelvis frame of the side
  std::array<PathBody, kMaxPathPoints> body{};
  int count = 0;
  double length = 0.0;                                  // m
  std::array<double, kMuscleCoordCount> moment_arm{};   // m, hip flex/add/rot, knee, ankle, subtalar
};

// One muscle at `pose`; `kin` must be leg_kinematics(pose). Writes into `out` (no allocation).
void evaluate_muscle_path(int muscle, const LegPose& pose, const LegKinematics& kin, Side side,
                          MusclePath& out);

// All 43 muscles of one leg.
using LegMusclePaths = std::array<MusclePath, kMuscleCount>;
void evaluate_leg_muscle_paths(const LegPose& pose, const LegKinematics& kin, Side side,
                               LegMusclePaths& out);

// Musculotendon length (m) of a muscle at a pose (either side: the same).
double muscle_length(int muscle, const LegPose& pose);
// Length in the anatomical position (all coordinates 0), m; computed once.
double anatomical_length(int muscle);

struct Stretch {
  double vs_anatomical;        // L / L(anatomical position); > 1 = longer than when standing
  double vs_optimal_plus_slack;  // L / (optimal fibre length + tendon slack length)
};
Stretch stretch(int muscle, double length_m);

}  // namespace hiplab::anatomy
