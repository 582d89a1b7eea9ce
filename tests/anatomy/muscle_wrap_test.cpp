// muscle_wrap_test.cpp — the wrap surfaces (anatomy/muscle_wrap.h) and the wrapped paths of
// anatomy/muscle_path.h: geometry of the shortest path round a sphere and a cylinder, moment arms of
// wrapped paths against central differences of the length over a grid of hip flexion x adduction x
// rotation x knee (issue 11, section 2), Gait2392's values wherever no wrap acts, and a table of
// the hip moment arms that changed (printed).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <span>
#include <string_view>
#include <vector>

#include <glm/geometric.hpp>

#include "anatomy/moment_arm.h"
#include "anatomy/muscle_path.h"
#include "anatomy/muscle_wrap.h"
#include "anatomy/point_registration.h"

using namespace hiplab::anatomy;

namespace {
constexpr double kDeg = 3.14159265358979323846 / 180.0;

// Length of a path given as a polyline (the arc between tangent points finely sampled).
double wrapped_length(const WrapSurface& s, const glm::dvec3& a, const glm::dvec3& b) {
  WrapResult w;
  wrap_segment(s, a, b, w);
  return w.active ? w.length_in + w.arc + w.length_out : glm::length(b - a);
}
}  // namespace

TEST_CASE("wrap: round a sphere the path leaves and meets it on tangents, and is the shortest of the paths over it") {
  const WrapSurface s{"test", PathBody::kPelvis, WrapShape::kSphere, {0.01, -0.02, 0.03}, {0, 1, 0}, 0.04, {0, 0, 0}, ""};
  const glm::dvec3 a = s.centre + glm::dvec3(-0.09, 0.015, 0.01), b = s.centre + glm::dvec3(0.08, 0.01, -0.02);
  WrapResult w;
  wrap_segment(s, a, b, w);
  REQUIRE(w.active);
  CHECK(glm::length(w.t1 - s.centre) == doctest::Approx(s.radius).epsilon(1e-12));
  CHECK(glm::length(w.t2 - s.centre) == doctest::Approx(s.radius).epsilon(1e-12));
  CHECK(std::fabs(glm::dot(w.t1 - a, w.t1 - s.centre)) < 1e-12);  // tangent at t1
  CHECK(std::fabs(glm::dot(b - w.t2, w.t2 - s.centre)) < 1e-12);  // and at t2
  for (int i = 0; i < w.inner; ++i) CHECK(glm::length(w.inner_point[i] - s.centre) == doctest::Approx(s.radius).epsilon(1e-12));
  const double l = w.length_in + w.arc + w.length_out;
  CHECK(l > glm::length(b - a));
  // Any path by way of a point p just off the sphere (each half itself kept out of the sphere) is no
  // shorter, p searched over the whole sphere.
  double best = 1e9;
  for (int i = 0; i <= 400; ++i)
    for (int j = 0; j <= 400; ++j) {
      const double th = 3.14159265 * i / 400, ph = 2 * 3.14159265 * j / 400;
      const glm::dvec3 p = s.centre + 1.0005 * s.radius * glm::dvec3(std::sin(th) * std::cos(ph), std::cos(th), std::sin(th) * std::sin(ph));
      best = std::min(best, wrapped_length(s, a, p) + wrapped_length(s, p, b));
    }
  CHECK(l <= best + 1e-6);
  CHECK(l == doctest::Approx(best).epsilon(1e-3));
  // A segment that misses the sphere is left straight.
  wrap_segment(s, a, s.centre + glm::dvec3(-0.09, 0.08, 0.01), w);
  CHECK_FALSE(w.active);
}

