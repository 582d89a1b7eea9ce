#include "scene/muscle_geometry.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace hiplab {

MuscleTubeProfile muscle_tube_profile(double f_max, double l_opt, double l_slack) {
  MuscleTubeProfile p;
  const double pcsa = std::max(f_max, 1.0) / kSpecificTensionPa;  // m^2
  p.belly_radius = std::sqrt(pcsa / 3.14159265358979);
  p.tendon_radius = std::max(0.18 * p.belly_radius, 0.0015);
  const double tendon_share = std::clamp(l_slack / std::max(l_slack + l_opt, 1e-6), 0.0, 0.9);
  p.origin_tendon = 0.4 * tendon_share;
  p.insertion_tendon = 0.6 * tendon_share;
  return p;
}

double tube_radius(const MuscleTubeProfile& p, double s, double* belly_weight) {
  s = std::clamp(s, 0.0, 1.0);
  const double a = p.origin_tendon, b = 1.0 - p.insertion_tendon;
  double w = 0.0;
  if (s > a && s < b) {
    // A full belly over most of the fleshy part, tapering smoothly into each tendon.
    const double u = (s - a) / std::max(b - a, 1e-6);
    auto smooth = [](double x) { x = std::clamp(x, 0.0, 1.0); return x * x * (3.0 - 2.0 * x); };
    w = smooth(u / 0.3) * smooth((1.0 - u) / 0.3);
  }
  if (belly_weight) *belly_weight = w;
  // Round the very ends so the tube closes onto its attachment instead of ending in a flat cut.
  const double end = std::min(s, 1.0 - s);
  const double cap = end < 0.02 ? std::sqrt(std::max(end / 0.02, 0.0)) : 1.0;
  return cap * (p.tendon_radius + (p.belly_radius - p.tendon_radius) * w);
}

glm::ivec2 muscle_tube_detail(std::span<const glm::dvec3> points, const MuscleTubeProfile& profile, double px_per_m) {
  if (!(px_per_m > 0.0)) return {14, 8};
  double length = 0.0;
  for (std::size_t i = 1; i < points.size(); ++i) length += glm::length(points[i] - points[i - 1]);
  // The widest semi-axis: a flattened fan keeps its area, so its wide axis is r * sqrt(aspect).
  const double r_px = profile.belly_radius * std::sqrt(std::max(profile.fan_aspect, 1.0)) * px_per_m;
  int sides = 16;
  if (r_px <= 1.0) sides = 6;
  else {
    const double n = 3.14159265358979 / std::acos(1.0 - 1.0 / r_px);
    sides = static_cast<int>(std::ceil(n));
  }
  sides = std::clamp(sides + (sides & 1), 6, 16);  // even: the fibre striation wraps evenly
  const int rings = std::clamp(static_cast<int>(std::ceil(length * px_per_m / 12.0)), 8, 32);
  return {rings, sides};
}

