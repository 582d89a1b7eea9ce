// muscle_volume_test.cpp — the packed muscle volumes of the shipped body follow their posed paths
// (issue 11, section 4): sampled at 100 times of every built-in drill (both legs), the volume of
// each and the area of its triangles against the bind pose; a shortening belly thickens.
// Figures are printed.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/vector_relational.hpp>

#include "anatomy/muscle_path.h"
#include "anatomy/path_curve.h"
#include "assets/bone_field.h"
#include "assets/drill_loader.h"
#include "assets/model_loader.h"
#include "assets/model_lod.h"
#include "assets/muscle_volumes.h"
#include "motion/timeline.h"
#include "scene/body_scene.h"
#include "scene/camera.h"
#include "scene/framing.h"
#include "scene/muscle_volume.h"
#include "scene/shipped_body.h"
#include "scene/test_bone_cells.h"

using namespace hiplab;

namespace {
struct Placed {
  std::vector<glm::vec3> pos;
  double length = 0.0;
  double farthest = 0.0;  // largest distance of a vertex from the path's stations, m
};
Placed place(const MuscleVolume& v, int muscle, anatomy::Side side, const anatomy::LegPose& leg) {
  const anatomy::LegKinematics kin = anatomy::leg_kinematics(leg);
  anatomy::MusclePath p;
  anatomy::evaluate_muscle_path(muscle, leg, kin, side, p);
  anatomy::PathCurve c;
  const anatomy::MuscleSpec& s = anatomy::muscle(muscle);
  DynamicMesh mesh;
  AttachmentMotion attached;
  // As the scene places it (body_scene.cpp).
  posed_volume_curve(v, p, kin, side, glm::dmat4(1.0), std::span<const glm::dvec3>(p.drawn.data(), static_cast<std::size_t>(p.drawn_count)), c,
                     attached);
  append_muscle_volume(v, c, muscle_tube_profile(s.max_isometric_force_n, s.optimal_fiber_length_m, s.tendon_slack_length_m), attached,
                       mesh);
  Placed out;
  out.pos.reserve(mesh.vertices.size());
  // A vertex's nearest station only matters when it lies further than the farthest so far: the
  // search for it stops as soon as a station within that is found (starting from the station that
  // was nearest the last vertex, which is usually near this one), so the maximum is the same.
  std::size_t last = 0;
  for (const Vertex& x : mesh.vertices) {
    out.pos.push_back(x.position);
    const glm::dvec3 v(x.position);
    const double bound = 0.999999 * out.farthest * out.farthest;  // clear of the rounding of a square
    double near2 = 1e18;
    bool closer = false;
    for (std::size_t n = 0; n < c.pos.size() && !closer; ++n) {
      const std::size_t k = (last + n) % c.pos.size();
      const glm::dvec3 d = v - c.pos[k];
      const double d2 = glm::dot(d, d);
      if (d2 < near2) near2 = d2, last = k;
      closer = near2 < bound;
    }
    if (!closer && !c.pos.empty()) out.farthest = std::max(out.farthest, glm::length(v - c.pos[last]));
  }
  out.length = c.length;
  return out;
}
double enclosed_volume(const MuscleVolume& v, const std::vector<glm::vec3>& pos) {
  double vol = 0.0;
  for (std::size_t t = 0; t + 2 < v.indices.size(); t += 3)
    vol += glm::dot(glm::dvec3(pos[v.indices[t]]), glm::cross(glm::dvec3(pos[v.indices[t + 1]]), glm::dvec3(pos[v.indices[t + 2]]))) / 6.0;
  return vol;
}
double area(const MuscleVolume& v, const std::vector<glm::vec3>& pos, std::size_t t) {
  return 0.5 * glm::length(glm::cross(glm::dvec3(pos[v.indices[t + 1]] - pos[v.indices[t]]), glm::dvec3(pos[v.indices[t + 2]] - pos[v.indices[t]])));
}
using test::body;
}  // namespace

TEST_CASE("muscle volumes: the shipped body carries them for both legs, closed and outward") {
  const Model& m = body();
  REQUIRE(m.muscle_volumes.size() >= 80);
  for (const MuscleVolume& v : m.muscle_volumes) {
    std::optional<anatomy::Side> side;
    const auto mi = anatomy::find_muscle(v.name, &side);
    INFO(v.name);
    REQUIRE(mi);
    REQUIRE(side);
    const Placed rest = place(v, *mi, *side, anatomy::LegPose{});
    // Where a wrap surface already touches in the anatomical position (anatomy/muscle_wrap.h), the
    // placed curve runs over its arc while the model's rest length is of the generator's curve
    // through the active points: longer by about what the wrap adds (at most 3.8 mm, gluteus
    // minimus 3; the spline through the arc's points adds up to a millimetre more); elsewhere the
    // same.
    const anatomy::LegKinematics kin = anatomy::leg_kinematics(anatomy::LegPose{});
    anatomy::MusclePath wrapped;
    anatomy::evaluate_muscle_path(*mi, anatomy::LegPose{}, kin, *side, wrapped);
    // What the wraps add: the wrapped length less the straight lines through the same (registered,
    // anatomy/point_registration.h) active points.
    double straight = 0.0;
    for (int k = 0; k + 1 < wrapped.count; ++k)
      straight += glm::length(wrapped.point[static_cast<std::size_t>(k) + 1] - wrapped.point[static_cast<std::size_t>(k)]);
    if (wrapped.wraps_active == 0u) CHECK(rest.length == doctest::Approx(v.rest_length).epsilon(1e-9));
    else CHECK(std::fabs(rest.length - v.rest_length) <= wrapped.length - straight + 0.0015);
    CHECK(enclosed_volume(v, rest.pos) > 0.0);  // wound outward
  }
}

