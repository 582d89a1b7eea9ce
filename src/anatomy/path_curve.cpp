#include "anatomy/path_curve.h"

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <vector>

namespace hiplab::anatomy {

namespace {
glm::dvec3 orthonormal_to(const glm::dvec3& t, const glm::dvec3& v) {
  glm::dvec3 n = v - t * glm::dot(v, t);
  const double len = glm::length(n);
  if (len > 1e-9) return n / len;
  n = glm::cross(t, std::fabs(t.y) < 0.9 ? glm::dvec3(0, 1, 0) : glm::dvec3(1, 0, 0));
  return glm::normalize(n);
}
}  // namespace

void build_path_curve(std::span<const glm::dvec3> points, const glm::dvec3& hint, PathCurve& out, const PathRest& rest,
                      std::span<const std::int8_t> anchor) {
  constexpr int kSub = 8;
  constexpr std::size_t kMax = kMaxDrawnPoints;
  const std::size_t given = std::min(points.size(), kMax);
  const bool anchored = anchor.size() == points.size() && !anchor.empty();
  std::array<glm::dvec3, kMax + 1> pts{};
  std::size_t n = 0;
  std::array<std::size_t, kMax> kept_as{};  // given point -> index among the kept ones
  for (std::size_t g = 0; g < given; ++g) {
    const glm::dvec3& p = points[g];
    if (n == 0 || glm::length(p - pts[n - 1]) > 1e-6) pts[n++] = p;
    kept_as[g] = n - 1;
  }
  if (n == 0) pts[n++] = glm::dvec3(0.0);
  if (n == 1) pts[n++] = pts[0] + glm::dvec3(0, -1e-3, 0);
  // Dense Catmull-Rom polyline (end tangents mirrored), with running arc length.
  std::array<glm::dvec3, kMax * kSub + 1> dense{};
  std::array<double, kMax * kSub + 1> arc{};
  std::size_t nd = 0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const glm::dvec3 p1 = pts[i], p2 = pts[i + 1];
    const glm::dvec3 p0 = i > 0 ? pts[i - 1] : 2.0 * p1 - p2;
    const glm::dvec3 p3 = i + 2 < n ? pts[i + 2] : 2.0 * p2 - p1;
    for (int k = 0; k < kSub; ++k) {
      const double t = static_cast<double>(k) / kSub, t2 = t * t, t3 = t2 * t;
      dense[nd++] = 0.5 * ((2.0 * p1) + (-p0 + p2) * t + (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3) * t2 +
                           (-p0 + 3.0 * p1 - 3.0 * p2 + p3) * t3);
    }
  }
  dense[nd++] = pts[n - 1];
  // Binomial passes: widen the corners to about sqrt(passes) dense steps (a quarter segment each).
  constexpr int kPasses = 24;
  for (int pass = 0; pass < kPasses; ++pass) {
    glm::dvec3 prev = dense[0];
    for (std::size_t i = 1; i + 1 < nd; ++i) {
      const glm::dvec3 here = dense[i];
      dense[i] = 0.25 * (prev + 2.0 * here + dense[i + 1]);
      prev = here;
    }
  }
  arc[0] = 0.0;
  for (std::size_t i = 1; i < nd; ++i) arc[i] = arc[i - 1] + glm::length(dense[i] - dense[i - 1]);
  out.length = std::max(arc[nd - 1], 1e-9);
  // point_s: of each given point, or with `anchor`, of each anchor (the points between them on a
  // wrap's arc only shape the curve).
  out.point_s.fill(0.0);
  std::size_t ng = 0;
  for (std::size_t g = 0; g < given; ++g) {
    const std::size_t slot = anchored ? static_cast<std::size_t>(anchor[g]) : g;
    if ((anchored && anchor[g] < 0) || slot >= static_cast<std::size_t>(kMaxPathPoints)) continue;
    out.point_s[slot] = std::min(arc[std::min(kept_as[g] * kSub, nd - 1)] / out.length, 1.0);
    ng = std::max(ng, slot + 1);
  }
  const bool piecewise = rest.length > 0.0 && rest.point_s.size() == ng && ng >= 2;
  const double whole_scale = rest.length > 0.0 ? std::sqrt(rest.length / out.length) : 1.0;
  std::size_t seg = 0, g = 0;
  for (int r = 0; r < PathCurve::kStations; ++r) {
    const double s_r = static_cast<double>(r) / (PathCurve::kStations - 1);
    double target = out.length * s_r;
    out.scale[r] = whole_scale;
    if (piecewise) {
      while (g + 2 < ng && rest.point_s[g + 1] <= s_r) ++g;
      const double r0 = rest.point_s[g], r1 = rest.point_s[g + 1];
      const double a0 = out.point_s[g] * out.length, a1 = out.point_s[g + 1] * out.length;
      if (r1 - r0 > 1e-6) {
        target = a0 + std::clamp((s_r - r0) / (r1 - r0), 0.0, 1.0) * (a1 - a0);
        const double stretch = std::max(a1 - a0, 1e-6) / ((r1 - r0) * rest.length);
        out.scale[r] = std::clamp(std::sqrt(1.0 / stretch), 0.5, 2.0);
      }
    }
    if (seg > 0 && arc[seg] > target) seg = 0;  // piecewise targets rise too, but stay safe
    target = std::clamp(target, 0.0, out.length);
    while (seg + 2 < nd && arc[seg + 1] < target) ++seg;
    const double len = std::max(arc[seg + 1] - arc[seg], 1e-12);
    const double f = std::clamp((target - arc[seg]) / len, 0.0, 1.0);
    out.pos[r] = dense[seg] + f * (dense[seg + 1] - dense[seg]);
    const glm::dvec3 d = dense[seg + 1] - dense[seg];
    const glm::dvec3 t = glm::length(d) > 1e-12 ? glm::normalize(d) : glm::dvec3(0, -1, 0);
    out.tangent[r] = t;
    out.normal[r] = orthonormal_to(t, r == 0 ? hint : out.normal[r - 1]);
    out.binormal[r] = glm::cross(t, out.normal[r]);
  }
  // No step in thickness where one segment hands over to the next.
  for (int pass = 0; pass < 6; ++pass) {
    double prev = out.scale[0];
    for (int r = 1; r + 1 < PathCurve::kStations; ++r) {
      const double here = out.scale[r];
      out.scale[r] = 0.25 * (prev + 2.0 * here + out.scale[r + 1]);
      prev = here;
    }
  }
}