glm::ivec2 append_muscle_tube(std::span<const glm::dvec3> points, const MuscleTubeProfile& profile, DynamicMesh& mesh,
                              int rings, int sides) {
  rings = std::max(rings, 2);
  sides = std::max(sides, 3);
  if (points.size() < 2) return {static_cast<int>(mesh.indices.size()), 0};
  // Dense Catmull-Rom polyline through the points (end tangents mirrored), drop repeated points.
  std::vector<glm::dvec3> pts;
  for (const glm::dvec3& p : points)
    if (pts.empty() || glm::length(p - pts.back()) > 1e-6) pts.push_back(p);
  if (pts.size() < 2) pts.push_back(pts.back() + glm::dvec3(0, -1e-3, 0));
  std::vector<glm::dvec3> dense;
  const int sub = 8;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    const glm::dvec3 p1 = pts[i], p2 = pts[i + 1];
    const glm::dvec3 p0 = i > 0 ? pts[i - 1] : 2.0 * p1 - p2;
    const glm::dvec3 p3 = i + 2 < pts.size() ? pts[i + 2] : 2.0 * p2 - p1;
    for (int k = 0; k < sub; ++k) {
      const double t = static_cast<double>(k) / sub, t2 = t * t, t3 = t2 * t;
      dense.push_back(0.5 * ((2.0 * p1) + (-p0 + p2) * t + (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3) * t2 +
                             (-p0 + 3.0 * p1 - 3.0 * p2 + p3) * t3));
    }
  }
  dense.push_back(pts.back());
  std::vector<double> arc(dense.size(), 0.0);
  for (std::size_t i = 1; i < dense.size(); ++i) arc[i] = arc[i - 1] + glm::length(dense[i] - dense[i - 1]);
  const double total = std::max(arc.back(), 1e-9);

  // Rings at even arc length, with parallel-transported normals.
  const auto first_vertex = static_cast<std::uint32_t>(mesh.vertices.size());
  const int first_index = static_cast<int>(mesh.indices.size());
  std::size_t seg = 0;
  glm::dvec3 normal(0.0);
  for (int r = 0; r <= rings; ++r) {
    const double s = static_cast<double>(r) / rings, target = s * total;
    while (seg + 2 < dense.size() && arc[seg + 1] < target) ++seg;
    const double len = std::max(arc[seg + 1] - arc[seg], 1e-12);
    const double f = std::clamp((target - arc[seg]) / len, 0.0, 1.0);
    const glm::dvec3 centre = dense[seg] + f * (dense[seg + 1] - dense[seg]);
    glm::dvec3 tangent = dense[seg + 1] - dense[seg];
    tangent = glm::length(tangent) > 1e-12 ? glm::normalize(tangent) : glm::dvec3(0, -1, 0);
    if (r == 0) {
      const glm::dvec3 helper = std::fabs(tangent.y) < 0.9 ? glm::dvec3(0, 1, 0) : glm::dvec3(1, 0, 0);
      normal = glm::normalize(glm::cross(tangent, helper));
    } else {
      normal = normal - tangent * glm::dot(normal, tangent);  // transport: remove the tangent part
      normal = glm::length(normal) > 1e-9 ? glm::normalize(normal) : glm::normalize(glm::cross(tangent, {0, 0, 1}));
    }
    glm::dvec3 axis_u = normal, axis_v = glm::cross(tangent, normal);
    double wide = 1.0, thin = 1.0;
    if (profile.fan_aspect > 1.0) {
      const glm::dvec3 along = profile.fan_direction - tangent * glm::dot(profile.fan_direction, tangent);
      if (glm::length(along) > 1e-9) {
        axis_u = glm::normalize(along);
        axis_v = glm::cross(tangent, axis_u);
        wide = std::sqrt(profile.fan_aspect);
        thin = 1.0 / wide;
      }
    }
    double belly = 0.0;
    const double radius = tube_radius(profile, s, &belly);
    // Flatten only the fleshy part; tendons stay round cords.
    const double w = 1.0 + (wide - 1.0) * belly, t = 1.0 + (thin - 1.0) * belly;
    for (int k = 0; k <= sides; ++k) {  // the seam vertex repeats so uv.x runs 0..1
      const double a = 2.0 * 3.14159265358979 * k / sides;
      const glm::dvec3 dir = w * std::cos(a) * axis_u + t * std::sin(a) * axis_v;
      const glm::dvec3 nrm = glm::normalize(t * std::cos(a) * axis_u + w * std::sin(a) * axis_v);
      Vertex v;
      v.position = glm::vec3(centre + radius * dir);
      v.normal = glm::vec3(nrm);
      v.uv = {static_cast<float>(k) / static_cast<float>(sides), static_cast<float>(belly)};
      mesh.vertices.push_back(v);
    }
  }
  const auto stride = static_cast<std::uint32_t>(sides + 1);
  for (int r = 0; r < rings; ++r)
    for (int k = 0; k < sides; ++k) {
      const std::uint32_t a = first_vertex + static_cast<std::uint32_t>(r) * stride + static_cast<std::uint32_t>(k);
      const std::uint32_t b = a + 1, c = a + stride, d = c + 1;
      mesh.indices.insert(mesh.indices.end(), {a, b, c, b, d, c});  // counter-clockwise seen from outside
    }
  return {first_index, static_cast<int>(mesh.indices.size()) - first_index};
}

}  // namespace hiplab