TEST_CASE("wrap: round a cylinder the path is a helix between tangents (straight when unrolled), on the allowed side only") {
  const WrapSurface s{"test", PathBody::kFemur, WrapShape::kCylinder, {0, 0, 0}, {0, 0, 1}, 0.03, {0, -1, 0}, ""};
  const glm::dvec3 a{-0.08, -0.01, -0.02}, b{0.07, -0.005, 0.05};
  WrapResult w;
  wrap_segment(s, a, b, w);
  REQUIRE(w.active);
  auto radial = [](const glm::dvec3& p) { return std::hypot(p.x, p.y); };
  CHECK(radial(w.t1) == doctest::Approx(0.03).epsilon(1e-12));
  CHECK(radial(w.t2) == doctest::Approx(0.03).epsilon(1e-12));
  CHECK(w.t1.y < 0.0);  // over the allowed side
  // Unrolled: the height changes in proportion to the path length, so the three pieces have the
  // same slope and the total is the hypotenuse of planar length and rise.
  const double planar = glm::length(glm::dvec2(w.t1) - glm::dvec2(a)) +
                        0.03 * std::acos(glm::dot(glm::normalize(glm::dvec2(w.t1)), glm::normalize(glm::dvec2(w.t2)))) +
                        glm::length(glm::dvec2(b) - glm::dvec2(w.t2));
  CHECK(w.length_in + w.arc + w.length_out == doctest::Approx(std::hypot(planar, b.z - a.z)).epsilon(1e-9));
  CHECK((w.t1.z - a.z) / (w.length_in) == doctest::Approx((b.z - w.t2.z) / w.length_out).epsilon(1e-9));
  // The same line passing the other side of the axis is not wrapped (that side is not allowed).
  wrap_segment(s, {-0.08, 0.01, -0.02}, {0.07, 0.005, 0.05}, w);
  CHECK_FALSE(w.active);
}

TEST_CASE("wrap: at the switch the arc shrinks to nothing, so the length is continuous") {
  const WrapSurface s{"test", PathBody::kPelvis, WrapShape::kSphere, {0, 0, 0}, {0, 1, 0}, 0.04, {0, 0, 0}, ""};
  // Lines at height y past the sphere: wrapped just below y = r, straight above.
  for (double y : {0.04 - 1e-7, 0.04 + 1e-7}) {
    const glm::dvec3 a{-0.1, y, 0}, b{0.1, y, 0};
    CHECK(wrapped_length(s, a, b) == doctest::Approx(0.2).epsilon(1e-6));
  }
}

// In the anatomical position some spheres already touch (they are fitted for deep flexion), by
// little: the model's bind curves, built by the generator from the active points, stay within a
// few millimetres of the wrapped ones. Printed, and bounded.
TEST_CASE("wrapped paths: in the anatomical position wrapping lengthens a path by at most 4 mm (printed)") {
  const LegPose q{};
  const LegKinematics k = leg_kinematics(q);
  for (int m = 0; m < kMuscleCount; ++m) {
    MusclePath p, s;
    evaluate_muscle_path(m, q, k, Side::kRight, p);
    evaluate_muscle_path(m, q, k, Side::kRight, s, Wrapping::kOff);
    if (p.wraps_active != 0u || p.registered_active)
      std::printf("  anatomical position: %-10s %s%s, %+.2f mm\n", muscle(m).name.data(), p.wraps_active != 0u ? "wrapped" : "",
                  p.registered_active ? " registered" : "", 1000 * (p.length - s.length));
    // Moving a point by d changes each of its two segments by at most |d|.
    double moved = 0.0;
    for (int i = 0; i < static_cast<int>(muscle(m).points.size()); ++i) moved += 2.0 * glm::length(registration_offset(m, i));
    CHECK(p.length - s.length <= 0.004 + moved);
    CHECK(s.length - p.length <= moved);
    CHECK(anatomical_length(m) == p.length);
  }
}

// The grid of combinations the wrapped paths are checked over: hip flexion -30..120, adduction
// -45..30, rotation -45..45, knee 0..135 (the hands-on sliders' ranges, motion/rom_limits.h).
template <typename F>
void for_grid(F&& f) {
  for (double fl = -30; fl <= 120; fl += 15)
    for (double ad = -45; ad <= 30; ad += 15)
      for (double ro = -45; ro <= 45; ro += 15)
        for (double kn = 0; kn <= 135; kn += 45) {
          LegPose q{};
          q[LegCoord::kHipFlexion] = fl * kDeg;
          q[LegCoord::kHipAdduction] = ad * kDeg;
          q[LegCoord::kHipRotation] = ro * kDeg;
          q[LegCoord::kKneeFlexion] = kn * kDeg;
          f(q);
        }
}

