// muscle_calibration.h — the optimal fibre length and tendon slack length each muscle's force is
// computed with (issue 13): Gait2392's own where HipLab's path is Gait2392's, re-fitted where it is
// not.
//
// Why: HipLab's wrap surfaces (muscle_wrap.h) and the registration of Gait2392's points to HipLab's
// bones (point_registration.h) change some muscles' paths, but Gait2392's optimal fibre length l_o
// and tendon slack length l_ts were set for its own straight paths. On the longer wrapped paths the
// fibres sat far past their working range (gluteus minimus 3 at 1.94 l_o at the 90/90 front leg,
// docs/validation.md "Passive fibre force in the balance").
//
// Method: Modenese, Ceseracciu, Reggiani & Lloyd 2016, "Estimation of musculotendon parameters for
// scaled and subject specific musculoskeletal models using an optimization technique", J Biomech
// 49(2):141-148 (after Winby et al. 2008, J Biomech 41:1682-1688): sample the ranges of the joints
// the muscle crosses, take the normalised fibre length of the reference model (Gait2392's own path,
// Wrapping::kOff, with Gait2392's l_o and l_ts) and find the target model's l_o and l_ts (HipLab's
// path, Wrapping::kOn) by linear least squares so that the target gives the same normalised fibre
// lengths. As in their method the tendon is taken at its slack length for the fit and the pennation
// angle follows from the constant-thickness model (sin a * l_M = l_o sin a_o, muscle_force.h); the
// pennation at optimal length is kept. With those, the reference's normalised fibre length is
// l~ = sqrt(x^2 + sin^2 a_o), x = (l_MT,ref - l_ts,ref) / l_o,ref, and the target reproduces it
// exactly where l_MT,target = l_ts + l_o x: a linear fit of l_MT,target against x.
//
// The sample (degrees; both ends included), only for the joints the muscle's path points span
// (pelvis-femur: hip; femur-tibia: knee; tibia-foot: ankle and subtalar; the others held at 0):
//   hip flexion -20..120 step 10, adduction -40..20 step 10, rotation -45..45 step 15,
//   knee flexion 0..120 step 30, ankle -30..20 step 10, subtalar -20..20 step 10
// (1,050 poses for a hip muscle, 5,250 for one crossing hip and knee).
// It spans the shipped drills' hip and knee angles (the 90/90 front leg: 96 deg flexion, 44 deg
// external rotation, knee 92 deg). A fine grid (half the steps) gives fits within 1 mm of it
// (0.85 mm at worst, gluteus maximus 2, whose cylinder engages in part of the range only; under
// 1% of every l_o; tests/anatomy/muscle_calibration_test.cpp) at about ten times the cost; the shipped grid's
// fit costs about 10 ms, so it is written out in muscle_calibration.cpp and checked by the test.
#pragma once
#include <cstddef>
#include <cstdint>

#include "anatomy/muscle_data.h"

