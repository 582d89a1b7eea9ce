// muscle_wrap_bone_test.cpp — issue 11, section 2 ("No muscle path passes through bone in any pose
// the app can reach"): the wrapped muscle paths of anatomy/muscle_path.h (straight segments between
// the active points and the arcs over the wrap surfaces of anatomy/muscle_wrap.h) against the bone
// meshes of the shipped model, posed as the scene poses them, over
//   - a grid of combinations: hip flexion x adduction x rotation x knee flexion x ankle over the
//     hands-on sliders' ranges (motion/rom_limits.h), not one slider at a time, and
//   - 100 frames of every built-in drill (both legs).
// Tolerance: a path point counts as through bone when the 1 mm cell it lies in and every cell
// within 2 cells of it (6-neighbour steps, an octahedron of 2 mm "radius") are inside the bone
// mesh: so about 2 mm or more under the bone's surface. That over-counts (an octahedron fits where
// a 2 mm ball may not), never under-counts. Points within 6 mm of a Gait2392 path point are not
// tested: the attachments sit on (or, by up to a few mm, in) HipLab's bones, which are Gait2392's
// bone meshes reshaped, and the muscle has to start there. Samples every 1 mm along each segment
// and arc. Counts are printed and guarded so a change can only improve them.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vector_relational.hpp>

#include "anatomy/muscle_path.h"
#include "anatomy/muscle_wrap.h"
#include "assets/drill_loader.h"
#include "assets/model_loader.h"
#include "motion/rom_limits.h"
#include "motion/timeline.h"
#include "scene/body_pose.h"
#include "scene/body_scene.h"
#include "scene/shipped_body.h"
#include "scene/test_bone_cells.h"

using namespace hiplab;

namespace {

using test::body;

// A bone mesh (its own frame) as 1 mm cells, "deep" after two erosions (~2 mm under the surface).
using DeepGrid = test::BoneCells;
DeepGrid deep_grid(const Mesh& m) { return test::bone_cells(m, 2); }

// Bones a right-leg path may not pass through: its own leg's, the right hip bone and the sacrum.
bool right_leg_bone(const std::string& name) {
  return name == "sacrum" || (name.size() > 2 && name.substr(name.size() - 2) == "_r");
}

struct Finding {
  int points = 0;        // path samples through bone
  int poses = 0;         // poses with at least one
  std::string where;     // the first such pose and bone
};

// The quadriceps' line runs through the patella, which sits in their tendon: not bone in their way.
bool passes_patella(int muscle) {
  const std::string_view n = anatomy::muscle(muscle).name;
  return n == "rect_fem" || n == "vas_med" || n == "vas_int" || n == "vas_lat";
}

class BoneChecker {
 public:
  BoneChecker() : model_(body()), pose_(NodeTransforms::bind(model_)), pelvis_world_(bind_pelvis_world(model_)) {
    for (std::size_t i = 0; i < model_.meshes.size(); ++i) {
      const Mesh& mesh = model_.meshes[i];
      if (mesh.name.rfind("skin", 0) == 0 || !mesh.joint_nodes.empty() || mesh.indices.empty()) continue;
      if (!right_leg_bone(mesh.name)) continue;
      grids_.emplace(static_cast<int>(i), deep_grid(mesh));
    }
    REQUIRE(grids_.size() <= kMaxBones);
  }
  // Poses the right leg's bones as the scene draws them at `legs`: pose_body_model, which
  // add_body_to_scene poses the model with, and each bone mesh drawn at its node's world transform
  // (scene/model_scene.cpp), in the model's mesh order.
  void pose(const anatomy::LegAngles& legs) {
    pose_body_model(model_, BodyPoseInput{legs, {}, pelvis_world_}, pose_);
    bones_.clear();
    names_.clear();
    for (const auto& [mesh, grid] : grids_) {
      const Mesh& m = model_.meshes[static_cast<std::size_t>(mesh)];
      const glm::mat4 node_world = m.node >= 0 ? pose_.world[static_cast<std::size_t>(m.node)] : glm::mat4(1.0f);
      Posed b{glm::mat4(glm::inverse(glm::dmat4(node_world)) * pelvis_world_), &grid, glm::vec3(0.0f), glm::vec3(0.0f),
              m.name.rfind("patella", 0) == 0};
      // The pelvis-frame box of the bone's deep cells, 1 mm wider than the float arithmetic needs:
      // a sample outside it cannot be in them (the placement is rigid).
      const glm::mat4 from_bone = glm::mat4(glm::inverse(glm::dmat4(b.to_bone)));
      b.lo = glm::vec3(1e9f), b.hi = glm::vec3(-1e9f);
      for (int c = 0; c < 8; ++c) {
        const glm::vec3 corner((c & 1) ? grid.deep_hi.x : grid.deep_lo.x, (c & 2) ? grid.deep_hi.y : grid.deep_lo.y,
                               (c & 4) ? grid.deep_hi.z : grid.deep_lo.z);
        const glm::vec3 q(from_bone * glm::vec4(corner, 1.0f));
        b.lo = glm::min(b.lo, q), b.hi = glm::max(b.hi, q);
      }
      b.lo -= glm::vec3(0.001f), b.hi += glm::vec3(0.001f);
      bones_.push_back(b);
      names_.push_back(m.name);
    }
  }
  // Samples of the polyline `pts` (pelvis frame of the right leg) through a posed bone, skipping
  // those within 6 mm of an attachment in `anchors`; `bone` gets the first bone's name. Each
  // segment's samples are tested against the bones whose box its own box meets (in order).
  int through(int muscle, std::span<const glm::dvec3> pts, std::span<const glm::dvec3> anchors, std::string* bone = nullptr) const {
    int hits = 0;
    const bool patella_ok = passes_patella(muscle);
    std::array<std::size_t, kMaxBones> near_bones{};
    for (std::size_t k = 0; k + 1 < pts.size(); ++k) {
      const glm::dvec3 a = pts[k], b = pts[k + 1];
      const glm::vec3 slo(glm::min(a, b)), shi(glm::max(a, b));
      std::size_t near_count = 0;
      for (std::size_t j = 0; j < bones_.size(); ++j) {
        const Posed& pb = bones_[j];
        if (patella_ok && pb.patella) continue;
        if (glm::any(glm::lessThan(shi, pb.lo)) || glm::any(glm::greaterThan(slo, pb.hi))) continue;
        near_bones[near_count++] = j;
      }
      if (near_count == 0) continue;
      const int n = std::max(1, static_cast<int>(glm::length(b - a) / 0.001));
      for (int i = (k == 0 ? 0 : 1); i <= n; ++i) {
        const glm::dvec3 x = a + (b - a) * (static_cast<double>(i) / n);
        bool near = false;
        for (const glm::dvec3& q : anchors) near = near || glm::length(x - q) < 0.006;
        if (near) continue;
        const glm::vec3 xf(x);
        const glm::vec4 xv(xf, 1.0f);
        for (std::size_t nb = 0; nb < near_count; ++nb) {
          const std::size_t j = near_bones[nb];
          if (glm::any(glm::lessThan(xf, bones_[j].lo)) || glm::any(glm::greaterThan(xf, bones_[j].hi))) continue;
          if (bones_[j].grid->inside(glm::vec3(bones_[j].to_bone * xv))) {
            if (hits++ == 0 && bone) *bone = names_[j];
            break;
          }
        }
      }
    }
    return hits;
  }
  // The posed bone (index into the last pose's bones) `x` (pelvis frame) is deep inside, or -1.
  int bone_at(int muscle, const glm::dvec3& x) const {
    const glm::vec4 xv(glm::vec3(x), 1.0f);
    for (std::size_t j = 0; j < bones_.size(); ++j) {
      if (bones_[j].patella && passes_patella(muscle)) continue;
      if (bones_[j].grid->inside(glm::vec3(bones_[j].to_bone * xv))) return static_cast<int>(j);
    }
    return -1;
  }
  const std::string& bone_name(int j) const { return names_[static_cast<std::size_t>(j)]; }
  // The last pose's bone named `name`: pelvis frame -> its mesh frame, or nullptr.
  const glm::mat4* to_bone(const std::string& name) const {
    for (std::size_t j = 0; j < bones_.size(); ++j)
      if (names_[j] == name) return &bones_[j].to_bone;
    return nullptr;
  }
  const Mesh* mesh_named(const std::string& name) const {
    for (const Mesh& m : model_.meshes)
      if (m.name == name) return &m;
    return nullptr;
  }
  // Checks every right-leg muscle path at `legs` (the right leg's pose); adds to `found`.
  void check(const anatomy::LegAngles& legs, const std::string& label, std::map<int, Finding>& found, anatomy::Wrapping wrapping) {
    pose(legs);
    const anatomy::LegPose& leg = legs.leg(anatomy::Side::kRight);
    const anatomy::LegKinematics kin = anatomy::leg_kinematics(leg);
    for (int m = 0; m < anatomy::kMuscleCount; ++m) {
      anatomy::MusclePath p;
      anatomy::evaluate_muscle_path(m, leg, kin, anatomy::Side::kRight, p, wrapping);
      std::string bone;
      const int hits = through(m, std::span<const glm::dvec3>(p.drawn.data(), static_cast<std::size_t>(p.drawn_count)),
                               std::span<const glm::dvec3>(p.point.data(), static_cast<std::size_t>(p.count)), &bone);
      if (hits > 0) {
        Finding& f = found[m];
        if (f.poses++ == 0) f.where = label + " (" + bone + ")";
        f.points += hits;
      }
    }
  }

 private:
  static constexpr std::size_t kMaxBones = 32;
  struct Posed {
    glm::mat4 to_bone;  // pelvis frame (right leg) -> the bone mesh's frame
    const DeepGrid* grid;
    glm::vec3 lo, hi;   // pelvis frame: a box round the deep cells
    bool patella;
  };
  const Model& model_;
  NodeTransforms pose_;
  glm::dmat4 pelvis_world_;
  std::map<int, DeepGrid> grids_;
  std::vector<Posed> bones_;
  std::vector<std::string> names_;
};

void print(const char* what, const std::map<int, Finding>& found, int poses) {
  for (const auto& [m, f] : found)
    std::printf("  %-10s %5d of %d poses, %6d samples through bone; first: %s\n", anatomy::muscle(m).name.data(), f.poses, poses,
                f.points, f.where.c_str());
  long total = 0;
  for (const auto& [m, f] : found) total += f.points;
  std::printf("%s: %zu of %d muscles pass through bone somewhere in %d poses (%ld path samples, 1 mm apart)\n", what, found.size(),
              anatomy::kMuscleCount, poses, total);
}

double deg(double d) { return d * 3.14159265358979323846 / 180.0; }

using Labelled = std::vector<std::pair<anatomy::LegAngles, std::string>>;

// Hip flexion x adduction x rotation x knee flexion x ankle over the hands-on sliders' ranges
// (motion/rom_limits.h: AAOS 1965), right leg.
Labelled grid_poses() {
  using anatomy::LegCoord;
  using motion::Channel;
  auto span = [](Channel c, int n) {
    const motion::RomLimit& l = motion::rom_limit(c);
    std::vector<double> v;
    for (int i = 0; i < n; ++i) v.push_back(l.min + (l.max - l.min) * i / (n - 1));
    return v;
  };
  Labelled out;
  for (double f : span(Channel::kHipFlexionR, 6))
    for (double a : span(Channel::kHipAdductionR, 4))
      for (double r : span(Channel::kHipRotationR, 4))
        for (double k : span(Channel::kKneeR, 5))
          for (double an : span(Channel::kAnkleR, 3)) {
            anatomy::LegAngles legs;
            anatomy::LegPose& q = legs.leg(anatomy::Side::kRight);
            q[LegCoord::kHipFlexion] = f;
            q[LegCoord::kHipAdduction] = a;
            q[LegCoord::kHipRotation] = r;
            q[LegCoord::kKneeFlexion] = k;
            q[LegCoord::kAnkle] = an;
            char label[96];
            std::snprintf(label, sizeof label, "flex %.0f add %.0f rot %.0f knee %.0f ankle %.0f", f / deg(1), a / deg(1),
                          r / deg(1), k / deg(1), an / deg(1));
            out.emplace_back(legs, label);
          }
  return out;
}

// 100 frames of every built-in drill, each leg as a right leg (the two legs' paths and bones are
// mirror images).
Labelled drill_poses() {
  const DrillFolder folder = load_drill_folder(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills");
  REQUIRE(!folder.drills.empty());
  Labelled out;
  for (const motion::Drill& drill : folder.drills) {
    auto tl = motion::Timeline::build(drill, anatomy::Side::kRight);
    REQUIRE(tl.ok());
    for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft})
      for (int i = 0; i < 100; ++i) {
        const double time = tl->duration() * i / 99.0;
        anatomy::LegAngles legs;
        legs.leg(anatomy::Side::kRight) = tl->evaluate(time).legs.leg(side);
        out.emplace_back(legs, drill.id + (side == anatomy::Side::kRight ? " right" : " left") + " t=" + std::to_string(time));
      }
  }
  return out;
}

std::map<int, Finding> check_all(const Labelled& poses, anatomy::Wrapping wrapping = anatomy::Wrapping::kOn) {
  static BoneChecker checker;
  std::map<int, Finding> found;
  for (const auto& [legs, label] : poses) checker.check(legs, label, found, wrapping);
  return found;
}

int total_points(const std::map<int, Finding>& found) {
  int n = 0;
  for (const auto& [m, f] : found) n += f.points;
  return n;
}

}  // namespace

// Reached (wrapped, points registered), against Gait2392's straight lines in the same poses: the
// guards below. Met over the drills (hwrap5: 0 samples in 100 frames of every built-in drill, both
// legs); not met over the slider grid: no path through bone anywhere. The attachments that sat inside HipLab's
// bones are registered to their surfaces (anatomy/point_registration.h) and the tendons of the
// shin and foot go over cylinders (anatomy/muscle_wrap.cpp), rectus femoris and vastus
// intermedius over the anterior bow of the femoral shaft and the hamstrings behind the femoral
// neck; the gluteus medius origins sit on the outer face of the iliac wing (registered through
// it), and gluteus medius 2, TFL and gluteus maximus 2 go round surfaces (two in sequence for
// gluteus medius 2 and maximus 2), vastus lateralis over the lateral condyle, semitendinosus
// over the ischium and sartorius over the anterior superior iliac spine; the gemelli over a 32.5 mm hip sphere then the
// lip of the trochanteric fossa (a cylinder along it, tilted from the shaft, hwrap5), gluteus
// maximus 1 and 2 over femur cylinders across the greater trochanter (hwrap4; gluteus maximus 1's
// axis tilted 22.5 deg from z since hwrap5; before: a hip sphere or ischium cylinder, then a
// sphere in the trochanter). What is left (the slider grid) is
// rectus femoris and the hamstrings in some slider combinations (semitendinosus through the
// femoral head at 120 deg of flexion with 45 of abduction), and the hip muscles whose surfaces do
// not yet stand in for the greater trochanter or the femoral neck they cross (the gemelli in the
// kneeling windmill's back hip and in hip extension, gluteus medius 1 in the 90/90 drills, gluteus
// maximus 1 and 2 in flexion, TFL under
// the anterior superior iliac spine; anatomy/muscle_wrap.cpp says why each).
TEST_CASE("wrapped muscle paths: a grid of hip flexion x adduction x rotation x knee x ankle finds them out of bone (printed)") {
  const Labelled poses = grid_poses();
  const std::map<int, Finding> straight = check_all(poses, anatomy::Wrapping::kOff);
  print("grid of combinations, Gait2392's straight lines", straight, static_cast<int>(poses.size()));
  const std::map<int, Finding> found = check_all(poses);
  print("grid of combinations, wrapped", found, static_cast<int>(poses.size()));
  CHECK(poses.size() == 6 * 4 * 4 * 5 * 3);
  CHECK(found.size() < straight.size());
  CHECK(total_points(found) < total_points(straight));
  // Reached with the hip spheres and the gastrocnemius cylinder (the quadriceps' cylinder and gluteus
  // maximus 3's sphere are not applied: anatomy/muscle_wrap.cpp says why): 36 of 43, 770,715
  // samples (straight: 39, 839,220); with Gait2392's points registered to HipLab's bones
  // (anatomy/point_registration.h) and the lower-leg cylinders: 28 of 43, 233,481; with the
  // off-centre surfaces of gluteus maximus 2 and 3 and gluteus medius 2: 28 of 43, 197,511
  // (gluteus maximus 3 20,745 -> 2,475, gluteus maximus 2 20,205 -> 13,170, gluteus medius 2
  // 18,255 -> 7,590); and sartorius over the femoral shaft: 186,036 (sartorius 19,785 -> 8,310);
  // and rectus femoris over the condyles: 180,576 (rectus femoris 51,423 -> 45,963); and rectus
  // femoris and vastus intermedius over the anterior bow of the femoral shaft: 27 of 43, 127,428
  // (rectus femoris 45,963 -> 8,367, vastus intermedius 15,552 -> 0); and the hamstrings behind
  // the femoral neck: 121,086 (biceps femoris long head 13,980 -> 8,484, semimembranosus 8,793 ->
  // 7,947); and the gluteus medius origins on the iliac wing's outer face, gluteus medius 2 over
  // the supra-acetabular ilium then its trochanter sphere, TFL over the iliac sphere, gluteus
  // maximus 2 over its ischium cylinder then a trochanter sphere: 104,556 (gluteus medius 1 7,395
  // -> 4,965, gluteus medius 2 7,590 -> 270, gluteus maximus 2 13,170 -> 8,220, TFL 3,795 -> 1,965);
  // and vastus lateralis over the lateral condyle and semitendinosus over the ischium: 26 of 43,
  // 96,489 (vastus lateralis 2,304 -> 0, semitendinosus 11,436 -> 5,673); and sartorius over the
  // anterior superior iliac spine: 95,514 (sartorius 8,310 -> 7,335); and the gemelli over a
  // 32.5 mm hip sphere then the trochanteric fossa cylinder: 95,289 (gemelli 6,870 -> 6,645); and
  // gluteus maximus 1 over its hip sphere then a trochanter sphere: 93,849 (9,690 -> 8,250); and
  // gluteus medius 1 over a sphere in the neck's base (h11t): 25 of 43, 88,884 (4,965 -> 0). And
  // the seated 90/90 switch's surfaces (hwrap: the hamstrings over spheres in the back of the
  // femoral head, adductor brevis over the superior pubic ramus, sartorius' iliac-spine sphere
  // refitted): 82,710 (semimembranosus 7,947 -> 5,238, biceps femoris long head 8,484 -> 7,374,
  // adductor brevis 4,995 -> 2,910, sartorius 7,335 -> 6,330). And (hwrap3) TFL's iliac sphere
  // refitted and vastus lateralis' condylar cylinder refitted: 82,560 (TFL 1,965 -> 1,815). And
  // (hwrap4) gluteus maximus 1 over one femur cylinder across the greater trochanter in place of
  // its hip sphere and trochanter sphere on its femoral stretch: 79,035 (8,250 -> 4,725); and
  // gluteus maximus 2 likewise, in place of its ischium cylinder and trochanter sphere there:
  // 75,300 (8,220 -> 4,485); its cylinder refitted finer (0.010 -> 0.0075 m forward): 74,025
  // (4,485 -> 3,210). And (hwrap5) gluteus maximus 1 over a femur cylinder across the trochanter
  // whose axis is tilted 22.5 deg from z (rising toward the hip as it goes medially) in place of
  // its z cylinder: 70,710 (4,725 -> 1,410); and the gemelli over a tilted fossa cylinder: 69,015
  // (6,645 -> 4,950). And (hwrap6) rectus femoris' anterior-bow sphere also on its stretch
  // straight to the tibia (knee < 84 deg), chained before its condylar cylinder: 63,744 (8,367 ->
  // 3,096); and semitendinosus over a femur sphere about the femoral head after its ischium
  // sphere: 60,969 (5,673 -> 2,898); and adductor longus over a femur cylinder at Rajagopal et al.
  // 2016's AL_at_femshaft_r, refitted: 24 of 43, 58,224 (2,745 -> 0); and gluteus minimus 1 over
  // a femur sphere in the neck's base: 57,174 (1,065 -> 15). And (hwrap7) sartorius' shaft
  // cylinder refitted with its axis tilted 12 deg back (so the anterior superior iliac spine stays
  // out of it in hip extension, where it let go): 55,149 (6,330 -> 4,305). And (hwrap8, chains of
  // N surfaces) sartorius over a 55 mm hip sphere between its iliac-spine sphere and its shaft
  // cylinder: 52,494 (4,305 -> 1,650). And (hwrap9) semimembranosus' posterior-neck sphere refitted
  // (its head sphere before it): 51,564 (5,238 -> 4,308); and biceps femoris long head's head sphere
  // refitted: 50,805 (7,374 -> 6,615). And (hwrap10) adductor brevis over an ischiopubic sphere
  // before its pubic one: 49,605 (3,645 -> 2,445); and biceps femoris long head over an ischium
  // sphere before its head and neck spheres: 48,783 (6,615 -> 5,793); and the gemelli's tilted
  // fossa cylinder refitted (r 5 -> 8.5 mm): 47,733 (4,950 -> 3,900). And (hwrap11) quadratus
  // femoris over a femur sphere behind the lesser trochanter: 46,968 (2,985 -> 2,220); and
  // adductor magnus 3 over a femur sphere behind the neck's base: 45,483 (3,090 -> 1,605). And
  // (hwrap12) adductor magnus 1 and 2 over that sphere, adductor magnus 1 then over a shaft
  // cylinder: 43,443 (2,040 -> 480, 1,365 -> 885). And (hwrap13) biceps femoris long head over a
  // shaft cylinder after its neck sphere: 42,498 (5,793 -> 4,848); and semitendinosus over a
  // sphere behind the lesser trochanter after its head sphere: 41,286 (2,898 -> 1,686). And
  // (hwrap14) adductor brevis' pubic sphere refitted, r 12 -> 22 mm: 40,341 (2,445 -> 1,500).
  // And (hwrap15) adductor magnus 3 over a pelvis sphere on the ischial ramus before its
  // lesser-trochanter sphere: 39,501 (1,605 -> 765); and quadratus femoris over a femur sphere
  // about the femoral head before its shaft sphere: 38,646 (2,220 -> 1,365). And (hwrap16) rectus
  // femoris over a pelvis sphere over the front of the hip joint before its anterior-bow sphere:
  // 37,743 (3,096 -> 2,193).
  CHECK(found.size() <= 24);
  CHECK(total_points(found) <= 37743);
}

