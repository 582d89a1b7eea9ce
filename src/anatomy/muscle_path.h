// muscle_path.h — muscle-tendon paths at a pose: the active path points, the musculotendon
// length, and the moment arms about the hip, knee, ankle and subtalar coordinates; plus stretch
// measures.
//
// Units: metres (lengths and moment arms), radians. Paths run between the active points of
// muscle_data.h (conditional points only inside their coordinate range; the moving point follows
// the knee), each registered to HipLab's bones (point_registration.h: the few that lay inside or
// on a bone moved out to its surface + 1.5 mm): straight, except where a segment would pass into one of the muscle's wrap surfaces
// (muscle_wrap.h), which it then goes round on the shortest way (tangent, arc, tangent; or round two
// surfaces in sequence, tangent, arc, tangent, arc, tangent, where the muscle's wraps chain them).
// Moment arm r_k = -dL/dq_k, computed analytically from the screw axes of kinematics.h (exact for
// the piecewise-smooth path; at a conditional point's switch the one-sided value of the active
// configuration is returned). Over a wrap, the envelope theorem (the wrapped path is locally
// shortest over where its tangent points lie on the surface) gives dL/dq with the tangent points
// held fixed on the wrap's body: they enter as via points on that body, the arc adds length but no
// rate. Sign: + moment arm = the muscle's pull turns the
// joint toward + coordinate (joint_coordinates.h), e.g. + hip_rotation = internal rotator.
// Lengths and moment arms are identical for the two sides at the same coordinates (mirror image);
// only the drawn points differ (left = mirrored).
#pragma once
#include <array>
#include <cstdint>

#include <glm/vec3.hpp>

#include "anatomy/joint_coordinates.h"
#include "anatomy/kinematics.h"
#include "anatomy/muscle_data.h"
#include "anatomy/muscle_wrap.h"

namespace hiplab::anatomy {

inline constexpr int kMaxPathPoints = 8;  // flexor digitorum longus has 8
// The drawn path: the active points and, on each wrapped segment, the two tangent points and up to
// kMaxArcInnerPoints between them; a path crosses at most this many wraps at once.
inline constexpr int kMaxWrapsPerPath = 3;
inline constexpr int kMaxDrawnPoints = kMaxPathPoints + kMaxWrapsPerPath * (2 + kMaxArcInnerPoints);

struct MusclePath {
  std::array<glm::dvec3, kMaxPathPoints> point{};  // active points in the pelvis frame of the side
  std::array<PathBody, kMaxPathPoints> body{};
  // Index of each active point among the muscle's points (MuscleSpec::points): Gait2392's
  // conditional points come and go with the knee, so the same index in `point` is not always the
  // same point.
  std::array<std::int8_t, kMaxPathPoints> spec{};
  int count = 0;
  // The path as it runs, wraps included (pelvis frame of the side), for drawing: the volumes
  // follow it (path_curve.h). drawn_anchor[i] = the index in `point` of drawn point i, or -1 for a
  // point on a wrap's arc. With no wrap active, drawn == point.
  std::array<glm::dvec3, kMaxDrawnPoints> drawn{};
  std::array<std::int8_t, kMaxDrawnPoints> drawn_anchor{};
  int drawn_count = 0;
  std::uint32_t wraps_active = 0;  // bit i: wraps_of(muscle)[i] acts now
  bool registered_active = false;  // an active point is registered to HipLab's bones (point_registration.h)
  double length = 0.0;                                  // m
  std::array<double, kMuscleCoordCount> moment_arm{};   // m, hip flex/add/rot, knee, ankle, subtalar
};

// Whether the wrap surfaces act and the points are registered to HipLab's bones
// (point_registration.h): kOff gives Gait2392's straight lines on its own points (for comparison).
enum class Wrapping : std::uint8_t { kOn, kOff };

// One muscle at `pose`; `kin` must be leg_kinematics(pose). Writes into `out` (no allocation).
void evaluate_muscle_path(int muscle, const LegPose& pose, const LegKinematics& kin, Side side,
                          MusclePath& out, Wrapping wrapping = Wrapping::kOn);

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
