// frame_analysis.h — one frame of the biomechanics: pose -> muscle paths, lengths, stretch and
// moment arms -> joint torques from gravity, external loads and efforts -> muscle activations by
// static optimisation (static_optimization.h), for both legs.
//
// Torques (N m) are about the six muscle coordinates of each leg (hip flexion, adduction,
// rotation, knee, ankle, subtalar; signs in anatomy/joint_coordinates.h). `required_torque` is what the muscles
// must make: required = -(gravity + external) + effort (0 about a braced coordinate), where gravity/external are the generalised
// forces the loads apply (quasi-static, pelvis held fixed by the posture).
// Effort capacity: the torque all muscles with a moment arm in that direction make at full
// activation at their current length (capacity_positive >= 0 >= capacity_negative).
// No allocation inside analyze_frame; the result is caller-owned and reusable.
#pragma once
#include <array>

#include "anatomy/joint_coordinates.h"
#include "anatomy/kinematics.h"
#include "anatomy/muscle_path.h"
#include "biomech/anthropometry.h"
#include "biomech/loads.h"
#include "biomech/posture.h"

namespace hiplab::biomech {

using Torques = std::array<double, anatomy::kMuscleCoordCount>;

struct BiomechInput {
  anatomy::Pose pose;
  Posture posture = Posture::kStanding;
  BodyDescription body;
  Loads loads;
};

struct MuscleState {
  double length_m = 0.0;
  double stretch_vs_anatomical = 1.0;   // L / L(anatomical position)
  double stretch_vs_optimal = 1.0;      // L / (optimal fibre + tendon slack length)
  double normalized_fibre_length = 1.0; // l_M / l_o (rigid tendon)
  double force_length = 1.0;            // active force-length factor
  double available_force_n = 0.0;       // F_max f_L cos(pennation)
  double activation = 0.0;              // [0, 1]
  double force_n = 0.0;                 // activation * available force
  Torques moment_arm_m{};
};

struct LegResult {
  anatomy::LegKinematics kinematics;    // in the right-leg frame (see kinematics.h)
  anatomy::LegMusclePaths paths;        // points in this side's pelvis frame
  std::array<MuscleState, anatomy::kMuscleCount> muscle{};
  Torques gravity_torque{}, external_torque{}, effort_torque{}, required_torque{},
      achieved_torque{}, capacity_positive{}, capacity_negative{};
  std::array<bool, anatomy::kMuscleCoordCount> saturated{};
  std::array<bool, anatomy::kMuscleCoordCount> braced{};  // torque supplied by a Brace, not muscles
  bool feasible = true;
  int solver_iterations = 0;
};

struct BiomechResult {
  std::array<LegResult, anatomy::kSideCount> leg;
  const LegResult& operator[](anatomy::Side s) const { return leg[anatomy::side_index(s)]; }
};

void analyze_frame(const BiomechInput& input, BiomechResult& out);

// Median wall time (ms) of analyze_frame over `frames` frames of a seated internal-rotation drill
// with a band, gravity and a 60% effort, both legs (for `hiplab bench`).
double biomech_bench_median_ms(int frames);

}  // namespace hiplab::biomech