TEST_CASE("wrapped muscle paths: 100 frames of every built-in drill, both legs, out of bone (printed)") {
  const Labelled poses = drill_poses();
  const std::map<int, Finding> straight = check_all(poses, anatomy::Wrapping::kOff);
  print("built-in drills, Gait2392's straight lines", straight, static_cast<int>(poses.size()));
  const std::map<int, Finding> found = check_all(poses);
  print("built-in drills, wrapped", found, static_cast<int>(poses.size()));
  CHECK(found.size() < straight.size());
  CHECK(total_points(found) < total_points(straight));
  // Reached: 25 of 43, 1,104,794 samples (straight: 29, 1,142,613); registered and with the
  // lower-leg cylinders: 13 of 43, 231,460; with the off-centre surfaces of gluteus maximus 2 and 3
  // and gluteus medius 2: 12 of 43, 202,485 (gluteus maximus 3 16,404 -> 0, gluteus medius 2
  // 19,173 -> 8,820, gluteus maximus 2 10,208 -> 7,990); and sartorius over the femoral shaft:
  // 185,751 (sartorius 17,610 -> 876); and rectus femoris over the condyles: 160,803 (rectus
  // femoris 72,918 -> 47,970); and rectus femoris and vastus intermedius over the anterior bow of
  // the femoral shaft: 10 of 43, 62,100 (rectus femoris 47,970 -> 0, vastus intermedius 50,733 -> 0);
  // and the hamstrings behind the femoral neck: 8 of 43, 42,556 (biceps femoris long head 12,185
  // -> 0, semimembranosus 7,359 -> 0); and the gluteus medius origins on the iliac wing's outer
  // face and the chained surfaces (as in the grid): 7 of 43, 20,195 (gluteus medius 2 8,820 -> 0,
  // gluteus medius 1 8,754 -> 6,270, gluteus maximus 2 7,990 -> 164, TFL 3,396 -> 165). The
  // half-kneeling windmill (issue 12) adds its poses: 8 of 43, 22,777 (semitendinosus 0 -> 656 at the front hip's
  // ischium, 72-75 deg of flexion with up to 25 of adduction; gemelli 6,160 -> 7,520, vastus
  // lateralis 462 -> 934, sartorius 876 -> 970), measured with the paths as they are. The windmill
  // re-posed (pelvis tucked 6 deg, not 15; front hip at 82 deg of flexion, 30 deg out, turned in to
  // 0 of adduction; back hip at most 29 deg of external rotation and 8 of extension): 7 of 43,
  // 22,327 (semitendinosus 656 -> 0, gemelli 7,520 -> 7,314, vastus lateralis 934 -> 780,
  // sartorius 970 -> 876). And vastus lateralis over the lateral condyle, semitendinosus over the
  // ischium and sartorius over the anterior superior iliac spine: 6 of 43, 20,673 (vastus
  // lateralis 780 -> 2, one sample in each of two frames of the windmill's back knee; sartorius
  // 876 -> 0; measured before the windmill was re-posed: 8 of 43, 22,777 -> 5, 20,217, with
  // semitendinosus 656 -> 0 and vastus lateralis 934 -> 0 there). And the gemelli over a 32.5 mm
  // hip sphere then the trochanteric fossa cylinder: 6 of 43, 14,119 (gemelli 7,314 -> 760, the
  // kneeling windmill's back hip); and gluteus maximus 1 over its hip sphere then a trochanter
  // sphere: 10,166 (gluteus maximus 1 6,410 -> 2,457). And gluteus medius 1 over a sphere in the
  // neck's base (applied h11t, once its volume followed the wrapped arc: anatomy/muscle_wrap.cpp):
  // 5 of 43, 3,896 (gluteus medius 1 6,270 -> 0).
  // LOOSENED to 9 of 43, 6,346 (session 29): the 90/90 hip switch now sits on the buttocks with the
  // back hip lifting first to 100+ deg of flexion (harms; it stood on its feet with the arms thrown
  // 240 deg in one frame): semimembranosus 839, long head of biceps 191, adductor brevis 131 and
  // sartorius 30 samples pass through the femur or hip bone from t = 4.04 s, poses the grid above
  // does not reach. Wrapping them there is open work (the closing note of session 29).
  // Tightened (hwrap) to 5 of 43, 5,155: semimembranosus and biceps femoris long head over a femur
  // sphere in the back of the femoral head before their neck spheres (839 -> 0, 191 -> 0), adductor
  // brevis over a sphere in the superior pubic ramus (131 -> 0) and sartorius' iliac-spine sphere
  // refitted (30 -> 0); anatomy/muscle_wrap.cpp. Left: gluteus maximus 1 3,529, 2 699, the gemelli
  // 760, TFL 165, vastus lateralis 2.
  // Tightened (hwrap3) to 3 of 43, 4,988: TFL's iliac sphere refitted (165 -> 0) and vastus
  // lateralis' condylar cylinder refitted smaller, nearer the chord of its condylar points (2 -> 0).
  // Left: gluteus maximus 1 3,529, the gemelli 760, gluteus maximus 2 699 (refits of gluteus
  // maximus 1's trochanter sphere tried: anatomy/muscle_wrap.cpp says why none is used).
  // Tightened (hwrap4) to 3 of 43, 3,504: gluteus maximus 1 over one femur cylinder across the
  // greater trochanter (axis z) in place of its hip sphere and trochanter sphere on its femoral
  // stretch (3,529 -> 2,045; what is left lies in the hip bone behind the acetabulum in the 90/90
  // drills, where the hip sphere was). And gluteus maximus 2 over one femur cylinder across the
  // trochanter in place of its ischium cylinder and trochanter sphere there: 3 of 43, 2,834
  // (699 -> 29: the kneeling windmill and two frames each of the 90/90 switch, femur (-30, -11,
  // 33) mm); its cylinder refitted finer over every drill frame: 2 of 43, 2,805 (29 -> 0). Left:
  // gluteus maximus 1 2,045, the gemelli 760.
  // Tightened (hwrap5) to 1 of 43, 760: gluteus maximus 1 over a femur cylinder across the
  // trochanter whose axis is tilted 22.5 deg from z (rising toward the hip medially: behind the
  // joint in the 90/90 front leg its path lies further back, off the posterior column of the hip
  // bone) in place of its z cylinder (2,045 -> 0). Left: the gemelli 760 (the kneeling windmill's
  // back hip; the refits tried are in the chained-surface fit below and anatomy/muscle_wrap.cpp).
  // And (hwrap5) the gemelli over a fossa cylinder whose axis is tilted back 40 deg and out 15 deg
  // from the shaft's (chained after their 32.5 mm hip sphere, as the fossa cylinder was): 0 of 43,
  // 0 (760 -> 0). No muscle path passes through bone in these frames.
  CHECK(found.empty());
  CHECK(total_points(found) == 0);
}

// How the hip spheres of anatomy/muscle_wrap.cpp were fitted (run with --no-skip): for each hip
// muscle, a sphere about the hip centre (fixed in the pelvis; the same surface seen from the femur,
// as the hip is a ball joint) of each radius from 20 mm in 2.5 mm steps up to 4 mm short of the
// nearest attachment; printed: the path samples through HipLab's bones over the grid and the drill
// frames for each, and the radius with the fewest.
TEST_CASE("wrapped muscle paths: fit of the hip spheres (printed)" * doctest::skip()) {
  static BoneChecker checker;
  Labelled poses = grid_poses();
  const Labelled drills = drill_poses();
  for (std::size_t i = 0; i < drills.size(); i += 2) poses.push_back(drills[i]);
  const glm::dvec3 hip = anatomy::kRightHipCentre;
  std::vector<std::vector<double>> radii(anatomy::kMuscleCount);
  std::vector<std::vector<long>> hits(anatomy::kMuscleCount);
  for (int m = 0; m < anatomy::kHipMuscleCount; ++m) {
    double nearest = 1.0;
    const anatomy::LegKinematics k0 = anatomy::leg_kinematics(anatomy::LegPose{});
    for (const anatomy::PathPointSpec& sp : anatomy::muscle(m).points)
      nearest = std::min(nearest, glm::length((sp.body == anatomy::PathBody::kPelvis ? sp.location : k0[anatomy::LegSegment::kFemur].apply(sp.location)) - hip));
    radii[static_cast<std::size_t>(m)].push_back(0.0);
    for (double r = 0.020; r <= nearest - 0.004; r += 0.0025) radii[static_cast<std::size_t>(m)].push_back(r);
    hits[static_cast<std::size_t>(m)].assign(radii[static_cast<std::size_t>(m)].size(), 0);
  }
  for (const auto& [legs, label] : poses) {
    checker.pose(legs);
    const anatomy::LegPose& leg = legs.leg(anatomy::Side::kRight);
    const anatomy::LegKinematics kin = anatomy::leg_kinematics(leg);
    for (int m = 0; m < anatomy::kHipMuscleCount; ++m) {
      anatomy::MusclePath p;
      anatomy::evaluate_muscle_path(m, leg, kin, anatomy::Side::kRight, p);
      const std::span<const glm::dvec3> anchors(p.point.data(), static_cast<std::size_t>(p.count));
      for (std::size_t ri = 0; ri < radii[static_cast<std::size_t>(m)].size(); ++ri) {
        const anatomy::WrapSurface sphere{"fit", anatomy::PathBody::kPelvis, anatomy::WrapShape::kSphere, hip, {0, 1, 0},
                                          radii[static_cast<std::size_t>(m)][ri], {0, 0, 0}, ""};
        std::vector<glm::dvec3> pts;
        for (int k = 0; k < p.count; ++k) {
          pts.push_back(p.point[static_cast<std::size_t>(k)]);
          if (k + 1 == p.count || sphere.radius == 0.0) continue;
          anatomy::WrapResult w;
          anatomy::wrap_segment(sphere, p.point[static_cast<std::size_t>(k)], p.point[static_cast<std::size_t>(k) + 1], w);
          if (!w.active) continue;
          pts.push_back(w.t1);
          for (int j = 0; j < w.inner; ++j) pts.push_back(w.inner_point[j]);
          pts.push_back(w.t2);
        }
        hits[static_cast<std::size_t>(m)][ri] += checker.through(m, pts, anchors);
      }
    }
  }
  for (int m = 0; m < anatomy::kHipMuscleCount; ++m) {
    const auto& h = hits[static_cast<std::size_t>(m)];
    const std::size_t best = static_cast<std::size_t>(std::min_element(h.begin(), h.end()) - h.begin());
    std::printf("%-10s none %7ld", anatomy::muscle(m).name.data(), h[0]);
    for (std::size_t i = 1; i < h.size(); ++i) std::printf(" | %.1f: %ld", 1000 * radii[static_cast<std::size_t>(m)][i], h[i]);
    std::printf("\n   best %.1f mm (%ld)\n", 1000 * radii[static_cast<std::size_t>(m)][best], h[best]);
  }
}

// How the knee cylinders of anatomy/muscle_wrap.cpp were fitted (run with --no-skip): a cylinder
// across the knee (axis = the body's z, the knee's flexion axis) in the femur's frame for the
// quadriceps and in the tibia's frame for the gastrocnemius heads, over a grid of centres (x, y) and
// radii, on the side the muscles pass (femur: in front, +x; tibia: behind, -x); printed: the path
// samples through HipLab's bones over the slider grid and every other drill frame for each, summed
// over the group, and the best (fewest; ties to the smaller radius).
TEST_CASE("wrapped muscle paths: fit of the knee cylinders (printed)" * doctest::skip()) {
  static BoneChecker checker;
  Labelled poses = grid_poses();
  const Labelled drills = drill_poses();
  for (std::size_t i = 0; i < drills.size(); i += 2) poses.push_back(drills[i]);
  struct Group {
    const char* name;
    anatomy::PathBody body;
    std::vector<int> muscles;
    glm::dvec3 side;
    double x0, x1, y0, y1;
  };
  const std::vector<Group> groups = {
      {"quadriceps on the femur", anatomy::PathBody::kFemur,
       {*anatomy::find_muscle("vas_int"), *anatomy::find_muscle("vas_lat"), *anatomy::find_muscle("vas_med"), *anatomy::find_muscle("rect_fem")},
       {1, 0, 0}, -0.02, 0.02, -0.42, -0.36},
      {"gastrocnemius on the tibia", anatomy::PathBody::kTibia, {*anatomy::find_muscle("lat_gas"), *anatomy::find_muscle("med_gas")}, {-1, 0, 0},
       -0.03, 0.01, -0.06, 0.0},
  };
  for (const Group& g : groups) {
    std::vector<anatomy::WrapSurface> cand;
    cand.push_back({"none", g.body, anatomy::WrapShape::kCylinder, {0, 0, 0}, {0, 0, 1}, 0.0, g.side, ""});
    for (double x = g.x0; x <= g.x1 + 1e-9; x += 0.01)
      for (double y = g.y0; y <= g.y1 + 1e-9; y += 0.01)
        for (double r = 0.015; r <= 0.0451; r += 0.005) cand.push_back({"fit", g.body, anatomy::WrapShape::kCylinder, {x, y, 0}, {0, 0, 1}, r, g.side, ""});
    std::vector<long> hits(cand.size(), 0);
    const anatomy::LegSegment seg = g.body == anatomy::PathBody::kFemur ? anatomy::LegSegment::kFemur : anatomy::LegSegment::kTibia;
    for (const auto& [legs, label] : poses) {
      checker.pose(legs);
      const anatomy::LegPose& leg = legs.leg(anatomy::Side::kRight);
      const anatomy::LegKinematics kin = anatomy::leg_kinematics(leg);
      const anatomy::Frame f = kin[seg];
      const glm::dmat3 to_local = glm::transpose(f.rotation);
      for (int m : g.muscles) {
        anatomy::MusclePath p;
        anatomy::evaluate_muscle_path(m, leg, kin, anatomy::Side::kRight, p, anatomy::Wrapping::kOff);
        const std::span<const glm::dvec3> anchors(p.point.data(), static_cast<std::size_t>(p.count));
        for (std::size_t c = 0; c < cand.size(); ++c) {
          std::vector<glm::dvec3> pts;
          for (int k = 0; k < p.count; ++k) {
            pts.push_back(p.point[static_cast<std::size_t>(k)]);
            if (k + 1 == p.count || cand[c].radius == 0.0) continue;
            anatomy::WrapResult w;
            anatomy::wrap_segment(cand[c], to_local * (p.point[static_cast<std::size_t>(k)] - f.origin),
                                  to_local * (p.point[static_cast<std::size_t>(k) + 1] - f.origin), w);
            if (!w.active) continue;
            pts.push_back(f.apply(w.t1));
            for (int j = 0; j < w.inner; ++j) pts.push_back(f.apply(w.inner_point[j]));
            pts.push_back(f.apply(w.t2));
          }
          hits[c] += checker.through(m, pts, anchors);
        }
      }
    }
    std::size_t best = 0;
    for (std::size_t c = 1; c < cand.size(); ++c)
      if (hits[c] < hits[best]) best = c;
    std::printf("%s: none %ld; best centre (%.3f, %.3f) radius %.1f mm: %ld\n", g.name, hits[0], cand[best].centre.x, cand[best].centre.y,
                1000 * cand[best].radius, hits[best]);
    for (std::size_t c = 1; c < cand.size(); ++c)
      if (hits[c] <= hits[best] * 11 / 10 + 10)
        std::printf("   near best: (%.3f, %.3f) r %.1f: %ld\n", cand[c].centre.x, cand[c].centre.y, 1000 * cand[c].radius, hits[c]);
  }
}
// How the lower-leg cylinders of anatomy/muscle_wrap.cpp were fitted (run with --no-skip): for one
// stretch of a muscle's path (between two Gait2392 points), a cylinder in the body the stretch
// lies over, with a given axis, over a grid of centres (across the axis) and radii; printed: the
// path samples through HipLab's bones over the slider grid's ankle angles at standing (the
// stretches on one body do not move against it) for each, and the best: fewest, then the least
// added length.
TEST_CASE("wrapped muscle paths: fit of the lower-leg cylinders (printed)" * doctest::skip()) {
  static BoneChecker checker;
  struct Group {
    const char* name;
    anatomy::PathBody body;
    std::vector<int> muscles;
    int first, last;  // Gait2392 point indices of the stretch
    glm::dvec3 axis, side, u, v;  // u, v: across the axis, the centre grid's directions
    glm::dvec3 c0;
    double u0, u1, v0, v1, r0, r1;
    double knee_deg = 0.0;  // > 0: the poses sweep knee flexion from 75 deg to this in 15 deg steps (ankle 0) instead of the ankle
    int knee_poses = 5;     // how many knee angles that sweep takes (75 deg to knee_deg, evenly)
    double step = 0.0025;   // m, the centre and radius grid
  };
  auto id = [](const char* n) { return *anatomy::find_muscle(n); };
  const std::vector<Group> groups = {
      {"extensor hallucis longus over the tibia", anatomy::PathBody::kTibia, {id("ext_hal")}, 0, 1, {0, 1, 0}, {0, 0, 0}, {1, 0, 0}, {0, 0, 1},
       {0, 0, 0}, -0.01, 0.03, -0.02, 0.03, 0.005, 0.02},
      {"peroneus tertius over the tibia", anatomy::PathBody::kTibia, {id("per_tert")}, 0, 1, {0, 1, 0}, {0, 0, 0}, {1, 0, 0}, {0, 0, 1},
       {0, 0, 0}, -0.01, 0.03, -0.02, 0.03, 0.005, 0.02},
      {"extensor digitorum longus over the dorsum of the foot", anatomy::PathBody::kCalcn, {id("ext_dig")}, 2, 3, {0, 0, 1}, {0, 1, 0}, {1, 0, 0},
       {0, 1, 0}, {0, 0, 0}, 0.05, 0.16, -0.06, 0.03, 0.01, 0.08},
      {"tibialis anterior over the front of the ankle", anatomy::PathBody::kCalcn, {id("tib_ant")}, 1, 2, {0, 0, 1}, {0, 1, 0}, {1, 0, 0},
       {0, 1, 0}, {0, 0, 0}, 0.03, 0.14, -0.02, 0.10, 0.01, 0.08},
      {"peroneus tertius along the lateral dorsum", anatomy::PathBody::kCalcn, {id("per_tert")}, 1, 2, {1, 0, 0}, {0, 0, 0}, {0, 1, 0},
       {0, 0, 1}, {0, 0, 0}, -0.03, 0.06, -0.02, 0.07, 0.005, 0.04},
      {"tibialis anterior along the medial dorsum", anatomy::PathBody::kCalcn, {id("tib_ant")}, 1, 2, {1, 0, 0}, {0, 0, 0}, {0, 1, 0},
       {0, 0, 1}, {0, 0, 0}, -0.03, 0.06, -0.07, 0.02, 0.005, 0.04},
      // Vastus lateralis from its first conditional femoral point (active from 69 deg of knee
      // flexion) on over the lateral condyle (to its second, active from 110 deg, or the patellar
      // point on the tibia): a cylinder across the knee (axis z), centres on the front of the distal
      // femur; poses 75..135 deg of knee flexion.
      {"vastus lateralis over the lateral condyle", anatomy::PathBody::kFemur, {id("vas_lat")}, 2, 3, {0, 0, 1}, {0, 0, 0}, {1, 0, 0},
       {0, 1, 0}, {0, 0, 0}, -0.01, 0.03, -0.44, -0.40, 0.005, 0.03, 135.0},
      // hwrap3: its 20 mm cylinder at (0.015, -0.405) left 2 samples in the kneeling windmill's back
      // knee (femur (33, -414, 20) mm, 20.1 mm from its axis, between its two condylar points): the
      // knee swept every 2.5 deg, centres and radii on a 1 mm grid; candidates whose stretch ends
      // come within 1 mm of the cylinder in any of those poses are left out.
      {"vastus lateralis over the lateral condyle, finer", anatomy::PathBody::kFemur, {id("vas_lat")}, 2, 3, {0, 0, 1}, {0, 0, 0}, {1, 0, 0},
       {0, 1, 0}, {0, 0, 0}, 0.010, 0.030, -0.420, -0.400, 0.010, 0.024, 135.0, 25, 0.001},
  };
  for (const Group& g : groups) {
    if (const char* only = std::getenv("FIT_ONLY"); only && std::string(g.name).find(only) == std::string::npos) continue;
    std::vector<anatomy::LegAngles> poses;
    const int np = g.knee_deg > 0.0 ? g.knee_poses : 5;
    for (int i = 0; i < np; ++i) {
      anatomy::LegAngles legs;
      const motion::RomLimit& l = motion::rom_limit(motion::Channel::kAnkleR);
      if (g.knee_deg > 0.0) legs.leg(anatomy::Side::kRight)[anatomy::LegCoord::kKneeFlexion] = deg(75.0 + (g.knee_deg - 75.0) * i / (np - 1));
      else legs.leg(anatomy::Side::kRight)[anatomy::LegCoord::kAnkle] = l.min + (l.max - l.min) * i / 4;
      poses.push_back(legs);
    }
    std::vector<anatomy::WrapSurface> cand;
    cand.push_back({"none", g.body, anatomy::WrapShape::kCylinder, {0, 0, 0}, g.axis, 0.0, g.side, ""});
    for (double a = g.u0; a <= g.u1 + 1e-9; a += g.step)
      for (double b = g.v0; b <= g.v1 + 1e-9; b += g.step)
        for (double r = g.r0; r <= g.r1 + 1e-9; r += g.step) cand.push_back({"fit", g.body, anatomy::WrapShape::kCylinder, g.c0 + a * g.u + b * g.v, g.axis, r, g.side, ""});
    std::vector<long> hits(cand.size(), 0);
    std::vector<double> added(cand.size(), 0.0), clear(cand.size(), 1.0);
    const anatomy::LegSegment seg = g.body == anatomy::PathBody::kFemur   ? anatomy::LegSegment::kFemur
                                    : g.body == anatomy::PathBody::kTibia ? anatomy::LegSegment::kTibia
                                                                          : anatomy::LegSegment::kCalcn;
    for (const anatomy::LegAngles& legs : poses) {
      checker.pose(legs);
      const anatomy::LegPose& leg = legs.leg(anatomy::Side::kRight);
      const anatomy::LegKinematics kin = anatomy::leg_kinematics(leg);
      const anatomy::Frame f = kin[seg];
      const glm::dmat3 to_local = glm::transpose(f.rotation);
      for (int m : g.muscles) {
        anatomy::MusclePath p;
        anatomy::evaluate_muscle_path(m, leg, kin, anatomy::Side::kRight, p);
        const std::span<const glm::dvec3> anchors(p.point.data(), static_cast<std::size_t>(p.count));
        const glm::dvec3 a = p.point[static_cast<std::size_t>(g.first)], b = p.point[static_cast<std::size_t>(g.last)];
        for (std::size_t c = 0; c < cand.size(); ++c) {
          std::vector<glm::dvec3> pts{a};
          anatomy::WrapResult w;
          if (cand[c].radius > 0.0) {
            for (const glm::dvec3& e : {a, b}) {
              const glm::dvec3 d = to_local * (e - f.origin) - cand[c].centre;
              clear[c] = std::min(clear[c], glm::length(d - glm::dot(d, cand[c].axis) * cand[c].axis) - cand[c].radius);
            }
            anatomy::wrap_segment(cand[c], to_local * (a - f.origin), to_local * (b - f.origin), w);
          }
          if (w.active) {
            pts.push_back(f.apply(w.t1));
            for (int j = 0; j < w.inner; ++j) pts.push_back(f.apply(w.inner_point[j]));
            pts.push_back(f.apply(w.t2));
            added[c] += w.length_in + w.arc + w.length_out - glm::length(b - a);
          }
          pts.push_back(b);
          hits[c] += checker.through(m, pts, anchors);
        }
      }
    }
    std::size_t best = 0;
    for (std::size_t c = 1; c < cand.size(); ++c)
      if (clear[c] >= 0.001 && (hits[c] < hits[best] || (hits[c] == hits[best] && added[c] < added[best]))) best = c;
    std::printf("%s: none %ld; best centre (%.4f, %.4f, %.4f) radius %.1f mm: %ld, %.2f mm longer (mean over %zu poses), ends at least %.1f mm outside\n", g.name, hits[0],
                cand[best].centre.x, cand[best].centre.y, cand[best].centre.z, 1000 * cand[best].radius, hits[best],
                1000 * added[best] / poses.size(), poses.size(), 1000 * clear[best]);
  }
}

