#include "anatomy/muscle_path.h"

#include <array>
#include <cmath>
#include <span>

#include <glm/geometric.hpp>

#include "anatomy/point_registration.h"


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
                          Side side, MusclePath& out, Wrapping wrapping) {
  const MuscleSpec& m = muscle(muscle_index);
  out.registered_active = false;
  // Positions and their rates for the six coordinates, in the right-leg frame.
  std::array<glm::dvec3, kMaxPathPoints> x{};
  std::array<std::array<glm::dvec3, kMuscleCoordCount>, kMaxPathPoints> dx{};
  std::array<int, kMaxPathPoints> spec_index{};
  int n = 0;
  for (int pi = 0; pi < static_cast<int>(m.points.size()); ++pi) {
    const PathPointSpec& p = m.points[static_cast<std::size_t>(pi)];
    if (!point_active(p, pose)) continue;
    auto& v = dx[n];
    // Gait2392's point, registered to HipLab's bones (point_registration.h) unless Gait2392's own
    // straight lines are asked for.
    const glm::dvec3 location = wrapping == Wrapping::kOn ? registered_location(muscle_index, pi) : p.location;
    if (wrapping == Wrapping::kOn && location != p.location) out.registered_active = true;
    if (p.body == PathBody::kPelvis) {
      x[n] = location;
      for (auto& d : v) d = glm::dvec3{0.0};
    } else {
      const LegSegment seg = segment_of(p.body);
      const Frame& f = kin[seg];
      glm::dvec3 local = location, dlocal{0.0};
      if (p.moving >= 0) local = moving_point_location(p.moving, pose[LegCoord::kKneeFlexion], &dlocal);
      x[n] = f.apply(local);
      for (int k = 0; k < kMuscleCoordCount; ++k) v[k] = kin.point_velocity(k, seg, x[n]);
      if (p.moving >= 0) v[coord_index(LegCoord::kKneeFlexion)] += f.rotation * dlocal;
    }
    out.body[n] = p.body;
    out.spec[static_cast<std::size_t>(n)] = static_cast<std::int8_t>(pi);
    spec_index[n] = pi;
    ++n;
  }
  out.count = n;
  out.length = 0.0;
  out.moment_arm.fill(0.0);
  out.wraps_active = 0;
  int drawn = 0;
  auto draw = [&](const glm::dvec3& p, int anchor) {
    if (drawn >= kMaxDrawnPoints) return;
    out.drawn[drawn] = p;
    out.drawn_anchor[drawn] = static_cast<std::int8_t>(anchor);
    ++drawn;
  };
  const std::span<const MuscleWrap> wraps =
      wrapping == Wrapping::kOn ? wraps_of(muscle_index) : std::span<const MuscleWrap>{};
  WrapResult w;
  for (int i = 0; i < n; ++i) {
    draw(x[i], i);
    if (i + 1 == n) break;
    bool wrapped = false;
    for (std::size_t wi = 0; wi < wraps.size() && !wrapped; ++wi) {
      const MuscleWrap& mw = wraps[wi];
      // A chain: entries wi..last, each but the last with then_next set (muscle_wrap.h).
      std::size_t last = wi;
      while (wraps[last].then_next && last + 1 < wraps.size() && last - wi + 1 < static_cast<std::size_t>(kMaxChain)) ++last;
      if (spec_index[i] < mw.first_point || spec_index[i + 1] > mw.last_point) {
        wi = last;  // the chain is skipped together
        continue;
      }
      if (last > wi) {
        // Surfaces in sequence (wrap_chain), solved in this pelvis frame with all moved there.
        const std::size_t nc = last - wi + 1;
        std::array<const WrapSurface*, kMaxChain> s{};
        std::array<WrapSurface, kMaxChain> moved{};
        for (std::size_t j = 0; j < nc; ++j) {
          s[j] = &wrap_surfaces()[static_cast<std::size_t>(wraps[wi + j].surface)];
          const Frame f = s[j]->body == PathBody::kPelvis ? Frame{} : kin[segment_of(s[j]->body)];
          moved[j] = moved_surface(*s[j], f.rotation, f.origin);
        }
        std::array<WrapResult, kMaxChain> c{};
        wrap_chain(std::span<const WrapSurface>(moved.data(), nc), x[i], x[i + 1], std::span<WrapResult>(c.data(), nc));
        bool any = false;
        for (std::size_t j = 0; j < nc; ++j) any = any || c[j].active;
        if (!any) {
          wi = last;
          continue;
        }
        // The path: x[i], then for each acting surface its two tangent points (via points on its
        // body), then x[i + 1].
        constexpr std::size_t kVia = 2 + 2 * static_cast<std::size_t>(kMaxChain);
        std::array<glm::dvec3, kVia> via{};
        std::array<std::array<glm::dvec3, kMuscleCoordCount>, kVia> dvia{};
        std::size_t nv = 0;
        via[nv] = x[i];
        dvia[nv] = dx[i];
        ++nv;
        for (std::size_t j = 0; j < nc; ++j) {
          if (!c[j].active) continue;
          for (const glm::dvec3& t : {c[j].t1, c[j].t2}) {
            via[nv] = t;
            for (int k = 0; k < kMuscleCoordCount; ++k)
              dvia[nv][k] = s[j]->body == PathBody::kPelvis ? glm::dvec3(0.0) : kin.point_velocity(k, segment_of(s[j]->body), t);
            ++nv;
          }
          out.length += c[j].arc;
          out.wraps_active |= 1u << (wi + j);
        }
        via[nv] = x[i + 1];
        dvia[nv] = dx[i + 1];
        ++nv;
        // Straight pieces: x[i] -> first tangent point, between the surfaces, last -> x[i + 1].
        for (std::size_t v = 0; v + 1 < nv; v += 2) {
          const glm::dvec3 d = via[v + 1] - via[v];
          const double len = glm::length(d);
          out.length += len;
          if (len <= 0.0) continue;
          for (int k = 0; k < kMuscleCoordCount; ++k) out.moment_arm[k] -= glm::dot(d / len, dvia[v + 1][k] - dvia[v][k]);
        }
        for (std::size_t j = 0; j < nc; ++j) {
          if (!c[j].active) continue;
          draw(c[j].t1, -1);
          for (int p = 0; p < c[j].inner; ++p) draw(c[j].inner_point[p], -1);
          draw(c[j].t2, -1);
        }
        wrapped = true;
        continue;
      }
      const WrapSurface& s = wrap_surfaces()[static_cast<std::size_t>(mw.surface)];
      // The segment in the wrap body's frame, and back.
      const bool on_pelvis = s.body == PathBody::kPelvis;
      const LegSegment seg = segment_of(s.body);
      const Frame f = on_pelvis ? Frame{} : kin[seg];
      const glm::dmat3 to_local = glm::transpose(f.rotation);
      wrap_segment(s, to_local * (x[i] - f.origin), to_local * (x[i + 1] - f.origin), w);
      if (!w.active) continue;
      const glm::dvec3 t1 = f.apply(w.t1), t2 = f.apply(w.t2);
      const glm::dvec3 d1 = t1 - x[i], d2 = x[i + 1] - t2;
      const double l1 = glm::length(d1), l2 = glm::length(d2);
      out.length += l1 + w.arc + l2;
      // Tangent points as via points fixed on the wrap's body (envelope theorem, see the header).
      for (int k = 0; k < kMuscleCoordCount; ++k) {
        const glm::dvec3 v1 = on_pelvis ? glm::dvec3(0.0) : kin.point_velocity(k, seg, t1);
        const glm::dvec3 v2 = on_pelvis ? glm::dvec3(0.0) : kin.point_velocity(k, seg, t2);
        if (l1 > 0.0) out.moment_arm[k] -= glm::dot(d1 / l1, v1 - dx[i][k]);
        if (l2 > 0.0) out.moment_arm[k] -= glm::dot(d2 / l2, dx[i + 1][k] - v2);
      }
      draw(t1, -1);
      for (int j = 0; j < w.inner; ++j) draw(f.apply(w.inner_point[j]), -1);
      draw(t2, -1);
      out.wraps_active |= 1u << wi;
      wrapped = true;
    }
    if (wrapped) continue;
    const glm::dvec3 d = x[i + 1] - x[i];
    const double len = glm::length(d);
    out.length += len;
    if (len <= 0.0) continue;
    const glm::dvec3 u = d / len;
    for (int k = 0; k < kMuscleCoordCount; ++k)
      out.moment_arm[k] -= glm::dot(u, dx[i + 1][k] - dx[i][k]);
  }
  out.drawn_count = drawn;
  for (int i = 0; i < n; ++i) out.point[i] = side == Side::kLeft ? mirror_point(x[i]) : x[i];
  if (side == Side::kLeft)
    for (int i = 0; i < drawn; ++i) out.drawn[i] = mirror_point(out.drawn[i]);
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