// Issue 11 asks every volume to keep within +-5% and every triangle within 0.2x..3x in every frame.
// Not reached yet for all: tensor fasciae latae folds in deep hip flexion (the iliacus and psoas,
// which folded where their path turns over the pelvic brim, keep within 5% since their far
// vertices' path stations are smoothed: tools/model_generator/muscle_volumes.cpp,
// smooth_path_stations), vastus medialis swells where its part on
// the femur and its part on the path part ways in deep knee flexion, and the gluteal fans and vasti
// stretch single triangles past 3x. This test prints the figures per muscle and guards what is
// reached (volume within 5% in every frame: 84 of 86, 80 before the far vertices' stations were
// smoothed, 48 before the volume correction of
// scene/muscle_volume.cpp; triangles within 0.2..3x: 54 of 86; both: 54, was 48; see below), so a change can
// only improve it.
TEST_CASE("muscle volumes: over every built-in drill, volume within 5% and triangles within 0.2x..3x their rest area") {
  const Model& m = body();
  const DrillFolder f = load_drill_folder(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills");
  REQUIRE(!f.drills.empty());
  struct Rest {
    const MuscleVolume* v;
    int muscle;
    anatomy::Side side;
    double volume;
    std::vector<double> areas;
  };
  std::vector<Rest> rest;
  for (const MuscleVolume& v : m.muscle_volumes) {
    std::optional<anatomy::Side> side;
    const int mi = *anatomy::find_muscle(v.name, &side);
    const Placed p = place(v, mi, *side, anatomy::LegPose{});
    Rest r{&v, mi, *side, enclosed_volume(v, p.pos), {}};
    for (std::size_t t = 0; t + 2 < v.indices.size(); t += 3) r.areas.push_back(area(v, p.pos, t));
    rest.push_back(std::move(r));
  }
  double vmin = 1e9, vmax = 0, amin = 1e9, amax = 0;
  std::vector<double> mvmin(rest.size(), 1e9), mvmax(rest.size(), 0.0), mamin(rest.size(), 1e9), mamax(rest.size(), 0.0);
  std::string vmin_at, vmax_at, amin_at, amax_at, far_at;
  double far = 0.0;
  for (const motion::Drill& drill : f.drills) {
    auto tl = motion::Timeline::build(drill, anatomy::Side::kRight);
    REQUIRE(tl.ok());
    for (int i = 0; i < 100; ++i) {
      const double time = tl->duration() * i / 99.0;
      const motion::DrillFrame fr = tl->evaluate(time);
      for (std::size_t ri = 0; ri < rest.size(); ++ri) {
        const Rest& r = rest[ri];
        const Placed p = place(*r.v, r.muscle, r.side, fr.legs.leg(r.side));
        const double ratio = enclosed_volume(*r.v, p.pos) / r.volume;
        const auto where = [&] { return r.v->name + " in " + drill.id + " t=" + std::to_string(time); };
        if (p.farthest > far) { far = p.farthest; far_at = where(); }
        mvmin[ri] = std::min(mvmin[ri], ratio);
        mvmax[ri] = std::max(mvmax[ri], ratio);
        if (ratio < vmin) { vmin = ratio; vmin_at = where(); }
        if (ratio > vmax) { vmax = ratio; vmax_at = where(); }
        for (std::size_t t = 0; t < r.areas.size(); ++t) {
          if (r.areas[t] <= 1e-12) continue;
          const double a = area(*r.v, p.pos, 3 * t) / r.areas[t];
          mamin[ri] = std::min(mamin[ri], a);
          mamax[ri] = std::max(mamax[ri], a);
          if (a < amin) { amin = a; amin_at = where(); }
          if (a > amax) { amax = a; amax_at = where(); }
        }
      }
    }
  }
  int within = 0, volume_within = 0, area_within = 0;
  for (std::size_t ri = 0; ri < rest.size(); ++ri) {
    const bool vol_ok = mvmin[ri] >= 0.95 && mvmax[ri] <= 1.05, area_ok = mamin[ri] >= 0.2 && mamax[ri] <= 3.0;
    within += vol_ok && area_ok;
    volume_within += vol_ok;
    area_within += area_ok;
    if (!vol_ok || !area_ok)
      std::printf("  %-14s volume %.3f..%.3f  triangle area %.2f..%.2fx\n", rest[ri].v->name.c_str(), mvmin[ri], mvmax[ri], mamin[ri], mamax[ri]);
  }
  std::printf("muscle volumes within +-5%% volume in every drill frame: %d of %zu; triangles within 0.2..3x: %d; both: %d\n",
              volume_within, rest.size(), area_within, within);
  std::printf("muscle volumes over the drills: volume %.3f..%.3f of rest (%s; %s), triangle area %.2f..%.2fx (%s; %s)\n", vmin,
              vmax, vmin_at.c_str(), vmax_at.c_str(), amin, amax, amin_at.c_str(), amax_at.c_str());
  std::printf("muscle volumes: farthest vertex from its path %.1f mm (%s)\n", 1000 * far, far_at.c_str());
  CHECK(far < 0.15);  // no vertex flies off
  // 86 (was 84) since the stations find their segment by where they lie on the posed curve
  // (PathCurve::station_s; they compared their share of the rest length with the posed points'
  // share of the posed length): both tensor fasciae latae now keep within 5% (least 0.519 right,
  // 0.626 left, in the supine pails and rails and the seated band).
  CHECK(volume_within >= 86);
  // 56 before Gait2392's points were registered to HipLab's bones (anatomy/point_registration.h):
  // the long toe extensors' foot points, moved 3-5 mm up out of the dorsum of the foot, bend their
  // tendons more sharply over the ankle in the kneeling windmill's full plantarflexion, and the
  // inside of the bend squashes to 0.12x (extensor digitorum) and 0.18x (extensor hallucis), both
  // sides; before, their lines ran through the tibia and the foot in every pose.
  // 54 since the generator keeps the packed vertices 0.5 mm off the bones (extensor digitorum's
  // squash at full plantarflexion 0.12 -> 0.20x, both sides).
  // 58 since the generator keeps each vertex's path station continuous across the mesh
  // (tools/model_generator/muscle_volumes.cpp, smooth_path_stations): the iliacus's fan no longer
  // tears where its nearest station jumped across the pelvic brim (its worst triangle 17.2 -> 9.6x,
  // its least volume 0.20 -> 0.40 of rest).
  // 66 since a vertex further from its path than twice the path's bend radius nearby has its
  // station smoothed too (iliacus, psoas and biceps femoris short head, both sides, now within;
  // the iliacus's worst triangle was 8.46x).
  // 68 since the posed frames twist with the bones under the path's points (scene/muscle_volume.h,
  // AttachmentMotion::twist): extensor hallucis longus, both sides, now within (its least 0.18x
  // at full plantarflexion); gluteus maximus 2's worst stretch 4.21 -> 3.13-3.22x, still past.
  // Merged with the thigh's fuller front (tools/model_generator/body_skin.cpp, quadriceps_front:
  // the skin re-meshed, the soft tissue split again): 68 -> 66 (that branch alone reached 66 on the
  // tree before the twist; which muscles' worst triangles pass moves with each re-split).
  // 68 (h11t, on the same tree: 66 before) since the vertices far from their path ride on smoothed
  // frames (scene/muscle_volume.h; gluteus maximus 1's worst stretch 3.31 -> 2.73x, gluteus
  // maximus 2's 3.13 -> 2.98x, 3's within), the stations find their segment on the posed curve
  // (tensor fasciae latae within on both sides, its least 0.01 -> 0.2x and more) and a pose's
  // points are matched to the bind pose's for the twist; still 68 with gluteus medius 1 over its
  // neck-base sphere (anatomy/muscle_wrap.cpp), which stretched its triangles to 13.9x before. Left past: gluteus maximus 1-2 (squashed
  // to 0.01-0.12x at the trochanter), semitendinosus and gracilis behind the bent knee (0.01x,
  // where the part on the tibia and the part on the path meet), the vasti over the knee (3.1-4.7x),
  // peroneus longus round the malleolus (0.11x, 3.7x) and extensor digitorum (0.19x). Tried and
  // left out: the smoothing wider (7 stations either side: 62), or from 4 mm off the path (66:
  // extensor hallucis longus squashed to 0.18x); the pose's points matched to the bind pose's for
  // the stations' places too (66: the iliacus, whose point at the brim drops out in deep flexion,
  // crowded its belly into 25 mm of path, 7.4x and a vertex 184 mm off its path).
  // Merged with the symmetric skin (session 27; the volumes re-packed against it): 70 and 70.
  // 73 with the bare shin (session 28, tools/model_generator/muscle_volumes.cpp: the calf's bellies
  // off the tibia's anteromedial face, the front and lateral muscles of the leg from their upper
  // origins, tendons only round the ankle and in the foot): the re-split calf and foot. Merged
  // with hflex's hip sections turning with the soft tissue (its branch alone: 70): 72.
  // 69 (LOOSENED from 72, hthigh): rectus femoris made a spindle and the vasti carried down to the
  // kneecap (tools/model_generator/muscle_volumes.cpp kRectusReach, kLowerThigh) re-split the
  // thigh: vastus lateralis, both sides (now fleshy down to the patella's base, stretched over the
  // bent knee to 3.50x), and tensor fasciae latae right (squashed to 0.12x) now pass out of
  // 0.2..3x; vastus medialis' worst 4.1 -> 4.3-4.5x. Traded for the thigh that reads as a thigh
  // beside BodyParts3D (issue 11) and section centroids nearer BodyParts3D's (vastus medialis 8.1
  // -> 3.0, intermedius 3.7 -> 0.6, rectus femoris 10.1 -> 6.5 mm).
  // 68 (LOOSENED from 69, session 29's merge): harms' 90/90 switch sits on the buttocks with both
  // hips flexed 100-110 deg through each switch (assets/drills/ninety_ninety_hip_switch.json
  // "_switch"), where it stood on its feet with the arms thrown about; with the old switch this
  // case passes at 69.
  // 73 (main at hwrap14 measured 70) with the soft tissue's turn weighted per muscle (hglut7,
  // scene/muscle_volume.cpp kSoftWeights).
  CHECK(area_within >= 73);
  CHECK(within >= 73);
  // The least volume: the iliacus's in the 90/90 hip switch was 0.40 (folding over the pelvic brim),
  // then 0.281 when the muscle split by section and the chained gluteal wraps came together: its
  // mesh moved by under 1% of its volume, but its lateral part, 8 cm off a path that bends with a
  // 17 mm radius over the brim, then kept its nearest stations past the bend and swung with the
  // thigh. With such far vertices' stations smoothed (smooth_path_stations) the iliacus and psoas
  // keep within 5%, and the least is tensor fasciae latae's, 0.519 (tfl_r in the supine pails and
  // rails at 49.6 s); 0.511 since the frames twist with the bones (AttachmentMotion::twist).
  // 0.991 (iliacus, 90/90 hip switch) since the stations find their segment on the posed curve
  // (tensor fasciae latae's 0.519 is now within 5%); the most 1.029 (vastus medialis, figure-4).
  // Merged with the symmetric skin (session 27): the least 0.988.
  // 0.972 (quadratus femoris left, supine 90/90 pails and rails) since the hip muscles' sections
  // turn halfway with the soft tissue (scene/muscle_volume.h, AttachmentMotion::soft_turn): loosened
  // from 0.985 for that one muscle, still within the 5%, while the gluteal and deep rotator
  // volumes in deep flexion fold far less (the "neither tear nor fold" case below: creases 4172 -> 876).
  // 0.960 (LOOSENED from 0.97, session 29's merge): adductor longus left in the seated 90/90
  // switch (t = 4.04 s, the back hip lifting first at 100+ deg of flexion), still within the
  // issue's 5%; 0.97 holds with the old, standing switch.
  CHECK(vmin >= 0.96);
  CHECK(vmax <= 1.035);  // 1.015 with hthigh's re-split thigh (vastus lateralis, figure-4)
}

// The buttock in deep hip flexion (the CEO's "torn ghost of a body"): the gluteal and deep
// rotator volumes in the drills that flex the hip to 90 degrees and more, sampled at 60 times of
// each, both legs. Counted: triangle-samples whose area left 0.2x..3x of rest (squashed into a
// sheet or torn), and edge-samples where two triangles that met nearly flat at rest (dihedral under
// 30 degrees) now fold by more than 90 degrees (a crease: a flake sticking out).
TEST_CASE("muscle volumes: the gluteal and deep rotator volumes in deep hip flexion neither tear nor fold (printed)") {
  const Model& m = body();
  const std::vector<std::string> drills = {"ninety_ninety_hip_switch", "ir_pails_rails_9090", "figure4_self_test", "kneeling_windmill",
                                           "clamshell"};
  const std::vector<std::string> prefixes = {"glut_", "peri_", "gem_", "quad_fem_"};
  struct Muscle {
    const MuscleVolume* v;
    int muscle;
    anatomy::Side side;
    std::vector<double> areas;
    std::vector<std::array<std::uint32_t, 2>> edge_tris;  // triangle pairs sharing an edge, flat at rest
    long outside = 0, creases = 0;
  };
  auto normal = [](const MuscleVolume& v, const std::vector<glm::vec3>& pos, std::uint32_t t) {
    const glm::dvec3 a(pos[v.indices[3 * t]]), b(pos[v.indices[3 * t + 1]]), c(pos[v.indices[3 * t + 2]]);
    const glm::dvec3 n = glm::cross(b - a, c - a);
    const double l = glm::length(n);
    return l > 1e-15 ? n / l : glm::dvec3(0.0);
  };
  std::vector<Muscle> muscles;
  double soft_moved = 0.0, plain_moved = 0.0, further = 0.0;
  for (const MuscleVolume& v : m.muscle_volumes) {
    if (std::none_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return v.name.rfind(p, 0) == 0; })) continue;
    std::optional<anatomy::Side> side;
    const int mi = *anatomy::find_muscle(v.name, &side);
    const Placed p = place(v, mi, *side, anatomy::LegPose{});
    Muscle r{&v, mi, *side, {}, {}};
    // At the anatomical pose the sections' turn with the soft tissue brings the vertices no
    // further from their packed places (bind_position) than the path's frames put them: the soft
    // target there is the packed place itself (the posed curve is the bind curve).
    MuscleVolume plain = v;
    plain.rest_station.clear();
    const Placed q = place(plain, mi, *side, anatomy::LegPose{});
    for (std::size_t i = 0; i < p.pos.size(); ++i) {
      const double ds = glm::length(glm::dvec3(p.pos[i] - v.bind_position[i])), dp = glm::length(glm::dvec3(q.pos[i] - v.bind_position[i]));
      soft_moved = std::max(soft_moved, ds);
      plain_moved = std::max(plain_moved, dp);
      further = std::max(further, ds - dp);
    }
    for (std::size_t t = 0; t + 2 < v.indices.size(); t += 3) r.areas.push_back(area(v, p.pos, t));
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> first;
    for (std::uint32_t t = 0; 3 * t + 2 < v.indices.size(); ++t)
      for (int e = 0; e < 3; ++e) {
        std::uint32_t a = v.indices[3 * t + e], b = v.indices[3 * t + (e + 1) % 3];
        if (a > b) std::swap(a, b);
        const auto it = first.find({a, b});
        if (it == first.end()) first[{a, b}] = t;
        else if (glm::dot(normal(v, p.pos, it->second), normal(v, p.pos, t)) > std::cos(glm::radians(30.0))) r.edge_tris.push_back({it->second, t});
      }
    muscles.push_back(std::move(r));
  }
  std::printf("gluteal and deep rotator volumes at the anatomical pose: at most %.3f mm from their packed places (on the path's frames "
              "alone %.3f mm); no vertex further by more than %.4f mm\n", 1000 * soft_moved, 1000 * plain_moved, 1000 * further);
  CHECK(further < 1e-4);
  REQUIRE(muscles.size() >= 24);  // 12 a side: gluteus maximus, medius, minimus 1-3, piriformis, gemelli, quadratus femoris
  const DrillFolder f = load_drill_folder(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills");
  long outside = 0, creases = 0, samples = 0;
  for (const std::string& id : drills) {
    const auto d = std::find_if(f.drills.begin(), f.drills.end(), [&](const motion::Drill& x) { return x.id == id; });
    REQUIRE(d != f.drills.end());
    auto tl = motion::Timeline::build(*d, anatomy::Side::kRight);
    REQUIRE(tl.ok());
    for (int i = 0; i < 60; ++i) {
      const motion::DrillFrame fr = tl->evaluate(tl->duration() * i / 59.0);
      for (Muscle& r : muscles) {
        const Placed p = place(*r.v, r.muscle, r.side, fr.legs.leg(r.side));
        for (std::size_t t = 0; t < r.areas.size(); ++t) {
          if (r.areas[t] <= 1e-12) continue;
          const double a = area(*r.v, p.pos, 3 * t) / r.areas[t];
          ++samples;
          if (a < 0.2 || a > 3.0) ++r.outside;
        }
        for (const auto& e : r.edge_tris)
          if (glm::dot(normal(*r.v, p.pos, e[0]), normal(*r.v, p.pos, e[1])) < 0.0) ++r.creases;
      }
    }
  }
  for (const Muscle& r : muscles) {
    outside += r.outside;
    creases += r.creases;
    if (r.outside > 0 || r.creases > 0)
      std::printf("  %-12s triangle-samples past 0.2..3x %6ld  creases past 90 deg %5ld\n", r.v->name.c_str(), r.outside, r.creases);
  }
  std::printf("gluteal and deep rotator volumes in deep hip flexion: %ld of %ld triangle-samples past 0.2..3x, %ld creases\n", outside,
              samples, creases);
  // Before the hip muscles' sections turned with the soft tissue (scene/muscle_volume.h,
  // AttachmentMotion::soft_turn): 1779 triangle-samples past 0.2..3x (gluteus maximus 2 right
  // 1140) and 4172 creases (gluteus maximus 1-2 some 800-1200 each). Since: 372 and 876 (396 and
  // 868 at main's last model). Loosened to 480 / 1150 when the deep rotators were kept out of the
  // tissue within gluteus maximus' thickness of the skin (tools/model_generator/muscle_volumes.cpp,
  // kMaximusCoverM): maximus now covers them from behind (uncovered rays 25% -> 6% at rest, worst
  // in these drills 38% -> 19%: the "covers the deep rotators" case below), and its three parts,
  // holding that tissue deep over the rotators and the sciatic notch, fold more in deep flexion:
  // 469 triangle-samples past 0.2..3x (396 before; maximus 2 142 against 68) and 1132 creases (868;
  // maximus 2 589 against 363, maximus 1 left 328 against 249); quadratus femoris' 100 went to 0.
  // Loosened again to 490 / 1470 by the seated 90/90 switch (harms, session 29: both hips at
  // 100-110 deg of flexion for most of each switch, where they were at 70): 489 and 1462 merged;
  // with the old switch the merged model keeps 480 / 1150.
  // Tightened (hwrap4) to 10 / 120: gluteus maximus 1 and 2 over femur cylinders across the
  // greater trochanter (anatomy/muscle_wrap.cpp) in place of their hip sphere or ischium cylinder
  // and small trochanter spheres: 1 triangle-sample past 0.2..3x and 103 creases measured
  // (gluteus maximus 1 and 2 none; gluteus maximus 3 right 72, left 31).
  CHECK(outside <= 10);
  CHECK(creases <= 120);
}