glm::dvec3 place_on_curve(const PathCurve& c, const glm::dvec4& q, double k) {
  const double x = std::clamp(q.x, 0.0, 1.0) * (PathCurve::kStations - 1);
  const int i = std::min(static_cast<int>(x), PathCurve::kStations - 2);
  const double f = x - i;
  auto lerp = [&](const std::array<glm::dvec3, PathCurve::kStations>& a) { return a[i] + f * (a[i + 1] - a[i]); };
  return lerp(c.pos) + q.y * lerp(c.tangent) + k * (q.z * lerp(c.normal) + q.w * lerp(c.binormal));
}

glm::dvec4 path_coordinates(const PathCurve& c, const glm::dvec3& p) {
  double best = 1e300, best_s = 0.0;
  for (int i = 0; i + 1 < PathCurve::kStations; ++i) {
    const glm::dvec3 a = c.pos[i], ab = c.pos[i + 1] - a;
    const double l2 = glm::dot(ab, ab);
    const double f = l2 > 0.0 ? std::clamp(glm::dot(p - a, ab) / l2, 0.0, 1.0) : 0.0;
    const glm::dvec3 q = a + f * ab;
    const double d2 = glm::dot(p - q, p - q);
    if (d2 < best) {
      best = d2;
      best_s = (i + f) / (PathCurve::kStations - 1);
    }
  }
  const double x = best_s * (PathCurve::kStations - 1);
  const int i = std::min(static_cast<int>(x), PathCurve::kStations - 2);
  const double f = x - i;
  auto lerp = [&](const std::array<glm::dvec3, PathCurve::kStations>& a) { return a[i] + f * (a[i + 1] - a[i]); };
  const glm::dmat3 frame(lerp(c.tangent), lerp(c.normal), lerp(c.binormal));
  const glm::dvec3 o = glm::inverse(frame) * (p - lerp(c.pos));
  return {best_s, o.x, o.y, o.z};
}