// How the off-centre hip surfaces of anatomy/muscle_wrap.cpp were fitted (run with --no-skip): for
// one muscle, a surface fixed in one body over a grid of centres about a start and radii, acting on
// the whole path; printed: the path samples through HipLab's bones over every 6th pose of the
// slider grid and every 4th drill frame for each, and the candidates with the fewest, each with its
// length change and moment arms (hip flexion, adduction, rotation, knee flexion; central
// differences of the wrapped length) at standing and at hip 90 deg / knee 90 deg beside Gait2392's (registered) path.
//   - gluteus maximus 2 and 3: cylinders fixed in the pelvis at the places and axes of Rajagopal et
//     al. 2016's Gmax2_at_pelvis_r / Gmax3_at_pelvis_r (radius 40 mm there);
//   - gluteus medius 1 and 2, TFL: spheres fixed in the femur about the greater trochanter;
//   - biceps femoris long head, semimembranosus, sartorius: cylinders fixed in the femur along its
//     shaft (axis y); the two hamstrings also over cylinders at Rajagopal's Gmax3 place (pelvis)
//     and biceps femoris over a femur sphere at the greater trochanter;
//   - rectus femoris, vastus intermedius: cylinders across the knee (axis z) about Rajagopal et
//     al.'s KnExt_at_fem_r (centre (0.0036, -0.4027) m, radius 25 mm there).
TEST_CASE("wrapped muscle paths: fit of the off-centre hip surfaces (printed)" * doctest::skip()) {
  static BoneChecker checker;
  Labelled poses;
  const Labelled grid = grid_poses(), drills = drill_poses();
  for (std::size_t i = 0; i < grid.size(); i += 6) poses.push_back(grid[i]);
  for (std::size_t i = 0; i < drills.size(); i += 4) poses.push_back(drills[i]);
  struct Group {
    const char* name;
    const char* muscle;
    anatomy::WrapShape shape;
    anatomy::PathBody body;
    glm::dvec3 c0, axis, u, v, w;  // start centre; axis (cylinder); grid directions
    double step;                   // m, centre grid step along u, v, w
    int nu, nv, nw;                // offsets -n..n along each
    double r0, r1, dr;
    double max_change = 1.0;  // m: candidates that change the length at 90/90 by more are left out
  };
  const glm::dvec3 x{1, 0, 0}, y{0, 1, 0}, z{0, 0, 1};
  const glm::dvec3 gmax2_axis = glm::normalize(glm::dvec3(0.3802, 0.6305, 0.6767)), gmax3_axis = glm::normalize(glm::dvec3(0, 0.0998, 0.995));
  const std::vector<Group> groups = {
      {"gluteus maximus 2, pelvis cylinder at Rajagopal's Gmax2", "glut_max2", anatomy::WrapShape::kCylinder, anatomy::PathBody::kPelvis,
       {-0.080, -0.083, 0.068}, gmax2_axis, x, y, z, 0.005, 2, 2, 0, 0.030, 0.050, 0.005},
      {"gluteus maximus 3, pelvis cylinder at Rajagopal's Gmax3", "glut_max3", anatomy::WrapShape::kCylinder, anatomy::PathBody::kPelvis,
       {-0.083, -0.088, 0.068}, gmax3_axis, x, y, z, 0.005, 2, 2, 0, 0.030, 0.050, 0.005},
      {"gluteus medius 1, femur sphere at the greater trochanter", "glut_med1", anatomy::WrapShape::kSphere, anatomy::PathBody::kFemur,
       {-0.010, -0.030, 0.035}, y, x, y, z, 0.01, 2, 2, 2, 0.015, 0.045, 0.01},
      {"gluteus medius 2, femur sphere at the greater trochanter", "glut_med2", anatomy::WrapShape::kSphere, anatomy::PathBody::kFemur,
       {-0.010, -0.030, 0.035}, y, x, y, z, 0.01, 2, 2, 2, 0.015, 0.045, 0.01},
      {"TFL, femur sphere at the greater trochanter", "tfl", anatomy::WrapShape::kSphere, anatomy::PathBody::kFemur,
       {0.000, -0.030, 0.035}, y, x, y, z, 0.01, 2, 2, 1, 0.015, 0.035, 0.01},
      {"biceps femoris long head, femur cylinder along the shaft", "bifemlh", anatomy::WrapShape::kCylinder, anatomy::PathBody::kFemur,
       {0.0, -0.2, 0.01}, y, x, z, y, 0.01, 2, 2, 0, 0.010, 0.030, 0.005},
      {"semimembranosus, femur cylinder along the shaft", "semimem", anatomy::WrapShape::kCylinder, anatomy::PathBody::kFemur,
       {0.0, -0.2, 0.01}, y, x, z, y, 0.01, 2, 2, 0, 0.010, 0.030, 0.005},
      {"sartorius, femur cylinder along the shaft", "sar", anatomy::WrapShape::kCylinder, anatomy::PathBody::kFemur,
       {0.0, -0.2, 0.01}, y, x, z, y, 0.01, 2, 2, 0, 0.010, 0.030, 0.005},
      {"biceps femoris long head, pelvis cylinder at Rajagopal's Gmax3", "bifemlh", anatomy::WrapShape::kCylinder, anatomy::PathBody::kPelvis,
       {-0.083, -0.088, 0.068}, gmax3_axis, x, y, z, 0.005, 2, 2, 0, 0.030, 0.050, 0.005},
      {"semimembranosus, pelvis cylinder at Rajagopal's Gmax3", "semimem", anatomy::WrapShape::kCylinder, anatomy::PathBody::kPelvis,
       {-0.083, -0.088, 0.068}, gmax3_axis, x, y, z, 0.005, 2, 2, 0, 0.030, 0.050, 0.005},
      {"biceps femoris long head, femur sphere at the greater trochanter", "bifemlh", anatomy::WrapShape::kSphere, anatomy::PathBody::kFemur,
       {-0.010, -0.030, 0.035}, y, x, y, z, 0.01, 2, 2, 1, 0.015, 0.035, 0.01},
      {"rectus femoris, femur cylinder across the knee at Rajagopal's KnExt", "rect_fem", anatomy::WrapShape::kCylinder, anatomy::PathBody::kFemur,
       {0.0036, -0.4027, 0.0}, z, x, y, z, 0.005, 4, 2, 0, 0.015, 0.040, 0.005, 0.003},
      {"vastus intermedius, femur cylinder across the knee at Rajagopal's KnExt", "vas_int", anatomy::WrapShape::kCylinder, anatomy::PathBody::kFemur,
       {0.0036, -0.4027, 0.0}, z, x, y, z, 0.005, 4, 2, 0, 0.015, 0.040, 0.005, 0.003},
  };
  // The wrapped path of muscle m at `leg` with `s` over every segment (s.radius 0: none): drawn
  // points into `pts` (when given), the length returned.
  auto wrapped = [](int m, const anatomy::LegPose& leg, const anatomy::WrapSurface& s, std::vector<glm::dvec3>* pts) {
    const anatomy::LegKinematics kin = anatomy::leg_kinematics(leg);
    anatomy::MusclePath p;
    anatomy::evaluate_muscle_path(m, leg, kin, anatomy::Side::kRight, p);
    const anatomy::Frame f = s.body == anatomy::PathBody::kPelvis ? anatomy::Frame{} : kin[anatomy::LegSegment::kFemur];
    const glm::dmat3 to_local = glm::transpose(f.rotation);
    double len = 0.0;
    for (int k = 0; k < p.count; ++k) {
      const glm::dvec3 a = p.point[static_cast<std::size_t>(k)];
      if (pts) pts->push_back(a);
      if (k + 1 == p.count) break;
      const glm::dvec3 b = p.point[static_cast<std::size_t>(k) + 1];
      anatomy::WrapResult w;
      if (s.radius > 0.0) anatomy::wrap_segment(s, to_local * (a - f.origin), to_local * (b - f.origin), w);
      if (!w.active) {
        len += glm::length(b - a);
        continue;
      }
      len += w.length_in + w.arc + w.length_out;
      if (!pts) continue;
      pts->push_back(f.apply(w.t1));
      for (int j = 0; j < w.inner; ++j) pts->push_back(f.apply(w.inner_point[j]));
      pts->push_back(f.apply(w.t2));
    }
    return len;
  };
  for (const Group& g : groups) {
    const int m = *anatomy::find_muscle(g.muscle);
    std::vector<anatomy::WrapSurface> cand;
    cand.push_back({"none", g.body, g.shape, g.c0, g.axis, 0.0, {0, 0, 0}, ""});
    for (int a = -g.nu; a <= g.nu; ++a)
      for (int b = -g.nv; b <= g.nv; ++b)
        for (int c = -g.nw; c <= g.nw; ++c)
          for (double r = g.r0; r <= g.r1 + 1e-9; r += g.dr)
            cand.push_back({"fit", g.body, g.shape, g.c0 + g.step * (double(a) * g.u + double(b) * g.v + double(c) * g.w), g.axis, r, {0, 0, 0}, ""});
    // The knee extensors: only surfaces that leave the length at hip and knee 90 deg within
    // max_change of Gait2392's (whose moving patella points already carry them over the knee).
    {
      anatomy::LegPose flexed{};
      flexed[anatomy::LegCoord::kHipFlexion] = deg(90);
      flexed[anatomy::LegCoord::kKneeFlexion] = deg(90);
      const double l0 = wrapped(m, flexed, cand[0], nullptr);
      std::erase_if(cand, [&](const anatomy::WrapSurface& s) { return std::fabs(wrapped(m, flexed, s, nullptr) - l0) > g.max_change; });
    }
    std::vector<long> hits(cand.size(), 0);
    for (const auto& [legs, label] : poses) {
      checker.pose(legs);
      const anatomy::LegPose& leg = legs.leg(anatomy::Side::kRight);
      anatomy::MusclePath p;
      anatomy::evaluate_muscle_path(m, leg, anatomy::leg_kinematics(leg), anatomy::Side::kRight, p);
      const std::span<const glm::dvec3> anchors(p.point.data(), static_cast<std::size_t>(p.count));
      for (std::size_t ci = 0; ci < cand.size(); ++ci) {
        std::vector<glm::dvec3> pts;
        wrapped(m, leg, cand[ci], &pts);
        hits[ci] += checker.through(m, pts, anchors);
      }
    }
    std::vector<std::size_t> order(cand.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return hits[i] < hits[j]; });
    std::printf("%s: none %ld\n", g.name, hits[0]);
    auto report = [&](std::size_t ci) {
      std::printf("   (%.4f, %.4f, %.4f) r %.1f: %ld;", cand[ci].centre.x, cand[ci].centre.y, cand[ci].centre.z, 1000 * cand[ci].radius, hits[ci]);
      for (int pose = 0; pose < 2; ++pose) {
        anatomy::LegPose leg{};
        if (pose == 1) {
          leg[anatomy::LegCoord::kHipFlexion] = deg(90);
          leg[anatomy::LegCoord::kKneeFlexion] = deg(90);
        }
        const double l = wrapped(m, leg, cand[ci], nullptr), l0 = wrapped(m, leg, cand[0], nullptr);
        std::printf(" %s: +%.1f mm, arms", pose == 0 ? "standing" : "90/90", 1000 * (l - l0));
        for (anatomy::LegCoord q : {anatomy::LegCoord::kHipFlexion, anatomy::LegCoord::kHipAdduction, anatomy::LegCoord::kHipRotation, anatomy::LegCoord::kKneeFlexion}) {
          auto arm = [&](const anatomy::WrapSurface& s) {
            anatomy::LegPose lo = leg, hi = leg;
            lo[q] -= 1e-4;
            hi[q] += 1e-4;
            return -(wrapped(m, hi, s, nullptr) - wrapped(m, lo, s, nullptr)) / 2e-4;
          };
          std::printf(" %.1f(%.1f)", 1000 * arm(cand[ci]), 1000 * arm(cand[0]));
        }
      }
      std::printf("\n");
    };
    for (std::size_t i = 0; i < std::min<std::size_t>(8, order.size()); ++i) report(order[i]);
    // The start itself with a 40 mm radius (for gluteus maximus: Rajagopal et al.'s surface).
    for (std::size_t ci = 1; ci < cand.size(); ++ci)
      if (glm::length(cand[ci].centre - g.c0) < 1e-9 && std::fabs(cand[ci].radius - 0.040) < 1e-9) {
        std::printf("   the start, r 40 mm:\n");
        report(ci);
      }
  }
}

// How the femoral-shaft surfaces of anatomy/muscle_wrap.cpp were fitted (run with --no-skip;
// FIT_ONLY=<part of a group's name> runs one group): for one stretch of a muscle's path (the
// segments between active points on two given bodies), a surface fixed in the femur over a grid
// of places and radii: cylinders along the shaft (axis below), or spheres behind its front
// ("anterior bow": centre = (front - r, y, z), the front 36..44 mm before the femur's origin);
// printed: the path samples through HipLab's bones over every 2nd pose of the slider grid and
// every 2nd drill frame, and the candidates with the fewest (then the least added length), each
// with its added length and moment arms (hip flexion, adduction, rotation, knee flexion; central
// differences, Gait2392's registered path in brackets) at named poses. The surface acts on the
// stretch alone, and the muscle's other wraps are left out here.
TEST_CASE("wrapped muscle paths: fit of the femoral-shaft surfaces (printed)" * doctest::skip()) {
  static BoneChecker checker;
  Labelled poses;
  const Labelled grid = grid_poses(), drills = drill_poses();
  for (std::size_t i = 0; i < grid.size(); i += 2) poses.push_back(grid[i]);
  for (std::size_t i = 0; i < drills.size(); i += 2) poses.push_back(drills[i]);
  struct Group {
    const char* name;
    const char* muscle;
    anatomy::PathBody from, to;  // the stretch: segments from a point on `from` to one on `to`
    glm::dvec3 c0, axis, u, v;   // start centre; axis; grid directions across it
    double step;
    int nu, nv;
    double r0, r1, dr;
    bool bow = false;  // spheres instead: centre (front - r, c0.y + a step, c0.z + b step), front 36..44 mm
    bool ball = false;  // spheres instead: centre c0 + step (a x + b y + c z), a in -nu..nu, b and c in -nv..nv
    anatomy::PathBody body = anatomy::PathBody::kFemur;  // the body the surface is fixed in
  };
  using anatomy::PathBody;
  // The axis of Rajagopal et al. 2016's femoral-shaft cylinder AMdist_at_femshaft_r (from its
  // orientation in the MyoConverter conversion of that model: (0.186, -0.973, -0.138) in the femur
  // frame, Gait2392's). A cylinder about the axis of HipLab's own shaft (through the centroids of
  // its sections 200 and 300 mm below the hip centre, (0.0040, -0.1, -0.0128)) helps none of
  // these: the muscles' lines run along the shaft and close in on it at the knee, so their lower
  // ends lie inside any such cylinder that reaches the bone; this axis, tilted forward, holds
  // them off the shaft's anterior bow only.
  const glm::dvec3 shaft = glm::normalize(glm::dvec3(0.1856, -0.9728, -0.1382));
  const glm::dvec3 u = glm::normalize(glm::cross(shaft, glm::dvec3(0, 0, 1))), v = glm::cross(shaft, u);
  const glm::dvec3 own = glm::normalize(glm::dvec3(0.0040, -0.1, -0.0128));
  const glm::dvec3 own_u = glm::normalize(glm::cross(own, glm::dvec3(0, 0, 1))), own_v = glm::cross(own, own_u);
  // Rajagopal et al. 2016's AL_at_femshaft_r axis (femoral_shaft_al's; anatomy/muscle_wrap.cpp).
  const glm::dvec3 shaft_axis{0.1360655, -0.9696899, -0.2029476};
  const char* only = std::getenv("FIT_ONLY");
  const std::vector<Group> groups = {
      {"vastus intermedius, between its femoral points", "vas_int", PathBody::kFemur, PathBody::kFemur, {0.020, -0.30, 0.015}, shaft, u, v, 0.0025, 6, 6, 0.010, 0.025, 0.0025},
      {"rectus femoris, pelvis to the condylar point", "rect_fem", PathBody::kPelvis, PathBody::kFemur, {0.020, -0.25, 0.020}, shaft, u, v, 0.0025, 6, 6, 0.010, 0.025, 0.0025},
      {"biceps femoris long head, pelvis to tibia", "bifemlh", PathBody::kPelvis, PathBody::kTibia, {0.016, -0.18, 0.028}, shaft, u, v, 0.0025, 6, 6, 0.010, 0.025, 0.0025},
      {"semimembranosus, pelvis to tibia", "semimem", PathBody::kPelvis, PathBody::kTibia, {0.016, -0.18, 0.028}, shaft, u, v, 0.0025, 6, 6, 0.010, 0.025, 0.0025},
      {"biceps femoris long head, HipLab's shaft axis", "bifemlh", PathBody::kPelvis, PathBody::kTibia, {0.0178, -0.20, 0.0273}, own, own_u, own_v, 0.005, 3, 3, 0.015, 0.040, 0.005},
      {"semimembranosus, HipLab's shaft axis", "semimem", PathBody::kPelvis, PathBody::kTibia, {0.0178, -0.20, 0.0273}, own, own_u, own_v, 0.005, 3, 3, 0.015, 0.040, 0.005},
      {"biceps femoris long head, a sphere behind the femoral neck", "bifemlh", PathBody::kPelvis, PathBody::kTibia, {-0.010, -0.040, 0.025}, shaft, u, v, 0.01, 2, 2, 0.015, 0.035, 0.005, false, true},
      {"semimembranosus, a sphere behind the femoral neck", "semimem", PathBody::kPelvis, PathBody::kTibia, {-0.010, -0.040, 0.020}, shaft, u, v, 0.01, 2, 2, 0.015, 0.035, 0.005, false, true},
      // One femur sphere over the backs of the femoral head and neck (the seated 90/90 switch's
      // hips at 100-110 deg of flexion put the lines through the head; a hip sphere chained with
      // the neck spheres above let go where its tangent point fell inside them).
      {"semimembranosus, a sphere behind the femoral head and neck", "semimem", PathBody::kPelvis, PathBody::kTibia, {-0.005, -0.010, 0.020}, shaft, u, v, 0.005, 1, 1, 0.025, 0.040, 0.0025, false, true},
      {"biceps femoris long head, a sphere behind the femoral head and neck", "bifemlh", PathBody::kPelvis, PathBody::kTibia, {-0.005, -0.010, 0.025}, shaft, u, v, 0.005, 1, 1, 0.025, 0.040, 0.0025, false, true},
      {"gluteus medius 2, a pelvis sphere under the iliac wing's gluteal surface", "glut_med2", PathBody::kPelvis, PathBody::kFemur, {-0.090, 0.020, 0.050}, shaft, u, v, 0.01, 2, 2, 0.015, 0.045, 0.005, false, true, PathBody::kPelvis},
      {"gluteus medius 1, a pelvis sphere under the iliac wing's gluteal surface", "glut_med1", PathBody::kPelvis, PathBody::kFemur, {-0.050, 0.010, 0.090}, shaft, u, v, 0.01, 2, 2, 0.015, 0.045, 0.005, false, true, PathBody::kPelvis},
      {"rectus femoris, a sphere over the anterior bow", "rect_fem", PathBody::kPelvis, PathBody::kFemur, {0.0, -0.28, 0.012}, shaft, u, v, 0.02, 3, 2, 0.05, 0.30, 0.05, true},
      {"vastus intermedius, a sphere over the anterior bow", "vas_int", PathBody::kFemur, PathBody::kFemur, {0.0, -0.28, 0.012}, shaft, u, v, 0.02, 3, 2, 0.05, 0.30, 0.05, true},
  };
  // The nearest an end of the stretch comes to the surface (m, < 0: inside, where the wrap lets go
  // and the length jumps), over the calls since it was last reset.
  double clearance = 1.0;
  auto wrapped = [&clearance](int m, const anatomy::LegPose& leg, const Group& g, const anatomy::WrapSurface& s, std::vector<glm::dvec3>* pts) {
    const anatomy::LegKinematics kin = anatomy::leg_kinematics(leg);
    anatomy::MusclePath p;
    anatomy::evaluate_muscle_path(m, leg, kin, anatomy::Side::kRight, p);
    const anatomy::Frame f = g.body == PathBody::kPelvis ? anatomy::Frame{} : kin[anatomy::LegSegment::kFemur];
    const glm::dmat3 to_local = glm::transpose(f.rotation);
    double len = 0.0;
    for (int k = 0; k < p.count; ++k) {
      const glm::dvec3 a = p.point[static_cast<std::size_t>(k)];
      if (pts) pts->push_back(a);
      if (k + 1 == p.count) break;
      const glm::dvec3 b = p.point[static_cast<std::size_t>(k) + 1];
      anatomy::WrapResult w;
      if (s.radius > 0.0 && p.body[static_cast<std::size_t>(k)] == g.from && p.body[static_cast<std::size_t>(k) + 1] == g.to) {
        anatomy::wrap_segment(s, to_local * (a - f.origin), to_local * (b - f.origin), w);
        for (const glm::dvec3& e : {to_local * (a - f.origin) - s.centre, to_local * (b - f.origin) - s.centre}) {
          const glm::dvec3 across = s.shape == anatomy::WrapShape::kSphere ? e : e - glm::dot(e, s.axis) * s.axis;
          clearance = std::min(clearance, glm::length(across) - s.radius);
        }
      }
      if (!w.active) {
        len += glm::length(b - a);
        continue;
      }
      len += w.length_in + w.arc + w.length_out;
      if (!pts) continue;
      pts->push_back(f.apply(w.t1));
      for (int j = 0; j < w.inner; ++j) pts->push_back(f.apply(w.inner_point[j]));
      pts->push_back(f.apply(w.t2));
    }
    return len;
  };
  struct Named {
    const char* name;
    double flex, add, rot, knee;  // deg
  };
  const Named named[] = {{"standing", 0, 0, 0, 0}, {"knee 90", 0, 0, 0, 90}, {"90/90", 90, 0, 0, 90}, {"90/90 front (abd 30, ER 45)", 90, -30, -45, 90},
                         {"90/90 IR 30", 90, 0, 30, 90}, {"knee 120", 0, 0, 0, 120}};
  for (const Group& g : groups) {
    if (only && std::string(g.name).find(only) == std::string::npos) continue;
    const int m = *anatomy::find_muscle(g.muscle);
    std::vector<anatomy::WrapSurface> cand;
    cand.push_back({"none", PathBody::kFemur, anatomy::WrapShape::kCylinder, g.c0, g.axis, 0.0, {0, 0, 0}, ""});
    for (int a = -g.nu; a <= g.nu; ++a)
      for (int b = -g.nv; b <= g.nv; ++b)
        for (double r = g.r0; r <= g.r1 + 1e-9; r += g.dr) {
          if (g.ball) {
            for (int c = -g.nv; c <= g.nv; ++c)
              cand.push_back({"fit", g.body, anatomy::WrapShape::kSphere, g.c0 + g.step * glm::dvec3(a, b, c), {0, 1, 0}, r, {0, 0, 0}, ""});
            continue;
          }
          if (!g.bow) {
            cand.push_back({"fit", PathBody::kFemur, anatomy::WrapShape::kCylinder, g.c0 + g.step * (double(a) * g.u + double(b) * g.v), g.axis, r, {0, 0, 0}, ""});
            continue;
          }
          for (double front = 0.036; front <= 0.0441; front += 0.002)
            cand.push_back({"fit", PathBody::kFemur, anatomy::WrapShape::kSphere, {front - r, g.c0.y + a * g.step, g.c0.z + b * g.step}, {0, 1, 0}, r, {0, 0, 0}, ""});
        }
    std::vector<long> hits(cand.size(), 0);
    std::vector<double> added(cand.size(), 0.0), clear(cand.size(), 1.0);
    for (const auto& [legs, label] : poses) {
      checker.pose(legs);
      const anatomy::LegPose& leg = legs.leg(anatomy::Side::kRight);
      anatomy::MusclePath p;
      anatomy::evaluate_muscle_path(m, leg, anatomy::leg_kinematics(leg), anatomy::Side::kRight, p);
      const std::span<const glm::dvec3> anchors(p.point.data(), static_cast<std::size_t>(p.count));
      const double l0 = wrapped(m, leg, g, cand[0], nullptr);
      for (std::size_t ci = 0; ci < cand.size(); ++ci) {
        std::vector<glm::dvec3> pts;
        clearance = 1.0;
        added[ci] += wrapped(m, leg, g, cand[ci], &pts) - l0;
        clear[ci] = std::min(clear[ci], clearance);
        hits[ci] += checker.through(m, pts, anchors);
      }
    }
    std::vector<std::size_t> order(cand.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    // Candidates that an end of the stretch enters in some pose last: there the wrap lets go and the
    // length jumps.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
      const bool ii = clear[i] < 0.001, ij = clear[j] < 0.001;
      if (ii != ij) return ij;
      return hits[i] != hits[j] ? hits[i] < hits[j] : added[i] < added[j];
    });
    std::printf("%s: none %ld\n", g.name, hits[0]);
    for (std::size_t i = 0; i < std::min<std::size_t>(6, order.size()); ++i) {
      const std::size_t ci = order[i];
      std::printf("   (%.4f, %.4f, %.4f) r %.1f: %ld, mean +%.2f mm, ends at least %.1f mm off it\n", cand[ci].centre.x, cand[ci].centre.y, cand[ci].centre.z,
                  1000 * cand[ci].radius, hits[ci], 1000 * added[ci] / poses.size(), 1000 * clear[ci]);
      for (const Named& n : named) {
        anatomy::LegPose leg{};
        leg[anatomy::LegCoord::kHipFlexion] = deg(n.flex);
        leg[anatomy::LegCoord::kHipAdduction] = deg(n.add);
        leg[anatomy::LegCoord::kHipRotation] = deg(n.rot);
        leg[anatomy::LegCoord::kKneeFlexion] = deg(n.knee);
        const double l = wrapped(m, leg, g, cand[ci], nullptr), l0 = wrapped(m, leg, g, cand[0], nullptr);
        std::printf("      %-28s +%.1f mm, arms", n.name, 1000 * (l - l0));
        for (anatomy::LegCoord q : {anatomy::LegCoord::kHipFlexion, anatomy::LegCoord::kHipAdduction, anatomy::LegCoord::kHipRotation, anatomy::LegCoord::kKneeFlexion}) {
          auto arm = [&](const anatomy::WrapSurface& s) {
            anatomy::LegPose lo = leg, hi = leg;
            lo[q] -= 1e-4;
            hi[q] += 1e-4;
            return -(wrapped(m, hi, g, s, nullptr) - wrapped(m, lo, g, s, nullptr)) / 2e-4;
          };
          std::printf(" %.1f(%.1f)", 1000 * arm(cand[ci]), 1000 * arm(cand[0]));
        }
        std::printf("\n");
      }
    }
  }
}