// Issue 11, section 3: "gluteus maximus covers the buttock". Piriformis, the gemelli (with
// obturator internus) and quadratus femoris lie under gluteus maximus (Gray's Anatomy, 42nd ed.,
// ch. 80): seen from behind the pelvis, a line of sight that meets a deep rotator meets maximus
// first. Rays along the pelvis' anterior axis (+x) on a 4 mm grid over each side's deep rotators,
// at the anatomical pose and 60 times of the drills that flex the hip to 90 degrees and more; a
// ray is uncovered when its first deep-rotator crossing lies behind its first crossing of any of
// maximus' three parts (or maximus is not met). Counted per side and time; the worst share printed.
// BodyParts3D's maximus, laid over our hip bone, leaves 14 of 509 such rays (2.8%) uncovered at
// the anatomical pose (hiplab_model_inspect buttock).
TEST_CASE("muscle volumes: gluteus maximus covers the deep rotators seen from behind, at rest and in deep hip flexion (printed)") {
  const Model& m = body();
  struct Part {
    const MuscleVolume* v;
    int muscle;
    anatomy::Side side;
    bool maximus;
  };
  std::vector<Part> parts;
  for (const MuscleVolume& v : m.muscle_volumes) {
    const bool maximus = v.name.rfind("glut_max", 0) == 0;
    if (!maximus && v.name.rfind("peri_", 0) != 0 && v.name.rfind("gem_", 0) != 0 && v.name.rfind("quad_fem_", 0) != 0) continue;
    std::optional<anatomy::Side> side;
    const int mi = *anatomy::find_muscle(v.name, &side);
    parts.push_back({&v, mi, *side, maximus});
  }
  REQUIRE(parts.size() == 12);  // a side: maximus 1-3, piriformis, gemelli, quadratus femoris
  constexpr float kStep = 0.004f;
  // First crossing (smallest x) of each ray of the grid by a mesh: the triangle's footprint on the
  // y-z grid, as the generator's parity fill (tools/model_generator/muscle_volumes.cpp).
  using Grid = std::map<std::pair<int, int>, float>;
  auto first_hits = [&](const MuscleVolume& v, const std::vector<glm::vec3>& pos, Grid& g) {
    for (std::size_t t = 0; t + 2 < v.indices.size(); t += 3) {
      const glm::vec3 a = pos[v.indices[t]], b = pos[v.indices[t + 1]], c = pos[v.indices[t + 2]];
      const float det = (b.y - a.y) * (c.z - a.z) - (c.y - a.y) * (b.z - a.z);
      if (std::fabs(det) < 1e-14f) continue;
      const int j0 = static_cast<int>(std::ceil(std::min({a.y, b.y, c.y}) / kStep)), j1 = static_cast<int>(std::floor(std::max({a.y, b.y, c.y}) / kStep));
      const int k0 = static_cast<int>(std::ceil(std::min({a.z, b.z, c.z}) / kStep)), k1 = static_cast<int>(std::floor(std::max({a.z, b.z, c.z}) / kStep));
      for (int j = j0; j <= j1; ++j)
        for (int k = k0; k <= k1; ++k) {
          const float y = kStep * static_cast<float>(j), z = kStep * static_cast<float>(k);
          const float u = ((y - a.y) * (c.z - a.z) - (c.y - a.y) * (z - a.z)) / det;
          const float w = ((b.y - a.y) * (z - a.z) - (y - a.y) * (b.z - a.z)) / det;
          if (u < 0.0f || w < 0.0f || u + w > 1.0f) continue;
          const float x = a.x + u * (b.x - a.x) + w * (c.x - a.x);
          const auto it = g.find({j, k});
          if (it == g.end() || x < it->second) g[{j, k}] = x;
        }
    }
  };
  // Uncovered rays and all rays meeting a deep rotator, one side at one pose.
  auto measure = [&](anatomy::Side side, const anatomy::LegPose& leg, long& uncovered, long& rays) {
    Grid deep, maxi;
    for (const Part& p : parts) {
      if (p.side != side) continue;
      first_hits(*p.v, place(*p.v, p.muscle, side, leg).pos, p.maximus ? maxi : deep);
    }
    uncovered = 0;
    rays = static_cast<long>(deep.size());
    for (const auto& [jk, x] : deep) {
      const auto it = maxi.find(jk);
      if (it == maxi.end() || it->second > x) ++uncovered;
    }
  };
  double worst_rest = 0.0;
  for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
    long u = 0, n = 0;
    measure(side, anatomy::LegPose{}, u, n);
    REQUIRE(n > 100);
    std::printf("gluteus maximus over the deep rotators at the anatomical pose, %s: %ld of %ld rays uncovered (%.1f%%)\n",
                side == anatomy::Side::kRight ? "right" : "left", u, n, 100.0 * double(u) / double(n));
    worst_rest = std::max(worst_rest, double(u) / double(n));
  }
  const std::vector<std::string> drills = {"ninety_ninety_hip_switch", "ir_pails_rails_9090", "figure4_self_test", "kneeling_windmill",
                                           "clamshell"};
  const DrillFolder f = load_drill_folder(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills");
  double worst = 0.0;
  std::string worst_at;
  long total_u = 0, total_n = 0;
  for (const std::string& id : drills) {
    const auto d = std::find_if(f.drills.begin(), f.drills.end(), [&](const motion::Drill& x) { return x.id == id; });
    REQUIRE(d != f.drills.end());
    auto tl = motion::Timeline::build(*d, anatomy::Side::kRight);
    REQUIRE(tl.ok());
    double drill_worst = 0.0;
    for (int i = 0; i < 60; ++i) {
      const double t = tl->duration() * i / 59.0;
      const motion::DrillFrame fr = tl->evaluate(t);
      for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
        long u = 0, n = 0;
        measure(side, fr.legs.leg(side), u, n);
        if (n == 0) continue;
        total_u += u, total_n += n;
        const double share = double(u) / double(n);
        drill_worst = std::max(drill_worst, share);
        if (share > worst) {
          worst = share;
          worst_at = id + " at " + std::to_string(t).substr(0, 5) + " s, " + (side == anatomy::Side::kRight ? "right" : "left");
        }
      }
    }
    std::printf("  %-26s worst share of uncovered rays %.1f%%\n", id.c_str(), 100.0 * drill_worst);
  }
  std::printf("gluteus maximus over the deep rotators in deep hip flexion: %.1f%% of rays uncovered over all samples, worst %.1f%% (%s)\n",
              100.0 * double(total_u) / double(std::max(total_n, 1L)), 100.0 * worst, worst_at.c_str());
  // Before the deep rotators were kept out of the tissue within maximus' thickness of the skin
  // (tools/model_generator/muscle_volumes.cpp, kMaximusCoverM): 25.1% at rest, 32.0% over the
  // drills' samples, worst 37.7% (kneeling windmill, right). Since: 6.0%, 12.8%, worst 18.5%.
  CHECK(worst_rest <= 0.065);
  CHECK(double(total_u) / double(std::max(total_n, 1L)) <= 0.135);
  CHECK(worst <= 0.19);
}

// The vertices far from their path are placed on smoothed frames (anatomy/path_curve.h
// smooth_station_frames), on coordinates made at load so that at the bind pose they are where the
// path's own frames put them: the model as drawn standing does not move.
TEST_CASE("muscle volumes: on the smoothed frames, every vertex is at its bind-pose place in the anatomical pose") {
  const Model& m = body();
  Model plain = m;
  std::size_t smoothed = 0;
  for (MuscleVolume& v : plain.muscle_volumes) {
    for (std::uint8_t l : v.smooth_level) smoothed += l > 0;
    v.smooth_level.clear();
  }
  CHECK(smoothed > 10000);  // of about 35,000 vertices
  double worst = 0.0;
  for (std::size_t k = 0; k < m.muscle_volumes.size(); ++k) {
    std::optional<anatomy::Side> side;
    const int mi = *anatomy::find_muscle(m.muscle_volumes[k].name, &side);
    const Placed a = place(m.muscle_volumes[k], mi, *side, anatomy::LegPose{});
    const Placed b = place(plain.muscle_volumes[k], mi, *side, anatomy::LegPose{});
    REQUIRE(a.pos.size() == b.pos.size());
    for (std::size_t i = 0; i < a.pos.size(); ++i) worst = std::max(worst, static_cast<double>(glm::length(a.pos[i] - b.pos[i])));
  }
  std::printf("muscle volumes at the anatomical pose: smoothed against the path's own frames, at most %.3f mm apart\n", 1000 * worst);
  CHECK(worst < 1e-4);
}

// A pose's path points are matched to the bind pose's by Gait2392's point, not by their order:
// semitendinosus's conditional point on the tibia (its second) is active with the knee straight
// and drops out with the knee bent, after which the pose's second point is Gait2392's third.
TEST_CASE("muscle volumes: a pose's path points are matched to the bind pose's") {
  const int mi = *anatomy::find_muscle("semiten");
  anatomy::LegPose straight{}, bent{};
  bent[anatomy::LegCoord::kKneeFlexion] = 1.6;  // 92 degrees
  anatomy::MusclePath rest, posed;
  anatomy::evaluate_muscle_path(mi, straight, anatomy::leg_kinematics(straight), anatomy::Side::kRight, rest);
  anatomy::evaluate_muscle_path(mi, bent, anatomy::leg_kinematics(bent), anatomy::Side::kRight, posed);
  REQUIRE(posed.count == rest.count - 1);
  std::array<std::int8_t, anatomy::kMaxPathPoints> index{};
  anatomy::match_rest_points(posed, std::span<const std::int8_t>(rest.spec.data(), static_cast<std::size_t>(rest.count)), index);
  CHECK(index[0] == 0);
  CHECK(index[1] == 2);  // the bind pose's second point is gone
  for (int j = 1; j < posed.count; ++j) CHECK(index[static_cast<std::size_t>(j)] == j + 1);
  anatomy::match_rest_points(rest, std::span<const std::int8_t>(rest.spec.data(), static_cast<std::size_t>(rest.count)), index);
  for (int j = 0; j < rest.count; ++j) CHECK(index[static_cast<std::size_t>(j)] == j);
}

TEST_CASE("muscle volumes: a shortening belly gets thicker") {
  // Gluteus maximus shortens in hip extension: its section scale grows above 1.
  CHECK(muscle_section_scale(0.2, 0.18) > 1.0);
  CHECK(muscle_section_scale(0.2, 0.2) == doctest::Approx(1.0));
  CHECK(muscle_section_scale(0.2, 0.25) < 1.0);
}

TEST_CASE("muscle volumes: scene cost of one frame with volumes and with tubes (printed)") {
  const Model& m = body();
  NodeTransforms pose = NodeTransforms::bind(m);
  BodyPoseInput input;
  input.pelvis_world = bind_pelvis_world(m);
  input.legs.leg(anatomy::Side::kRight)[anatomy::LegCoord::kHipFlexion] = 0.6;
  input.legs.leg(anatomy::Side::kRight)[anatomy::LegCoord::kKneeFlexion] = 0.9;
  auto median_ms = [&](bool volumes) {
    BodySceneOptions o;
    o.muscle_volumes = volumes;
    std::vector<double> t;
    std::size_t triangles = 0;
    for (int i = 0; i < 30; ++i) {
      DrawList out;
      const auto t0 = std::chrono::steady_clock::now();
      add_body_to_scene(m, ModelHandle{}, input, o, pose, out);
      t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      triangles = out.dynamic_meshes.empty() ? 0 : out.dynamic_meshes.back().indices.size() / 3;
    }
    std::sort(t.begin(), t.end());
    std::printf("scene build with muscle %s: median %.2f ms, %zu muscle triangles\n", volumes ? "volumes" : "tubes", t[t.size() / 2],
                triangles);
    return triangles;
  };
  CHECK(median_ms(true) > median_ms(false));
  // The push out of bone (scene/muscle_volume.h push_out_of_bones) priced alone: the same scene on
  // one thread with and without the bones' fields, frames alternated so a busy machine weighs on
  // both alike, timed by the thread's own CPU clock (time the thread waited for a core left out).
  Model plain = m;
  plain.bone_fields.clear();
  BodySceneOptions o;
  o.threads = false;
  std::vector<double> with, without;
  auto cpu_ms = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return 1e3 * static_cast<double>(ts.tv_sec) + 1e-6 * static_cast<double>(ts.tv_nsec);
  };
  for (int i = 0; i < 60; ++i)
    for (const Model* x : std::array<const Model*, 2>{&m, &plain}) {
      DrawList out;
      const double t0 = cpu_ms();
      add_body_to_scene(*x, ModelHandle{}, input, o, pose, out);
      (x == &m ? with : without).push_back(cpu_ms() - t0);
    }
  std::sort(with.begin(), with.end());
  std::sort(without.begin(), without.end());
  std::printf("scene build on one thread (its CPU time): median %.2f ms with the push out of bone, %.2f ms without (fastest %.2f / %.2f ms)\n",
              with[with.size() / 2], without[without.size() / 2], with[0], without[0]);
}

