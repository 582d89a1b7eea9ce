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
    out.station_s[r] = target / out.length;
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

namespace {
int rest_curve_and_count(int muscle, Side side, const glm::dvec3& hint_local, const glm::dvec3& tangent_local, const PathRest& rest,
                         PathCurve& c, std::array<std::int8_t, kMaxPathPoints>* spec = nullptr) {
  if (muscle < 0 || muscle >= kMuscleCount) return 0;
  const LegPose pose{};
  const LegKinematics kin = leg_kinematics(pose);
  MusclePath p;
  evaluate_muscle_path(muscle, pose, kin, side, p);
  build_path_curve(std::span<const glm::dvec3>(p.drawn.data(), static_cast<std::size_t>(p.drawn_count)),
                   path_hint(kin, p.body[0], side, hint_local, tangent_local,
                             first_direction(std::span<const glm::dvec3>(p.point.data(), static_cast<std::size_t>(p.count)))),
                   c, rest, std::span<const std::int8_t>(p.drawn_anchor.data(), static_cast<std::size_t>(p.drawn_count)));
  if (spec) *spec = p.spec;
  return p.count;
}
}  // namespace

int rest_point_normals(int muscle, Side side, const glm::dvec3& hint_local, const glm::dvec3& tangent_local, const PathRest& rest,
                       std::array<glm::dvec3, kMaxPathPoints>& normal, std::array<glm::dvec3, kMaxPathPoints>& tangent,
                       std::array<std::int8_t, kMaxPathPoints>* spec) {
  PathCurve c;
  const int count = rest_curve_and_count(muscle, side, hint_local, tangent_local, rest, c, spec);
  for (int j = 0; j < count; ++j) curve_frame_at_point(c, j, tangent[static_cast<std::size_t>(j)], normal[static_cast<std::size_t>(j)]);
  return count;
}

bool rest_path_curve(int muscle, Side side, const glm::dvec3& hint_local, const glm::dvec3& tangent_local, const PathRest& rest,
                     PathCurve& out) {
  return rest_curve_and_count(muscle, side, hint_local, tangent_local, rest, out) > 0;
}

void match_rest_points(const MusclePath& p, std::span<const std::int8_t> rest_spec, std::array<std::int8_t, kMaxPathPoints>& out) {
  out.fill(-1);
  std::size_t r = 0;
  for (int j = 0; j < p.count; ++j) {
    const auto ju = static_cast<std::size_t>(j);
    while (r < rest_spec.size() && rest_spec[r] < p.spec[ju]) ++r;
    if (r < rest_spec.size() && rest_spec[r] == p.spec[ju]) out[ju] = static_cast<std::int8_t>(r);
  }
}

void blend_station_frames(const StationFrames& a, const StationFrames& b, float w, StationFrames& out) {
  // Mixed, not made orthonormal again: the placement only needs the same function of the bind
  // pose's frames and the posed ones (the coordinates are made against these frames at load), and
  // between two unit frames a few tens of degrees apart the mix stays close to one.
  for (std::size_t i = 0; i < static_cast<std::size_t>(PathCurve::kStations); ++i) {
    out.pos[i] = a.pos[i] + w * (b.pos[i] - a.pos[i]);
    out.tangent[i] = a.tangent[i] + w * (b.tangent[i] - a.tangent[i]);
    out.normal[i] = a.normal[i] + w * (b.normal[i] - a.normal[i]);
    out.binormal[i] = a.binormal[i] + w * (b.binormal[i] - a.binormal[i]);
  }
}

int volume_smooth_level(float offset_m) {
  const float x = std::clamp((offset_m - kVolumeSmoothFrom) / (kVolumeSmoothFull - kVolumeSmoothFrom), 0.0f, 1.0f);
  return static_cast<int>(std::lround(x * x * (3.0f - 2.0f * x) * kVolumeSmoothLevels));
}

void smooth_station_frames(const StationFrames& in, StationFrames& out, int half_width) {
  constexpr int K = PathCurve::kStations;
  const int h = std::clamp(half_width, 0, (K - 1) / 2);
  // Running sums (about the first station, so single precision keeps micrometres).
  const glm::vec3 o = in.pos[0];
  std::array<glm::vec3, K + 1> sp{}, st{}, sn{};
  StationFrames mid = in;
  auto box = [&](const StationFrames& a, StationFrames& b) {
    for (int i = 0; i < K; ++i) {
      const auto iu = static_cast<std::size_t>(i);
      sp[iu + 1] = sp[iu] + (a.pos[iu] - o);
      st[iu + 1] = st[iu] + a.tangent[iu];
      sn[iu + 1] = sn[iu] + a.normal[iu];
    }
    for (int i = 0; i < K; ++i) {
      const int w = std::min({h, i, K - 1 - i});
      const auto lo = static_cast<std::size_t>(i - w), hi = static_cast<std::size_t>(i + w + 1);
      const float inv = 1.0f / static_cast<float>(2 * w + 1);
      const auto iu = static_cast<std::size_t>(i);
      b.pos[iu] = o + inv * (sp[hi] - sp[lo]);
      b.tangent[iu] = inv * (st[hi] - st[lo]);
      b.normal[iu] = inv * (sn[hi] - sn[lo]);
    }
  };
  box(in, mid);
  box(mid, out);
  for (int i = 0; i < K; ++i) {
    const auto iu = static_cast<std::size_t>(i);
    const float lt = glm::length(out.tangent[iu]);
    const glm::vec3 t = lt > 1e-6f ? out.tangent[iu] / lt : in.tangent[iu];
    glm::vec3 n = out.normal[iu] - t * glm::dot(t, out.normal[iu]);
    float ln = glm::length(n);
    if (ln <= 1e-6f) {  // the averaged normal along the tangent: the station's own, else any normal
      n = in.normal[iu] - t * glm::dot(t, in.normal[iu]);
      ln = glm::length(n);
      if (ln <= 1e-6f) n = glm::cross(t, std::fabs(t.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0)), ln = glm::length(n);
    }
    n /= ln;
    out.tangent[iu] = t;
    out.normal[iu] = n;
    out.binormal[iu] = glm::cross(t, n);
  }
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