TEST_CASE("wrapped paths: moment arms equal central differences of the length over a grid of flexion x adduction x rotation x knee") {
  int compared = 0, wrapped = 0;
  double worst = 0.0;
  for_grid([&](const LegPose& q) {
    const LegKinematics k = leg_kinematics(q);
    for (int m = 0; m < kMuscleCount; ++m) {
      MusclePath p;
      evaluate_muscle_path(m, q, k, Side::kRight, p);
      if (wraps_of(m).empty() && !p.registered_active) continue;
      for (LegCoord c : {LegCoord::kHipFlexion, LegCoord::kHipAdduction, LegCoord::kHipRotation, LegCoord::kKneeFlexion}) {
        constexpr double h = 1e-6;
        LegPose a = q, b = q;
        a[c] += h;
        b[c] -= h;
        MusclePath pa, pb;
        evaluate_muscle_path(m, a, leg_kinematics(a), Side::kRight, pa);
        evaluate_muscle_path(m, b, leg_kinematics(b), Side::kRight, pb);
        // Away from switches: the same active points and the same wraps acting on both sides.
        if (pa.count != pb.count || pa.count != p.count || pa.wraps_active != p.wraps_active || pb.wraps_active != p.wraps_active) continue;
        const double cd = -(pa.length - pb.length) / (2 * h);
        const double err = std::fabs(cd - p.moment_arm[static_cast<std::size_t>(coord_index(c))]);
        worst = std::max(worst, err);
        INFO(muscle(m).name << " coordinate " << coord_index(c) << " at hip " << q[LegCoord::kHipFlexion] / kDeg << "/" << q[LegCoord::kHipAdduction] / kDeg
                            << "/" << q[LegCoord::kHipRotation] / kDeg << " knee " << q[LegCoord::kKneeFlexion] / kDeg << ", wraps acting " << p.wraps_active);
        CHECK(err < 1e-6);  // m (1 micrometre)
        ++compared;
        wrapped += p.wraps_active != 0u;
      }
    }
  });
  MESSAGE("wrapped muscles: " << compared << " moment arms compared, " << wrapped << " with a wrap acting; worst difference "
                              << worst * 1e6 << " um");
  CHECK(wrapped > 500);
}

TEST_CASE("wrapped paths: where no wrap acts, lengths and moment arms are Gait2392's straight-line values, and drawn paths run over the surfaces") {
  int unwrapped = 0, wrapped = 0, registered = 0;
  for_grid([&](const LegPose& q) {
    const LegKinematics k = leg_kinematics(q);
    for (int m = 0; m < kMuscleCount; ++m) {
      MusclePath p, s;
      evaluate_muscle_path(m, q, k, Side::kRight, p);
      evaluate_muscle_path(m, q, k, Side::kRight, s, Wrapping::kOff);
      CHECK(p.drawn_count <= kMaxDrawnPoints);
      // A point moved out of HipLab's bone (point_registration.h): not Gait2392's path.
      registered += p.registered_active;
      if (p.wraps_active == 0u) {
        if (p.registered_active) continue;
        ++unwrapped;
        CHECK(p.length == s.length);
        for (int c = 0; c < kMuscleCoordCount; ++c) CHECK(p.moment_arm[static_cast<std::size_t>(c)] == s.moment_arm[static_cast<std::size_t>(c)]);
        continue;
      }
      ++wrapped;
      if (!p.registered_active) CHECK(p.length > s.length);  // a wrap only lengthens
      // Every drawn point off the active points lies on one of the muscle's surfaces.
      for (int i = 0; i < p.drawn_count; ++i) {
        if (p.drawn_anchor[static_cast<std::size_t>(i)] >= 0) {
          CHECK(p.drawn[static_cast<std::size_t>(i)] == p.point[static_cast<std::size_t>(p.drawn_anchor[static_cast<std::size_t>(i)])]);
          continue;
        }
        bool on = false;
        for (const MuscleWrap& w : wraps_of(m)) {
          const WrapSurface& s2 = wrap_surfaces()[static_cast<std::size_t>(w.surface)];
          Frame f{};
          if (s2.body == PathBody::kFemur) f = k[LegSegment::kFemur];
          if (s2.body == PathBody::kTibia) f = k[LegSegment::kTibia];
          if (s2.body == PathBody::kCalcn) f = k[LegSegment::kCalcn];
          const glm::dvec3 x = glm::transpose(f.rotation) * (p.drawn[static_cast<std::size_t>(i)] - f.origin) - s2.centre;
          const double r = s2.shape == WrapShape::kSphere ? glm::length(x) : glm::length(x - glm::dot(x, s2.axis) * s2.axis);
          on = on || std::fabs(r - s2.radius) < 1e-9;
        }
        CHECK(on);
      }
    }
  });
  MESSAGE(unwrapped << " paths without a wrap acting or a registered point (Gait2392's), " << wrapped << " wrapped, " << registered
                    << " with a registered point");
  CHECK(wrapped > 0);
  CHECK(unwrapped > 0);
}