TEST_CASE("muscle volumes: levels made at load halve the triangles within their error, use a prefix of the vertices, left as right") {
  Model m = body();
  // The far level of a left muscle strays as far as its right mirror image (it was once left 0).
  for (const MuscleVolume& v : m.muscle_volumes) {
    if (v.name.size() < 2 || v.name.substr(v.name.size() - 2) != "_l") continue;
    const std::string right = v.name.substr(0, v.name.size() - 2) + "_r";
    const auto r = std::find_if(m.muscle_volumes.begin(), m.muscle_volumes.end(), [&](const MuscleVolume& x) { return x.name == right; });
    REQUIRE(r != m.muscle_volumes.end());
    INFO(v.name);
    CHECK(v.lod_error == r->lod_error);
    if (!v.lod_indices.empty()) CHECK(v.lod_error > 0.0f);
  }
  std::vector<std::vector<glm::vec3>> before;
  for (const MuscleVolume& v : m.muscle_volumes) before.push_back(v.bind_position);
  std::vector<std::vector<std::uint32_t>> tris_before;
  for (const MuscleVolume& v : m.muscle_volumes) tris_before.push_back(v.indices);
  build_lods(m);
  std::size_t with_levels = 0;
  for (std::size_t k = 0; k < m.muscle_volumes.size(); ++k) {
    const MuscleVolume& v = m.muscle_volumes[k];
    INFO(v.name);
    REQUIRE(validate_muscle_volume(v, "body").ok());
    // Reordering the vertices keeps every triangle where it was.
    REQUIRE(v.indices.size() == tris_before[k].size());
    for (std::size_t t = 0; t < v.indices.size(); ++t) CHECK(v.bind_position[v.indices[t]] == before[k][tris_before[k][t]]);
    if (!v.levels.empty()) ++with_levels;
    std::size_t previous = v.indices.size();
    float previous_error = 0.0f;
    for (const MuscleVolume::Level& l : v.levels) {
      CHECK(l.indices.size() * 100 <= previous * 85);
      CHECK(l.error >= previous_error);
      CHECK(l.error < 0.02f);  // never a coarse blob: at most 2 cm off
      CHECK(l.vertex_count <= v.bind_position.size());
      for (std::uint32_t i : l.indices) CHECK(i < l.vertex_count);
      previous = l.indices.size();
      previous_error = l.error;
    }
  }
  CHECK(with_levels * 10 >= m.muscle_volumes.size() * 8);  // 74 of 86: the smallest keep their full mesh
  // Placed for a small view, a muscle draws a lighter level and places fewer vertices; for a close
  // one, the full mesh.
  const MuscleVolume& v = *std::find_if(m.muscle_volumes.begin(), m.muscle_volumes.end(), [](const MuscleVolume& x) { return x.name == "vas_lat_r"; });
  REQUIRE_FALSE(v.levels.empty());
  const int muscle = *anatomy::find_muscle("vas_lat");
  const anatomy::LegPose leg{};
  const anatomy::LegKinematics kin = anatomy::leg_kinematics(leg);
  anatomy::MusclePath p;
  anatomy::evaluate_muscle_path(muscle, leg, kin, anatomy::Side::kRight, p);
  anatomy::PathCurve c;
  anatomy::build_path_curve(std::span<const glm::dvec3>(p.point.data(), static_cast<std::size_t>(p.count)),
                            anatomy::path_hint(kin, p.body[0], anatomy::Side::kRight, v.hint, v.tangent,
                                               anatomy::first_direction(std::span<const glm::dvec3>(p.point.data(), static_cast<std::size_t>(p.count)))),
                            c, {v.rest_point_s, v.rest_length});
  AttachmentMotion attached;
  attachment_motion(c, p, kin, anatomy::Side::kRight, glm::dmat4(1.0), attached, v.rest_point_normal, v.rest_point_tangent);
  const anatomy::MuscleSpec& s = anatomy::muscle(muscle);
  const MuscleTubeProfile profile = muscle_tube_profile(s.max_isometric_force_n, s.optimal_fiber_length_m, s.tendon_slack_length_m);
  DynamicMesh near_mesh, far_mesh;
  const glm::ivec2 near = append_muscle_volume(v, c, profile, attached, near_mesh, 1e6);
  const glm::ivec2 far = append_muscle_volume(v, c, profile, attached, far_mesh, 20.0);
  CHECK(static_cast<std::size_t>(near.y) == v.indices.size());
  CHECK(near_mesh.vertices.size() == v.bind_position.size());
  CHECK(static_cast<std::size_t>(far.y) == v.levels.back().indices.size());
  CHECK(far_mesh.vertices.size() == v.levels.back().vertex_count);
  CHECK(far_mesh.vertices.size() < near_mesh.vertices.size());
  // The placed vertices a level shares with the full mesh are the same points (to a tenth of a
  // millimetre: each level keeps its own enclosed volume, so its volume correction differs a little).
  for (std::size_t i = 0; i < far_mesh.vertices.size(); ++i) CHECK(glm::length(far_mesh.vertices[i].position - near_mesh.vertices[i].position) < 1e-4f);
}

// The push out of bone itself (scene/muscle_volume.h push_out_of_bones, assets/bone_field.h): a
// 20 mm cube as the bone, turned and moved as a posed bone is; a vertex placed 3 mm inside under
// its top face comes out through that face to the clearance, one 2 mm outside stays where it was,
// and a vertex whose mask names no bone is not looked at.
TEST_CASE("muscle volumes: a vertex placed inside a bone is pushed out to the clearance, one outside is untouched") {
  const std::vector<glm::vec3> pos = {{-0.01f, -0.01f, -0.01f}, {0.01f, -0.01f, -0.01f}, {0.01f, 0.01f, -0.01f}, {-0.01f, 0.01f, -0.01f},
                                      {-0.01f, -0.01f, 0.01f},  {0.01f, -0.01f, 0.01f},  {0.01f, 0.01f, 0.01f},  {-0.01f, 0.01f, 0.01f}};
  // Counter-clockwise from outside.
  const std::vector<std::uint32_t> idx = {0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 3, 7, 6, 3, 6, 2, 0, 4, 7, 0, 7, 3, 1, 2, 6, 1, 6, 5};
  const BoneField f = make_bone_field(pos, idx);
  REQUIRE(!f.d.empty());
  // The field itself: exact near the faces, carried inward by the chamfer transform (within 10%).
  CHECK(f.sample({0.0f, 0.0f, 0.012f}) == doctest::Approx(0.002f).epsilon(0.02));
  CHECK(f.sample({0.0f, 0.0f, 0.007f}) == doctest::Approx(-0.003f).epsilon(0.05));
  CHECK(f.sample({0.0f, 0.0f, 0.0f}) == doctest::Approx(-0.01f).epsilon(0.1));
  CHECK(f.sample({0.5f, 0.0f, 0.0f}, nullptr, 7.0f) == 7.0f);  // outside the grid
  glm::vec3 g;
  f.sample({0.003f, -0.002f, 0.009f}, &g);
  CHECK(glm::dot(glm::normalize(g), glm::vec3(0.0f, 0.0f, 1.0f)) > 0.99f);
  // Posed: turned 90 degrees about x and moved; the cube's top face (+z) then faces world -y.
  glm::mat4 world(1.0f);
  world[1] = glm::vec4(0.0f, 0.0f, 1.0f, 0.0f);
  world[2] = glm::vec4(0.0f, -1.0f, 0.0f, 0.0f);
  world[3] = glm::vec4(0.3f, 0.9f, -0.1f, 1.0f);
  const std::vector<glm::mat4> bone_world{world}, to_bone{glm::inverse(world)};
  const std::vector<BoneField> fields{f};
  MuscleVolume v;
  v.bone_fields = {0};
  v.bone_mask = {1, 1, 0};
  std::array<Vertex, 3> out{};
  out[0].position = glm::vec3(world * glm::vec4(0.002f, 0.001f, 0.007f, 1.0f));   // 3 mm under the top face
  out[1].position = glm::vec3(world * glm::vec4(0.002f, 0.001f, 0.012f, 1.0f));   // 2 mm over it
  out[2].position = glm::vec3(world * glm::vec4(0.002f, 0.001f, 0.007f, 1.0f));   // inside, but no bone named
  const glm::vec3 before1 = out[1].position, before2 = out[2].position;
  CHECK(push_out_of_bones(v, fields, bone_world, to_bone, out.data(), out.size()) == 1);
  const glm::vec3 q(to_bone[0] * glm::vec4(out[0].position, 1.0f));
  CHECK(q.z == doctest::Approx(0.01f + kBoneClearance).epsilon(0.01));  // out through the top face
  CHECK(q.x == doctest::Approx(0.002f).epsilon(0.05));
  CHECK(q.y == doctest::Approx(0.001f).epsilon(0.05));
  CHECK(f.sample(q) >= 0.0f);
  CHECK(out[1].position == before1);
  CHECK(out[2].position == before2);
}

// At the anatomical pose the volumes lie out of the bones (the generator packs them 0.5 mm off),
// so the push moves next to nothing there: the scene with the bones' fields is the scene without
// them but for the few vertices of gluteus maximus 1 that the generator left in the ilium (0.4% of
// its vertices on each side before the push, 8 vertices in all, moved up to 1.8 mm; the bone-share
// test below printed them).
TEST_CASE("muscle volumes: the push out of bone moves no vertex at the anatomical pose") {
  const Model& m = body();
  REQUIRE(m.bone_fields.size() >= 15);  // both hip bones, the sacrum and each leg's bones
  Model plain = m;
  plain.bone_fields.clear();
  std::size_t near = 0;
  for (const MuscleVolume& v : m.muscle_volumes)
    for (std::uint8_t b : v.bone_mask) near += b != 0;
  CHECK(near > 10000);
  const BodyPoseInput input{{}, {}, bind_pelvis_world(m)};
  NodeTransforms pose_a = NodeTransforms::bind(m), pose_b = pose_a;
  DrawList a, b;
  add_body_to_scene(m, ModelHandle{}, input, BodySceneOptions{}, pose_a, a);
  add_body_to_scene(plain, ModelHandle{}, input, BodySceneOptions{}, pose_b, b);
  REQUIRE(!a.dynamic_meshes.empty());
  REQUIRE(a.dynamic_meshes.back().vertices.size() == b.dynamic_meshes.back().vertices.size());
  std::size_t moved = 0;
  double worst = 0.0;
  for (std::size_t i = 0; i < a.dynamic_meshes.back().vertices.size(); ++i) {
    const float d = glm::length(a.dynamic_meshes.back().vertices[i].position - b.dynamic_meshes.back().vertices[i].position);
    moved += d > 0.0f;
    worst = std::max(worst, static_cast<double>(d));
  }
  std::printf("push out of bone at the anatomical pose: %zu vertices near a bone, %zu moved, at most %.3f mm\n", near, moved, 1000 * worst);
  CHECK(moved <= 8);
  CHECK(worst < 0.002);
}