glm::dvec3 path_hint(const LegKinematics& kin, PathBody body, Side side, const glm::dvec3& hint_local,
                     const glm::dvec3& tangent_local, const glm::dvec3& tangent_now) {
  glm::dmat3 r(1.0);
  if (body != PathBody::kPelvis) {
    LegSegment seg = LegSegment::kFemur;
    if (body == PathBody::kTibia) seg = LegSegment::kTibia;
    else if (body == PathBody::kCalcn) seg = LegSegment::kCalcn;
    else if (body == PathBody::kToes) seg = LegSegment::kToes;
    // Left: the mirror image of the right leg's motion, M R M with M = diag(1, 1, -1).
    r = side == Side::kRight ? kin[seg].rotation : mirror_rotation(kin[seg].rotation);
  }
  const glm::dvec3 h = r * hint_local, a = r * tangent_local, b = tangent_now;
  const glm::dvec3 v = glm::cross(a, b);
  const double c = glm::dot(a, b);
  if (c < -0.999) return h;  // turned right round: no unique smallest rotation; keep the body's
  return h + glm::cross(v, h) + glm::cross(v, glm::cross(v, h)) / (1.0 + c);  // Rodrigues, a -> b
}

glm::dvec3 first_direction(std::span<const glm::dvec3> points) {
  for (std::size_t i = 1; i < points.size(); ++i) {
    const glm::dvec3 d = points[i] - points[0];
    if (glm::length(d) > 1e-6) return glm::normalize(d);
  }
  return {0, -1, 0};
}

int rest_point_normals(int muscle, Side side, const glm::dvec3& hint_local, const glm::dvec3& tangent_local, const PathRest& rest,
                       std::array<glm::dvec3, kMaxPathPoints>& normal, std::array<glm::dvec3, kMaxPathPoints>& tangent) {
  if (muscle < 0 || muscle >= kMuscleCount) return 0;
  const LegPose pose{};
  const LegKinematics kin = leg_kinematics(pose);
  MusclePath p;
  evaluate_muscle_path(muscle, pose, kin, side, p);
  PathCurve c;
  build_path_curve(std::span<const glm::dvec3>(p.drawn.data(), static_cast<std::size_t>(p.drawn_count)),
                   path_hint(kin, p.body[0], side, hint_local, tangent_local,
                             first_direction(std::span<const glm::dvec3>(p.point.data(), static_cast<std::size_t>(p.count)))),
                   c, rest, std::span<const std::int8_t>(p.drawn_anchor.data(), static_cast<std::size_t>(p.drawn_count)));
  for (int j = 0; j < p.count; ++j) curve_frame_at_point(c, j, tangent[static_cast<std::size_t>(j)], normal[static_cast<std::size_t>(j)]);
  return p.count;
}

void curve_frame_at_point(const PathCurve& c, int j, glm::dvec3& tangent, glm::dvec3& normal) {
  const double x = std::clamp(c.point_s[static_cast<std::size_t>(j)], 0.0, 1.0) * (PathCurve::kStations - 1);
  const int i = std::min(static_cast<int>(x), PathCurve::kStations - 2);
  const double f = x - i;
  const auto iu = static_cast<std::size_t>(i);
  tangent = glm::normalize(c.tangent[iu] + f * (c.tangent[iu + 1] - c.tangent[iu]));
  normal = glm::normalize(c.normal[iu] + f * (c.normal[iu + 1] - c.normal[iu]));
}

glm::dvec3 default_path_hint(const glm::dvec3& t) {
  const glm::dvec3 a = glm::abs(t);
  if (a.x <= a.y && a.x <= a.z) return {1, 0, 0};
  if (a.z <= a.y) return {0, 0, 1};
  return {0, 1, 0};
}

}  // namespace hiplab::anatomy
