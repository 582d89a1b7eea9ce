#include "anatomy/muscle_path.h"

#include <cmath>

#include <glm/geometric.hpp>


namespace hiplab::anatomy {
namespace {

bool point_active(const PathPointSpec& p, const LegPose& pose) {
  switch (p.condition) {
    case Condition::kNone: return true;
    case Condition::kHipFlexion: {
      const double q = pose[LegCoord::kHipFlexion];
      return q >= p.range_min && q <= p.range_max;
    }
    case Condition::kKneeAngle: {
      const double q = -pose[LegCoord::kKneeFlexion];  // Gait2392 knee_angle
      return q >= p.range_min && q <= p.range_max;
    }
  }
  return true;
}

LegSegment segment_of(PathBody b) {
  switch (b) {
    case PathBody::kPelvis:  // not a leg segment; callers handle the pelvis first
    case PathBody::kFemur: return LegSegment::kFemur;
    case PathBody::kTibia: return LegSegment::kTibia;
    case PathBody::kCalcn: return LegSegment::kCalcn;
    case PathBody::kToes: return LegSegment::kToes;
  }
  return LegSegment::kFemur;
}

}  // namespace

void evaluate_muscle_path(int muscle_index, const LegPose& pose, const LegKinematics& kin,
                          Side side, MusclePath& out) {
  const MuscleSpec& m = muscle(muscle_index);
  // Positions and their rates for the four coordinates, in the right-leg frame.
  std::array<glm::dvec3, kMaxPathPoints> x{};
  std::array<std::array<glm::dvec3, kMuscleCoordCount>, kMaxPathPoints> dx{};
  int n = 0;
  for (const PathPointSpec& p : m.points) {
    if (!point_active(p, pose)) continue;
    auto& v = dx[n];
    if (p.body == PathBody::kPelvis) {
      x[n] = p.location;
      for (auto& d : v) d = glm::dvec3{0.0};
    } else {
      const LegSegment seg = segment_of(p.body);
      const Frame& f = kin[seg];
      glm::dvec3 local = p.location, dlocal{0.0};
      if (p.moving >= 0) local = moving_point_location(p.moving, pose[LegCoord::kKneeFlexion], &dlocal);
      x[n] = f.apply(local);
      for (int k = 0; k < kMuscleCoordCount; ++k) v[k] = kin.point_velocity(k, seg, x[n]);
      if (p.moving >= 0) v[coord_index(LegCoord::kKneeFlexion)] += f.rotation * dlocal;
    }
    out.body[n] = p.body;
    ++n;
  }
  out.count = n;
  out.length = 0.0;
  out.moment_arm.fill(0.0);
  for (int i = 0; i + 1 < n; ++i) {
    const glm::dvec3 d = x[i + 1] - x[i];
    const double len = glm::length(d);
    out.length += len;
    if (len <= 0.0) continue;
    const glm::dvec3 u = d / len;
    for (int k = 0; k < kMuscleCoordCount; ++k)
      out.moment_arm[k] -= glm::dot(u, dx[i + 1][k] - dx[i][k]);
  }
  for (int i = 0; i < n; ++i) out.point[i] = side == Side::kLeft ? mirror_point(x[i]) : x[i];
}

void evaluate_leg_muscle_paths(const LegPose& pose, const LegKinematics& kin, Side side,
                               LegMusclePaths& out) {
  for (int i = 0; i < kMuscleCount; ++i) evaluate_muscle_path(i, pose, kin, side, out[i]);
}

double muscle_length(int muscle_index, const LegPose& pose) {
  MusclePath p;
  evaluate_muscle_path(muscle_index, pose, leg_kinematics(pose), Side::kRight, p);
  return p.length;
}

double anatomical_length(int muscle_index) {
  static const std::array<double, kMuscleCount> lengths = [] {
    std::array<double, kMuscleCount> l{};
    for (int i = 0; i < kMuscleCount; ++i) l[i] = muscle_length(i, LegPose{});
    return l;
  }();
  return lengths[muscle_index];
}

Stretch stretch(int muscle_index, double length_m) {
  const MuscleSpec& m = muscle(muscle_index);
  return {length_m / anatomical_length(muscle_index),
          length_m / (m.optimal_fiber_length_m + m.tendon_slack_length_m)};
}

}  // namespace hiplab::anatomy