// The window makes the fields on a worker from a copy of the bones alone and gives them to the
// model later (app/model_open.h start_deferred_bone_fields): the steps give what set_bone_fields
// gives, on one thread as on several, and fields made from another model are refused (the model
// stays without them) rather than read against the wrong meshes.
TEST_CASE("muscle volumes: the bones' fields made in steps equal those made at once and another model's are refused") {
  const Model& m = body();
  Model stepwise = m;
  stepwise.bone_fields.clear();
  const std::vector<BoneSource> bones = bone_sources(stepwise);
  REQUIRE(bones.size() == m.bone_fields.size());
  std::vector<BoneField> fields = make_bone_fields(bones, 1);
  REQUIRE(install_bone_fields(stepwise, fields));
  REQUIRE(stepwise.bone_fields.size() == m.bone_fields.size());
  for (std::size_t b = 0; b < m.bone_fields.size(); ++b) {
    CHECK(stepwise.bone_fields[b].mesh == m.bone_fields[b].mesh);
    CHECK(stepwise.bone_fields[b].d == m.bone_fields[b].d);
    CHECK(stepwise.bone_fields[b].brick_index == m.bone_fields[b].brick_index);
  }
  for (std::size_t i = 0; i < m.muscle_volumes.size(); ++i) {
    CHECK(stepwise.muscle_volumes[i].bone_fields == m.muscle_volumes[i].bone_fields);
    CHECK(stepwise.muscle_volumes[i].bone_mask == m.muscle_volumes[i].bone_mask);
  }
  // Another model: its bone meshes are elsewhere in its list (here, the first mesh dropped).
  Model other = m;
  other.meshes.erase(other.meshes.begin());
  CHECK_FALSE(install_bone_fields(other, fields));
  CHECK(other.bone_fields.empty());
  for (const MuscleVolume& v : other.muscle_volumes) CHECK(v.bone_mask.empty());
  // A model without volumes has no bones to field.
  Model bare = m;
  bare.muscle_volumes.clear();
  CHECK(bone_sources(bare).empty());
}

namespace {
// A point counts as in the bone when it lies about a millimetre or more under the bone's surface
// (one erosion), so a muscle that lies on the bone (as the generator packs them) is not counted.
using BoneGrid = test::BoneCells;
BoneGrid bone_grid(const Mesh& m) { return test::bone_cells(m, 1); }

// The model's bones (rigid meshes with triangles, not the skin) and each one's cells, by mesh index.
struct BoneSet {
  std::vector<BoneGrid> grids;
  std::vector<bool> is_bone;
};
BoneSet bone_set(const Model& m) {
  BoneSet b{std::vector<BoneGrid>(m.meshes.size()), std::vector<bool>(m.meshes.size(), false)};
  for (std::size_t i = 0; i < m.meshes.size(); ++i) {
    const Mesh& mesh = m.meshes[i];
    if (mesh.name.rfind("skin", 0) == 0 || !mesh.joint_nodes.empty() || mesh.indices.empty()) continue;
    b.is_bone[i] = true;
    b.grids[i] = bone_grid(mesh);
  }
  return b;
}

// The bones drawn in `out` for each leg (index 0 left, 1 right): its own leg's, and the pelvis and
// spine for both (bones of the other leg are the drill's posture, not the muscle's shape: a crossed
// shin can rest against the other knee). Each with the world box of its cells (1 mm wider than the
// float arithmetic needs): a point outside it cannot be in the bone, so a muscle is tested only
// against the bones whose box meets its own.
struct PosedBone {
  glm::mat4 inv;
  const BoneGrid* grid;
  glm::vec3 lo, hi;
};
std::array<std::vector<PosedBone>, 2> posed_bones(const Model& m, const DrawList& out, const BoneSet& set) {
  std::array<std::vector<PosedBone>, 2> bones;
  for (const MeshDraw& d : out.meshes)
    if (d.dynamic_mesh < 0 && d.mesh >= 0 && set.is_bone[static_cast<std::size_t>(d.mesh)]) {
      const std::string& name = m.meshes[static_cast<std::size_t>(d.mesh)].name;
      const bool left = name.size() > 2 && name.substr(name.size() - 2) == "_l", right = name.size() > 2 && name.substr(name.size() - 2) == "_r";
      const BoneGrid& g = set.grids[static_cast<std::size_t>(d.mesh)];
      PosedBone b{glm::inverse(d.node_world), &g, glm::vec3(1e9f), glm::vec3(-1e9f)};
      for (int c = 0; c < 8; ++c) {
        const glm::vec3 q(d.node_world * glm::vec4((c & 1) ? g.deep_hi.x : g.deep_lo.x, (c & 2) ? g.deep_hi.y : g.deep_lo.y,
                                                   (c & 4) ? g.deep_hi.z : g.deep_lo.z, 1.0f));
        b.lo = glm::min(b.lo, q), b.hi = glm::max(b.hi, q);
      }
      b.lo -= glm::vec3(0.001f), b.hi += glm::vec3(0.001f);
      for (int s = 0; s < 2; ++s)
        if ((s == 0 && !left) || (s == 1 && !right)) bones[static_cast<std::size_t>(s)].push_back(b);
    }
  return bones;
}
}  // namespace