TEST_CASE("wrapped paths: the left leg's are the mirror image of the right's") {
  LegPose q{};
  q[LegCoord::kHipFlexion] = 100 * kDeg;
  q[LegCoord::kHipAdduction] = 10 * kDeg;
  q[LegCoord::kHipRotation] = 30 * kDeg;
  q[LegCoord::kKneeFlexion] = 90 * kDeg;
  const LegKinematics k = leg_kinematics(q);
  for (int m = 0; m < kMuscleCount; ++m) {
    MusclePath r, l;
    evaluate_muscle_path(m, q, k, Side::kRight, r);
    evaluate_muscle_path(m, q, k, Side::kLeft, l);
    CHECK(r.length == l.length);
    REQUIRE(r.drawn_count == l.drawn_count);
    for (int i = 0; i < r.drawn_count; ++i) CHECK(l.drawn[static_cast<std::size_t>(i)] == mirror_point(r.drawn[static_cast<std::size_t>(i)]));
  }
}

// Issue 11 asks which moment arms the wraps changed and by how much: Gait2392's straight lines
// against the wrapped paths (and points registered to HipLab's bones) at the drills' deep poses,
// all six coordinates, mm, a change over 2 mm starred (printed; checked only for sign sanity: a
// wrap never shortens a path).
TEST_CASE("wrapped paths: hip moment arms before and after wrapping at a few poses (printed)") {
  struct Pose {
    const char* name;
    double flex, add, rot, knee;
  };
  const Pose poses[] = {{"standing", 0, 0, 0, 0},
                        {"hip 90 knee 90 (90/90 front, seated)", 90, 0, 0, 90},
                        {"hip 90, 40 IR (seated IR end range)", 90, 0, 40, 90},
                        {"hip 110, 30 ER, 20 abd (deep squat-like)", 110, -20, -30, 120},
                        {"hip 60, 30 abd (clamshell top)", 60, -30, -30, 90},
                        {"hip 90, 30 abd, 45 ER, knee 90 (90/90 front leg in the drills)", 90, -30, -45, 90}};
  int changed = 0;
  for (const Pose& ps : poses) {
    LegPose q{};
    q[LegCoord::kHipFlexion] = ps.flex * kDeg;
    q[LegCoord::kHipAdduction] = ps.add * kDeg;
    q[LegCoord::kHipRotation] = ps.rot * kDeg;
    q[LegCoord::kKneeFlexion] = ps.knee * kDeg;
    const LegKinematics k = leg_kinematics(q);
    std::printf("%s: muscle  hip flexion  adduction  rotation  knee flexion  ankle  subtalar (mm, Gait2392 -> wrapped/registered)\n", ps.name);
    for (int m = 0; m < kMuscleCount; ++m) {
      MusclePath p, s;
      evaluate_muscle_path(m, q, k, Side::kRight, p);
      evaluate_muscle_path(m, q, k, Side::kRight, s, Wrapping::kOff);
      if (p.wraps_active == 0u && !p.registered_active) continue;
      ++changed;
      if (!p.registered_active) CHECK(p.length >= s.length);
      std::printf("  %-10s", muscle(m).name.data());
      for (int c = 0; c < kMuscleCoordCount; ++c) {
        const double a = 1000 * s.moment_arm[static_cast<std::size_t>(c)], b = 1000 * p.moment_arm[static_cast<std::size_t>(c)];
        std::printf("  %6.1f -> %6.1f%s", a, b, std::fabs(b - a) > 2.0 ? "*" : " ");
      }
      std::printf("   length %.1f -> %.1f\n", 1000 * s.length, 1000 * p.length);
    }
  }
  CHECK(changed > 0);
}