namespace hiplab::anatomy {

// HipLab's path differs from Gait2392's own: the muscle has a wrap surface or a registered point.
bool path_differs_from_gait2392(int muscle);

enum class CalibrationGrid : std::uint8_t { kShipped, kFine };

struct MuscleFit {
  double optimal_fiber_length_m = 0.0;
  double tendon_slack_length_m = 0.0;
  int samples = 0;
  // Normalised fibre length (rigid tendon) on HipLab's path with the fitted values minus that on
  // Gait2392's own path with Gait2392's: the largest difference and the root mean square.
  double max_abs_difference = 0.0;
  double rms_difference = 0.0;
  // The same with Gait2392's l_o and l_ts on HipLab's path (what the fit corrects).
  double max_abs_difference_unfitted = 0.0;
  double rms_difference_unfitted = 0.0;
};

// The least-squares fit of one muscle over `grid` (whether or not its path differs).
MuscleFit fit_muscle_parameters(int muscle, CalibrationGrid grid = CalibrationGrid::kShipped);

// The parameters the muscle's force is computed with: muscle(m) itself (the same object, so the
// same numbers exactly) where path_differs_from_gait2392(m) is false, else a copy with the fitted
// l_o and l_ts, read from the written-out fit (muscle_calibration.cpp; the test re-fits every
// muscle and checks it), so no run pays for the sweeps.
const MuscleSpec& force_muscle(int muscle);

// Rows in the written-out fit (for the test: one per muscle whose path differs).
std::size_t refit_row_count();

// The passive strain at F_max (e0 of Thelen 2003's passive force-length curve, biomech/muscle_force.h)
// the muscle's force is computed with. Gait2392 gives every muscle 0.6 (FmaxMuscleStrain); with it,
// the model's passive joint moments were up to 2-3 times those Riener & Edrich 1999 measured
// (J Biomech 32:539-544; biomech/passive_moment.h), e.g. knee -15.8 against -6.9 N m at 110 deg
// knee flexion and 45 deg hip flexion, hip -92.7 against -51.4 N m at 90 deg hip flexion with the
// knee straight, and -19.3 against +0.3 N m at 90 deg hip and knee flexion. As Rajagopal et al.
// 2016 (IEEE Trans Biomed Eng 63:2068) calibrated their muscles' passive curves against measured
// passive moments (Silder et al. 2007), e0 is fitted here per group by least squares of the
// model's passive hip and knee flexion moments (N m) against Riener & Edrich's formula over hip
// flexion -10..105 deg (step 5) x knee flexion 0..110 deg (step 10), the other coordinates 0 (288
// poses), each group's e0 searched in 0.60..2.50 (never stiffer than Gait2392) by steps of 0.01,
// coordinate descent to convergence:
//   hamstrings (semitendinosus, semimembranosus, biceps femoris long head)        0.71
//   vasti (medialis, intermedius, lateralis)                                      1.01
//   rectus femoris                                                                0.74
//   the hip's one-joint muscles round the back and the inside (gluteus maximus,
//     medius, minimus, piriformis, quadratus femoris, gemelli, adductors longus,
//     brevis and magnus, pectineus)                                               1.44
//     (1.44 before the seated 90/90 switch's wraps of semimembranosus, biceps femoris long
//     head, adductor brevis and sartorius, session 30: refitted to 1.46, the rest unchanged;
//     1.44 again with hwrap9's refit of biceps femoris long head's femoral-head sphere, the
//     others held: sum of squares 67.0274 at 1.46 -> 67.0270 at 1.44, the group's optimum by
//     0.01 with the others fixed, a valley flat to 0.005 over 1.40..1.48. A full coordinate
//     descent from the shipped values instead ends at hamstrings 0.70, vasti 1.00 and this
//     group 1.78 (66.9145): the optimum is that shallow; not taken, as it changes eighteen
//     muscles' passive curves for 0.2% of the fit)
//   the rest (biceps femoris short head, iliopsoas, sartorius, tensor fasciae
//     latae, gracilis, the lower leg) kept Gait2392's 0.6: the fit would make
//     them stiffer (each ends at the search's lower bound), to make up the ligaments' part of the measured moment
//     (Riener & Edrich's +8.6 N m of hip flexion moment at 0 deg, which no muscle
//     near its optimal length gives).
// Root mean square difference over the grid: hip 14.2 -> 6.4 N m, knee 10.3 -> 5.1 N m
// (tests/biomech/passive_moment_test.cpp checks it and that each e0 is the optimum to 0.02).
// Thelen 2003 himself gives 0.6 for young and 0.5 for older adults; the fitted values are
// compliant beyond that for the one-joint hip muscles, whose fibres reach 1.5-1.9 l_o in deep
// flexion on Gait2392's paths (docs/validation.md, "Passive fibre force in the balance").
double passive_strain_at_fmax(int muscle);

}  // namespace hiplab::anatomy
