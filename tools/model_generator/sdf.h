// sdf.h — signed-distance primitives and blends for the generated bones (metres, body frames).
// Negative inside. Distances are exact for sphere/capsule/round cone and a bound (never an
// overestimate by more than the ellipse eccentricity) for ellipsoids; the narrow-band mesher allows
// for that with a safety factor. Blends follow Inigo Quilez's polynomial smooth minimum, whose
// radius k (metres) is the width of the fillet between two parts.
#pragma once
#include <algorithm>
#include <cmath>
#include <glm/glm.hpp>

namespace hiplab::modelgen::sdf {
using glm::vec3;

inline float smin(float a, float b, float k) {
  if (k <= 0.0f) return std::min(a, b);
  float h = std::max(k - std::fabs(a - b), 0.0f) / k;
  return std::min(a, b) - h * h * k * 0.25f;
}
inline float smax(float a, float b, float k) { return -smin(-a, -b, k); }
// a minus b, with a fillet of width k at the cut
inline float ssub(float a, float b, float k) { return smax(a, -b, k); }

inline float sphere(vec3 p, vec3 c, float r) { return glm::length(p - c) - r; }

inline float capsule(vec3 p, vec3 a, vec3 b, float r) {
  vec3 pa = p - a, ba = b - a;
  float h = std::clamp(glm::dot(pa, ba) / glm::dot(ba, ba), 0.0f, 1.0f);
  return glm::length(pa - ba * h) - r;
}

// Tapered capsule: sphere ra at a, sphere rb at b, joined by their common tangent cone.
inline float round_cone(vec3 p, vec3 a, vec3 b, float ra, float rb) {
  vec3 ba = b - a;
  float l2 = glm::dot(ba, ba);
  float rr = ra - rb;
  float a2 = l2 - rr * rr;
  float il2 = 1.0f / l2;
  vec3 pa = p - a;
  float y = glm::dot(pa, ba);
  float z = y - l2;
  vec3 q = pa * l2 - ba * y;
  float x2 = glm::dot(q, q);
  float y2 = y * y * l2;
  float z2 = z * z * l2;
  float k = (rr > 0 ? 1.0f : (rr < 0 ? -1.0f : 0.0f)) * rr * rr * x2;
  if ((z > 0 ? 1.0f : (z < 0 ? -1.0f : 0.0f)) * a2 * z2 > k) return std::sqrt(x2 + z2) * il2 - rb;
  if ((y > 0 ? 1.0f : (y < 0 ? -1.0f : 0.0f)) * a2 * y2 < k) return std::sqrt(x2 + y2) * il2 - ra;
  return (std::sqrt(x2 * a2 * il2) + y * rr) * il2 - ra;
}

// Ellipsoid with semi-axes r along the orthonormal axes u, v, w (columns), centred at c.
struct Ellipsoid {
  vec3 c, u, v, w, r;
};
inline float ellipsoid(vec3 p, const Ellipsoid& e) {
  vec3 d = p - e.c;
  vec3 q(glm::dot(d, e.u), glm::dot(d, e.v), glm::dot(d, e.w));
  float k0 = glm::length(q / e.r);
  float k1 = glm::length(q / (e.r * e.r));
  if (k1 < 1e-12f) return -std::min(e.r.x, std::min(e.r.y, e.r.z));
  return k0 * (k0 - 1.0f) / k1;
}
// Ellipsoid whose long axis runs from a to b (radius along it = half the distance), with cross
// radii ru (along 'up', made orthogonal) and rw.
inline Ellipsoid ellipsoid_between(vec3 a, vec3 b, vec3 up, float ru, float rw) {
  vec3 c = 0.5f * (a + b);
  vec3 axis = b - a;
  float len = glm::length(axis);
  vec3 u = axis / len;
  vec3 v = glm::normalize(up - u * glm::dot(up, u));
  vec3 w = glm::cross(u, v);
  return {c, u, v, w, vec3(0.5f * len, ru, rw)};
}

inline float box(vec3 p, vec3 c, vec3 half, float round) {
  vec3 q = glm::abs(p - c) - half + vec3(round);
  return glm::length(glm::max(q, vec3(0.0f))) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f) - round;
}

inline float torus(vec3 p, vec3 c, vec3 axis, float R, float r) {
  vec3 d = p - c;
  float h = glm::dot(d, axis);
  vec3 radial = d - axis * h;
  float q = glm::length(radial) - R;
  return std::sqrt(q * q + h * h) - r;
}

inline float smoothstep(float e0, float e1, float x) {
  float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

}  // namespace hiplab::modelgen::sdf