// A wrap lets go when an end of its stretch comes inside the surface (muscle_wrap.h: nothing to
// wrap round), and there the path snaps to the straight line through the surface: the length
// jumps (the wrapped path was longer) and so does the force. So over the slider grid every end of
// every stretch a wrap may act on stays outside its surface (printed: the nearest, per surface).
// A trochanter sphere tried for biceps femoris long head broke the drill effort test's warm/cold
// agreement in an earlier session; its ischial origin came inside the sphere in some poses.
TEST_CASE("wrapped paths: the ends of every wrapped stretch stay outside its surface over the grid, so no wrap lets go with a jump (printed)") {
  auto active = [](const PathPointSpec& p, const LegPose& q) {
    if (p.condition == Condition::kHipFlexion) return q[LegCoord::kHipFlexion] >= p.range_min && q[LegCoord::kHipFlexion] <= p.range_max;
    if (p.condition == Condition::kKneeAngle) return -q[LegCoord::kKneeFlexion] >= p.range_min && -q[LegCoord::kKneeFlexion] <= p.range_max;
    return true;
  };
  std::vector<double> nearest(muscle_wraps().size(), 1.0);
  for_grid([&](const LegPose& q) {
    const LegKinematics k = leg_kinematics(q);
    for (int m = 0; m < kMuscleCount; ++m) {
      const std::span<const MuscleWrap> wraps = wraps_of(m);
      if (wraps.empty()) continue;
      MusclePath p;
      evaluate_muscle_path(m, q, k, Side::kRight, p);
      std::vector<int> spec;
      for (int i = 0; i < static_cast<int>(muscle(m).points.size()); ++i)
        if (active(muscle(m).points[static_cast<std::size_t>(i)], q)) spec.push_back(i);
      REQUIRE(static_cast<int>(spec.size()) == p.count);
      for (const MuscleWrap& w : wraps) {
        const WrapSurface& s = wrap_surfaces()[static_cast<std::size_t>(w.surface)];
        Frame f{};
        if (s.body == PathBody::kFemur) f = k[LegSegment::kFemur];
        if (s.body == PathBody::kTibia) f = k[LegSegment::kTibia];
        if (s.body == PathBody::kCalcn) f = k[LegSegment::kCalcn];
        const std::size_t wi = static_cast<std::size_t>(&w - muscle_wraps().data());
        for (int i = 0; i + 1 < p.count; ++i) {
          if (spec[static_cast<std::size_t>(i)] < w.first_point || spec[static_cast<std::size_t>(i) + 1] > w.last_point) continue;
          for (int e : {i, i + 1}) {
            const glm::dvec3 x = glm::transpose(f.rotation) * (p.point[static_cast<std::size_t>(e)] - f.origin) - s.centre;
            const double r = s.shape == WrapShape::kSphere ? glm::length(x) : glm::length(x - glm::dot(x, s.axis) * s.axis);
            nearest[wi] = std::min(nearest[wi], r - s.radius);
          }
        }
      }
    }
  });
  // Known and open: the ischial cylinders of gluteus maximus 2 and 3 (an end 9.9 and 5.1 mm inside
  // at worst) and rectus femoris' condylar cylinder (20.8 mm). The sartorius' shaft cylinder was
  // one (26.2 mm: the anterior superior iliac spine came within the cylinder's line above the
  // femur) until hwrap7 tilted its axis 12 deg back (its ends now at least 4.4 mm outside).
  const auto known = [](std::string_view surface) {
    return surface == "gmax2_ischium" || surface == "gmax3_ischium" || surface == "knee_extensor_rf";
  };
  for (std::size_t i = 0; i < muscle_wraps().size(); ++i) {
    const MuscleWrap& w = muscle_wraps()[i];
    const std::string_view name = wrap_surfaces()[static_cast<std::size_t>(w.surface)].name;
    std::printf("  %-10s over %-20s ends at least %6.1f mm outside%s\n", w.muscle.data(), name.data(), 1000 * nearest[i], known(name) ? " (known)" : "");
    CAPTURE(w.muscle);
    CAPTURE(name);
    if (!known(name)) CHECK(nearest[i] > 0.001);
  }
}