// How the chained surfaces of anatomy/muscle_wrap.cpp were fitted (run with --no-skip;
// FIT_ONLY=<part of a group's name> runs one group): on one segment of a muscle's path (from a
// point on one body to one on another), a candidate surface in sequence with a surface the muscle
// already has there (anatomy::wrap_chain: the candidate first or second), over a grid of centres
// and radii; the muscle's other segments keep their own wraps. Printed: the path samples through
// HipLab's bones over every 4th pose of the slider grid and every 4th drill frame; the candidates
// with the fewest among those whose segment ends stay 1 mm or more outside the candidate in every
// pose and whose chain settles in every pose (wrap_chain; then the least added length), each with its added length and hip moment arms (flexion,
// adduction, rotation; central differences; the path without the candidate in brackets) at named
// poses. FIT_RANK=drills ranks by the drill frames' samples first (FIT_DRILL_STEP=n: every n-th
// drill frame); FIT_KINK=1 prints, and FIT_MAX_KINK=mm limits, the largest step of the flexion
// moment arm between flexion angles 0.5 deg apart (a path flipping round a small surface);
// FIT_SHOW_INVALID=1 lists candidates whose ends come inside too (their clearance printed; -1000
// mm: the chain did not settle).
TEST_CASE("wrapped muscle paths: fit of the chained surfaces (printed)" * doctest::skip()) {
  static BoneChecker checker;
  Labelled poses;
  const Labelled grid = grid_poses(), drills = drill_poses();
  for (std::size_t i = 0; i < grid.size(); i += 4) poses.push_back(grid[i]);
  const std::size_t grid_count = poses.size();
  // FIT_DRILL_STEP=n takes every n-th drill frame (default 4; 1 = all of them, as the drill sweep).
  const std::size_t drill_step = std::getenv("FIT_DRILL_STEP") ? std::max(1, std::atoi(std::getenv("FIT_DRILL_STEP"))) : 4;
  for (std::size_t i = 0; i < drills.size(); i += drill_step) poses.push_back(drills[i]);
  // FIT_RANK=drills ranks by the samples in bone in the drill frames first, then in all.
  const bool rank_drills = std::getenv("FIT_RANK") && std::string(std::getenv("FIT_RANK")) == "drills";
  using anatomy::PathBody;
  using anatomy::WrapShape;
  struct Group {
    const char* name;
    const char* muscle;
    PathBody from, to;     // the segment
    const char* kept;      // the surface the muscle has on it ("" = none)
    bool candidate_first;  // the candidate before the kept surface along the path
    WrapShape shape;
    PathBody body;
    glm::dvec3 c0, axis;
    double step;
    int n;  // centres c0 + step (a, b, c), each in -n..n
    double r0, r1, dr;
    // Where the candidate goes among the kept surfaces ("a+b": several, in order along the path;
    // hwrap8): -1 = first or last as candidate_first says, else before kept surface `at`.
    int at = -1;
  };
  const glm::dvec3 x{1, 0, 0}, y{0, 1, 0}, z{0, 0, 1};
  const glm::dvec3 gmax1_axis = glm::normalize(glm::dvec3{0.434966, 0.508430, 0.743170});
  // HipLab's femoral neck axis, head centre toward the head (tools/model_generator/bones.cpp
  // femur_frame: neck-shaft angle 127 deg, anteversion 12 deg, the shaft's axis (-0.02, 1, 0.125)).
  const glm::dvec3 neck = glm::normalize(glm::dvec3{0.154072, 0.697213, -0.700111});
  // Rajagopal et al. 2016's AL_at_femshaft_r axis (femoral_shaft_al's; anatomy/muscle_wrap.cpp).
  const glm::dvec3 shaft_axis{0.1360655, -0.9696899, -0.2029476};
  const char* only = std::getenv("FIT_ONLY");
  std::vector<Group> groups = {
      {"gluteus medius 2, pelvis sphere under the wing, then its trochanter sphere", "glut_med2", PathBody::kPelvis, PathBody::kFemur,
       "trochanter_gmed2", true, WrapShape::kSphere, PathBody::kPelvis, {-0.070, 0.000, 0.070}, x, 0.01, 2, 0.020, 0.050, 0.005},
      {"gluteus medius 2, pelvis cylinder (axis x) under the wing, then its trochanter sphere", "glut_med2", PathBody::kPelvis, PathBody::kFemur,
       "trochanter_gmed2", true, WrapShape::kCylinder, PathBody::kPelvis, {-0.070, 0.000, 0.070}, x, 0.01, 2, 0.020, 0.050, 0.005},
      {"gluteus medius 1, pelvis sphere under the wing, then its trochanter sphere", "glut_med1", PathBody::kPelvis, PathBody::kFemur,
       "trochanter_gmed1", true, WrapShape::kSphere, PathBody::kPelvis, {-0.040, 0.000, 0.100}, x, 0.01, 2, 0.020, 0.050, 0.005},
      {"gluteus medius 1, pelvis sphere under the wing alone", "glut_med1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kPelvis, {-0.040, 0.000, 0.100}, x, 0.01, 2, 0.020, 0.050, 0.005},
      {"gluteus medius 1, a femur sphere at the trochanter alone", "glut_med1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.010, -0.030, 0.025}, x, 0.01, 2, 0.015, 0.035, 0.005},
      {"gemelli, hip sphere then a femur sphere at the back of the neck", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_35", false, WrapShape::kSphere, PathBody::kFemur, {-0.020, -0.010, 0.030}, x, 0.01, 2, 0.010, 0.030, 0.005},
      {"gemelli, a femur sphere alone", "gem", PathBody::kPelvis, PathBody::kFemur,
       "", false, WrapShape::kSphere, PathBody::kFemur, {-0.020, -0.010, 0.030}, x, 0.01, 2, 0.010, 0.040, 0.005},
      {"gemelli, a pelvis sphere then a femur sphere at the back of the neck", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_35", false, WrapShape::kSphere, PathBody::kFemur, {-0.030, -0.010, 0.040}, x, 0.005, 2, 0.005, 0.015, 0.0025},
      {"gluteus maximus 1, a femur sphere alone on that segment", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", false, WrapShape::kSphere, PathBody::kFemur, {-0.020, -0.030, 0.040}, x, 0.01, 2, 0.020, 0.050, 0.005},
      {"gluteus maximus 1, hip sphere then a femur sphere at the trochanter", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "hip_60", false, WrapShape::kSphere, PathBody::kFemur, {-0.020, -0.030, 0.040}, x, 0.01, 2, 0.015, 0.035, 0.005},
      {"gluteus maximus 2, its ischium cylinder then a femur sphere at the trochanter", "glut_max2", PathBody::kPelvis, PathBody::kFemur,
       "gmax2_ischium", false, WrapShape::kSphere, PathBody::kFemur, {-0.020, -0.040, 0.040}, x, 0.01, 2, 0.015, 0.035, 0.005},
      {"TFL, a pelvis sphere then nothing", "tfl", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kPelvis, {-0.020, -0.020, 0.100}, x, 0.01, 2, 0.015, 0.035, 0.005},
      {"TFL, a femur sphere at the trochanter", "tfl", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.030, 0.040}, x, 0.01, 2, 0.015, 0.035, 0.005},
      {"semitendinosus, a pelvis sphere in front of the ischial tuberosity", "semiten", PathBody::kPelvis, PathBody::kTibia,
       "", true, WrapShape::kSphere, PathBody::kPelvis, {-0.105, -0.105, 0.055}, x, 0.005, 2, 0.005, 0.020, 0.0025},
      {"semitendinosus, a larger pelvis sphere in the ischium", "semiten", PathBody::kPelvis, PathBody::kTibia,
       "", true, WrapShape::kSphere, PathBody::kPelvis, {-0.110, -0.100, 0.045}, x, 0.005, 1, 0.020, 0.030, 0.0025},
      {"semitendinosus, a pelvis cylinder (axis z) at the ischial tuberosity", "semiten", PathBody::kPelvis, PathBody::kTibia,
       "", true, WrapShape::kCylinder, PathBody::kPelvis, {-0.105, -0.105, 0.055}, z, 0.005, 2, 0.005, 0.020, 0.0025},
      {"gluteus maximus 1, hip sphere then a femur cylinder (axis y, along the shaft) over the trochanter", "glut_max1", PathBody::kPelvis,
       PathBody::kFemur, "hip_60", false, WrapShape::kCylinder, PathBody::kFemur, {-0.010, -0.030, 0.020}, y, 0.01, 1, 0.030, 0.050, 0.005},
      {"gluteus maximus 1, a femur cylinder (axis y, along the shaft) over the trochanter, then the hip sphere", "glut_max1", PathBody::kPelvis,
       PathBody::kFemur, "hip_60", true, WrapShape::kCylinder, PathBody::kFemur, {-0.010, -0.030, 0.020}, y, 0.01, 1, 0.030, 0.050, 0.005},
      {"sartorius, a pelvis sphere at the anterior superior iliac spine, then its shaft cylinder", "sar", PathBody::kPelvis, PathBody::kFemur,
       "femoral_shaft_sar", true, WrapShape::kSphere, PathBody::kPelvis, {0.000, -0.010, 0.120}, x, 0.005, 1, 0.008, 0.016, 0.002},
      {"gemelli, hip sphere then a femur cylinder (axis y) at the back of the greater trochanter", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_35", false, WrapShape::kCylinder, PathBody::kFemur, {-0.018, 0.000, 0.044}, y, 0.002, 2, 0.004, 0.010, 0.001},
      {"gluteus maximus 1, hip sphere then a femur sphere in the greater trochanter (its posterior face)", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "hip_60", false, WrapShape::kSphere, PathBody::kFemur, {-0.027, -0.025, 0.030}, x, 0.005, 2, 0.014, 0.026, 0.003},
      {"gluteus medius 1, a small femur sphere in the front of the neck's base", "glut_med1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.008, -0.018, 0.033}, x, 0.004, 2, 0.008, 0.020, 0.003},
      {"gemelli, a hip sphere alone", "gem", PathBody::kPelvis, PathBody::kFemur,
       "", false, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.020, 0.035, 0.0025},
      {"gemelli, hip sphere then a femur sphere at the back of the greater trochanter", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_35", false, WrapShape::kSphere, PathBody::kFemur, {-0.024, -0.004, 0.042}, y, 0.002, 2, 0.004, 0.010, 0.001},
      // The seated 90/90 hip switch (hwrap; hips flexed 100-110 deg, abducted 15-35): the
      // hamstrings' lines from the ischial tuberosity pass through the back of the femoral head
      // (femur frame (-17..-19, 0, 5) mm). A sphere about the hip centre (the head, 22-23 mm)
      // before or after their posterior-neck spheres: overlaps them, so the path leaves one inside
      // the other (the link clearance below, negative for every radius); not used. Then femur
      // spheres in the back of the head clear of the neck spheres (used: anatomy/muscle_wrap.cpp).
      {"semimembranosus, a hip sphere then its posterior-neck sphere", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_sm", true, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.0200, 0.0350, 0.0025},
      {"biceps femoris long head, a hip sphere then its posterior-neck sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_bflh", true, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.0200, 0.0350, 0.0025},
      {"semimembranosus, its hip sphere then a femur sphere behind the neck clear of it", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_sm", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.025, 0.030}, x, 0.005, 1, 0.010, 0.025, 0.0025},
      {"biceps femoris long head, a hip sphere then a femur sphere behind the neck clear of it", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_sm", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.025, 0.035}, x, 0.005, 1, 0.010, 0.025, 0.0025},
      {"semimembranosus, a femur sphere in the back of the femoral head clear of its posterior-neck sphere", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_sm", true, WrapShape::kSphere, PathBody::kFemur, {-0.010, 0.005, 0.000}, x, 0.005, 1, 0.008, 0.016, 0.002},
      {"semimembranosus, a larger femur sphere in the back of the femoral head clear of its posterior-neck sphere", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_sm", true, WrapShape::kSphere, PathBody::kFemur, {-0.005, 0.010, 0.005}, x, 0.005, 1, 0.014, 0.022, 0.002},
      {"semimembranosus, the femur sphere in the back of the femoral head, a step further", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_sm", true, WrapShape::kSphere, PathBody::kFemur, {-0.005, 0.020, 0.000}, x, 0.005, 0, 0.020, 0.024, 0.002},
      {"biceps femoris long head, a femur sphere in the back of the femoral head clear of its posterior-neck sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_bflh", true, WrapShape::kSphere, PathBody::kFemur, {-0.010, 0.005, 0.000}, x, 0.005, 1, 0.006, 0.012, 0.002},
      {"semimembranosus, its posterior-neck sphere then a hip sphere", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_sm", false, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.0200, 0.0300, 0.0025},
      {"biceps femoris long head, its posterior-neck sphere then a hip sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_bflh", false, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.0200, 0.0300, 0.0025},
      // ... and adductor brevis' line from the pubic body clips the lower edge of the superior
      // pubic ramus (pelvis (-43, -82, 37) mm): a pelvis sphere in the ramus.
      {"adductor brevis, a pelvis sphere in the superior pubic ramus", "add_brev", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kPelvis, {-0.040, -0.082, 0.040}, x, 0.004, 2, 0.004, 0.012, 0.002},
      {"adductor brevis, a larger pelvis sphere in the superior pubic ramus", "add_brev", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kPelvis, {-0.050, -0.078, 0.030}, x, 0.004, 2, 0.010, 0.018, 0.002},
      // hwrap3: what was left in the drills (gluteus maximus 1 over the trochanter's posterolateral
      // top in the 90/90 drills and seated, femur (-27..-31, -7..-15, 52) mm; gluteus maximus 2 at
      // the back of the trochanter, (-22..-28, -12, 30..34) mm; run with FIT_RANK=drills).
      {"gluteus maximus 1, hip sphere then a femur sphere over the trochanter's posterolateral top", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "hip_60", false, WrapShape::kSphere, PathBody::kFemur, {-0.024, -0.016, 0.040}, x, 0.003, 2, 0.015, 0.027, 0.003},
      {"gluteus maximus 1, hip sphere then a smaller femur sphere further back on the trochanter", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "hip_60", false, WrapShape::kSphere, PathBody::kFemur, {-0.033, -0.021, 0.040}, x, 0.002, 2, 0.011, 0.017, 0.002},
      {"gluteus maximus 1, hip sphere then a small femur sphere on the trochanter's posterolateral top", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "hip_60", false, WrapShape::kSphere, PathBody::kFemur, {-0.035, -0.021, 0.044}, x, 0.002, 2, 0.007, 0.011, 0.001},
      {"gluteus maximus 1, hip sphere then a small femur sphere on the trochanter's posterolateral top, higher", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "hip_60", false, WrapShape::kSphere, PathBody::kFemur, {-0.031, -0.017, 0.044}, x, 0.002, 2, 0.009, 0.013, 0.001},
      {"gluteus maximus 1, the trochanter sphere as it was (h11p3), for comparison", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "hip_60", false, WrapShape::kSphere, PathBody::kFemur, {-0.027, -0.020, 0.035}, x, 0.002, 0, 0.017, 0.017, 0.001},
      {"TFL, its pelvis sphere as it was (h11p3), for comparison", "tfl", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kPelvis, {-0.010, 0.000, 0.110}, x, 0.002, 0, 0.025, 0.025, 0.001},
      {"TFL, its pelvis sphere refitted (hwrap3), for comparison", "tfl", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kPelvis, {-0.014, 0.004, 0.108}, x, 0.002, 0, 0.025, 0.025, 0.001},
      {"gluteus maximus 2, its ischium cylinder then a small femur sphere at the back of the trochanter", "glut_max2", PathBody::kPelvis, PathBody::kFemur,
       "gmax2_ischium", false, WrapShape::kSphere, PathBody::kFemur, {-0.030, -0.016, 0.032}, x, 0.003, 2, 0.007, 0.013, 0.002},
      {"gluteus maximus 2, its ischium cylinder then a femur sphere at the back of the trochanter", "glut_max2", PathBody::kPelvis, PathBody::kFemur,
       "gmax2_ischium", false, WrapShape::kSphere, PathBody::kFemur, {-0.022, -0.022, 0.032}, x, 0.004, 2, 0.013, 0.025, 0.003},
      // ... the gemelli in the kneeling windmill's back hip, femur (-18, -7, 34) mm, 6 mm from the
      // fossa cylinder's axis; TFL in the supine PAILs/RAILs, in the spine 25.3 mm from its sphere's
      // centre (pelvis (-15, 18, 127) mm).
      {"gemelli, its 32.5 mm hip sphere then a femur cylinder (axis y) at the trochanteric fossa (refit)", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.018, 0.000, 0.038}, y, 0.0015, 2, 0.004, 0.008, 0.001},
      {"TFL, its pelvis sphere under the anterior superior iliac spine (refit)", "tfl", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kPelvis, {-0.010, 0.000, 0.110}, x, 0.002, 2, 0.024, 0.029, 0.001},
      {"gluteus maximus 2, its ischium cylinder then a femur cylinder (axis y) at the back of the trochanter", "glut_max2", PathBody::kPelvis, PathBody::kFemur,
       "gmax2_ischium", false, WrapShape::kCylinder, PathBody::kFemur, {-0.020, 0.000, 0.030}, y, 0.004, 2, 0.008, 0.020, 0.003},
      {"sartorius, a pelvis sphere at the anterior superior iliac spine (finer), then its shaft cylinder", "sar", PathBody::kPelvis, PathBody::kFemur,
       "femoral_shaft_sar", true, WrapShape::kSphere, PathBody::kPelvis, {-0.005, -0.003, 0.118}, x, 0.0025, 2, 0.009, 0.013, 0.001},
      // hwrap4: gluteus maximus 1 over the trochanter's posterolateral top in flexion (drills 3,529
      // samples; its trochanter sphere's flexion moment arm steps 18 mm in 60..120 deg). Rajagopal
      // et al. 2016's Gmax1_at_pelvis_r (centre (-0.077, -0.099, 0.061) m, radius 40 mm, axis
      // (0.435, 0.508, 0.743) from the MyoConverter conversion's quaternion (0.931256, -0.288071,
      // 0.213142, -0.0659324)), in place of the hip sphere and trochanter sphere on that segment or
      // before the trochanter sphere; and femur cylinders across the trochanter (axis z, the
      // flexion axis) in place of both or after the hip sphere. Found (FIT_RANK=drills FIT_KINK=1;
      // drill-frame samples, every 4th frame): Rajagopal's cylinder, alone or before the sphere,
      // put an end or the link 16..36 mm inside it for every candidate (flexion-arm steps 26..87
      // mm); the z cylinder after the hip sphere never took hold, and before the trochanter sphere
      // did no better than alone; alone, (0.005, -0.020) r 40 mm: 508 against 893, steps 0.3 mm
      // (used: anatomy/muscle_wrap.cpp). Cylinders along the shaft (axis y) round the trochanter's
      // posterolateral edge, after the hip sphere or alone, and a hip or pelvis sphere before the
      // z cylinder: an end or the link inside for every candidate. Gluteus maximus 2 (below): the
      // z cylinder alone, (0.010, -0.015) r 40 mm, 5 against its chain's ~175, then finer (every
      // drill frame) (0.0075, -0.015) r 40 mm, 0 (used); after or
      // before its ischium cylinder, the link inside or no better. What gluteus maximus 1 has left
      // over its z cylinder lies in the hip bone behind the acetabulum (the 90/90 drills; pelvis
      // (-100, -56, 81) mm), where its hip sphere was: a pelvis sphere in the ischium, a pelvis
      // cylinder along Gmax1_at_pelvis_r's axis or along z there, before the z cylinder: every
      // candidate that took any samples put the link or an end inside (the z cylinder, 40 mm
      // about an axis 21 mm from the hip centre, holds what the path leaves them at). The
      // gemelli over a femur cylinder (axis z) behind the neck's base, after the hip sphere or
      // before the fossa cylinder: the same (and +1.4 mm standing, calibration rms 0.091 > 0.08).
      {"gluteus maximus 1, Rajagopal's Gmax1_at_pelvis_r cylinder alone on that segment", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kPelvis, {-0.077, -0.099, 0.061}, gmax1_axis, 0.01, 1, 0.025, 0.045, 0.005},
      {"gluteus maximus 1, Rajagopal's Gmax1_at_pelvis_r cylinder then its trochanter sphere", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "trochanter_gmax1", true, WrapShape::kCylinder, PathBody::kPelvis, {-0.077, -0.099, 0.061}, gmax1_axis, 0.01, 1, 0.025, 0.045, 0.005},
      {"gluteus maximus 1, a femur cylinder across the trochanter (axis z) alone on that segment", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {-0.010, -0.010, 0.040}, z, 0.005, 2, 0.020, 0.040, 0.005},
      {"gluteus maximus 1, a femur cylinder across the trochanter (axis z) alone on that segment, wider", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.005, -0.020, 0.040}, z, 0.005, 3, 0.030, 0.050, 0.005},
      {"gluteus maximus 1, a femur cylinder across the trochanter (axis z) then its trochanter sphere", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "trochanter_gmax1", true, WrapShape::kCylinder, PathBody::kFemur, {0.000, -0.015, 0.040}, z, 0.005, 2, 0.030, 0.045, 0.005},
      {"gluteus maximus 1, hip sphere then a femur cylinder along the shaft (axis y) round the trochanter's posterolateral edge", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "hip_60", false, WrapShape::kCylinder, PathBody::kFemur, {-0.015, 0.000, 0.035}, y, 0.003, 2, 0.018, 0.030, 0.003},
      {"gluteus maximus 1, a femur cylinder along the shaft (axis y) round the trochanter's posterolateral edge alone", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", false, WrapShape::kCylinder, PathBody::kFemur, {-0.015, 0.000, 0.035}, y, 0.003, 2, 0.018, 0.030, 0.003},
      {"gluteus maximus 1, a pelvis sphere at the back of the acetabulum, then its trochanter cylinder (axis z)", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "trochanter_gmax1_z", true, WrapShape::kSphere, PathBody::kPelvis, {-0.085, -0.060, 0.080}, x, 0.005, 2, 0.015, 0.035, 0.005},
      {"gluteus maximus 1, a hip sphere, then its trochanter cylinder (axis z)", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "trochanter_gmax1_z", true, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.020, 0.045, 0.0025},
      {"gluteus maximus 2, its ischium cylinder then a femur cylinder across the trochanter (axis z)", "glut_max2", PathBody::kPelvis, PathBody::kFemur,
       "gmax2_ischium", false, WrapShape::kCylinder, PathBody::kFemur, {-0.005, -0.030, 0.040}, z, 0.005, 3, 0.025, 0.045, 0.005},
      {"gluteus maximus 2, a femur cylinder across the trochanter (axis z) alone", "glut_max2", PathBody::kPelvis, PathBody::kFemur,
       "", false, WrapShape::kCylinder, PathBody::kFemur, {-0.005, -0.030, 0.040}, z, 0.005, 3, 0.025, 0.045, 0.005},
      {"gluteus maximus 2, a femur cylinder across the trochanter (axis z) then its ischium cylinder", "glut_max2", PathBody::kPelvis, PathBody::kFemur,
       "gmax2_ischium", true, WrapShape::kCylinder, PathBody::kFemur, {-0.005, -0.030, 0.040}, z, 0.005, 3, 0.025, 0.045, 0.005},
      {"gemelli, its 32.5 mm hip sphere then a femur cylinder (axis z) behind the neck's base", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.025, -0.020, 0.040}, z, 0.003, 3, 0.008, 0.020, 0.003},
      {"gemelli, its fossa cylinder after a femur cylinder (axis z) behind the neck's base", "gem", PathBody::kPelvis, PathBody::kFemur,
       "trochanteric_fossa_gem", true, WrapShape::kCylinder, PathBody::kFemur, {-0.025, -0.020, 0.040}, z, 0.003, 3, 0.008, 0.020, 0.003},
      {"gluteus maximus 1, a pelvis sphere in the ischium behind the acetabulum, then its trochanter cylinder (axis z)", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "trochanter_gmax1_z", true, WrapShape::kSphere, PathBody::kPelvis, {-0.088, -0.056, 0.066}, x, 0.005, 2, 0.010, 0.025, 0.005},
      {"gluteus maximus 1, a pelvis cylinder (Gmax1_at_pelvis_r's axis) behind the acetabulum, then its trochanter cylinder (axis z)", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "trochanter_gmax1_z", true, WrapShape::kCylinder, PathBody::kPelvis, {-0.088, -0.056, 0.066}, gmax1_axis, 0.005, 2, 0.010, 0.025, 0.005},
      {"gluteus maximus 1, a pelvis cylinder (axis z) behind the acetabulum, then its trochanter cylinder (axis z)", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "trochanter_gmax1_z", true, WrapShape::kCylinder, PathBody::kPelvis, {-0.085, -0.060, 0.070}, z, 0.005, 2, 0.010, 0.030, 0.005},
      {"gluteus maximus 2, a femur cylinder across the trochanter (axis z) alone, finer", "glut_max2", PathBody::kPelvis, PathBody::kFemur,
       "", false, WrapShape::kCylinder, PathBody::kFemur, {0.010, -0.015, 0.040}, z, 0.0025, 2, 0.0375, 0.045, 0.0025},
      {"gluteus maximus 1, hip sphere then a femur cylinder across the trochanter (axis z)", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "hip_60", false, WrapShape::kCylinder, PathBody::kFemur, {-0.020, -0.015, 0.040}, z, 0.005, 2, 0.010, 0.025, 0.005},
      // hwrap5: what gluteus maximus 1 has left over its z cylinder crosses the posterior column of
      // the hip bone (behind the acetabulum, pelvis (-102, -50, 81) mm; the 90/90 front leg, hip
      // 96 flexion, 30 abduction, 44 external rotation), 10 mm in front of the column's back face;
      // the z cylinder's first tangent point lies at the back of the femoral head there (pelvis
      // (-87, -80, 77) mm). Surfaces inside the column's bone, whose back face the path goes
      // round, clear of that point (FIT_WHY=1 prints the pose of the least clearance). Found
      // (FIT_RANK=drills): every candidate that took any samples put the link or an end inside the
      // z cylinder (to 37 mm; at hip 90-120 deg with 20-45 of abduction or adduction and 45 of
      // external rotation the z cylinder, infinite along the femur's z, reaches the column) or
      // did not settle; the valid ones left 503-508 of 508 drill-frame samples. Not used.
      {"gluteus maximus 1, a pelvis cylinder (axis z) in the posterior column, then its trochanter cylinder (axis z)", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "trochanter_gmax1_z", true, WrapShape::kCylinder, PathBody::kPelvis, {-0.100, -0.050, 0.080}, z, 0.003, 2, 0.006, 0.018, 0.003},
      {"gluteus maximus 1, a pelvis sphere in the posterior column, then its trochanter cylinder (axis z)", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "trochanter_gmax1_z", true, WrapShape::kSphere, PathBody::kPelvis, {-0.100, -0.050, 0.080}, x, 0.003, 2, 0.006, 0.018, 0.003},
      // ... femur cylinders across the trochanter alone, their axis tilted from z toward -y (a =
      // 10..30 deg: the axis rises toward the hip as it goes medially), so that behind the joint
      // (the 90/90 front leg: femur +y is back in the pelvis) the path lies further back while
      // over the trochanter (z 45 mm) it lies where the z cylinder's does. Found (FIT_RANK=drills,
      // FIT_KINK=1, FIT_MAX_KINK=1; drill-frame samples, every 4th frame, the z cylinder 508):
      // 10 deg 538 at best, 12.5 deg 507, 15 deg 535, 17.5 deg 322, 20 deg 40 ((0.0025, -0.0225,
      // 0.0425) r 42.5 mm); without FIT_MAX_KINK, 0 at 20 deg but the flexion arm stepping 70-90
      // mm (the path round the tilted axis the other way). Then about the best, every 2nd drill
      // frame (the z cylinder 1,019, 2,279 in the fit): 22.5 deg, (0.0025, -0.0275, 0.050) r 40 mm,
      // 0, 376 in the fit, ends 1.1 mm outside, step 0.3 mm (used: anatomy/muscle_wrap.cpp); 25
      // deg 983 at best; 27.5 deg, every candidate that cleared the drills had an end inside.
      {"gluteus maximus 1, a femur cylinder across the trochanter, axis tilted 10 deg", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.005, -0.020, 0.045}, {0.0, -0.173648178, 0.984807753}, 0.005, 1, 0.035, 0.045, 0.005},
      {"gluteus maximus 1, a femur cylinder across the trochanter, axis tilted 20 deg", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.005, -0.020, 0.045}, {0.0, -0.342020143, 0.939692621}, 0.005, 1, 0.035, 0.045, 0.005},
      {"gluteus maximus 1, a femur cylinder across the trochanter, axis tilted 30 deg", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.005, -0.020, 0.045}, {0.0, -0.5, 0.866025404}, 0.005, 1, 0.035, 0.045, 0.005},
      {"gluteus maximus 1, a femur cylinder across the trochanter, axis tilted 12.5 deg, finer", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.0025, -0.0175, 0.045}, {0.0, -0.216439614, 0.976296007}, 0.0025, 2, 0.035, 0.045, 0.005},
      {"gluteus maximus 1, a femur cylinder across the trochanter, axis tilted 15 deg, finer", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.0025, -0.0175, 0.045}, {0.0, -0.258819045, 0.965925826}, 0.0025, 2, 0.035, 0.045, 0.005},
      {"gluteus maximus 1, a femur cylinder across the trochanter, axis tilted 17.5 deg, finer", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.0025, -0.0175, 0.045}, {0.0, -0.300705800, 0.953716951}, 0.0025, 2, 0.035, 0.045, 0.005},
      {"gluteus maximus 1, a femur cylinder across the trochanter, axis tilted 20 deg, finer", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.0025, -0.0175, 0.045}, {0.0, -0.342020143, 0.939692621}, 0.0025, 2, 0.035, 0.045, 0.005},
      {"gluteus maximus 1, a femur cylinder across the trochanter, axis tilted 17.5 deg, larger", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.0050, -0.0250, 0.045}, {0.0, -0.300705800, 0.953716951}, 0.0025, 2, 0.0425, 0.050, 0.0025},
      {"gluteus maximus 1, a femur cylinder across the trochanter, axis tilted 20 deg, larger", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.0050, -0.0250, 0.045}, {0.0, -0.342020143, 0.939692621}, 0.0025, 2, 0.0425, 0.050, 0.0025},
      {"gluteus maximus 1, a femur cylinder across the trochanter, axis tilted 22.5 deg, larger", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.0050, -0.0250, 0.045}, {0.0, -0.382683432, 0.923879533}, 0.0025, 2, 0.0425, 0.050, 0.0025},
      {"gluteus maximus 1, a femur cylinder across the trochanter, axis tilted 22.5 deg, about the best", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.0000, -0.0250, 0.045}, {0.0, -0.382683432, 0.923879533}, 0.0025, 2, 0.0400, 0.045, 0.0025},
      {"gluteus maximus 1, a femur cylinder across the trochanter, axis tilted 25 deg, about the best", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.0000, -0.0250, 0.045}, {0.0, -0.422618262, 0.906307787}, 0.0025, 2, 0.0400, 0.045, 0.0025},
      {"gluteus maximus 1, a femur cylinder across the trochanter, axis tilted 27.5 deg, about the best", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.0000, -0.0250, 0.045}, {0.0, -0.461748613, 0.887010833}, 0.0025, 2, 0.0400, 0.045, 0.0025},
      {"gluteus maximus 1, a femur cylinder across the trochanter, axis tilted -15 deg", "glut_max1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.005, -0.020, 0.045}, {0.0, 0.258819045, 0.965925826}, 0.005, 1, 0.035, 0.045, 0.005},
      // ... and the gemelli in the kneeling windmill's back hip (hip 0, adduction 2, external
      // rotation 12, knee 110): the line from the ischial origin crosses z 32..34 mm (femur frame)
      // at x -17..-21 mm, in the posterior hook of the greater trochanter, where the way to the
      // insertion (-13, -1.6, 44.5) mm lies through the fossa's mouth at x -10..-12 mm: larger
      // fossa cylinders whose anterior face is that mouth, and small ones at the hook's
      // anteromedial corner. Found (FIT_RANK=drills, every 2nd drill frame; the fossa cylinder as
      // it is 380): the larger ones that cut the drills (150 at r 10 mm) put an end or the link
      // inside or did not settle, calibration rms 0.11-0.12 (0.08 held); at the corner, every one
      // that cut them (446 at best) put an end or the link up to 3 mm inside; with KEPT_R=0.030 or
      // 0.0275 the fossa cylinder left 403 and 991. Not used. Then the fossa cylinder with its axis
      // tilted (below; drill-frame samples every 2nd frame, 380 as it is): 20 deg toward +z 356,
      // -z (an end inside), +x 794, -x 210; -x 30 deg 44, 40 deg 18, 50 deg 3; -x 30 and +z 15
      // 15; -x 40 and +z 15, (-0.021, -0.0055, 0.037) r 5 mm: 0 (every frame too), ends 3.2 mm
      // outside, calibration rms 0.0733 (used: anatomy/muscle_wrap.cpp).
      {"gemelli, its 32.5 mm hip sphere then a larger femur cylinder (axis y) in the posterior hook of the trochanter", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.020, 0.000, 0.036}, y, 0.002, 2, 0.004, 0.012, 0.002},
      {"gemelli, its 32.5 mm hip sphere then its fossa cylinder with the axis tilted toward +z 20 deg", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.018, -0.004, 0.040}, {0.000000000, 0.939692621, 0.342020143}, 0.0015, 2, 0.003, 0.006, 0.001},
      {"gemelli, its 32.5 mm hip sphere then its fossa cylinder with the axis tilted toward -z 20 deg", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.018, -0.004, 0.040}, {0.000000000, 0.939692621, -0.342020143}, 0.0015, 2, 0.003, 0.006, 0.001},
      {"gemelli, its 32.5 mm hip sphere then its fossa cylinder with the axis tilted toward +x 20 deg", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.018, -0.004, 0.040}, {0.342020143, 0.939692621, 0.000000000}, 0.0015, 2, 0.003, 0.006, 0.001},
      {"gemelli, its 32.5 mm hip sphere then its fossa cylinder with the axis tilted toward -x 20 deg", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.018, -0.004, 0.040}, {-0.342020143, 0.939692621, 0.000000000}, 0.0015, 2, 0.003, 0.006, 0.001},
      {"gemelli, its 32.5 mm hip sphere then its fossa cylinder with the axis tilted toward -x 30 and +z 0 deg", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.018, -0.004, 0.040}, {-0.500000000, 0.866025404, 0.000000000}, 0.0015, 2, 0.003, 0.005, 0.001},
      {"gemelli, its 32.5 mm hip sphere then its fossa cylinder with the axis tilted toward -x 40 and +z 0 deg", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.018, -0.004, 0.040}, {-0.642787610, 0.766044443, 0.000000000}, 0.0015, 2, 0.003, 0.005, 0.001},
      {"gemelli, its 32.5 mm hip sphere then its fossa cylinder with the axis tilted toward -x 50 and +z 0 deg", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.018, -0.004, 0.040}, {-0.766044443, 0.642787610, 0.000000000}, 0.0015, 2, 0.003, 0.005, 0.001},
      {"gemelli, its 32.5 mm hip sphere then its fossa cylinder with the axis tilted toward -x 30 and +z 15 deg", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.018, -0.004, 0.040}, {-0.487058474, 0.843610023, 0.226044624}, 0.0015, 2, 0.003, 0.005, 0.001},
      {"gemelli, its 32.5 mm hip sphere then its fossa cylinder with the axis tilted toward -x 40 and +z 15 deg", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.018, -0.004, 0.040}, {-0.629660015, 0.750399585, 0.201068963}, 0.0015, 2, 0.003, 0.005, 0.001},
      {"gemelli, its 32.5 mm hip sphere then a small femur cylinder (axis y) at the anteromedial corner of the hook", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.016, 0.000, 0.033}, y, 0.0015, 2, 0.002, 0.006, 0.001},
      // hwrap6: what the slider grid has left (the grid above; "where the samples in bone lie"):
      // semitendinosus through the back of the femoral head and neck at 90-120 deg of flexion
      // (femur (-11, -11, 9) mm), adductor brevis round its small ramus sphere (whose arc lies in
      // the ramus) at 120 deg of flexion. Found: semitendinosus, femur spheres in the back of the
      // head (r 16..26 mm) at best 1457 -> 831 at the grid's edge (r 26, x -10 mm); about the head,
      // larger, (-0.005, -0.005, 0) r 30 mm 762, ends 13.2 mm outside (used:
      // anatomy/muscle_wrap.cpp); a hip sphere (fixed in the pelvis) after the ischium sphere: no
      // candidate kept the link and ends outside. Adductor brevis, a hip sphere after its ramus
      // sphere: 899 -> 790 at r 35 mm.
      // ... adductor longus through the femoral shaft 20-30 mm above its insertion with the hip
      // extended, abducted and turned out (femur (12, -185, 20) mm) and adductor magnus 1 near
      // its: femur cylinders about Rajagopal et al. 2016's AL_at_femshaft_r (centre (0.0307,
      // -0.2319, 0.0151) m, r 20.1 mm) and AMmid_at_femshaft_r ((0.0230, -0.1607, 0.0206) m, r
      // 21.4 mm), axes from the MyoConverter conversion's quaternions ((0.629067, 0.774355,
      // 0.0429971, 0.0529276) and (0.690996, 0.719631, 0.0472547, 0.0492129), w x y z: the
      // cylinder's z) (0.1361, -0.9697, -0.2029) and (0.1361, -0.9899, -0.0402).
      {"adductor longus, a femur cylinder at Rajagopal's AL_at_femshaft_r", "add_long", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.0307, -0.2319, 0.0151}, {0.1360655, -0.9696899, -0.2029476}, 0.0025, 2, 0.015, 0.025, 0.0025},
      {"adductor longus, Rajagopal's AL_at_femshaft_r as published", "add_long", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.0307327, -0.231909, 0.0151137}, {0.1360655, -0.9696899, -0.2029476}, 0.0025, 0, 0.0201, 0.0201, 0.001},
      // Found: adductor longus 549 -> 0 (as published, and 0 for many refits; the one adding the
      // least is used: anatomy/muscle_wrap.cpp); adductor magnus 1 465 -> 243 at best ((0.0180,
      // -0.1632, 0.0156) r 25 mm, the grid's edge), +0.95 mm on average, calibration rms 0.0154 ->
      // 0.0354: not used.
      {"adductor magnus 1, a femur cylinder at Rajagopal's AMmid_at_femshaft_r", "add_mag1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.0230, -0.1607, 0.0206}, {0.1361360, -0.9898740, -0.0402044}, 0.0025, 2, 0.015, 0.025, 0.0025},
      // ... quadratus femoris through the back of the femoral head at 120 deg of flexion (femur
      // (-17, -2, 8) mm) and gluteus maximus 3 through the back of the trochanter with 45 deg of
      // abduction at 90-120 deg (femur (-21..-33, -29..-40, 37..41) mm). Found: quadratus femoris
      // 737 -> 551 at best ((-0.010, -0.015, 0.010) r 36 mm, the grid's edge), +0.44 mm on average,
      // calibration rms 0.0125 -> 0.0243: not used (a quarter off for twice the rms); gluteus
      // maximus 3, every candidate that cut it (601 -> 147 at best) put the link or an end 15-19
      // mm inside: not used.
      {"quadratus femoris, a femur sphere about the femoral head", "quad_fem", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.005, -0.005, 0.000}, x, 0.005, 2, 0.024, 0.036, 0.003},
      {"gluteus maximus 3, its ischium cylinder then a femur cylinder across the trochanter (axis z)", "glut_max3", PathBody::kPelvis, PathBody::kFemur,
       "gmax3_ischium", false, WrapShape::kCylinder, PathBody::kFemur, {0.0075, -0.030, 0.0}, z, 0.005, 2, 0.030, 0.045, 0.005},
      // ... gluteus minimus 1 through the front of the neck's base at 120 deg of flexion with 45 of
      // abduction and external rotation (femur (0, -23, 37) mm):
      // Found: hip spheres 269 -> 185 at best (r 55 mm, +3.0 mm on average); femur spheres in the
      // neck's base 269 -> 3 or 4 ((-0.009, -0.024, 0.039) r 19 mm used: anatomy/muscle_wrap.cpp).
      {"gluteus minimus 1, a hip sphere alone", "glut_min1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.0250, 0.0550, 0.0025},
      {"gluteus minimus 1, a femur sphere in the neck's base", "glut_min1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.005, -0.020, 0.035}, x, 0.004, 2, 0.010, 0.022, 0.003},
      // ... gluteus medius 3 through the back of the trochanter at 120 deg of flexion (femur (-16,
      // -25, 44) mm). Found: after its hip sphere 336 -> 304 at best, before it none took hold: not
      // used.
      {"gluteus medius 3, its hip sphere then a femur sphere at the back of the trochanter", "glut_med3", PathBody::kPelvis, PathBody::kFemur,
       "hip_55", false, WrapShape::kSphere, PathBody::kFemur, {-0.020, -0.025, 0.040}, x, 0.004, 2, 0.010, 0.022, 0.003},
      {"gluteus medius 3, a femur sphere at the back of the trochanter, then its hip sphere", "glut_med3", PathBody::kPelvis, PathBody::kFemur,
       "hip_55", true, WrapShape::kSphere, PathBody::kFemur, {-0.020, -0.025, 0.040}, x, 0.004, 2, 0.010, 0.022, 0.003},
      {"semitendinosus, its ischium sphere then a femur sphere in the back of the femoral head", "semiten", PathBody::kPelvis, PathBody::kTibia,
       "ischium_st", false, WrapShape::kSphere, PathBody::kFemur, {-0.005, 0.005, 0.005}, x, 0.005, 2, 0.016, 0.026, 0.002},
      {"semitendinosus, its ischium sphere then a larger femur sphere about the femoral head", "semiten", PathBody::kPelvis, PathBody::kTibia,
       "ischium_st", false, WrapShape::kSphere, PathBody::kFemur, {-0.015, 0.000, -0.010}, x, 0.005, 2, 0.024, 0.036, 0.003},
      {"semitendinosus, its ischium sphere then a hip sphere", "semiten", PathBody::kPelvis, PathBody::kTibia,
       "ischium_st", false, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.0200, 0.0325, 0.0025},
      // hwrap7: biceps femoris long head through the femoral neck and the acetabulum at 120 deg of
      // flexion (femur (-1, -41, 5) mm, 3,939 grid samples; hip bone 1,857). Found: the head sphere
      // refitted to (-0.010, 0.015, -0.005) r 16 mm: 1,892 -> 1,830 in the fit, ends >= 5.4 mm out,
      // slider grid 7,374 -> 7,170; NOT used: its l_o/l_ts refit (109.47 -> 109.54 mm, 325.68 ->
      // 325.63 mm) moved the passive-hip fit so that the hip one-joint group's e0 1.46 was no
      // longer its least-squares optimum (tests/biomech/passive_moment_test.cpp: 65.6985 at a
      // 0.02 step < 65.7022), and refitting e0 was left for later. A hip sphere before the neck
      // sphere: every radius (20..30 mm) put an end or the link inside (1,967 at best, 10.9 mm in).
      {"biceps femoris long head (hwrap7), a femur sphere in the head then its neck sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_bflh", true, WrapShape::kSphere, PathBody::kFemur, {-0.010, 0.010, 0.000}, x, 0.005, 1, 0.012, 0.024, 0.004},
      {"biceps femoris long head (hwrap7), a hip sphere then its neck sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_bflh", true, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.0150, 0.0300, 0.0025},
      {"adductor brevis, its ramus sphere then a hip sphere", "add_brev", PathBody::kPelvis, PathBody::kFemur,
       "pubic_ramus_ab", false, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.0200, 0.0350, 0.0025},
      // hwrap7: sartorius' shaft cylinder (infinite, r 30 mm) takes in its origin at the anterior
      // superior iliac spine in hip extension, lets go, and the line cuts the femoral neck: in place
      // of it, after the iliac-spine sphere, femur cylinders along the shaft that keep the origin
      // out, or femur spheres over the shaft. Found (in the fit: the iliac-spine sphere alone 8,490):
      // along y every cylinder put an end inside (best 1,023, 20 mm in); a hip sphere in place of the
      // cylinder 7,975 at best (r 47.5 mm); a hip sphere in place of the iliac-spine sphere, before
      // the cylinder, 1,564 valid at r 55 mm but 230 samples back in the drill frames; the axis
      // tilted back 12 deg: (0.005, -0.205, 0.015) r 27.5 mm, 1,045, ends >= 2.2 mm out (used:
      // anatomy/muscle_wrap.cpp); 18 and 24 deg back 1,025 and 1,106 with the 90/90 rotation arm
      // -8.0 -> -11.7 and -15.1 mm (not used); 6 deg back and 6 out an end inside (1,215).
      {"sartorius, its iliac-spine sphere then a femur cylinder along the shaft (axis y)", "sar", PathBody::kPelvis, PathBody::kFemur,
       "iliac_spine_sar", false, WrapShape::kCylinder, PathBody::kFemur, {0.000, -0.200, 0.020}, y, 0.005, 2, 0.015, 0.035, 0.0025},
      {"sartorius, its iliac-spine sphere then a femur sphere over the shaft", "sar", PathBody::kPelvis, PathBody::kFemur,
       "iliac_spine_sar", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.200, 0.020}, x, 0.02, 2, 0.030, 0.090, 0.015},
      {"sartorius, its iliac-spine sphere then a hip sphere (no shaft cylinder)", "sar", PathBody::kPelvis, PathBody::kFemur,
       "iliac_spine_sar", false, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.0250, 0.0550, 0.0025},
      {"sartorius, a hip sphere then its shaft cylinder (no iliac-spine sphere)", "sar", PathBody::kPelvis, PathBody::kFemur,
       "femoral_shaft_sar", true, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.0250, 0.0550, 0.0025},
      {"sartorius, its iliac-spine sphere then a femur cylinder along the shaft, tilted 6 deg back", "sar", PathBody::kPelvis, PathBody::kFemur,
       "iliac_spine_sar", false, WrapShape::kCylinder, PathBody::kFemur, {0.000, -0.200, 0.020}, {-0.104528463, 0.994521895, 0.000000000}, 0.005, 1, 0.025, 0.035, 0.0025},
      {"sartorius, its iliac-spine sphere then a femur cylinder along the shaft, tilted 12 deg back", "sar", PathBody::kPelvis, PathBody::kFemur,
       "iliac_spine_sar", false, WrapShape::kCylinder, PathBody::kFemur, {0.000, -0.200, 0.020}, {-0.207911691, 0.978147601, 0.000000000}, 0.005, 1, 0.025, 0.035, 0.0025},
      {"sartorius, its iliac-spine sphere then a femur cylinder along the shaft, tilted 18 deg back", "sar", PathBody::kPelvis, PathBody::kFemur,
       "iliac_spine_sar", false, WrapShape::kCylinder, PathBody::kFemur, {0.005, -0.205, 0.015}, {-0.309016994, 0.951056516, 0.0}, 0.005, 1, 0.0225, 0.0325, 0.0025},
      {"sartorius, its iliac-spine sphere then a femur cylinder along the shaft, tilted 24 deg back", "sar", PathBody::kPelvis, PathBody::kFemur,
       "iliac_spine_sar", false, WrapShape::kCylinder, PathBody::kFemur, {0.005, -0.205, 0.015}, {-0.406736643, 0.913545458, 0.0}, 0.005, 1, 0.0225, 0.0325, 0.0025},
      {"sartorius, its iliac-spine sphere then a femur cylinder along the shaft, tilted 6 deg back and 6 out", "sar", PathBody::kPelvis, PathBody::kFemur,
       "iliac_spine_sar", false, WrapShape::kCylinder, PathBody::kFemur, {0.000, -0.200, 0.020}, {-0.103962051, 0.989132844, 0.103962051}, 0.005, 1, 0.025, 0.035, 0.0025},
      // hwrap8: chains of three (anatomy::wrap_chain over N surfaces). Sartorius in hip extension
      // passes through the femoral head and the acetabular rim between its iliac-spine sphere and
      // its shaft cylinder: a hip sphere, or a pelvis sphere about the rim, between the two.
      // Found (none 1,045): hip spheres 22.5..52.5 mm put a link inside a neighbour; 55 mm 388,
      // 57.5 mm 319, 60 mm 293 (standing flexion arm 45.1 -> 46.9, 49.0, 51.2 mm); 55 mm used
      // (anatomy/muscle_wrap.cpp). Rim spheres: 922 at best (r 20 mm).
      {"sartorius (hwrap8), its iliac-spine sphere, a hip sphere, then its shaft cylinder", "sar", PathBody::kPelvis, PathBody::kFemur,
       "iliac_spine_sar+femoral_shaft_sar", false, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.0200, 0.0600, 0.0025, 1},
      {"sartorius (hwrap8), its iliac-spine sphere, a pelvis sphere at the anterior acetabular rim, then its shaft cylinder", "sar", PathBody::kPelvis, PathBody::kFemur,
       "iliac_spine_sar+femoral_shaft_sar", false, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre + glm::dvec3(0.010, 0.0, 0.005), x, 0.005, 1, 0.020, 0.040, 0.005, 1},
      // ... the gemelli in hip extension (the slider grid at -30 deg: 3,390 samples in the femur at
      // (-16, -15, 31) mm, the back of the neck under the trochanter) between their hip sphere and
      // their fossa cylinder: a femur sphere in the back of the neck, between the two; and biceps
      // femoris long head at 120 deg of flexion (3,939 grid samples in the femur at (-1, -41, 5)
      // mm, under the neck) over a femur sphere there, between or after its head and neck spheres.
      // Found: gemelli 1,196 -> 1,172 at best ((-0.008, -0.016, 0.030) r 8 mm); biceps femoris
      // long head 1,892 -> 1,865 between, 1,890 after: none took hold where the samples lie, not
      // used.
      {"gemelli (hwrap8), its hip sphere, a femur sphere in the back of the neck, then its fossa cylinder", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5+trochanteric_fossa_gem_tilted", false, WrapShape::kSphere, PathBody::kFemur, {-0.008, -0.012, 0.026}, x, 0.004, 2, 0.006, 0.014, 0.002, 1},
      {"biceps femoris long head (hwrap8), its head sphere, a femur sphere under the neck, then its neck sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_bflh+posterior_neck_bflh", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.030, 0.005}, x, 0.005, 1, 0.008, 0.016, 0.004, 1},
      {"biceps femoris long head (hwrap8), its head sphere, its neck sphere, then a femur sphere under the neck", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_bflh+posterior_neck_bflh", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.030, 0.005}, x, 0.005, 1, 0.008, 0.016, 0.004, 2},      // hwrap9: what the slider grid leaves of the hamstrings ("where the samples in bone lie",
      // WHERE_BY_POSE=1): at 120 deg of flexion with adduction -20..5 deg their lines from the
      // ischial tuberosity pass through the middle of the femoral head (femur (0, -2, 2) mm; biceps
      // femoris long head's small head sphere, 10 mm behind the centre, is gone round on its front),
      // with 30 deg of adduction through the ischium (pelvis (-110, -95, 62) mm), and at 60-90 deg
      // with 45 of abduction and 45 of external rotation through the back of the neck's base and
      // the intertrochanteric crest (femur (-25..-30, -28..-38, 31..35) mm). Found (in the fit,
      // FIT_RANK=drills; biceps femoris long head's chain 1,892, semimembranosus' 1,398): a femur
      // sphere about the head alone, r 20..40 mm, 5,345 and 3,293 at best, a hip sphere alone 4,366
      // (60 mm, +2.1 mm on average) and 3,431 (both lose the neck sphere's drills); a larger head
      // sphere before the neck sphere 1,891 and 1,685; a hip sphere (hip@R, 22.5..30 mm) before a
      // refitted neck sphere: 3,877 at best among those that settle, and every pair that cleared the
      // head (R 27.5 and 30 mm, 1,543 at best) did not settle (wrap_chain's rounds, two spheres
      // overlapping about the head); a pelvis sphere in the ischium before the head and neck
      // spheres (the tuberosity's common tendon, as semitendinosus' ischium sphere): biceps femoris
      // long head 1,686 ((-0.110, -0.100, 0.050) r 17.5 mm), semimembranosus 1,386; biceps femoris
      // long head's neck sphere refitted (5 mm grid, r 30..45 mm): its own is the best with the
      // drills at 0, and on a 2.5 mm grid too. Semimembranosus' neck sphere refitted (5 mm, then
      // 2.5 mm grid): 1,135 at (-0.0025, -0.015, 0.035) r 27.5 mm; biceps femoris long head's head
      // sphere refitted (2.5 mm grid): 1,689 at (-0.0075, 0.015, -0.0025) r 16 mm (both used:
      // anatomy/muscle_wrap.cpp).
      {"hwrap9 bifemlh, a femur sphere about the femoral head alone", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.005, -0.005, 0.000}, x, 0.005, 2, 0.0200, 0.0400, 0.0025},
      {"hwrap9 bifemlh, a hip sphere alone", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "", true, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.0200, 0.0600, 0.0025},
      {"hwrap9 bifemlh, a femur sphere about the femoral head then its neck sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_bflh", true, WrapShape::kSphere, PathBody::kFemur, {-0.005, 0.000, 0.000}, x, 0.005, 2, 0.0160, 0.0320, 0.0020},
      {"hwrap9 semimem, a femur sphere about the femoral head alone", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.005, -0.005, 0.000}, x, 0.005, 2, 0.0200, 0.0400, 0.0025},
      {"hwrap9 semimem, a hip sphere alone", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "", true, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre, y, 0.002, 0, 0.0200, 0.0600, 0.0025},
      {"hwrap9 semimem, a femur sphere about the femoral head then its neck sphere", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_sm", true, WrapShape::kSphere, PathBody::kFemur, {-0.005, 0.005, 0.000}, x, 0.005, 2, 0.0160, 0.0320, 0.0020},      {"hwrap9 bifemlh, an ischium sphere, its head sphere, its neck sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_bflh+posterior_neck_bflh", true, WrapShape::kSphere, PathBody::kPelvis, {-0.105, -0.095, 0.045}, x, 0.005, 1, 0.0150, 0.0300, 0.0025},
      {"hwrap9 semimem, an ischium sphere, its head sphere, its neck sphere", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_sm+posterior_neck_sm", true, WrapShape::kSphere, PathBody::kPelvis, {-0.095, -0.090, 0.055}, x, 0.005, 1, 0.0150, 0.0300, 0.0025},      {"hwrap9 bifemlh, a hip sphere 0.0225 then a neck sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "hip@0.0225", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.020, 0.035}, x, 0.005, 2, 0.0250, 0.0400, 0.0025},
      {"hwrap9 bifemlh, a hip sphere 0.025 then a neck sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "hip@0.025", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.020, 0.035}, x, 0.005, 2, 0.0250, 0.0400, 0.0025},
      {"hwrap9 bifemlh, a hip sphere 0.0275 then a neck sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "hip@0.0275", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.020, 0.035}, x, 0.005, 2, 0.0250, 0.0400, 0.0025},
      {"hwrap9 bifemlh, a hip sphere 0.030 then a neck sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "hip@0.030", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.020, 0.035}, x, 0.005, 2, 0.0250, 0.0400, 0.0025},
      {"hwrap9 semimem, its head sphere then its neck sphere refitted", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_sm", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.020, 0.030}, x, 0.005, 2, 0.0225, 0.0375, 0.0025},
      {"hwrap9 bifemlh, its head sphere then its neck sphere refitted", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_bflh", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.020, 0.035}, x, 0.005, 2, 0.0300, 0.0450, 0.0025},
      {"hwrap9 semimem, its head sphere then its neck sphere refitted, finer", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_sm", false, WrapShape::kSphere, PathBody::kFemur, {-0.0025, -0.0175, 0.030}, x, 0.0025, 2, 0.0225, 0.0300, 0.00125},
      {"hwrap9 bifemlh, its head sphere then its neck sphere refitted, finer", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_bflh", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.020, 0.035}, x, 0.0025, 2, 0.0325, 0.0375, 0.00125},
      {"hwrap9 bifemlh, its head sphere refitted then its neck sphere, finer", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_bflh", true, WrapShape::kSphere, PathBody::kFemur, {-0.010, 0.010, 0.000}, x, 0.0025, 2, 0.0100, 0.0160, 0.0015},
      // hwrap10: what the slider grid leaves of the gemelli lies in hip extension (-30 deg), in the
      // femur at (-13..-19, -6..-19, 26..37) mm, behind the neck under the trochanter, before the
      // fossa cylinder takes the line; of adductor brevis at 120 deg of flexion in the pubic ramus
      // below its sphere (pelvis (-38..-46, -75..-87, 20..26) mm) and at -30 deg with 30 of
      // adduction in the ischiopubic ramus behind and below the origin (pelvis (-68..-73,
      // -102..-106, 19..21) mm) ("where the samples in bone lie", WHERE_BY_POSE=1). Found
      // (FIT_RANK=drills): the gemelli's sphere between its hip sphere and fossa cylinder 1,196 ->
      // 1,172 at best (most candidates meet the 32.5 mm hip sphere: an end or the link inside);
      // adductor brevis' ischiopubic sphere, before or after its pubic one, 899 -> 596 at (-0.070,
      // -0.103, 0.018) r 12 mm (used), its pubic sphere refitted alone 1,261 -> 585 at r 18 mm
      // (+0.26 mm on average: the larger sphere stretched its volume before; not used); biceps
      // femoris long head's ischium sphere 1,689 -> 1,467 at (-0.115, -0.100, 0.045) r 22.5 mm
      // (used: anatomy/muscle_wrap.cpp). Then the gemelli's tilted fossa cylinder refitted (its axis
      // kept): 1,196 -> 960 at r 8 mm on the 1.5 mm grid (calibration rms 0.0841), on the finer
      // grid 924 at (-0.02325, -0.00625, 0.03925) r 8.5 mm, rms 0.0792 (used), 920 at rms 0.0815.
      {"hwrap10 gem, its hip sphere, a femur sphere behind the neck, its fossa cylinder", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5+trochanteric_fossa_gem_tilted", false, WrapShape::kSphere, PathBody::kFemur, {-0.008, -0.012, 0.026}, x, 0.004, 2, 0.006, 0.014, 0.002, 1},
      {"hwrap10 gem, its hip sphere then its tilted fossa cylinder refitted", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.021, -0.0055, 0.037}, {-0.629660015, 0.750399585, 0.201068963}, 0.0015, 2, 0.004, 0.008, 0.001},
      {"hwrap10 gem, its hip sphere then its tilted fossa cylinder refitted, finer", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5", false, WrapShape::kCylinder, PathBody::kFemur, {-0.0225, -0.0055, 0.040}, {-0.629660015, 0.750399585, 0.201068963}, 0.00075, 2, 0.0065, 0.0085, 0.0005},
      {"hwrap10 gem, its hip sphere, its fossa cylinder, then a femur sphere behind the neck", "gem", PathBody::kPelvis, PathBody::kFemur,
       "hip_32_5+trochanteric_fossa_gem_tilted", false, WrapShape::kSphere, PathBody::kFemur, {-0.010, -0.015, 0.030}, x, 0.004, 2, 0.006, 0.012, 0.002, 2},
      {"hwrap10 bifemlh, an ischium sphere, its head sphere, its neck sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_bflh+posterior_neck_bflh", true, WrapShape::kSphere, PathBody::kPelvis, {-0.115, -0.105, 0.055}, x, 0.005, 2, 0.0150, 0.0225, 0.0025},
      {"hwrap10 add_brev, its pubic ramus sphere refitted", "add_brev", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kPelvis, {-0.046, -0.080, 0.028}, x, 0.004, 2, 0.010, 0.018, 0.002},
      {"hwrap10 add_brev, an ischiopubic sphere then its pubic ramus sphere", "add_brev", PathBody::kPelvis, PathBody::kFemur,
       "pubic_ramus_ab", true, WrapShape::kSphere, PathBody::kPelvis, {-0.075, -0.108, 0.018}, x, 0.005, 2, 0.006, 0.014, 0.002},
      {"hwrap10 add_brev, its pubic ramus sphere then an ischiopubic sphere", "add_brev", PathBody::kPelvis, PathBody::kFemur,
       "pubic_ramus_ab", false, WrapShape::kSphere, PathBody::kPelvis, {-0.075, -0.108, 0.018}, x, 0.005, 2, 0.006, 0.014, 0.002},
      // hwrap11: what the slider grid leaves of the hamstrings lies mostly at 120 deg of flexion,
      // where the line from the tuberosity runs through the middle of the femoral head and the
      // acetabulum (femur (3..10, -1..-7, -10..11) mm; biceps femoris long head 3,432 of 5,793,
      // semimembranosus 2,856 of 4,308): there the tuberosity lies nearly on the femur's y axis
      // above the head, and the line passes in front of the head spheres' centres and round their
      // fronts ("probe", 120, -20, -45, 65: flexion arm +2.3 mm). Found (FIT_RANK=drills): head
      // spheres further forward (27 centres 5 mm apart about (0, 0.005..0.010, 0), r 16..25 mm),
      // biceps femoris long head's between its ischium and neck spheres every one with an end or
      // link inside (1,404 at best, against its chain's 1,467), semimembranosus' before its neck
      // sphere 1,592 at best (its chain 1,135); a cylinder along HipLab's femoral neck axis
      // through the head (r 18..30 mm), alone or before the neck sphere: biceps femoris long head
      // 1,215, semimembranosus 607, but every one with an end 20-29 mm inside (the infinite
      // cylinder's medial reach takes in the tuberosity at 90-120 deg of flexion with adduction).
      // None used. Then the two largest muscles with no surface yet: quadratus femoris 2,985 (1,290
      // at -30 deg adducted 30, femur (-24, -54, 25) mm, behind the lesser trochanter) and
      // adductor magnus 3 3,090 (femur (-26, -43, 27) and (-5, -17, 21) mm at 90-120 deg with 45 of
      // abduction): quadratus femoris 737 -> 535 ((-0.0175, -0.050, 0.025) r 15 mm), adductor
      // magnus 3 801 -> 405 ((-0.010, -0.040, 0.020) r 25 mm; larger, r 25..35 mm, no better), both
      // used (anatomy/muscle_wrap.cpp).
      {"hwrap11 bifemlh, its ischium sphere, its head sphere refitted forward, its neck sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+posterior_neck_bflh", false, WrapShape::kSphere, PathBody::kFemur, {0.000, 0.005, 0.000}, x, 0.005, 1, 0.016, 0.025, 0.003, 1},
      {"hwrap11 semimem, its head sphere refitted forward, its neck sphere", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_sm", true, WrapShape::kSphere, PathBody::kFemur, {0.000, 0.010, 0.000}, x, 0.005, 1, 0.016, 0.025, 0.003},
      {"hwrap11 bifemlh, its ischium sphere, a neck-axis cylinder", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh", false, WrapShape::kCylinder, PathBody::kFemur, {0.000, 0.000, 0.000}, neck, 0.005, 1, 0.018, 0.030, 0.003},
      {"hwrap11 bifemlh, its ischium sphere, a neck-axis cylinder, its neck sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+posterior_neck_bflh", false, WrapShape::kCylinder, PathBody::kFemur, {0.000, 0.000, 0.000}, neck, 0.005, 1, 0.018, 0.030, 0.003, 1},
      {"hwrap11 semimem, a neck-axis cylinder", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.000, 0.000, 0.000}, neck, 0.005, 1, 0.018, 0.030, 0.003},
      {"hwrap11 semimem, a neck-axis cylinder, its neck sphere", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "posterior_neck_sm", true, WrapShape::kCylinder, PathBody::kFemur, {0.000, 0.000, 0.000}, neck, 0.005, 1, 0.018, 0.030, 0.003},
      {"hwrap11 quad_fem, a femur sphere behind the shaft below its insertion", "quad_fem", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.010, -0.050, 0.020}, x, 0.005, 2, 0.010, 0.025, 0.005},
      {"hwrap11 quad_fem, a femur cylinder (axis y) behind the shaft below its insertion", "quad_fem", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {-0.010, -0.050, 0.020}, y, 0.005, 2, 0.010, 0.025, 0.005},
      {"hwrap11 quad_fem, a femur sphere behind the shaft below its insertion, finer", "quad_fem", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.015, -0.045, 0.025}, x, 0.0025, 2, 0.015, 0.025, 0.0025},
      {"hwrap11 add_mag3, a femur sphere behind the neck's base", "add_mag3", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.015, -0.035, 0.025}, x, 0.005, 2, 0.010, 0.025, 0.005},
      {"hwrap11 add_mag3, a femur sphere behind the neck's base, larger", "add_mag3", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.010, -0.040, 0.020}, x, 0.005, 1, 0.025, 0.035, 0.0025},
      // hwrap12: adductor magnus 1 and 2, no surface yet (grid 2,040 and 1,365): at 120 deg of
      // flexion with 45 of abduction both ran through the back of the femur below the lesser
      // trochanter (femur (-23, -56, 24) and (-19, -56, 21) mm), and adductor magnus 1 with the
      // hip extended 30, abducted 45 and turned in 45 through the shaft above its insertion (femur
      // (-3, -112, 27) mm). Found (FIT_RANK=drills): adductor magnus 2 344 -> 216 over adductor
      // magnus 3's sphere as it stands, as few as its own best sphere ((-0.015, -0.0525, 0.0275) r
      // 15 mm); adductor magnus 1 465 -> 249 over its own best sphere ((-0.0075, -0.0525, 0.0275) r
      // 25 mm), 305 over adductor magnus 3's, 255 over a shaft cylinder alone (r 16 mm: +0.38 mm,
      // acting at standing, rms 0.0237), 305 -> 112 over adductor magnus 3's sphere then a shaft
      // cylinder at (0.004, -0.112, 0.028) r 10 mm (ends 7.1 mm outside, +0.01 mm, rms 0.0156;
      // r 8..12 mm the same count); adductor longus' cylinder after the sphere does not act. Used:
      // adductor magnus 3's sphere for both, the r 10 mm cylinder for adductor magnus 1
      // (anatomy/muscle_wrap.cpp).
      {"hwrap12 add_mag1, a femur sphere behind the lesser trochanter", "add_mag1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.015, -0.045, 0.020}, x, 0.0075, 1, 0.010, 0.030, 0.005},
      {"hwrap12 add_mag1, a cylinder along the shaft (AL_at_femshaft_r's axis)", "add_mag1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kCylinder, PathBody::kFemur, {0.000, -0.112, 0.020}, shaft_axis, 0.004, 1, 0.008, 0.016, 0.004},
      {"hwrap12 add_mag2, a femur sphere behind the lesser trochanter", "add_mag2", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.015, -0.045, 0.020}, x, 0.0075, 1, 0.010, 0.030, 0.005},
      {"hwrap12 add_mag1, adductor magnus 3's sphere", "add_mag1", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.010, -0.040, 0.020}, x, 0.005, 0, 0.025, 0.025, 0.005},
      {"hwrap12 add_mag2, adductor magnus 3's sphere", "add_mag2", PathBody::kPelvis, PathBody::kFemur,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.010, -0.040, 0.020}, x, 0.005, 0, 0.025, 0.025, 0.005},
      {"hwrap12 add_mag1, adductor magnus 3's sphere then a cylinder along the shaft", "add_mag1", PathBody::kPelvis, PathBody::kFemur,
       "lesser_trochanter_am3", false, WrapShape::kCylinder, PathBody::kFemur, {0.000, -0.112, 0.020}, shaft_axis, 0.004, 1, 0.008, 0.016, 0.004},
      {"hwrap12 add_mag1, adductor magnus 3's sphere then a cylinder along the shaft, further lateral", "add_mag1", PathBody::kPelvis, PathBody::kFemur,
       "lesser_trochanter_am3", false, WrapShape::kCylinder, PathBody::kFemur, {0.008, -0.112, 0.028}, shaft_axis, 0.004, 1, 0.004, 0.012, 0.002},
      {"hwrap12 add_mag1, adductor magnus 3's sphere then adductor longus' shaft cylinder", "add_mag1", PathBody::kPelvis, PathBody::kFemur,
       "lesser_trochanter_am3", false, WrapShape::kCylinder, PathBody::kFemur, {0.0332, -0.2369, 0.0201}, shaft_axis, 0.004, 0, 0.020, 0.020, 0.002},
      // hwrap13: biceps femoris long head at 120 deg of flexion, abducted 45 and turned out 15-45
      // (the slider grid's corner): past its neck sphere its line to the fibular head ran through
      // the middle of the femoral shaft (femur (10..15, -145..-178, 23..35) mm; the shaft's
      // section there x 2..29, z 15..42 mm). Found (FIT_RANK=drills): a cylinder on
      // AL_at_femshaft_r's axis, (0.0205, -0.168, 0.0235) r 13 mm, 1,467 -> 1,204 (ends 4.6 mm
      // outside; r 20 mm: ends inside), used; spheres in the shaft, (0.000, -0.170, 0.018) r 35
      // mm 916 (3.3 mm; r 37.5 896), not used: they act in the deep squat-like pose
      // (anatomy/muscle_wrap.cpp). Semitendinosus at 90-120 deg with 45 of abduction and external
      // rotation ran through the back of the femur at the lesser trochanter (femur (-21..-11,
      // -36..-39, 25..33) mm): a sphere there, (-0.010, -0.045, 0.025) r 20 mm, 762 -> 428 (3.6
      // mm), used. Semimembranosus over one: 1,135 -> 1,005 at best (1.4 mm), not used.
      {"hwrap13 bifemlh, its chain then a cylinder along the shaft (AL_at_femshaft_r's axis)", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+femoral_head_bflh+posterior_neck_bflh", false, WrapShape::kCylinder, PathBody::kFemur, {0.0145, -0.170, 0.0295}, shaft_axis, 0.004, 1, 0.012, 0.020, 0.004},
      {"hwrap13 bifemlh, its chain then a sphere in the shaft", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+femoral_head_bflh+posterior_neck_bflh", false, WrapShape::kSphere, PathBody::kFemur, {0.015, -0.165, 0.028}, x, 0.005, 1, 0.015, 0.025, 0.005},
      {"hwrap13 bifemlh, its chain then a sphere in the shaft, larger", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+femoral_head_bflh+posterior_neck_bflh", false, WrapShape::kSphere, PathBody::kFemur, {0.005, -0.165, 0.028}, x, 0.005, 1, 0.025, 0.040, 0.005},
      {"hwrap13 bifemlh, its chain then a sphere in the shaft, larger, finer", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+femoral_head_bflh+posterior_neck_bflh", false, WrapShape::kSphere, PathBody::kFemur, {-0.0025, -0.1725, 0.0205}, x, 0.0025, 1, 0.030, 0.040, 0.0025},
      {"hwrap13 semiten, its chain then a sphere behind the lesser trochanter", "semiten", PathBody::kPelvis, PathBody::kTibia,
       "ischium_st+femoral_head_st", false, WrapShape::kSphere, PathBody::kFemur, {-0.010, -0.040, 0.020}, x, 0.005, 1, 0.015, 0.030, 0.005},
      {"hwrap13 semiten, its chain then a sphere behind the lesser trochanter, finer", "semiten", PathBody::kPelvis, PathBody::kTibia,
       "ischium_st+femoral_head_st", false, WrapShape::kSphere, PathBody::kFemur, {-0.010, -0.045, 0.025}, x, 0.0025, 1, 0.0175, 0.025, 0.0025},
      {"hwrap13 semimem, its chain then a sphere behind the lesser trochanter", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_sm+posterior_neck_sm", false, WrapShape::kSphere, PathBody::kFemur, {-0.010, -0.040, 0.020}, x, 0.005, 1, 0.015, 0.030, 0.005},
      {"hwrap13 bifemlh, its chain then a cylinder along the shaft, finer", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+femoral_head_bflh+posterior_neck_bflh", false, WrapShape::kCylinder, PathBody::kFemur, {0.0185, -0.166, 0.0255}, shaft_axis, 0.002, 1, 0.010, 0.016, 0.001},
      // hwrap14: at 120 deg of flexion with adduction -20..5 the hamstrings' lines ran through
      // the middle of the femoral head (femur (1, -2, -13) mm) and the acetabulum's floor medial
      // to it (pelvis (-56, -67, 67) mm). Spheres about the head (femur or pelvis) cut the count
      // (biceps femoris long head 1,467 -> 984..1,081, semimembranosus 1,135 -> 978) but every
      // one overlaps the neck sphere after it: the link inside, not used; one sphere in place of
      // the head and neck spheres left thousands (bifemlh 5,799 at best, semimem 2,056 with 160
      // in the drills). In hip extension with 30 of adduction both ran through the back of the
      // shaft below the lesser trochanter (femur (-12..-14, -64..-80, 24..32) mm): a shaft
      // cylinder there (AL_at_femshaft_r's axis) never acted for semimembranosus (1,135 each) and
      // overlapped biceps femoris long head's neck sphere and shaft cylinder (links inside).
      // Semimembranosus' neck sphere refitted: at best (-0.0075, -0.015, 0.035) r 27.5 mm, 1,135
      // -> 1,060 (link 1.9 mm) but the 90/90 front leg's adduction arm 0.8 -> 4.0 mm: not used.
      // Adductor brevis: the pubic sphere refitted, (-0.050, -0.068, 0.032) r 22 mm, 596 -> 357,
      // used (anatomy/muscle_wrap.cpp).
      {"hwrap14 bifemlh, a femur sphere about the femoral head after its head sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+femoral_head_bflh+posterior_neck_bflh+femoral_shaft_bflh", false, WrapShape::kSphere, PathBody::kFemur, {0.005, 0.000, 0.000}, x, 0.005, 1, 0.020, 0.030, 0.005, 2},
      {"hwrap14 bifemlh, its head sphere refitted about the femoral head", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+posterior_neck_bflh+femoral_shaft_bflh", false, WrapShape::kSphere, PathBody::kFemur, {0.000, 0.005, 0.000}, x, 0.005, 1, 0.016, 0.026, 0.005, 1},
      {"hwrap14 bifemlh, a pelvis sphere about the hip after its ischium sphere", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+femoral_head_bflh+posterior_neck_bflh+femoral_shaft_bflh", false, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre + glm::dvec3{-0.005, -0.005, -0.010}, x, 0.005, 1, 0.025, 0.035, 0.005, 1},
      {"hwrap14 semimem, a femur sphere about the femoral head after its head sphere", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_sm+posterior_neck_sm", false, WrapShape::kSphere, PathBody::kFemur, {0.005, 0.000, 0.000}, x, 0.005, 1, 0.020, 0.030, 0.005, 1},
      {"hwrap14 semimem, a pelvis sphere about the hip before its head sphere", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_sm+posterior_neck_sm", false, WrapShape::kSphere, PathBody::kPelvis, anatomy::kRightHipCentre + glm::dvec3{-0.005, -0.005, -0.010}, x, 0.005, 1, 0.025, 0.035, 0.005, 0},
      {"hwrap14 add_brev, its pubic sphere refitted", "add_brev", PathBody::kPelvis, PathBody::kFemur,
       "ischiopubic_ab", false, WrapShape::kSphere, PathBody::kPelvis, {-0.046, -0.080, 0.028}, x, 0.004, 1, 0.012, 0.020, 0.002},
      {"hwrap14 add_brev, a pelvis sphere after its pubic sphere", "add_brev", PathBody::kPelvis, PathBody::kFemur,
       "ischiopubic_ab+pubic_ramus_ab", false, WrapShape::kSphere, PathBody::kPelvis, {-0.036, -0.082, 0.020}, x, 0.005, 1, 0.008, 0.016, 0.004},
      {"hwrap14 bifemlh, one femur sphere for its head and neck spheres", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+femoral_shaft_bflh", false, WrapShape::kSphere, PathBody::kFemur, {-0.005, -0.005, 0.010}, x, 0.005, 1, 0.020, 0.035, 0.005, 1},
      {"hwrap14 semimem, one femur sphere for its head and neck spheres", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "", true, WrapShape::kSphere, PathBody::kFemur, {-0.005, -0.005, 0.010}, x, 0.005, 1, 0.020, 0.035, 0.005},
      {"hwrap14 add_brev, its pubic sphere refitted, finer", "add_brev", PathBody::kPelvis, PathBody::kFemur,
       "ischiopubic_ab", false, WrapShape::kSphere, PathBody::kPelvis, {-0.044, -0.076, 0.026}, x, 0.002, 1, 0.016, 0.022, 0.001},
      {"hwrap14 add_brev, its pubic sphere refitted, wider", "add_brev", PathBody::kPelvis, PathBody::kFemur,
       "ischiopubic_ab", false, WrapShape::kSphere, PathBody::kPelvis, {-0.044, -0.078, 0.026}, x, 0.004, 2, 0.012, 0.020, 0.002},
      {"hwrap14 semimem, its chain then a cylinder along the shaft (AL_at_femshaft_r's axis)", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_sm+posterior_neck_sm", false, WrapShape::kCylinder, PathBody::kFemur, {0.000, -0.080, 0.030}, shaft_axis, 0.005, 1, 0.010, 0.020, 0.005},
      {"hwrap14 bifemlh, a cylinder along the upper shaft before its shaft cylinder", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+femoral_head_bflh+posterior_neck_bflh+femoral_shaft_bflh", false, WrapShape::kCylinder, PathBody::kFemur, {0.000, -0.080, 0.030}, shaft_axis, 0.005, 1, 0.010, 0.020, 0.005, 3},
      {"hwrap14 semimem, its neck sphere refitted", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_sm", false, WrapShape::kSphere, PathBody::kFemur, {-0.005, -0.0175, 0.035}, x, 0.0025, 1, 0.0275, 0.0325, 0.0025},
      {"hwrap14 add_brev, its pubic sphere refitted, wider, finer", "add_brev", PathBody::kPelvis, PathBody::kFemur,
       "ischiopubic_ab", false, WrapShape::kSphere, PathBody::kPelvis, {-0.048, -0.070, 0.034}, x, 0.002, 1, 0.018, 0.022, 0.001},
      // hwrap15: the hamstrings at 120 deg of flexion run through the middle of the femoral head
      // (bifemlh femur (-3, -4, 0) mm) and the acetabulum's floor medial to it (pelvis (-64..-63,
      // -71..-70, 59) mm, 25 mm medial of the hip centre). A femur sphere about the head's centre
      // in place of their head and neck spheres (r 20..28 mm): bifemlh 6,480 -> 5,955 (its chain
      // now far fewer), semimem 4,337 -> 3,338, both with thousands in the drills (the neck
      // spheres hold the 90/90 drills); a 24 mm sphere there with the neck sphere refitted after
      // it: bifemlh 3,650 at best with 1,681 in the drills, semimem 3,388 with 1,821; a 30 mm
      // pelvis sphere about the hip centre (the acetabulum) with the neck sphere refitted after
      // it: bifemlh 5,487 (2,711 in the drills), semimem 4,410 (2,541). None used. Then adductor
      // magnus 3 at 120 deg through the ischial ramus (pelvis (-73, -94, 41) mm): a pelvis sphere
      // before its lesser-trochanter sphere, 405 -> 184 at (-0.086, -0.091, 0.042) r 18 mm (used;
      // 182 at (-0.083, -0.094, 0.051) r 22 mm with calibration rms 0.0103 -> 0.0126, not used);
      // and quadratus femoris at 120 deg through the back of the femoral head (femur (-17, -2, 8)
      // mm): a femur sphere about the head before its shaft sphere, 535 -> 364 at (-0.005,
      // -0.010, 0.005) r 24 mm (used; r 26..28 mm no fewer). FIT_GROUP and FIT_POSE (below) ran
      // the moment-arm checks (anatomy/muscle_wrap.cpp).
      {"hwrap15 add_mag3, a pelvis sphere on the ischial ramus before its sphere", "add_mag3", PathBody::kPelvis, PathBody::kFemur,
       "lesser_trochanter_am3", true, WrapShape::kSphere, PathBody::kPelvis, {-0.075, -0.100, 0.035}, x, 0.005, 2, 0.008, 0.020, 0.004},
      {"hwrap15 add_mag3, a pelvis sphere on the ischial ramus before its sphere, finer", "add_mag3", PathBody::kPelvis, PathBody::kFemur,
       "lesser_trochanter_am3", true, WrapShape::kSphere, PathBody::kPelvis, {-0.080, -0.088, 0.048}, x, 0.003, 2, 0.014, 0.022, 0.002},
      {"hwrap15 quad_fem, a femur sphere about the femoral head before its sphere", "quad_fem", PathBody::kPelvis, PathBody::kFemur,
       "posterior_shaft_qf", true, WrapShape::kSphere, PathBody::kFemur, {-0.005, 0.000, 0.000}, x, 0.005, 2, 0.012, 0.024, 0.004},
      {"hwrap15 quad_fem, a femur sphere about the femoral head before its sphere, finer", "quad_fem", PathBody::kPelvis, PathBody::kFemur,
       "posterior_shaft_qf", true, WrapShape::kSphere, PathBody::kFemur, {-0.005, -0.010, 0.005}, x, 0.004, 1, 0.022, 0.030, 0.002},
      {"hwrap15 bifemlh, a pelvis sphere about the hip centre, its neck sphere refitted", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+hip@0.030+femoral_shaft_bflh", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.030, 0.045}, x, 0.005, 1, 0.015, 0.030, 0.005, 2},
      {"hwrap15 semimem, a pelvis sphere about the hip centre, its neck sphere refitted", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "hip@0.030", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.030, 0.045}, x, 0.005, 1, 0.015, 0.030, 0.005},
      {"hwrap15 bifemlh, a femur sphere about the head centre in place of its head and neck spheres", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+femoral_shaft_bflh", false, WrapShape::kSphere, PathBody::kFemur, {0.000, 0.000, 0.000}, x, 0.004, 1, 0.020, 0.028, 0.004, 1},
      {"hwrap15 bifemlh, a 24 mm sphere about the head centre, its neck sphere refitted", "bifemlh", PathBody::kPelvis, PathBody::kTibia,
       "ischium_bflh+femoral_head_bflh@0.024@0,0,0+femoral_shaft_bflh", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.030, 0.045}, x, 0.005, 1, 0.015, 0.030, 0.005, 2},
      {"hwrap15 semimem, a femur sphere about the head centre in place of its head and neck spheres", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "", false, WrapShape::kSphere, PathBody::kFemur, {0.000, 0.000, 0.000}, x, 0.004, 1, 0.020, 0.028, 0.004},
      {"hwrap15 semimem, a 24 mm sphere about the head centre, its neck sphere refitted", "semimem", PathBody::kPelvis, PathBody::kTibia,
       "femoral_head_sm@0.024@0,0,0", false, WrapShape::kSphere, PathBody::kFemur, {0.000, -0.030, 0.045}, x, 0.005, 1, 0.015, 0.030, 0.005},
      // hwrap16: gluteus maximus 2 at 90-120 deg of flexion through the posterior acetabular rim
      // (pelvis (-99, -75, 76) mm, 1,410 of its 3,210 grid samples) on the stretch its trochanter
      // cylinder acts on (second pelvic point to first femoral one): a pelvis sphere before that
      // cylinder, 834 -> 694 at best, but every candidate under 734 put the link or an end inside
      // or did not settle; the best valid, (-0.110, -0.070, 0.075) r 10 mm, 734: not used. (The fit leaves
      // its ischium cylinder off the other stretches, so its counts are not the grid's.)
      {"hwrap16 glut_max2, a pelvis sphere on the posterior acetabular rim before its trochanter cylinder", "glut_max2", PathBody::kPelvis, PathBody::kFemur,
       "trochanter_gmax2_z", true, WrapShape::kSphere, PathBody::kPelvis, {-0.100, -0.080, 0.070}, x, 0.005, 2, 0.010, 0.025, 0.005},
  };
  // KEPT_R=metres replaces the kept surface's radius (how the gemelli's 32.5 mm hip sphere was
  // chosen with its fossa cylinder).
  auto surface_named = [](std::string_view name) {
    // "hip@R": a sphere about the hip centre of radius R metres (one not in wrap_surfaces()).
    if (name.rfind("hip@", 0) == 0)
      return anatomy::WrapSurface{"hip@", PathBody::kPelvis, WrapShape::kSphere, anatomy::kRightHipCentre, {0, 1, 0},
                                  std::atof(std::string(name.substr(4)).c_str()), {0, 0, 0}, ""};
    // "name@R" / "name@R@x,y,z": that surface with radius R metres (and its centre at x, y, z in
    // its body's frame), so two surfaces of one chain can be refitted together (hwrap15).
    const std::size_t at_sign = name.find('@');
    const std::string_view base = name.substr(0, at_sign);
    for (anatomy::WrapSurface s : anatomy::wrap_surfaces())
      if (s.name == base) {
        if (std::getenv("KEPT_R")) s.radius = std::atof(std::getenv("KEPT_R"));
        if (at_sign != std::string_view::npos) {
          const std::string rest(name.substr(at_sign + 1));
          s.radius = std::atof(rest.c_str());
          const std::size_t c = rest.find('@');
          if (c != std::string::npos) std::sscanf(rest.c_str() + c + 1, "%lf,%lf,%lf", &s.centre.x, &s.centre.y, &s.centre.z);
        }
        return s;
      }
    return anatomy::WrapSurface{"none", PathBody::kPelvis, WrapShape::kSphere, {0, 0, 0}, {0, 1, 0}, 0.0, {0, 0, 0}, ""};
  };
  auto frame_of = [](const anatomy::LegKinematics& kin, PathBody b) {
    switch (b) {
      case PathBody::kPelvis: return anatomy::Frame{};
      case PathBody::kFemur: return kin[anatomy::LegSegment::kFemur];
      case PathBody::kTibia: return kin[anatomy::LegSegment::kTibia];
      default: return kin[anatomy::LegSegment::kCalcn];
    }
  };
  auto off = [](const anatomy::WrapSurface& s, const glm::dvec3& p) {
    const glm::dvec3 e = p - s.centre;
    return glm::length(s.shape == WrapShape::kSphere ? e : e - glm::dot(e, s.axis) * s.axis) - s.radius;
  };
  double clearance = 1.0;
  // The path of muscle m at `leg` with candidate `c` chained on the group's segment; drawn points
  // into `pts` when given; the length returned.
  auto wrapped = [&](int m, const anatomy::LegPose& leg, const Group& g, const anatomy::WrapSurface& c, std::vector<glm::dvec3>* pts) {
    const anatomy::LegKinematics kin = anatomy::leg_kinematics(leg);
    anatomy::MusclePath p;
    anatomy::evaluate_muscle_path(m, leg, kin, anatomy::Side::kRight, p);
    // The kept surfaces ("a+b+...") and the candidate among them, in order along the path.
    std::vector<anatomy::WrapSurface> kept;
    for (std::string_view names = g.kept; !names.empty();) {
      const std::size_t plus = names.find('+');
      kept.push_back(surface_named(names.substr(0, plus)));
      names = plus == std::string_view::npos ? std::string_view{} : names.substr(plus + 1);
    }
    const std::size_t at = g.at >= 0 ? static_cast<std::size_t>(g.at) : g.candidate_first ? 0 : kept.size();
    double len = 0.0;
    for (int k = 0; k < p.count; ++k) {
      const glm::dvec3 a = p.point[static_cast<std::size_t>(k)];
      if (pts) pts->push_back(a);
      if (k + 1 == p.count) break;
      const glm::dvec3 b = p.point[static_cast<std::size_t>(k) + 1];
      std::vector<anatomy::WrapResult> w(kept.size() + 1);
      if (p.body[static_cast<std::size_t>(k)] == g.from && p.body[static_cast<std::size_t>(k) + 1] == g.to) {
        std::vector<anatomy::WrapSurface> chain;
        for (std::size_t j = 0; j <= kept.size(); ++j) {
          const anatomy::WrapSurface& s = j == at ? c : kept[j - (j > at)];
          const anatomy::Frame f = frame_of(kin, s.body);
          chain.push_back(anatomy::moved_surface(s, f.rotation, f.origin));
        }
        const anatomy::WrapSurface& mc = chain[at];
        if (c.radius > 0.0) clearance = std::min({clearance, off(mc, a), off(mc, b)});
        const bool settled = anatomy::wrap_chain(chain, a, b, w);
        if (!settled) clearance = -1.0;  // counted as an end inside: no shortest path there
        // Where each surface's stretch starts and ends (the tangent points of the acting
        // surfaces beside it) lies outside it: else it let go (an end inside) and takes hold with
        // a jump in length where that point comes out. The segment's own ends: the candidate's
        // only (the kept surfaces' are muscle_wrap_test's).
        for (std::size_t j = 0; j < chain.size(); ++j) {
          if (chain[j].radius <= 0.0) continue;
          for (std::size_t k2 = j; k2-- > 0;)
            if (w[k2].active) {
              clearance = std::min(clearance, off(chain[j], w[k2].t2));
              break;
            }
          for (std::size_t k2 = j + 1; k2 < chain.size(); ++k2)
            if (w[k2].active) {
              clearance = std::min(clearance, off(chain[j], w[k2].t1));
              break;
            }
        }
      } else {
        for (const anatomy::MuscleWrap& mw : anatomy::wraps_of(m)) {
          const anatomy::WrapSurface& s = anatomy::wrap_surfaces()[static_cast<std::size_t>(mw.surface)];
          const anatomy::Frame f = frame_of(kin, s.body);
          anatomy::wrap_segment(anatomy::moved_surface(s, f.rotation, f.origin), a, b, w[0]);
          if (w[0].active) break;
        }
      }
      if (std::none_of(w.begin(), w.end(), [](const anatomy::WrapResult& r) { return r.active; })) {
        len += glm::length(b - a);
        continue;
      }
      glm::dvec3 at = a;
      for (const anatomy::WrapResult& r : w) {
        if (!r.active) continue;
        len += glm::length(r.t1 - at) + r.arc;
        at = r.t2;
        if (!pts) continue;
        pts->push_back(r.t1);
        for (int j = 0; j < r.inner; ++j) pts->push_back(r.inner_point[j]);
        pts->push_back(r.t2);
      }
      len += glm::length(b - at);
    }
    return len;
  };
  struct Named {
    const char* name;
    double flex, add, rot, knee;  // deg
  };
  std::vector<Named> named = {{"standing", 0, 0, 0, 0}, {"90/90", 90, 0, 0, 90}, {"90/90 front (abd 30, ER 45)", 90, -30, -45, 90}, {"clamshell top", 60, -30, -30, 90}};
  // FIT_POSE=flexion,adduction,rotation,knee (deg) prints one more pose's lengths and moment arms.
  static std::string extra_pose;
  if (const char* fp = std::getenv("FIT_POSE")) {
    Named e{nullptr, 0, 0, 0, 0};
    std::sscanf(fp, "%lf,%lf,%lf,%lf", &e.flex, &e.add, &e.rot, &e.knee);
    extra_pose = std::string("FIT_POSE ") + fp;
    e.name = extra_pose.c_str();
    named.push_back(e);
  }
  // FIT_GROUP="muscle|kept|at|shape|body|cx,cy,cz|ax,ay,az|step|n|r0,r1,dr" fits the one group
  // given there, on the muscle's first segment (pelvis to its second point's body), in place of the list
  // (hwrap15): kept as above ("a+b", "name@R@x,y,z"), at = the candidate's place among them,
  // shape s(phere) or c(ylinder), body p(elvis), f(emur) or t(ibia), centres c + step (a, b, c)
  // for a, b, c in -n..n, radii r0..r1 by dr (m).
  static std::string custom[3];
  if (const char* fg = std::getenv("FIT_GROUP")) {
    std::vector<std::string> f;
    std::string item;
    for (const char* c = fg;; ++c) {
      if (*c == '|' || *c == '\0') {
        f.push_back(item);
        item.clear();
        if (*c == '\0') break;
      } else {
        item.push_back(*c);
      }
    }
    REQUIRE(f.size() == 10);
    custom[0] = "FIT_GROUP " + std::string(fg), custom[1] = f[0], custom[2] = f[1];
    const anatomy::MuscleSpec& ms = anatomy::muscle(*anatomy::find_muscle(f[0]));
    Group g{custom[0].c_str(), custom[1].c_str(), PathBody::kPelvis, ms.points[1].body, custom[2].c_str(), false,
            f[3] == "c" ? WrapShape::kCylinder : WrapShape::kSphere,
            f[4] == "f" ? PathBody::kFemur : f[4] == "t" ? PathBody::kTibia : PathBody::kPelvis, {}, {}, 0.0, 0, 0.0, 0.0, 0.0,
            std::atoi(f[2].c_str())};
    std::sscanf(f[5].c_str(), "%lf,%lf,%lf", &g.c0.x, &g.c0.y, &g.c0.z);
    std::sscanf(f[6].c_str(), "%lf,%lf,%lf", &g.axis.x, &g.axis.y, &g.axis.z);
    g.axis = glm::normalize(g.axis);
    g.step = std::atof(f[7].c_str());
    g.n = std::atoi(f[8].c_str());
    std::sscanf(f[9].c_str(), "%lf,%lf,%lf", &g.r0, &g.r1, &g.dr);
    groups.assign(1, g);
  }
  for (const Group& g : groups) {
    if (only && std::string(g.name).find(only) == std::string::npos) continue;
    const int m = *anatomy::find_muscle(g.muscle);
    std::vector<anatomy::WrapSurface> cand;
    cand.push_back({"none", g.body, g.shape, g.c0, g.axis, 0.0, {0, 0, 0}, ""});
    for (int a = -g.n; a <= g.n; ++a)
      for (int b = -g.n; b <= g.n; ++b)
        for (int c = -g.n; c <= g.n; ++c)
          for (double r = g.r0; r <= g.r1 + 1e-9; r += g.dr) {
            // A cylinder along x, y or z: centres moved along its axis are the same surface.
            const glm::dvec3 o = g.step * glm::dvec3(a, b, c);
            if (g.shape == WrapShape::kCylinder && std::max({std::fabs(g.axis.x), std::fabs(g.axis.y), std::fabs(g.axis.z)}) == 1.0 &&
                std::fabs(glm::dot(o, g.axis)) > 1e-12)
              continue;
            cand.push_back({"fit", g.body, g.shape, g.c0 + o, g.axis, r, {0, 0, 0}, ""});
          }
    std::vector<long> hits(cand.size(), 0), drill_hits(cand.size(), 0);
    std::vector<double> added(cand.size(), 0.0), clear(cand.size(), 1.0);
    std::vector<std::string> why(cand.size());  // FIT_WHY: the pose of the least clearance
    for (std::size_t pi = 0; pi < poses.size(); ++pi) {
      const anatomy::LegAngles& legs = poses[pi].first;
      checker.pose(legs);
      const anatomy::LegPose& leg = legs.leg(anatomy::Side::kRight);
      anatomy::MusclePath p;
      anatomy::evaluate_muscle_path(m, leg, anatomy::leg_kinematics(leg), anatomy::Side::kRight, p);
      const std::span<const glm::dvec3> anchors(p.point.data(), static_cast<std::size_t>(p.count));
      const double l0 = wrapped(m, leg, g, cand[0], nullptr);
      for (std::size_t ci = 0; ci < cand.size(); ++ci) {
        std::vector<glm::dvec3> pts;
        clearance = 1.0;
        added[ci] += wrapped(m, leg, g, cand[ci], &pts) - l0;
        if (clearance < clear[ci]) why[ci] = poses[pi].second;
        clear[ci] = std::min(clear[ci], clearance);
        const int h = checker.through(m, pts, anchors);
        hits[ci] += h;
        if (pi >= grid_count) drill_hits[ci] += h;
      }
    }
    // The chain must also settle (and the ends stay out) over the grid the moment-arm test sweeps
    // (tests/anatomy/muscle_wrap_test.cpp: flexion -30..120 by 15, adduction -45..30 by 15,
    // rotation -45..45 by 15, knee 0..135 by 45 deg), finer in the hip than the slider grid here.
    for (double fl = -30; fl <= 120; fl += 15)
      for (double ad = -45; ad <= 30; ad += 15)
        for (double ro = -45; ro <= 45; ro += 15)
          for (double kn = 0; kn <= 135; kn += 45) {
            anatomy::LegPose leg{};
            leg[anatomy::LegCoord::kHipFlexion] = deg(fl);
            leg[anatomy::LegCoord::kHipAdduction] = deg(ad);
            leg[anatomy::LegCoord::kHipRotation] = deg(ro);
            leg[anatomy::LegCoord::kKneeFlexion] = deg(kn);
            for (std::size_t ci = 1; ci < cand.size(); ++ci) {
              if (clear[ci] < 0.001) continue;
              clearance = 1.0;
              wrapped(m, leg, g, cand[ci], nullptr);
              if (clearance < clear[ci])
                why[ci] = "moment-arm grid flex " + std::to_string(int(fl)) + " add " + std::to_string(int(ad)) + " rot " + std::to_string(int(ro)) +
                          " knee " + std::to_string(int(kn));
              clear[ci] = std::min(clear[ci], clearance);
            }
          }
    // The largest step of the flexion moment arm between flexion angles 0.5 deg apart (60..120
    // deg; adduction -30..15, rotation -30..30, knee 90): a kink in the length (the path
    // going round a surface the other way), the candidate's and (bracketed) the path's without it.
    auto worst_kink = [&](const anatomy::WrapSurface& sc) {
      double worst = 0.0;
      for (double ad : {-30.0, -15.0, 0.0, 15.0})
        for (double ro : {-30.0, 0.0, 30.0}) {
          double prev = 0.0;
          for (double fl = 60.0; fl <= 120.001; fl += 0.5) {
            anatomy::LegPose leg{};
            leg[anatomy::LegCoord::kHipFlexion] = deg(fl);
            leg[anatomy::LegCoord::kHipAdduction] = deg(ad);
            leg[anatomy::LegCoord::kHipRotation] = deg(ro);
            leg[anatomy::LegCoord::kKneeFlexion] = deg(90);
            anatomy::LegPose lo = leg, hi = leg;
            lo[anatomy::LegCoord::kHipFlexion] -= 1e-5;
            hi[anatomy::LegCoord::kHipFlexion] += 1e-5;
            const double arm = -(wrapped(m, hi, g, sc, nullptr) - wrapped(m, lo, g, sc, nullptr)) / 2e-5;
            if (fl > 60.0) worst = std::max(worst, std::fabs(arm - prev));
            prev = arm;
          }
        }
      return worst;
    };
    // FIT_MAX_KINK=mm: candidates whose flexion moment arm steps by more than that (worst_kink)
    // are left out as if an end came inside.
    if (const char* mk = std::getenv("FIT_MAX_KINK"))
      for (std::size_t ci = 1; ci < cand.size(); ++ci)
        if (clear[ci] >= 0.001 && worst_kink(cand[ci]) > 0.001 * std::atof(mk)) clear[ci] = -0.002;
    std::vector<std::size_t> order(cand.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
      const bool ii = clear[i] < 0.001, ij = clear[j] < 0.001;
      if (ii != ij && !std::getenv("FIT_SHOW_INVALID")) return ij;
      if (rank_drills && drill_hits[i] != drill_hits[j]) return drill_hits[i] < drill_hits[j];
      return hits[i] != hits[j] ? hits[i] < hits[j] : added[i] < added[j];
    });
    // The calibration's figure (anatomy/muscle_calibration.h, Modenese et al. 2016) with the
    // candidate: the rms of l_M/l_o against Gait2392's path over its shipped hip grid.
    auto calib_rms = [&](const anatomy::WrapSurface& c) {
      const anatomy::MuscleSpec& ms = anatomy::muscle(m);
      std::vector<double> xs, ys;
      for (double fl = -20; fl <= 120.001; fl += 10)
        for (double ad = -40; ad <= 20.001; ad += 10)
          for (double ro = -45; ro <= 45.001; ro += 15)
            for (double kn = 0; kn <= (ms.points.back().body == anatomy::PathBody::kFemur ? 0.0 : 120.001); kn += 30) {
              anatomy::LegPose leg{};
              leg[anatomy::LegCoord::kHipFlexion] = deg(fl);
              leg[anatomy::LegCoord::kHipAdduction] = deg(ad);
              leg[anatomy::LegCoord::kHipRotation] = deg(ro);
              leg[anatomy::LegCoord::kKneeFlexion] = deg(kn);
              anatomy::MusclePath o;
              anatomy::evaluate_muscle_path(m, leg, anatomy::leg_kinematics(leg), anatomy::Side::kRight, o, anatomy::Wrapping::kOff);
              xs.push_back((o.length - ms.tendon_slack_length_m) / ms.optimal_fiber_length_m);
              ys.push_back(wrapped(m, leg, g, c, nullptr));
            }
      const double n = static_cast<double>(xs.size());
      double sx = 0, sy = 0, sxx = 0, sxy = 0;
      for (std::size_t k = 0; k < xs.size(); ++k) sx += xs[k], sy += ys[k], sxx += xs[k] * xs[k], sxy += xs[k] * ys[k];
      const double lo = (n * sxy - sx * sy) / (n * sxx - sx * sx), lts = (sy - lo * sx) / n;
      const double sin2 = std::pow(std::sin(ms.pennation_at_optimal_rad), 2);
      double s2 = 0;
      for (std::size_t k = 0; k < xs.size(); ++k) {
        const double xt = (ys[k] - lts) / lo;
        const double d = std::sqrt(xt * xt + sin2) - std::sqrt(xs[k] * xs[k] + sin2);
        s2 += d * d;
      }
      return std::sqrt(s2 / n);
    };
    std::printf("%s: none %ld, drill frames %ld (calibration rms %.4f)\n", g.name, hits[0], drill_hits[0], calib_rms(cand[0]));
    // FIT_TOP=n prints the best n candidates (default 8).
    const std::size_t top = std::getenv("FIT_TOP") ? static_cast<std::size_t>(std::max(1, std::atoi(std::getenv("FIT_TOP")))) : 8;
    for (std::size_t i = 0; i < std::min<std::size_t>(top, order.size()); ++i) {
      const std::size_t ci = order[i];
      std::printf("   drill frames %ld,", drill_hits[ci]);
      std::printf(" (%.4f, %.4f, %.4f) r %.1f: %ld, mean +%.2f mm, ends/link at least %.1f mm off it, calibration rms %.4f\n", cand[ci].centre.x, cand[ci].centre.y,
                  cand[ci].centre.z, 1000 * cand[ci].radius, hits[ci], 1000 * added[ci] / poses.size(), 1000 * clear[ci], calib_rms(cand[ci]));
      if (std::getenv("FIT_WHY") && clear[ci] < 1.0) std::printf("      least clearance at %s\n", why[ci].c_str());
      if (std::getenv("FIT_KINK")) std::printf("      worst step of the flexion arm over 0.5 deg: %.1f mm (%.1f)\n", 1000 * worst_kink(cand[ci]), 1000 * worst_kink(cand[0]));
      for (const Named& nm : named) {
        anatomy::LegPose leg{};
        leg[anatomy::LegCoord::kHipFlexion] = deg(nm.flex);
        leg[anatomy::LegCoord::kHipAdduction] = deg(nm.add);
        leg[anatomy::LegCoord::kHipRotation] = deg(nm.rot);
        leg[anatomy::LegCoord::kKneeFlexion] = deg(nm.knee);
        const double l = wrapped(m, leg, g, cand[ci], nullptr), l0 = wrapped(m, leg, g, cand[0], nullptr);
        std::printf("      %-28s +%.1f mm, arms", nm.name, 1000 * (l - l0));
        for (anatomy::LegCoord q : {anatomy::LegCoord::kHipFlexion, anatomy::LegCoord::kHipAdduction, anatomy::LegCoord::kHipRotation}) {
          auto arm = [&](const anatomy::WrapSurface& s) {
            anatomy::LegPose lo = leg, hi = leg;
            lo[q] -= 1e-4;
            hi[q] += 1e-4;
            return -(wrapped(m, hi, g, s, nullptr) - wrapped(m, lo, g, s, nullptr)) / 2e-4;
          };
          std::printf(" %.1f(%.1f)", 1000 * arm(cand[ci]), 1000 * arm(cand[0]));
        }
        std::printf("\n");
      }
    }
  }
}

// Where the path samples in bone lie (run with --no-skip; WHERE_MUSCLES=a,b,c names the muscles,
// WHERE_BY_POSE=1 groups the slider grid by pose, not by hip flexion;
// default: every muscle with any): per drill and side, per segment of the path (between Gait2392
// points i and i+1) and bone, the samples and their mean place in the femur's and the pelvis's
// frames (mm), over 100 frames of every drill; then the same for the slider grid, per hip flexion.
TEST_CASE("wrapped muscle paths: where the samples in bone lie (printed)" * doctest::skip()) {
  static BoneChecker checker;
  const char* only = std::getenv("WHERE_MUSCLES");
  std::vector<std::string> names;  // the list, split at commas
  if (only) {
    std::string item;
    for (const char* c = only;; ++c) {
      if (*c == ',' || *c == '\0') {
        names.push_back(item);
        item.clear();
        if (*c == '\0') break;
      } else {
        item.push_back(*c);
      }
    }
  }
  auto wanted = [&](int m) { return !only || std::find(names.begin(), names.end(), anatomy::muscle(m).name) != names.end(); };
  struct Cell {
    int samples = 0, poses = 0;
    glm::dvec3 femur{0.0}, pelvis{0.0};
    std::string first;
    anatomy::LegPose first_leg{};  // the first pose's right-leg angles (printed in deg)
  };
  auto run = [&](const Labelled& poses, bool by_drill) {
    std::map<std::string, Cell> cells;
    for (const auto& [legs, label] : poses) {
      checker.pose(legs);
      const anatomy::LegPose& leg = legs.leg(anatomy::Side::kRight);
      const anatomy::LegKinematics kin = anatomy::leg_kinematics(leg);
      const anatomy::Frame& fem = kin[anatomy::LegSegment::kFemur];
      std::string group = label;
      if (by_drill) group = label.substr(0, label.find(" t="));
      else group = label.substr(0, label.find(std::getenv("WHERE_BY_POSE") ? " ankle" : " add"));  // WHERE_BY_POSE=1: per pose
      for (int m = 0; m < anatomy::kMuscleCount; ++m) {
        if (!wanted(m)) continue;
        anatomy::MusclePath p;
        anatomy::evaluate_muscle_path(m, leg, kin, anatomy::Side::kRight, p);
        int seg = 0;
        std::map<std::string, int> seen;
        for (int k = 0; k + 1 < p.drawn_count; ++k) {
          if (p.drawn_anchor[static_cast<std::size_t>(k)] >= 0) seg = p.drawn_anchor[static_cast<std::size_t>(k)];
          const glm::dvec3 a = p.drawn[static_cast<std::size_t>(k)], b = p.drawn[static_cast<std::size_t>(k) + 1];
          const int n = std::max(1, static_cast<int>(glm::length(b - a) / 0.001));
          for (int i = (k == 0 ? 0 : 1); i <= n; ++i) {
            const glm::dvec3 x = a + (b - a) * (static_cast<double>(i) / n);
            bool near = false;
            for (int j = 0; j < p.count; ++j) near = near || glm::length(x - p.point[static_cast<std::size_t>(j)]) < 0.006;
            if (near) continue;
            const int bone = checker.bone_at(m, x);
            if (bone < 0) continue;
            std::string key(anatomy::muscle(m).name);
            key += " | ";
            key += group;
            key += " | seg ";
            key += std::to_string(seg);
            key += " | ";
            key += checker.bone_name(bone);
            Cell& c = cells[key];
            if (seen[key]++ == 0) {
              if (c.poses++ == 0) c.first = label, c.first_leg = leg;
            }
            c.samples++;
            c.femur += glm::transpose(fem.rotation) * (x - fem.origin);
            c.pelvis += x;
          }
        }
      }
    }
    for (const auto& [key, c] : cells)
      std::printf("  %-70s %6d samples %4d poses; mean femur (%.0f %.0f %.0f) pelvis (%.0f %.0f %.0f) mm; first %s (hip %.0f, %.0f, %.0f, knee %.0f deg)\n",
                  key.c_str(), c.samples, c.poses, 1000 * c.femur.x / c.samples, 1000 * c.femur.y / c.samples, 1000 * c.femur.z / c.samples,
                  1000 * c.pelvis.x / c.samples, 1000 * c.pelvis.y / c.samples, 1000 * c.pelvis.z / c.samples, c.first.c_str(),
                  c.first_leg[anatomy::LegCoord::kHipFlexion] / deg(1), c.first_leg[anatomy::LegCoord::kHipAdduction] / deg(1),
                  c.first_leg[anatomy::LegCoord::kHipRotation] / deg(1), c.first_leg[anatomy::LegCoord::kKneeFlexion] / deg(1));
  };
  std::printf("drills:\n");
  run(drill_poses(), true);
  if (!std::getenv("WHERE_NO_GRID")) {
    std::printf("slider grid, by hip flexion:\n");
    run(grid_poses(), false);
  }
}

// Where exactly a path meets the bone (run with --no-skip): one muscle at one pose, its drawn path
// (pelvis and femur frames, mm) and slices of one bone across its y axis, 1 mm cells: '#' inside
// the mesh, '@' inside by the 2 mm the sweeps count, 'o' a path sample within 0.5 mm of the slice,
// '*' one inside. PROBE_MUSCLE=name, PROBE_POSE=flexion,adduction,rotation,knee (deg),
// PROBE_Y=from,to,step (m, slice heights), PROBE_BOX=x0,x1,z0,z1 (m), PROBE_BONE=mesh name
// (femur_r, in the femur's frame; another bone in the pelvis frame).
TEST_CASE("wrapped muscle paths: probe, the bone around one muscle's path at one pose (printed)" * doctest::skip()) {
  static BoneChecker checker;
  const int m = *anatomy::find_muscle(std::getenv("PROBE_MUSCLE"));
  double f = 0, a = 0, r = 0, k = 0;
  std::sscanf(std::getenv("PROBE_POSE"), "%lf,%lf,%lf,%lf", &f, &a, &r, &k);
  anatomy::LegAngles legs;
  anatomy::LegPose& leg = legs.leg(anatomy::Side::kRight);
  leg[anatomy::LegCoord::kHipFlexion] = deg(f);
  leg[anatomy::LegCoord::kHipAdduction] = deg(a);
  leg[anatomy::LegCoord::kHipRotation] = deg(r);
  leg[anatomy::LegCoord::kKneeFlexion] = deg(k);
  checker.pose(legs);
  const anatomy::LegKinematics kin = anatomy::leg_kinematics(leg);
  const anatomy::Frame& fem = kin[anatomy::LegSegment::kFemur];
  auto to_fem = [&](const glm::dvec3& x) { return glm::transpose(fem.rotation) * (x - fem.origin); };
  anatomy::MusclePath p;
  anatomy::evaluate_muscle_path(m, leg, kin, anatomy::Side::kRight, p);
  std::printf("length %.2f mm; arms flex %.1f add %.1f rot %.1f; wraps 0x%x\n", 1000 * p.length, 1000 * p.moment_arm[0], 1000 * p.moment_arm[1],
              1000 * p.moment_arm[2], p.wraps_active);
  for (int i = 0; i < p.drawn_count; ++i) {
    const glm::dvec3 x = p.drawn[static_cast<std::size_t>(i)], y = to_fem(x);
    std::printf("  drawn %d (anchor %d): pelvis (%.1f %.1f %.1f) femur (%.1f %.1f %.1f)\n", i, p.drawn_anchor[static_cast<std::size_t>(i)], 1000 * x.x,
                1000 * x.y, 1000 * x.z, 1000 * y.x, 1000 * y.y, 1000 * y.z);
  }
  const std::string bone = std::getenv("PROBE_BONE") ? std::getenv("PROBE_BONE") : "femur_r";
  const bool pelvis_frame = bone != "femur_r";
  auto frame_pt = [&](const glm::dvec3& x) { return pelvis_frame ? x : to_fem(x); };
  auto from_frame = [&](const glm::dvec3& y) { return pelvis_frame ? y : fem.apply(y); };
  const test::BoneCells cells0 = test::bone_cells(*checker.mesh_named(bone), 0);
  const glm::mat4 tb = *checker.to_bone(bone);
  std::vector<glm::dvec3> samples;
  for (int i = 0; i + 1 < p.drawn_count; ++i) {
    const glm::dvec3 a0 = p.drawn[static_cast<std::size_t>(i)], b0 = p.drawn[static_cast<std::size_t>(i) + 1];
    const int n = std::max(1, static_cast<int>(glm::length(b0 - a0) / 0.001));
    for (int j = 0; j <= n; ++j) samples.push_back(a0 + (b0 - a0) * (double(j) / n));
  }
  double y0 = -0.02, y1 = 0.0, ystep = 0.004;
  if (std::getenv("PROBE_Y")) std::sscanf(std::getenv("PROBE_Y"), "%lf,%lf,%lf", &y0, &y1, &ystep);
  double x0 = -0.05, x1 = 0.03, z0 = 0.0, z1 = 0.08;
  if (std::getenv("PROBE_BOX")) std::sscanf(std::getenv("PROBE_BOX"), "%lf,%lf,%lf,%lf", &x0, &x1, &z0, &z1);
  for (double yy = y0; yy <= y1 + 1e-9; yy += ystep) {
    std::printf("slice y = %.0f mm (%s frame); rows x from %.0f (top) down, cols z from %.0f, 1 mm; # bone, @ deep, o path in +-0.5 mm, * path in bone\n",
                1000 * yy, pelvis_frame ? "pelvis" : "femur", 1000 * x1, 1000 * z0);
    for (double xx = x1; xx >= x0 - 1e-9; xx -= 0.001) {
      std::string row;
      for (double zz = z0; zz <= z1 + 1e-9; zz += 0.001) {
        const glm::dvec3 pt = from_frame({xx, yy, zz});
        const glm::vec3 inb = glm::vec3(tb * glm::vec4(glm::vec3(pt), 1.0f));
        char c = cells0.inside(inb) ? '#' : '.';
        if (checker.bone_at(m, pt) >= 0) c = '@';
        for (const glm::dvec3& s : samples) {
          const glm::dvec3 fs = frame_pt(s);
          if (std::fabs(fs.y - yy) < 0.0005 && std::fabs(fs.x - xx) < 0.0005 && std::fabs(fs.z - zz) < 0.0005) c = (c == '.' ? 'o' : '*');
        }
        row.push_back(c);
      }
      std::printf("%5.0f %s\n", 1000 * xx, row.c_str());
    }
  }
}