// Issue 11, section 4: "stays out of bone (<= 1% of its vertices inside a bone in any frame of any
// drill)". Every muscle as drawn (scene/body_scene.h, full detail), at the anatomical pose and 100
// frames of every built-in drill, against the bones of its own leg, the pelvis and the spine as
// drawn in that frame. Printed per muscle where the worst frame is past
// 1%; guarded at what is reached so a change can only improve it.
TEST_CASE("muscle volumes: over every built-in drill, the share of each muscle's vertices inside a bone (printed)") {
  const Model& m = body();
  const DrillFolder f = load_drill_folder(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills");
  REQUIRE(!f.drills.empty());
  const BoneSet bone_cells = bone_set(m);
  std::map<std::uint32_t, double> worst;  // pick id -> worst share
  std::map<std::uint32_t, std::string> worst_at;
  std::map<std::uint32_t, double> at_rest;  // pick id -> share at the anatomical pose
  NodeTransforms pose = NodeTransforms::bind(m);
  std::vector<const motion::Drill*> drills{nullptr};  // first the anatomical (bind) pose
  for (const motion::Drill& drill : f.drills) drills.push_back(&drill);
  for (const motion::Drill* drill : drills) {
    auto tl = drill ? motion::Timeline::build(*drill, anatomy::Side::kRight) : Result<motion::Timeline>(make_error("bind"));
    REQUIRE((!drill || tl.ok()));
    for (int i = 0; i < (drill ? 100 : 1); ++i) {
      const double time = drill ? tl->duration() * i / 99.0 : 0.0;
      BodyPoseInput input{{}, {}, bind_pelvis_world(m)};
      if (drill) {
        const motion::DrillFrame fr = tl->evaluate(time);
        input = BodyPoseInput{fr.legs, fr.upper, fr.pelvis_world};
      }
      DrawList out;
      add_body_to_scene(m, ModelHandle{}, input, BodySceneOptions{}, pose, out);
      const std::array<std::vector<PosedBone>, 2> bones = posed_bones(m, out, bone_cells);
      std::vector<const PosedBone*> near;
      for (const MeshDraw& d : out.meshes) {
        if (d.dynamic_mesh < 0 || d.pick_id < kMusclePickBase) continue;
        const DynamicMesh& dm = out.dynamic_meshes[static_cast<std::size_t>(d.dynamic_mesh)];
        // The muscle's own vertices: those its triangles use.
        std::uint32_t v0 = UINT32_MAX, v1 = 0;
        for (int t = 0; t < d.index_count; ++t) {
          const std::uint32_t vi = dm.indices[static_cast<std::size_t>(d.first_index + t)];
          v0 = std::min(v0, vi), v1 = std::max(v1, vi);
        }
        if (v0 > v1) continue;
        std::size_t in = 0;
        const std::size_t side = d.pick_id - kMusclePickBase >= 100 ? 1 : 0;  // 0 right, 1 left
        glm::vec3 lo(1e9f), hi(-1e9f);
        for (std::uint32_t vi = v0; vi <= v1; ++vi) lo = glm::min(lo, dm.vertices[vi].position), hi = glm::max(hi, dm.vertices[vi].position);
        near.clear();
        for (const PosedBone& b : bones[side])
          if (!glm::any(glm::lessThan(hi, b.lo)) && !glm::any(glm::greaterThan(lo, b.hi))) near.push_back(&b);
        for (std::uint32_t vi = v0; vi <= v1 && !near.empty(); ++vi) {
          const glm::vec3& x = dm.vertices[vi].position;
          const glm::vec4 p(x, 1.0f);
          for (const PosedBone* b : near) {
            if (glm::any(glm::lessThan(x, b->lo)) || glm::any(glm::greaterThan(x, b->hi))) continue;
            if (b->grid->inside(glm::vec3(b->inv * p))) { ++in; break; }
          }
        }
        const double share = static_cast<double>(in) / (v1 - v0 + 1);
        if (!drill) at_rest[d.pick_id] = share;
        if (share > worst[d.pick_id]) {
          worst[d.pick_id] = share;
          worst_at[d.pick_id] = drill ? drill->id + " t=" + std::to_string(time) : std::string("the anatomical pose");
        }
      }
    }
  }
  int within = 0;
  double overall = 0.0;
  for (const auto& [id, share] : worst) {
    within += share <= 0.01;
    overall = std::max(overall, share);
    const anatomy::Side side = id - kMusclePickBase >= 100 ? anatomy::Side::kLeft : anatomy::Side::kRight;
    if (share > 0.01)
      std::printf("  %-14s worst %.1f%% of its vertices inside a bone (%s), %.1f%% at the anatomical pose\n",
                  anatomy::muscle_name(static_cast<int>((id - kMusclePickBase) % 100), side).c_str(), 100 * share, worst_at[id].c_str(),
                  100 * at_rest[id]);
  }
  std::printf("muscle volumes with <= 1%% of their vertices inside a bone in every drill frame: %d of %zu (worst %.1f%%)\n", within,
              worst.size(), 100 * overall);
  CHECK(worst.size() >= 80);
  // Reached: 17 of 86, worst 22.1% (gluteus medius 2 in the 90/90 hip switch), since the split
  // weighs adductor magnus' three lines as one muscle and lays it deep on the linea aspera
  // (tools/model_generator/muscle_volumes.cpp, split_scale, kMidThigh): semimembranosus is now
  // within 1% on both sides (was 1.2-1.4%), adductor magnus 3 (4.0%, start of
  // ir_pails_rails_9090) and the right adductor longus (1.2%) are past it. 18 of 86, worst 22.1%,
  // since the generator keeps the packed vertices 0.5 mm off the bones (tools/model_generator/muscle_volumes.cpp,
  // push_out_of_bones); 18 of 86, worst 22.3%, before that, when 22 volumes were already 1.2-3.4%
  // in bone at the anatomical pose (the gemelli, adductor brevis, iliacus, the gastrocnemius heads,
  // soleus, the long toe flexors and extensors, peroneus longus). 15 of 86, worst 54.9%, before
  // Gait2392's points were registered to the bones (anatomy/point_registration.h) and the off-centre
  // wraps; 11 of 86, worst 72%, before the paths went round the hip spheres and knee cylinders of
  // anatomy/muscle_wrap.h (issue 11, section 2). Not met: what is left enters bone when posed, nearly
  // all into the femur at 90-96 degrees of hip flexion with the knee at 90 (the 90/90 drills, the
  // seated band) and at deep knee flexion (figure-4, kneeling windmill): the volumes' own thickness
  // against the bone beside their paths, and paths that still cut bone
  // (tests/scene/muscle_wrap_bone_test.cpp lists them). Of the 34 muscles past 1%, 12 have posed
  // paths that cut bone in the drills (gluteus medius 1-2 and maximus 1-2, TFL, semimembranosus,
  // biceps femoris long head, sartorius, rectus femoris, gemelli, vastus intermedius and lateralis);
  // in the worst frames the vertices in bone lie along the belly (gluteus medius 2: 86 of 502 in the
  // ilium, 22 in the femur, at s 0.1-0.7; vastus intermedius: 83 in the femur at s 0.6-0.8 with the
  // knee at 81 degrees), and the soleus's are at its heel end (43 of 498 in the foot at 44 degrees
  // of plantarflexion). Making the path's two ends follow their bones rigidly (as the attached
  // segments do, scene/muscle_volume.cpp) left the worst at 20.5% and cost the triangle guard
  // 54 -> 41, so it was left out. (Figures with the 1 mm clearance tried first.)
  // The half-kneeling windmill (issue 12) added poses the volumes do not follow well: 17 of 86, worst
  // 56.1% — the back hip's gemelli (56.1%) and quadratus femoris (24.7%) at 35 deg of external
  // rotation with 17 of extension, the front hip's pectineus (16.9%) at 72 deg of flexion and 25 of
  // adduction, adductor longus 1.2%; without it, 18 of 86 and 22.1% as above. 19 of 86 since the
  // far vertices' path stations are smoothed (smooth_path_stations): the left psoas within (2.6%
  // before), the iliacus 10.4 -> 6.7% (right); biceps femoris short head 9.0 -> 10.8% and the
  // medial gastrocnemius 8.3 -> 8.7% worse (right side; figure-4, the 90/90 switch).
  // The half-kneeling windmill re-posed so the back quadriceps rest (issue 12: pelvis tucked 6 deg,
  // back hip at most 29 deg of external rotation and 8 of extension, front hip 30 deg out at 82 of
  // flexion): worst 56.1 -> 42.7% (the back gemelli), quadratus femoris 24.7 -> 26.1%, and 18 of 86,
  // one fewer, a loosened guard: the front extensor hallucis longus goes 1.3% into bone at the
  // windmill's start, where the front ankle is dorsiflexed 14 deg (front knee at 100 deg, the shin
  // leaning over the foot; it was 2 deg with the knee at 90). The front knee at 100 deg is what
  // brings the front foot under the body's weight (the back quadriceps at rest 27 -> 24%).
  // 20 of 86 since the posed frames twist with the bones under the path's points
  // (scene/muscle_volume.h, AttachmentMotion::twist): both sartorius now within (11.6 -> 2.2%
  // right, 5.0% -> within left), biceps femoris long head 19.9 -> 13.7%, adductor magnus 2
  // 11.2 -> 4.4%, the worst shares summed over the muscles past 1% 750 -> 711 points; worse:
  // adductor magnus 3 4.0 -> 9.6%, quadratus femoris (right) 3.3 -> 8.7%, gluteus minimus 2
  // (right) 13.9 -> 16.8%, and the worst, the windmill's back-hip gemelli, 56.1 -> 57.3%: their
  // paths cut the femur there (tests/scene/muscle_wrap_bone_test.cpp), which no turn of the section
  // mends. The guard on the worst is loosened by that 1.2 points for the 19 -> 20 and the sum;
  // three quarters of the twist gave 19 of 86 and a worst of 53.7% (and 66 triangles within).
  // 17 since the front of the thigh was filled out (tools/model_generator/body_skin.cpp,
  // quadriceps_front, remeshing the skin and the split): tensor fasciae latae 1.4% both sides
  // (the tall-kneeling windmill's extended hip, over the greater trochanter) where it was within.
  // All three together (merged, re-measured): 17 of 86, the worst 41.5% (the windmill's back-hip
  // gemelli, re-posed).
  // Loosened (h11p3), 41.5 -> 45.2%: the gemelli's path now runs over a 32.5 mm hip sphere (was
  // 35) and a cylinder at the posterior lip of the trochanteric fossa (anatomy/muscle_wrap.cpp),
  // which took their path samples in bone over the drills from 7,314 to 760
  // (tests/scene/muscle_wrap_bone_test.cpp), but the volume, which follows the path, goes further
  // into bone in the same windmill frame: back-hip gemelli 41.5 -> 45.1% (left), and 13.4 -> 18.3%
  // on the right in the 90/90 switch. Still 17 within; gluteus maximus 1 (its new trochanter
  // sphere) 5.6 -> 5.4% right, 4.8 -> 4.2% left. Dropping the gemelli's surfaces restores 41.5%.
  // h11t (smoothed frames far from the path, stations on the posed curve, points matched for the
  // twist): still 17 of 86 and the worst 45.1%; the worst shares summed over the muscles past 1%
  // 662.8 -> 665.7 points (tensor fasciae latae 1.4 -> 3.2-3.8%, semitendinosus 6 -> 7%, extensor
  // digitorum (left) 2.4 -> 3.4%, vastus medialis (right) 9 -> 10%; better: rectus femoris (right)
  // 8.8 -> 7.4%, gluteus maximus 2 (right) 20 -> 19%, lateral gastrocnemius (left) 10 -> 9%); and
  // with gluteus medius 1 over its neck-base sphere, which its volume now follows
  // (anatomy/muscle_wrap.cpp): 660.2 (gluteus medius 1 12.5 -> 9.8% right, 12.0 -> 9.2% left).
  // 16 since the skin was made mirror-symmetric (h12k; the volumes re-packed against it): the left
  // sartorius 1.2% in the 90/90 switch, where it was within.
  // 22 with the bare shin (session 28, tools/model_generator/muscle_volumes.cpp: the leg's muscles
  // re-split, tendons only round the ankle and in the foot); 23 merged with hflex (its branch
  // alone 17 of 86, worst 45.1 -> 43.9%).
  // 20 (LOOSENED from 23, session 29's merge): semimembranosus both sides (2.4-2.6%, the seated 90/90
  // switch's deep flexion, harms) and vastus lateralis left (2.6%, the kneeling windmill: hthigh's
  // vasti carried down to the kneecap, over the condyles) now pass 1%; hthigh's branch alone 22.
  // 85 of 86, worst 1.4% (gluteus minimus 3, right, in the supine IR PAILs/RAILs' deep flexion),
  // from 20 of 86 and 43.9% (the kneeling windmill's back-hip gemelli), since the scene pushes each
  // placed vertex that lies in a bone near it back out along the bone's signed-distance field
  // (scene/muscle_volume.h push_out_of_bones, assets/bone_field.h: 1.5 mm grids made at load). The
  // re-shaped frames above could not do this: the volumes follow their paths while the bones are
  // rigid. What is left lies where two bones close on the muscle (gluteus minimus and the gemelli
  // between femur and ilium in deep flexion): out of one is into the other. Steps on the way
  // (same drills): the bind-pose bones within 2.5 cm of each vertex's box and one pass, 79 of 86 and
  // 4.2% (the psoas's upper vertices, 5 cm and more from the femur at rest, reach its head in deep
  // flexion); 5 cm and up to three passes over a vertex's bones, 83 of 86 and 2.0% (the psoas); 8 cm,
  // 85 of 86. 86 of 86 (worst 0.7%, was 1.4%) with the soft tissue's turn weighted per muscle in
  // deep flexion (hglut7, scene/muscle_volume.cpp kSoftWeights).
  CHECK(within >= 86);
  CHECK(overall <= 0.015);
  // At the anatomical pose, where the volumes are made, every muscle is out of bone (worst: gluteus
  // maximus 1, 0.4% both sides before the push out of bone, none since).
  for (const auto& [id, share] : at_rest) {
    INFO(anatomy::muscle_name(static_cast<int>((id - kMusclePickBase) % 100), id - kMusclePickBase >= 100 ? anatomy::Side::kLeft : anatomy::Side::kRight));
    CHECK(share <= 0.01);
  }
}

// The flakes of issue 11, section 4 ("each volume follows its posed path: it stays whole and
// smooth") as the scene draws them: not the full mesh but the level of detail it picks
// (scene/muscle_volume.cpp append_muscle_volume, kVolumePixelError), whose error was measured at
// the bind pose only (assets/model_lod.h). In the drills that flex the hip to 90 degrees and more
// (30 times of each, both legs, every volume) at 700 px/m (a 720-pixel-high view about a metre
// tall; this test's choice of scale, not read from the bench's camera), counted per volume: edges
// whose two triangles met nearly flat at the bind pose (under 30 degrees) and now fold past 90
// degrees (a crease: a flake sticking out), on the full mesh and on the level drawn. The drawn
// levels crease about six times as often per edge as the full mesh (gluteus medius 2-3, minimus
// 2-3, quadratus femoris, pectineus, adductor longus: none on the full mesh, 40-90 on the level),
// which is much of the "crumpled heap" of the 90/90 hold. Printed; a ratchet on both counts.
TEST_CASE("muscle volumes: the drawn levels of detail in deep hip flexion, creases against the full mesh (printed)") {
  static Model m = body();  // a copy with the levels made at load, as the app's display preparation makes them
  if (!m.muscle_volumes.empty() && m.muscle_volumes[0].levels.empty()) build_lods(m);
  constexpr double kPxPerM = 700.0;
  const std::vector<std::string> drills = {"ninety_ninety_hip_switch", "ir_pails_rails_9090", "figure4_self_test", "kneeling_windmill", "clamshell"};
  const DrillFolder f = load_drill_folder(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills");
  auto place_mesh = [&](const MuscleVolume& v, int mi, anatomy::Side side, const anatomy::LegPose& leg, DynamicMesh& mesh, double px) {
    const anatomy::LegKinematics kin = anatomy::leg_kinematics(leg);
    anatomy::MusclePath p;
    anatomy::evaluate_muscle_path(mi, leg, kin, side, p);
    anatomy::PathCurve c;
    const anatomy::MuscleSpec& s = anatomy::muscle(mi);
    AttachmentMotion attached;
    posed_volume_curve(v, p, kin, side, glm::dmat4(1.0), std::span<const glm::dvec3>(p.drawn.data(), static_cast<std::size_t>(p.drawn_count)), c,
                       attached);
    return append_muscle_volume(v, c, muscle_tube_profile(s.max_isometric_force_n, s.optimal_fiber_length_m, s.tendon_slack_length_m), attached,
                                mesh, px);
  };
  auto tri_normal = [](const DynamicMesh& mesh, const std::vector<std::uint32_t>& idx, std::size_t t) {
    const glm::dvec3 a(mesh.vertices[idx[3 * t]].position), b(mesh.vertices[idx[3 * t + 1]].position), c(mesh.vertices[idx[3 * t + 2]].position);
    const glm::dvec3 n = glm::cross(b - a, c - a);
    const double l = glm::length(n);
    return l > 1e-15 ? n / l : glm::dvec3(0.0);
  };
  struct Muscle {
    const MuscleVolume* v;
    int muscle;
    anatomy::Side side;
    std::vector<const std::vector<std::uint32_t>*> meshes;          // the full mesh, then each level
    std::vector<std::vector<std::array<std::uint32_t, 2>>> flat;    // per mesh: triangle pairs flat at rest
    long full_creases = 0, drawn_creases = 0, full_edges = 0, drawn_edges = 0;
  };
  std::vector<Muscle> muscles;
  for (const MuscleVolume& v : m.muscle_volumes) {
    std::optional<anatomy::Side> side;
    const std::optional<int> mi = anatomy::find_muscle(v.name, &side);
    REQUIRE(mi);
    Muscle r{&v, *mi, *side, {&v.indices}, {}};
    for (const MuscleVolume::Level& l : v.levels) r.meshes.push_back(&l.indices);
    DynamicMesh rest;
    place_mesh(v, *mi, *side, anatomy::LegPose{}, rest, 0.0);
    for (const std::vector<std::uint32_t>* idx : r.meshes) {
      std::vector<std::array<std::uint32_t, 2>> pairs;
      std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> first;
      for (std::uint32_t t = 0; 3 * t + 2 < idx->size(); ++t)
        for (int e = 0; e < 3; ++e) {
          std::uint32_t a = (*idx)[3 * t + e], b = (*idx)[3 * t + (e + 1) % 3];
          if (a > b) std::swap(a, b);
          const auto it = first.find({a, b});
          if (it == first.end()) first[{a, b}] = t;
          else if (glm::dot(tri_normal(rest, *idx, it->second), tri_normal(rest, *idx, t)) > std::cos(glm::radians(30.0)))
            pairs.push_back({it->second, t});
        }
      r.flat.push_back(std::move(pairs));
    }
    muscles.push_back(std::move(r));
  }
  REQUIRE(muscles.size() >= 80);
  long levels_drawn = 0, samples = 0, triangles = 0;
  for (const std::string& id : drills) {
    const auto d = std::find_if(f.drills.begin(), f.drills.end(), [&](const motion::Drill& x) { return x.id == id; });
    REQUIRE(d != f.drills.end());
    auto tl = motion::Timeline::build(*d, anatomy::Side::kRight);
    REQUIRE(tl.ok());
    for (int i = 0; i < 30; ++i) {
      const motion::DrillFrame fr = tl->evaluate(tl->duration() * i / 29.0);
      for (Muscle& r : muscles) {
        DynamicMesh full, drawn;
        place_mesh(*r.v, r.muscle, r.side, fr.legs.leg(r.side), full, 0.0);
        const glm::ivec2 got = place_mesh(*r.v, r.muscle, r.side, fr.legs.leg(r.side), drawn, kPxPerM);
        std::size_t k = 0;
        for (std::size_t j = 1; j < r.meshes.size(); ++j)
          if (r.meshes[j]->size() == static_cast<std::size_t>(got.y)) k = j;
        ++samples;
        triangles += got.y / 3;
        if (k > 0) ++levels_drawn;
        for (const auto& e : r.flat[0])
          if (glm::dot(tri_normal(full, *r.meshes[0], e[0]), tri_normal(full, *r.meshes[0], e[1])) < 0.0) ++r.full_creases;
        for (const auto& e : r.flat[k])
          if (glm::dot(tri_normal(drawn, *r.meshes[k], e[0]), tri_normal(drawn, *r.meshes[k], e[1])) < 0.0) ++r.drawn_creases;
        r.full_edges += static_cast<long>(r.flat[0].size());
        r.drawn_edges += static_cast<long>(r.flat[k].size());
      }
    }
  }
  long full = 0, drawn = 0, full_edges = 0, drawn_edges = 0;
  for (const Muscle& r : muscles) {
    full += r.full_creases;
    drawn += r.drawn_creases;
    full_edges += r.full_edges;
    drawn_edges += r.drawn_edges;
    if (r.full_creases + r.drawn_creases > 20)
      std::printf("  %-12s creases on the full mesh %5ld (%.4f of its flat edge-samples), on the level drawn %5ld (%.4f)\n", r.v->name.c_str(),
                  r.full_creases, static_cast<double>(r.full_creases) / std::max(r.full_edges, 1L), r.drawn_creases,
                  static_cast<double>(r.drawn_creases) / std::max(r.drawn_edges, 1L));
  }
  const double full_rate = static_cast<double>(full) / std::max(full_edges, 1L), drawn_rate = static_cast<double>(drawn) / std::max(drawn_edges, 1L);
  std::printf("muscle volumes in deep hip flexion at %.0f px/m: %.0f triangles drawn a frame\n", kPxPerM, triangles / 150.0);
  std::printf("muscle volumes in deep hip flexion at %.0f px/m: a level drawn in %ld of %ld volume-samples; creases on the full mesh %ld (%.5f "
              "of flat edge-samples), on the level drawn %ld (%.5f, %.1fx)\n",
              kPxPerM, levels_drawn, samples, full, full_rate, drawn, drawn_rate, drawn_rate / std::max(full_rate, 1e-12));
  CHECK(levels_drawn > samples / 2);  // the levels are in use at this scale, or the count says nothing
  // Measured (hcrumple, main at d506732): full mesh 4734 creases (0.00036 of flat edge-samples;
  // semitendinosus and gracilis some 900-1100 a side, gluteus maximus 1-2 100-220), levels drawn
  // 3936 (0.00218, 6.1x). Tightened (hwrap4) to 4100 / 3500: gluteus maximus 1 and 2 over femur
  // cylinders across the trochanter (anatomy/muscle_wrap.cpp); measured 4049 (0.00031) and 3465
  // (0.00192, 6.2x). LOOSENED (hwrap5) to 3650 on the levels drawn: gluteus maximus 1 over a femur
  // cylinder across the trochanter tilted 22.5 deg (anatomy/muscle_wrap.cpp; its path out of the
  // hip bone behind the acetabulum, drills 2,045 -> 0 samples): its drawn levels fold more where
  // the path turns further back in deep flexion, glut_max1_r 65 -> 107, glut_max1_l 94 -> 213;
  // all levels drawn 3465 -> 3626 (0.00192 -> 0.00201), the full mesh 4049 -> 4050. Of the other
  // cylinders that clear the drills nearly as well, (0, -0.025, 0.045) r 40 mm: 161 samples left,
  // 3587; (0, -0.025, 0.040) r 42.5 mm: 162, 3687; tilted 20 deg, (0.0025, -0.0225, 0.0425) r
  // 42.5 mm: 161, 3731.
  CHECK(full <= 4100);
  CHECK(drawn <= 3650);
  CHECK(drawn_rate <= 0.0023);
}

// Issue 11, section 4 ("stays whole and smooth") as the scene draws the volumes, after the push out
// of bone (scene/muscle_volume.h push_out_of_bones), which the cases above leave out: in the
// drills that hold the hip at 90 degrees or more of flexion with the knee bent (the 90/90 switch,
// the seated band, the supine and the 90/90 PAILs/RAILs), 30 times of each, both legs, every
// volume's full mesh, counted: edges whose two triangles met nearly flat at the bind pose (under 30
// degrees) and now fold past 90 degrees (a crease: a flake sticking out), and triangle-samples whose
// area left 0.2..3x of rest. This is the "crumpled wrapper" round the flexed hip: with the push
// vertex by vertex, the bellies' sides that the femur and ilium turn into were flattened on the bone
// in a sheet, creased at its rim.
TEST_CASE("muscle volumes: as drawn and pushed out of bone in deep hip flexion: creases and triangles past 0.2..3x (printed)") {
  const Model& m = body();
  const DrillFolder f = load_drill_folder(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills");
  const std::vector<std::string> drills = {"ninety_ninety_hip_switch", "seated_band_internal_rotation", "ir_pails_rails_supine",
                                           "ir_pails_rails_9090"};
  NodeTransforms pose = NodeTransforms::bind(m);
  auto tri = [](const DynamicMesh& dm, int first, int t) {
    const glm::dvec3 a(dm.vertices[dm.indices[static_cast<std::size_t>(first + 3 * t)]].position),
        b(dm.vertices[dm.indices[static_cast<std::size_t>(first + 3 * t + 1)]].position),
        c(dm.vertices[dm.indices[static_cast<std::size_t>(first + 3 * t + 2)]].position);
    const glm::dvec3 n = glm::cross(b - a, c - a);
    const double l = glm::length(n);
    return std::make_pair(l > 1e-15 ? n / l : glm::dvec3(0.0), 0.5 * l);
  };
  struct Muscle {
    int index_count = 0;
    std::vector<std::array<int, 2>> flat;  // triangle pairs sharing an edge, flat at rest
    std::vector<double> area;
    long creases = 0, past = 0;
  };
  std::map<std::uint32_t, Muscle> muscles;  // by pick id
  {
    DrawList out;
    add_body_to_scene(m, ModelHandle{}, BodyPoseInput{{}, {}, bind_pelvis_world(m)}, BodySceneOptions{}, pose, out);
    for (const MeshDraw& d : out.meshes) {
      if (d.dynamic_mesh < 0 || d.pick_id < kMusclePickBase) continue;
      const DynamicMesh& dm = out.dynamic_meshes[static_cast<std::size_t>(d.dynamic_mesh)];
      Muscle r;
      r.index_count = d.index_count;
      std::map<std::pair<std::uint32_t, std::uint32_t>, int> first;
      for (int t = 0; 3 * t < d.index_count; ++t) {
        r.area.push_back(tri(dm, d.first_index, t).second);
        for (int e = 0; e < 3; ++e) {
          std::uint32_t a = dm.indices[static_cast<std::size_t>(d.first_index + 3 * t + e)],
                        b = dm.indices[static_cast<std::size_t>(d.first_index + 3 * t + (e + 1) % 3)];
          if (a > b) std::swap(a, b);
          const auto it = first.find({a, b});
          if (it == first.end()) first[{a, b}] = t;
          else if (glm::dot(tri(dm, d.first_index, it->second).first, tri(dm, d.first_index, t).first) > std::cos(glm::radians(30.0)))
            r.flat.push_back({it->second, t});
        }
      }
      muscles[d.pick_id] = std::move(r);
    }
  }
  REQUIRE(muscles.size() >= 80);
  for (const std::string& id : drills) {
    const auto d = std::find_if(f.drills.begin(), f.drills.end(), [&](const motion::Drill& x) { return x.id == id; });
    REQUIRE(d != f.drills.end());
    auto tl = motion::Timeline::build(*d, anatomy::Side::kRight);
    REQUIRE(tl.ok());
    for (int i = 0; i < 30; ++i) {
      const motion::DrillFrame fr = tl->evaluate(tl->duration() * i / 29.0);
      DrawList out;
      add_body_to_scene(m, ModelHandle{}, BodyPoseInput{fr.legs, fr.upper, fr.pelvis_world}, BodySceneOptions{}, pose, out);
      for (const MeshDraw& dr : out.meshes) {
        if (dr.dynamic_mesh < 0 || dr.pick_id < kMusclePickBase) continue;
        Muscle& r = muscles[dr.pick_id];
        REQUIRE(r.index_count == dr.index_count);
        const DynamicMesh& dm = out.dynamic_meshes[static_cast<std::size_t>(dr.dynamic_mesh)];
        for (const auto& e : r.flat)
          if (glm::dot(tri(dm, dr.first_index, e[0]).first, tri(dm, dr.first_index, e[1]).first) < 0.0) ++r.creases;
        for (int t = 0; 3 * t < dr.index_count; ++t) {
          if (r.area[static_cast<std::size_t>(t)] <= 1e-12) continue;
          const double a = tri(dm, dr.first_index, t).second / r.area[static_cast<std::size_t>(t)];
          r.past += a < 0.2 || a > 3.0;
        }
      }
    }
  }
  long creases = 0, past = 0;
  for (const auto& [id, r] : muscles) {
    creases += r.creases;
    past += r.past;
    if (r.creases + r.past > 600)
      std::printf("  %-14s creases %5ld  triangle-samples past 0.2..3x %5ld\n",
                  anatomy::muscle_name(static_cast<int>((id - kMusclePickBase) % 100), id - kMusclePickBase >= 100 ? anatomy::Side::kLeft : anatomy::Side::kRight).c_str(),
                  r.creases, r.past);
  }
  std::printf("muscle volumes as drawn in deep hip flexion (pushed out of bone): %ld creases past 90 deg, %ld triangle-samples past 0.2..3x\n",
              creases, past);
  // Measured (hhip): the push vertex by vertex 28,451 creases and 31,792 triangle-samples past
  // 0.2..3x (not pushed at all: 2,259 and 3,349); with each section's deep pushes (2 mm and more)
  // shared as a smoothed common shift, the rest carried two rings and Newton's step on a slope of
  // at least 0.5: 13,162 and 15,406. Later 12,820 and 15,152; with the split muscles' parts on
  // frames sharing their neighbours' motion (hglut4, scene/body_scene.cpp kPartShare): 11,978 and
  // 13,987 (rows: + 0.1%). With hwrap13's hamstring surfaces (biceps femoris long head over a femur
  // shaft cylinder, semitendinosus behind the lesser trochanter) and hskin12's skin weights: 11,966
  // and 14,074 (past LOOSENED 14,001 -> 14,088: the hamstrings' paths, and so their volumes, move at
  // the deep-flexion corners where they had cut the femur). 11,866 and 14,000 on main at hwrap14;
  // with the soft tissue's turn weighted per muscle (hglut7, scene/muscle_volume.cpp kSoftWeights:
  // gluteus medius 0.2, minimus 0.3, piriformis 0, adductor magnus 0.3, brevis 0.6, the rest 0.5):
  // 9,966 and 13,112; with gluteus maximus 1 at 0.6, medius 1 and 3 at 0, adductor magnus 3 at 0.5:
  // 9,619 and 12,652, but 136 vertex-samples inside another muscle at the anatomical pose (98) and
  // every drill's poke-through row up: there the path's frames alone put the gluteals up to 11 mm
  // off their packed places. So the muscles' own weights only as the femur turns past 0.5 rad (all
  // by 1.2): 10,024 and 12,765.
  CHECK(creases <= 10024);
  CHECK(past <= 12765);
}

// Issue 11, section 4 ("stays out of bone") as a view draws the volumes: at the scale the view
// gives (BodySceneOptions::muscle_px_per_m = the framed camera's pixels_per_metre, as
// app/headless.cpp and the window set it), the scene draws a level of detail whose vertices are a
// few of the full mesh's (gluteus maximus 3 from behind at 1280x720: 33 of 502). The push out of
// bone moves vertices only, so a bone can come through the big triangles between them: the hole
// over the ischial tuberosity in the flexed buttock (standing cable, right hip and knee at 90
// degrees, seen from behind without the skin). Counted: points on a 2 mm grid over every drawn
// muscle triangle that lie a millimetre or more inside a bone of its own leg, the pelvis or the
// spine (the cells of the test above), at the view's scale and with the full meshes (scale 0:
// what the push itself leaves).
TEST_CASE("muscle volumes: the level drawn at a view's scale stays out of bone between its vertices (printed)") {
  static Model m = body();  // a copy with the levels made at load, as the app's display preparation makes them
  if (!m.muscle_volumes.empty() && m.muscle_volumes[0].levels.empty()) build_lods(m);
  const DrillFolder f = load_drill_folder(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills");
  const BoneSet bone_cells = bone_set(m);
  auto frame_of = [&](const std::string& id, double time, bool ninety_ninety) {
    const auto d = std::find_if(f.drills.begin(), f.drills.end(), [&](const motion::Drill& x) { return x.id == id; });
    REQUIRE(d != f.drills.end());
    auto tl = motion::Timeline::build(*d, anatomy::Side::kRight);
    REQUIRE(tl.ok());
    motion::DrillFrame fr = tl->evaluate(time < 0.0 ? tl->duration() * -time : time);
    if (ninety_ninety) {  // as `render --pose hip_flexion_r=90,knee_r=90` (app/cmd_drill_moment.cpp)
      fr.channels[motion::Channel::kHipFlexionR] = glm::radians(90.0);
      fr.channels[motion::Channel::kKneeR] = glm::radians(90.0);
      fr.legs = motion::leg_pose(fr.channels);
      fr.upper = motion::upper_body_pose(fr.channels);
      fr.pelvis_world = motion::pelvis_placement(fr.posture, fr.channels);
    }
    return BodyPoseInput{fr.legs, fr.upper, fr.pelvis_world};
  };
  struct Result {
    long in_bone = 0, points = 0, triangles = 0;
  };
  // Points on the drawn muscle triangles inside a bone, as the scene draws them at `px_per_m`.
  auto count = [&](const BodyPoseInput& input, double px_per_m, std::map<std::string, long>* by_muscle) {
    BodySceneOptions o;
    o.muscle_px_per_m = static_cast<float>(px_per_m);
    NodeTransforms pose = NodeTransforms::bind(m);
    DrawList out;
    add_body_to_scene(m, ModelHandle{}, input, o, pose, out);
    const std::array<std::vector<PosedBone>, 2> bones = posed_bones(m, out, bone_cells);
    Result r;
    constexpr float kStep = 0.002f;  // m between the points on a triangle
    for (const MeshDraw& d : out.meshes) {
      if (d.dynamic_mesh < 0 || d.pick_id < kMusclePickBase) continue;
      const DynamicMesh& dm = out.dynamic_meshes[static_cast<std::size_t>(d.dynamic_mesh)];
      const std::size_t side = d.pick_id - kMusclePickBase >= 100 ? 1 : 0;
      long in = 0;
      for (int t = 0; 3 * t + 2 < d.index_count; ++t) {
        const glm::vec3 a = dm.vertices[dm.indices[static_cast<std::size_t>(d.first_index + 3 * t)]].position,
                        b = dm.vertices[dm.indices[static_cast<std::size_t>(d.first_index + 3 * t + 1)]].position,
                        c = dm.vertices[dm.indices[static_cast<std::size_t>(d.first_index + 3 * t + 2)]].position;
        ++r.triangles;
        const glm::vec3 lo = glm::min(a, glm::min(b, c)), hi = glm::max(a, glm::max(b, c));
        std::vector<const PosedBone*> near;
        for (const PosedBone& pb : bones[side])
          if (!glm::any(glm::lessThan(hi, pb.lo)) && !glm::any(glm::greaterThan(lo, pb.hi))) near.push_back(&pb);
        const float edge = std::max({glm::length(b - a), glm::length(c - b), glm::length(a - c)});
        const int n = std::max(1, static_cast<int>(std::ceil(edge / kStep)));
        for (int i = 0; i <= n; ++i)
          for (int j = 0; i + j <= n; ++j) {
            ++r.points;
            if (near.empty()) continue;
            const glm::vec3 x = a + (static_cast<float>(i) / n) * (b - a) + (static_cast<float>(j) / n) * (c - a);
            for (const PosedBone* pb : near) {
              if (glm::any(glm::lessThan(x, pb->lo)) || glm::any(glm::greaterThan(x, pb->hi))) continue;
              if (pb->grid->inside(glm::vec3(pb->inv * glm::vec4(x, 1.0f)))) {
                ++in;
                break;
              }
            }
          }
      }
      r.in_bone += in;
      if (by_muscle && in > 0)
        (*by_muscle)[anatomy::muscle_name(static_cast<int>((d.pick_id - kMusclePickBase) % 100), side ? anatomy::Side::kLeft : anatomy::Side::kRight)] += in;
    }
    return r;
  };
  // The view's scale, as the headless render frames it (app/headless.cpp: frame_focus on the posed body).
  auto scale_of = [&](const BodyPoseInput& input, ViewPreset view, int w, int h) {
    NodeTransforms pose = NodeTransforms::bind(m);
    DrawList out;
    BodySceneOptions o;
    o.show_muscles = false;
    add_body_to_scene(m, ModelHandle{}, input, o, pose, out);
    OrbitCamera cam;
    cam.set_preset(view);
    frame_focus(cam, m, pose, static_cast<float>(w) / static_cast<float>(h));
    return static_cast<double>(cam.pixels_per_metre(static_cast<float>(h)));
  };
  struct Case {
    const char* what;
    std::string drill;
    ViewPreset view;
    int w, h, frames;
    bool ninety_ninety;
  };
  const std::vector<Case> cases = {
      {"standing cable, right hip and knee 90, from behind, 1280x720", "standing_cable_internal_rotation", ViewPreset::kBack, 1280, 720, 1, true},
      {"standing cable, right hip and knee 90, from behind, 1920x1080", "standing_cable_internal_rotation", ViewPreset::kBack, 1920, 1080, 1, true},
      {"90/90 hip switch, 12 times, from behind, 1280x720", "ninety_ninety_hip_switch", ViewPreset::kBack, 1280, 720, 12, false},
      {"90/90 hip switch, 12 times, from the front, 1280x720", "ninety_ninety_hip_switch", ViewPreset::kFront, 1280, 720, 12, false},
  };
  long drawn_total = 0, full_total = 0;
  std::map<std::string, long> by_muscle;
  for (const Case& c : cases) {
    Result drawn, full;
    double px = 0.0;
    for (int i = 0; i < c.frames; ++i) {
      const BodyPoseInput input = frame_of(c.drill, c.frames > 1 ? -static_cast<double>(i) / (c.frames - 1) : 0.0, c.ninety_ninety);
      px = scale_of(input, c.view, c.w, c.h);
      const Result a = count(input, px, &by_muscle), b = count(input, 0.0, nullptr);
      drawn.in_bone += a.in_bone, drawn.points += a.points, drawn.triangles += a.triangles;
      full.in_bone += b.in_bone, full.points += b.points, full.triangles += b.triangles;
    }
    if (&c == &cases[0]) CHECK(drawn.in_bone <= 32000);  // the hole over the ischial tuberosity: 31,978 (hlod)
    std::printf("  %s (%.0f px/m): drawn %ld of %ld points inside a bone (%ld triangles a frame); full meshes %ld of %ld (%ld)\n", c.what, px,
                drawn.in_bone, drawn.points, drawn.triangles / c.frames, full.in_bone, full.points, full.triangles / c.frames);
    drawn_total += drawn.in_bone;
    full_total += full.in_bone;
  }
  std::vector<std::pair<long, std::string>> ranked;
  for (const auto& [name, n] : by_muscle) ranked.emplace_back(n, name);
  std::sort(ranked.rbegin(), ranked.rend());
  for (std::size_t i = 0; i < ranked.size() && i < 8; ++i) std::printf("    %-14s %ld points inside a bone as drawn\n", ranked[i].second.c_str(), ranked[i].first);
  std::printf("muscle volumes at the view's scale: %ld points on the drawn triangles inside a bone; %ld with the full meshes\n", drawn_total,
              full_total);
  // Measured (hlod, main at e82da67): drawn 31,978 / 21,387 / 586,327 / 580,819 (the cases in order;
  // 1,220,511 in all, 1.73x the full meshes' 704,124; 9,522 and 15,347 triangles a frame at
  // 1280x720): the scene pushes only the level's vertices out of bone. A ratchet at that (not met:
  // the full meshes' figure is what the push itself leaves). After hwrap11's femur spheres for
  // quadratus femoris and adductor magnus 3 (their paths out of the lesser trochanter): 31,987 /
  // 21,396 / 575,548 / 570,040 = 1,198,971 (full meshes 694,206). Tried and not merged: reading the
  // coarse triangles against the bone (hlod, 390,562, +29 ms a frame) or against points on the
  // bones' surfaces (hlod2, 446,247, +5-10 ms a frame), both far over the frame's budget. With the
  // split muscles' parts on frames sharing their neighbours' motion (hglut4): 1,106,417 (full
  // meshes 678,704). With hwrap13's hamstring surfaces: 1,108,431 (LOOSENED 1,107,000 -> 1,109,600:
  // biceps femoris long head's volume moves with its path; full meshes 678,704 -> 676,818, lower).
  CHECK(drawn_total <= 1109600);
  CHECK(drawn_total <= full_total * 1.75);
}

// blend_part_frames (scene/muscle_volume.h): a part's frames carried by its neighbours' motion. Two
// parts side by side 3 cm apart along x (m); each posed frame is its bind frame moved rigidly.
TEST_CASE("muscle volumes: a split muscle's part takes its neighbours' motion by its share, and its own where they move alike") {
  constexpr auto K = static_cast<std::size_t>(anatomy::PathCurve::kStations);
  MuscleVolume own, nb;
  for (MuscleVolume* v : {&own, &nb}) {
    v->rest_station.resize(K);
    v->rest_station_tangent.assign(K, glm::vec3(0, -1, 0));
    v->rest_station_normal.assign(K, glm::vec3(0, 0, 1));
  }
  for (std::size_t s = 0; s < K; ++s) {
    own.rest_station[s] = glm::vec3(0.0f, 0.9f - 0.01f * static_cast<float>(s), 0.0f);
    nb.rest_station[s] = own.rest_station[s] + glm::vec3(0.03f, 0.0f, 0.0f);
  }
  // A rigid motion: 90 deg about +x (y -> z, z -> -y), then moved by `by`.
  auto moved = [&](const MuscleVolume& v, const glm::vec3& by) {
    anatomy::StationFrames f;
    const auto turn = [](const glm::vec3& x) { return glm::vec3(x.x, -x.z, x.y); };
    for (std::size_t s = 0; s < K; ++s) {
      f.pos[s] = turn(v.rest_station[s]) + by;
      f.tangent[s] = turn(v.rest_station_tangent[s]);
      f.normal[s] = turn(v.rest_station_normal[s]);
      f.binormal[s] = glm::cross(f.tangent[s], f.normal[s]);
    }
    return f;
  };
  const anatomy::StationFrames own_posed = moved(own, glm::vec3(0.1f, 0.0f, 0.0f));
  auto near = [](const glm::vec3& a, const glm::vec3& b) { return glm::length(a - b) < 1e-5f; };
  anatomy::StationFrames out;
  {
    const anatomy::StationFrames nb_posed = moved(nb, glm::vec3(0.1f, 0.0f, 0.0f));  // the same motion
    const PartFrames n{&nb, &nb_posed, 0.25f};
    REQUIRE(blend_part_frames(PartFrames{&own, &own_posed, 0.0f}, std::span<const PartFrames>(&n, 1), out));
    for (std::size_t s = 0; s < K; ++s) {
      CHECK(near(out.pos[s], own_posed.pos[s]));
      CHECK(near(out.tangent[s], own_posed.tangent[s]));
      CHECK(near(out.normal[s], own_posed.normal[s]));
      CHECK(near(out.binormal[s], own_posed.binormal[s]));
    }
  }
  {
    const anatomy::StationFrames nb_posed = moved(nb, glm::vec3(0.1f, 0.04f, 0.0f));  // moved 4 cm further
    const PartFrames n{&nb, &nb_posed, 0.25f};
    REQUIRE(blend_part_frames(PartFrames{&own, &own_posed, 0.0f}, std::span<const PartFrames>(&n, 1), out));
    for (std::size_t s = 0; s < K; ++s) {
      CHECK(near(out.pos[s], own_posed.pos[s] + glm::vec3(0.0f, 0.01f, 0.0f)));  // a quarter of it
      CHECK(near(out.tangent[s], own_posed.tangent[s]));
    }
  }
  MuscleVolume bare;  // no bind-pose frames: refused, out untouched
  const PartFrames n{&nb, &own_posed, 0.25f};
  CHECK_FALSE(blend_part_frames(PartFrames{&bare, &own_posed, 0.0f}, std::span<const PartFrames>(&n, 1), out));
}