// Surfaces in sequence on one segment (a run of MuscleWrap::then_next) are solved by going round
// them in turn from the neighbours' tangent points (wrap_chain); where two surfaces crowd each
// other the rounds can cycle and the result is no shortest path (its moment arms are not -dL/dq).
// Over the grid every chain settles.
TEST_CASE("wrapped paths: every chain of surfaces in sequence settles on one shortest path over the grid (printed)") {
  int chained = 0, several = 0;
  for_grid([&](const LegPose& q) {
    const LegKinematics k = leg_kinematics(q);
    for (int m = 0; m < kMuscleCount; ++m) {
      const std::span<const MuscleWrap> wraps = wraps_of(m);
      MusclePath p;
      evaluate_muscle_path(m, q, k, Side::kRight, p);
      for (std::size_t wi = 0; wi < wraps.size(); ++wi) {
        if (!wraps[wi].then_next) continue;
        std::size_t last = wi;
        while (wraps[last].then_next && last + 1 < wraps.size()) ++last;
        REQUIRE(last - wi + 1 <= static_cast<std::size_t>(kMaxChain));
        std::vector<WrapSurface> s;
        for (std::size_t j = wi; j <= last; ++j) {
          const WrapSurface& w = wrap_surfaces()[static_cast<std::size_t>(wraps[j].surface)];
          Frame f{};
          if (w.body == PathBody::kFemur) f = k[LegSegment::kFemur];
          s.push_back(moved_surface(w, f.rotation, f.origin));
        }
        // Every segment of the chain's stretch: the active points in order (the stretch's bounds
        // are Gait2392 point indices; these muscles' points are all unconditional).
        const int end = std::min(p.count - 1, wraps[wi].last_point);
        for (int i = wraps[wi].first_point; i < end; ++i) {
          std::vector<WrapResult> r(s.size());
          const bool settled = wrap_chain(s, p.point[static_cast<std::size_t>(i)], p.point[static_cast<std::size_t>(i) + 1], r);
          CAPTURE(muscle(m).name);
          CHECK(settled);
          ++chained;
          several += std::count_if(r.begin(), r.end(), [](const WrapResult& x) { return x.active; }) >= 2;
        }
        wi = last;
      }
    }
  });
  MESSAGE(chained << " chained segments solved, " << several << " with two or more surfaces acting");
  CHECK(several > 0);
}

