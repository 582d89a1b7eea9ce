// point_registration_test.cpp — issue 11, section 2: re-derives the registration of Gait2392's path
// points to HipLab's bones (anatomy/point_registration.h) from the shipped model's bone meshes and
// checks the transcribed table against it, so the table cannot drift from the bones it was made
// for. Derivation: for each path point not moved by the knee, the signed distance to its body's
// bones (inside by the parity of ray crossings on three axes, majority; distance to the nearest
// triangle); when it is below kRegistrationNear (inside, or outside by less), the point goes to
// the nearest surface point + kRegistrationClearance along the outward normal there (the
// direction from the surface point to the point, reversed inside); then the plate rule of
// point_registration.h for pelvis points on the inner face of the iliac wing. Printed: every moved point, the
// distance it moved, the worst and median, and the table in C++ form.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <glm/geometric.hpp>

#include "anatomy/kinematics.h"
#include "anatomy/point_registration.h"
#include "assets/model_loader.h"
#include "scene/shipped_body.h"

using namespace hiplab;

namespace {

struct Tri {
  glm::dvec3 a, b, c;
};

// Ericson, Real-Time Collision Detection 5.1.5: the point of triangle abc nearest p.
glm::dvec3 closest_on_triangle(const glm::dvec3& p, const Tri& t) {
  const glm::dvec3 ab = t.b - t.a, ac = t.c - t.a, ap = p - t.a;
  const double d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return t.a;
  const glm::dvec3 bp = p - t.b;
  const double d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return t.b;
  const double vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return t.a + ab * (d1 / (d1 - d3));
  const glm::dvec3 cp = p - t.c;
  const double d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return t.c;
  const double vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return t.a + ac * (d2 / (d2 - d6));
  const double va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) return t.b + (t.c - t.b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
  const double denom = 1.0 / (va + vb + vc);
  return t.a + ab * (vb * denom) + ac * (vc * denom);
}

// Where the ray p + s*dir (0 < s < s_max) crosses the triangles (Moller-Trumbore), nearest first.
std::vector<double> hits_along(const glm::dvec3& p, const glm::dvec3& dir, double s_max, const std::vector<Tri>& tris) {
  std::vector<double> out;
  for (const Tri& t : tris) {
    const glm::dvec3 e1 = t.b - t.a, e2 = t.c - t.a, h = glm::cross(dir, e2);
    const double det = glm::dot(e1, h);
    if (std::fabs(det) < 1e-15) continue;
    const glm::dvec3 sv = p - t.a;
    const double u = glm::dot(sv, h) / det;
    if (u < 0 || u > 1) continue;
    const glm::dvec3 q = glm::cross(sv, e1);
    const double v = glm::dot(dir, q) / det;
    if (v < 0 || u + v > 1) continue;
    const double at = glm::dot(e2, q) / det;
    if (at > 0 && at < s_max) out.push_back(at);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// How many times the ray p + s*dir (s > 0) crosses the triangles.
int crossings(const glm::dvec3& p, const glm::dvec3& dir, const std::vector<Tri>& tris) {
  return static_cast<int>(hits_along(p, dir, std::numeric_limits<double>::infinity(), tris).size());
}

struct Signed {
  double distance;     // + outside
  glm::dvec3 nearest;  // on the surface
  glm::dvec3 normal;   // outward, at `nearest`
};

Signed signed_distance(const glm::dvec3& p, const std::vector<Tri>& tris) {
  double best = 1e9;
  glm::dvec3 nearest{0.0}, face{0.0};
  for (const Tri& t : tris) {
    const glm::dvec3 c = closest_on_triangle(p, t);
    const double d = glm::length(p - c);
    if (d < best) best = d, nearest = c, face = glm::cross(t.b - t.a, t.c - t.a);
  }
  // Slightly skewed axes so a ray seldom runs through an edge exactly.
  const int votes = crossings(p, glm::normalize(glm::dvec3(1, 0.0123, 0.0371)), tris) % 2 + crossings(p, glm::normalize(glm::dvec3(0.0217, 1, 0.0113)), tris) % 2 +
                    crossings(p, glm::normalize(glm::dvec3(0.0311, 0.0173, 1)), tris) % 2;
  const bool inside = votes >= 2;
  glm::dvec3 n = best > 1e-7 ? (p - nearest) / best * (inside ? -1.0 : 1.0) : glm::normalize(face);
  return {inside ? -best : best, nearest, n};
}

using test::body;

// The bones of each body, right side, in that body's frame (the bone meshes hang on their body's
// node with no offset of their own, the bind frames parallel: model_generator/model.cpp).
std::vector<Tri> body_bones(anatomy::PathBody b) {
  std::vector<std::string> names;
  switch (b) {
    case anatomy::PathBody::kPelvis: names = {"hip_bone_r", "sacrum"}; break;
    case anatomy::PathBody::kFemur: names = {"femur_r"}; break;
    case anatomy::PathBody::kTibia: names = {"tibia_r", "fibula_r"}; break;
    case anatomy::PathBody::kCalcn: names = {"foot_r"}; break;
    case anatomy::PathBody::kToes: names = {"toes_r"}; break;
  }
  std::vector<Tri> tris;
  for (const Mesh& m : body().meshes) {
    if (std::find(names.begin(), names.end(), m.name) == names.end()) continue;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
      tris.push_back({glm::dvec3(m.vertices[m.indices[t]].position), glm::dvec3(m.vertices[m.indices[t + 1]].position),
                      glm::dvec3(m.vertices[m.indices[t + 2]].position)});
  }
  REQUIRE(!tris.empty());
  return tris;
}

struct Derived {
  int muscle, point;
  double before;  // signed distance, m
  glm::dvec3 offset;
};


// A point's location in the pelvis frame at the anatomical position.
glm::dvec3 at_anatomical(const anatomy::PathPointSpec& pp, const glm::dvec3& local) {
  if (pp.body == anatomy::PathBody::kPelvis) return local;
  const anatomy::LegKinematics k = anatomy::leg_kinematics(anatomy::LegPose{});
  anatomy::LegSegment seg = anatomy::LegSegment::kFemur;
  if (pp.body == anatomy::PathBody::kTibia) seg = anatomy::LegSegment::kTibia;
  if (pp.body == anatomy::PathBody::kCalcn) seg = anatomy::LegSegment::kCalcn;
  if (pp.body == anatomy::PathBody::kToes) seg = anatomy::LegSegment::kToes;
  return k[seg].apply(local);
}
glm::dvec3 to_body(const anatomy::PathPointSpec& pp, const glm::dvec3& pelvis) {
  if (pp.body == anatomy::PathBody::kPelvis) return pelvis;
  const glm::dvec3 origin = at_anatomical(pp, glm::dvec3(0.0));
  glm::dmat3 r;
  for (int c = 0; c < 3; ++c) {
    glm::dvec3 e(0.0);
    e[c] = 1.0;
    r[c] = at_anatomical(pp, e) - origin;
  }
  return glm::transpose(r) * (pelvis - origin);
}

std::vector<Derived> derive() {
  std::map<anatomy::PathBody, std::vector<Tri>> bones;
  auto bones_of = [&bones](anatomy::PathBody b) -> const std::vector<Tri>& {
    auto it = bones.find(b);
    if (it == bones.end()) it = bones.emplace(b, body_bones(b)).first;
    return it->second;
  };
  std::vector<Derived> out;
  for (int m = 0; m < anatomy::kMuscleCount; ++m) {
    const anatomy::MuscleSpec& ms = anatomy::muscle(m);
    for (std::size_t k = 0; k < ms.points.size(); ++k) {
      const anatomy::PathPointSpec& pp = ms.points[k];
      if (pp.moving >= 0) continue;
      const std::vector<Tri>& tris = bones_of(pp.body);
      const Signed s = signed_distance(pp.location, tris);
      glm::dvec3 moved = pp.location;
      if (s.distance < anatomy::kRegistrationNear) moved = s.nearest + anatomy::kRegistrationClearance * s.normal;
      // The wrong face of the iliac wing (a plate of bone 2-5 mm thick, reshaped from Gait2392's:
      // a pelvis point may end up on its inner face): the line to the next point (at the
      // anatomical position) passes through the pelvis bones within 30 mm, entering and leaving.
      // The point goes through the plate along the way to its nearest surface, and out by the
      // clearance.
      if (pp.body == anatomy::PathBody::kPelvis && k + 1 < ms.points.size() && ms.points[k + 1].moving < 0) {
        const anatomy::PathPointSpec& next = ms.points[k + 1];
        const glm::dvec3 toward = to_body(pp, at_anatomical(next, next.location)) - moved;
        const std::vector<double> through = hits_along(moved, glm::normalize(toward), std::min(0.030, glm::length(toward)), tris);
        if (through.size() >= 2) {
          const Signed here = signed_distance(moved, tris);
          const glm::dvec3 in = glm::normalize(here.nearest - moved);
          const std::vector<double> plate = hits_along(moved, in, 0.05, tris);
          if (plate.size() >= 2) {
            const Signed far = signed_distance(moved + (plate[1] + 0.0005) * in, tris);
            moved = far.nearest + anatomy::kRegistrationClearance * far.normal;
          }
        }
      }
      if (moved == pp.location) continue;
      out.push_back({m, static_cast<int>(k), s.distance, moved - pp.location});
    }
  }
  return out;
}

}  // namespace

TEST_CASE("point registration: the transcribed offsets are those the shipped bones give, and every registered point lies outside its bones (printed)") {
  const std::vector<Derived> derived = derive();
  std::vector<double> moved;
  std::printf("registration of Gait2392's points to HipLab's bones (mm; signed distance before: - inside):\n");
  for (const Derived& d : derived) {
    moved.push_back(glm::length(d.offset));
    std::printf("  %-10s p%d  before %+6.2f  moved %5.2f\n", anatomy::muscle(d.muscle).name.data(), d.point, 1000 * d.before, 1000 * moved.back());
  }
  std::printf("as C++ (anatomy/point_registration.cpp):\n");
  for (const Derived& d : derived)
    std::printf("    {\"%s\", %d, {%.5f, %.5f, %.5f}},\n", anatomy::muscle(d.muscle).name.data(), d.point, d.offset.x, d.offset.y, d.offset.z);
  if (!moved.empty()) {
    std::vector<double> sorted = moved;
    std::sort(sorted.begin(), sorted.end());
    std::printf("%zu points moved; median %.2f mm, worst %.2f mm\n", sorted.size(), 1000 * sorted[sorted.size() / 2], 1000 * sorted.back());
  }
  // The table equals the derivation (to 0.02 mm: it is printed with 0.01 mm steps).
  const auto table = anatomy::point_registrations();
  CHECK(table.size() == derived.size());
  for (const Derived& d : derived) {
    INFO(anatomy::muscle(d.muscle).name << " p" << d.point);
    const glm::dvec3 t = anatomy::registration_offset(d.muscle, d.point);
    CHECK(glm::length(t - d.offset) < 2e-5);
  }
  // Every point of the table is re-derived (none moved that the bones do not ask for), and lies
  // where it was moved to: outside its bones by the clearance, to within 0.1 mm.
  for (const anatomy::PointRegistration& r : table) {
    const auto m = anatomy::find_muscle(r.muscle);
    REQUIRE(m);
    INFO(r.muscle << " p" << r.point);
    CHECK(std::any_of(derived.begin(), derived.end(), [&](const Derived& d) { return d.muscle == *m && d.point == r.point; }));
    const anatomy::PathPointSpec& pp = anatomy::muscle(*m).points[static_cast<std::size_t>(r.point)];
    const Signed after = signed_distance(anatomy::registered_location(*m, r.point), body_bones(pp.body));
    CHECK(after.distance > anatomy::kRegistrationClearance - 1e-4);
  }
}
