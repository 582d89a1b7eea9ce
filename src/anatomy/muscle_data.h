// muscle_data.h — the 43 right-leg muscles of the OpenSim Gait2392 model as data: the 28 hip and
// thigh muscles, the three vasti and the 12 muscles of the lower leg (gastrocnemius, soleus, tibialis,
// peronei, long toe flexors and extensors). Path points (body + position in that body's frame),
// conditional via points, the moving points of the quadriceps over the knee, and the Thelen 2003
// muscle parameters.
//
// Joint centres and muscle paths from the OpenSim Gait2392 model (Delp et al. 1990; Anderson &
// Pandy 1999; Thelen 2003), CC BY 3.0. Transcribed from shared/reference/tables/
// gait2392_right_hip_muscle_paths.csv and opensim-gait2392/gait2392_simbody.osim.
//
// Units: metres, newtons, radians. Positions are RIGHT-side, in the Gait2392 body frame named by
// `body` (x anterior, y superior, z right). The left leg is the mirror image: negate z
// (skeleton.h mirror_point); the left muscle is named with "_l" instead of "_r".
// Condition ranges are in the MODEL's coordinate convention as written in the .osim: for
// Condition::kKneeAngle the coordinate is Gait2392 knee_angle (negative = flexion), i.e. the
// point is active while  range_min <= -knee_flexion <= range_max; for kHipFlexion it is hip
// flexion (same sign as the project). Paths are straight lines between active points (this
// Gait2392 version has no wrapping surfaces). The toe muscles' last points are on the toes body,
// which follows the mtp coordinate; HipLab holds mtp at 0 and reports no moment arm about it.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <glm/vec3.hpp>

#include "anatomy/skeleton.h"

namespace hiplab::anatomy {

enum class PathBody : std::uint8_t { kPelvis, kFemur, kTibia, kCalcn, kToes };

enum class Condition : std::uint8_t {
  kNone,         // always active
  kHipFlexion,   // active while range_min <= hip flexion <= range_max
  kKneeAngle,    // active while range_min <= Gait2392 knee_angle (= -knee flexion) <= range_max
};

struct PathPointSpec {
  PathBody body;
  glm::dvec3 location;  // right side, m, in the frame of `body` (for a moving point: its value at knee 0)
  Condition condition;
  double range_min;     // rad, see Condition
  double range_max;     // rad
  int moving;           // -1, or an index for moving_point_location()
};

enum class MuscleGroup : std::uint8_t {
  kGluteusMaximus, kGluteusMedius, kGluteusMinimus, kTensorFasciaeLatae, kDeepRotator,
  kAdductor, kHamstring, kHipFlexor, kQuadriceps,
  kCalf,             // triceps surae: gastrocnemius heads and soleus
  kDeepCalf,         // tibialis posterior, flexor digitorum longus, flexor hallucis longus
  kPeroneal,         // peroneus (fibularis) longus and brevis
  kShinExtensor,     // tibialis anterior, extensor digitorum/hallucis longus, peroneus tertius
};
std::string_view muscle_group_name(MuscleGroup g);

struct MuscleSpec {
  std::string_view name;            // side-less Gait2392 name, e.g. "glut_med1" (-> glut_med1_r)
  std::string_view label;           // plain English, e.g. "gluteus medius (anterior)"
  MuscleGroup group;
  double max_isometric_force_n;
  double optimal_fiber_length_m;
  double tendon_slack_length_m;
  double pennation_at_optimal_rad;
  std::span<const PathPointSpec> points;  // origin first, insertion last
};

inline constexpr int kMuscleCount = 43;
// The first 28 act about the hip (and some the knee); from here on, the vasti and lower leg.
inline constexpr int kHipMuscleCount = 28;

// The 43 muscles: the 28 hip/thigh muscles in the order of the reference CSV, then the other 15 in
// the order of the .osim.
std::span<const MuscleSpec> muscles();
const MuscleSpec& muscle(int index);
// "glut_med1_r" / "glut_med1_l"
std::string muscle_name(int index, Side side);
// Accepts "glut_med1" (no side), "glut_med1_r" or "glut_med1_l"; side is set when given in the name.
std::optional<int> find_muscle(std::string_view name, std::optional<Side>* side = nullptr);

// Location (right side, tibia frame, m) of moving point `index` at a knee flexion angle (rad,
// + flexion), and its derivative with respect to knee flexion when d_dflexion is non-null.
// Gait2392 SimmSplines of knee_angle_r: 0 rect_fem_r-P3, 1 vas_med_r-P5, 2 vas_int_r-P4,
// 3 vas_lat_r-P5 (the patellar tendon's line, standing in for the patella the model lacks).
inline constexpr int kMovingPointCount = 4;
glm::dvec3 moving_point_location(int index, double knee_flexion_rad,
                                 glm::dvec3* d_dflexion = nullptr);

}  // namespace hiplab::anatomy