// Three surfaces in sequence: the chain is the shortest path over all three (tangent where the
// path leaves one and reaches the next, and no shorter than a path through points near the
// surfaces), and its length is continuous where the middle surface starts to act.
TEST_CASE("wrap: a chain of three surfaces is tangent-continuous and the shortest path round them") {
  const WrapSurface s[3] = {
      {"s0", PathBody::kPelvis, WrapShape::kSphere, {-0.05, 0.0, 0.0}, {0, 1, 0}, 0.02, {0, 0, 0}, ""},
      {"s1", PathBody::kPelvis, WrapShape::kCylinder, {0.0, 0.004, 0.0}, {0, 0, 1}, 0.022, {0, 0, 0}, ""},
      {"s2", PathBody::kPelvis, WrapShape::kSphere, {0.05, 0.0, 0.003}, {0, 1, 0}, 0.02, {0, 0, 0}, ""},
  };
  const glm::dvec3 a{-0.12, 0.0, 0.002}, b{0.12, 0.002, 0.01};
  WrapResult r[3];
  REQUIRE(wrap_chain(s, a, b, r));
  for (const WrapResult& w : r) REQUIRE(w.active);
  // Tangent continuity: each straight piece is tangent to the surfaces at its two ends.
  auto normal = [](const WrapSurface& w, const glm::dvec3& t) {
    glm::dvec3 d = t - w.centre;
    if (w.shape == WrapShape::kCylinder) d -= glm::dot(d, w.axis) * w.axis;
    return glm::normalize(d);
  };
  const glm::dvec3 ends[4][2] = {{a, r[0].t1}, {r[0].t2, r[1].t1}, {r[1].t2, r[2].t1}, {r[2].t2, b}};
  for (int j = 0; j < 3; ++j) {
    CHECK(std::fabs(glm::dot(glm::normalize(ends[j][1] - ends[j][0]), normal(s[j], r[j].t1))) < 1e-9);
    CHECK(std::fabs(glm::dot(glm::normalize(ends[j + 1][1] - ends[j + 1][0]), normal(s[j], r[j].t2))) < 1e-9);
  }
  const double l = glm::length(r[0].t1 - a) + r[0].arc + glm::length(r[1].t1 - r[0].t2) + r[1].arc + glm::length(r[2].t1 - r[1].t2) +
                   r[2].arc + glm::length(b - r[2].t2);
  // The same as the pieces the results give (straight pieces between two surfaces held twice).
  CHECK(l == doctest::Approx(r[0].length_in + r[0].arc + r[1].length_in + r[1].arc + r[2].length_in + r[2].arc + r[2].length_out).epsilon(1e-12));
  // No path through a point just off the middle surface (about the middle of its arc) is
  // shorter: each half the shortest path round two of the surfaces.
  // The length of a chain's path from p to q: straight pieces between the acting surfaces' tangent
  // points and their arcs.
  auto chain_length = [](std::span<const WrapResult> x, const glm::dvec3& p, const glm::dvec3& q) {
    double len = 0.0;
    glm::dvec3 from = p;
    for (const WrapResult& w : x)
      if (w.active) {
        len += glm::length(w.t1 - from) + w.arc;
        from = w.t2;
      }
    return len + glm::length(q - from);
  };
  auto piece = [&chain_length](const WrapSurface& w0, const WrapSurface& w1, const glm::dvec3& p, const glm::dvec3& q) {
    WrapResult x[2];
    wrap_chain(w0, w1, p, q, x[0], x[1]);
    return chain_length(x, p, q);
  };
  double best = 1e9;
  for (int t = -6; t <= 6; ++t)
    for (int u = -6; u <= 6; ++u) {
      // A point on the middle cylinder (angle t, height u) and the chain through it.
      const double ang = std::atan2(0.5 * (r[1].t1 + r[1].t2).y - s[1].centre.y, 0.5 * (r[1].t1 + r[1].t2).x - s[1].centre.x) + 0.02 * t;
      const glm::dvec3 m = s[1].centre + 1.0001 * s[1].radius * glm::dvec3(std::cos(ang), std::sin(ang), 0.0) + glm::dvec3(0, 0, 0.5 * (r[1].t1.z + r[1].t2.z) + 0.001 * u);
      const double lm = piece(s[0], s[1], a, m) + piece(s[1], s[2], m, b);
      best = std::min(best, lm);
    }
  CHECK(l <= best + 1e-7);
  // Continuity where the middle surface lets go: shrink it until it does not act.
  double prev = -1.0;
  for (int i = 0; i <= 400; ++i) {
    WrapSurface t[3] = {s[0], s[1], s[2]};
    t[1].radius = 0.022 * (1.0 - i / 400.0) + 1e-4;
    WrapResult x[3];
    REQUIRE(wrap_chain(t, a, b, x));
    const double len = chain_length(x, a, b);
    if (prev >= 0.0) CHECK(std::fabs(len - prev) < 2e-4);
    prev = len;
  }
}
