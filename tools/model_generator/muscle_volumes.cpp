// muscle_volumes.cpp — see muscle_volumes.h.
#include "muscle_volumes.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>

#include <meshoptimizer.h>

#include "anatomy/kinematics.h"
#include "anatomy/muscle_path.h"
#include "anatomy/path_curve.h"
#include "anatomy/skeleton.h"
#include "body_skin.h"

namespace hiplab::modelgen {
namespace {

// Reach: tissue farther than kReach R(s) + kReachMin from every path stays unassigned.
constexpr double kReach = 3.5;
constexpr double kReachMin = 0.006;
// In the trunk (see muscle_volumes.h) a muscle takes tissue only this close to its path, in R(s):
// the psoas major is about 4-5 cm across at L4-L5 (Reimann 2008, cited by Bogduk, Clinical and
// Radiological Anatomy of the Lumbar Spine, 5th ed.), about 2 R(s) with R from its PCSA.
constexpr double kCavityReach = 1.0;
// Tissue this close to the arm's line is the arm's (the forearm is about 3.5 cm in radius, the hand
// 4 cm across the palm in body_skin.cpp).
constexpr float kArmRadius = 0.03f;
// The iliacus is a fan that lines the whole iliac fossa (Gray's Anatomy, 42nd ed., ch. 80), much
// wider than the section its PCSA gives around its one path line.
constexpr double kFossaReach = 2.2;
// Gluteus maximus' thickness over the deep rotators (m; see deep_rotator in build_muscle_volumes).
constexpr float kMaximusCoverM = 0.025f;

// Where each thigh muscle's belly lies at half the femur's length, for the split: the direction
// from the femur shaft's centre (degrees from anterior towards lateral, so -90 is medial) and the
// depth as a share of the soft tissue between the bone and the fat along it. After the standard
// mid-thigh cross-section (Gray's Anatomy, 42nd ed., ch. 81, transverse section through the middle
// of the thigh; Netter, Atlas of Human Anatomy, 7th ed., serial cross-sections of the thigh): in front rectus femoris over
// vastus intermedius, vastus medialis anteromedial and vastus lateralis lateral; sartorius
// anteromedial over the adductor canal, adductor longus deep to it in front of adductor magnus,
// gracilis the most medial; behind, from medial to lateral, semimembranosus under semitendinosus
// and the long head of biceps, the short head deep on the linea aspera. Gait2392's lines of
// action run straight between their via points and cross mid-thigh nearer the femur and further
// back: rectus femoris 2 cm medial of the shaft, sartorius level with it (not in front).
// The hamstrings' lines are the exception: Gait2392's cross mid-thigh in the posterior compartment
// (semitendinosus at -144 degrees, 86 mm from the shaft's centre; semimembranosus -146, 75 mm;
// long head of biceps -160, 69 mm), so semitendinosus and biceps keep Gait2392's directions;
// Gait2392 runs semimembranosus beside semitendinosus, but it lies under it and, the broader of
// the two, reaches medial of it (Gray's, ch. 81), so 15 degrees medial. Before, at
// -135/-150/-175, all three sat 9-20 mm lateral of BodyParts3D's. The long head fills the compartment's depth
// from adductor magnus and the short head to the fascia, so its centre is half way; adductor
// magnus lies deep, on the linea aspera, under the hamstrings (0.35); gracilis is the most medial
// (-90). (Rectus femoris turned to 25 degrees, over vastus intermedius, came 3 mm nearer
// BodyParts3D's but let vastus medialis cover it from the front: tests/app/overlay_pick_test.cpp.)
// At 10 degrees (hthigh's narrower spindle) the middle of its own line, where its label and a pick
// point (scene/body_scene.cpp muscle_midpoint), fell on vastus medialis; at 5 it lies on the belly
// (centroid 9.1 mm from BodyParts3D's, against 6.5 at 10 and 11.8 at 0).
struct MidThigh {
  const char* muscle;
  double angle_deg, depth;
};
constexpr MidThigh kMidThigh[] = {
    {"rect_fem", 5, 0.75},  {"vas_med", -28, 0.4},   {"vas_int", 20, 0.3},   {"vas_lat", 85, 0.55},   {"sar", -55, 0.85},
    {"grac", -90, 0.85},     {"add_long", -65, 0.5},  {"add_mag3", -115, 0.35}, {"semimem", -130, 0.6},
    {"semiten", -145, 0.7}, {"bifemlh", -160, 0.5},
};

struct Curve {
  anatomy::PathCurve c;
  std::array<double, anatomy::PathCurve::kStations> radius{};
  glm::dvec3 lo, hi;  // stations' box grown by the reach
};

// Keeps the largest edge-connected piece of a closed mesh.
Mesh largest_piece(const Mesh& m) {
  const size_t nt = m.triangles();
  std::vector<uint32_t> parent(m.pos.size());
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (size_t t = 0; t < nt; ++t)
    for (int k = 1; k < 3; ++k) {
      uint32_t a = find(m.idx[3 * t]), b = find(m.idx[3 * t + k]);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  std::vector<size_t> count(m.pos.size(), 0);
  for (size_t t = 0; t < nt; ++t) ++count[find(m.idx[3 * t])];
  const uint32_t best = static_cast<uint32_t>(std::max_element(count.begin(), count.end()) - count.begin());
  Mesh out;
  std::vector<uint32_t> remap(m.pos.size(), UINT32_MAX);
  for (size_t t = 0; t < nt; ++t) {
    if (find(m.idx[3 * t]) != best) continue;
    for (int k = 0; k < 3; ++k) {
      const uint32_t v = m.idx[3 * t + k];
      if (remap[v] == UINT32_MAX) {
        remap[v] = static_cast<uint32_t>(out.pos.size());
        out.pos.push_back(m.pos[v]);
      }
      out.idx.push_back(remap[v]);
    }
  }
  return out;
}

// Moves every vertex of `m` that lies within `clearance` of a bone (or inside it) out along the
// bone's SDF gradient until it is `clearance` off that bone. The split keeps its tissue samples out
// of bone, but the mesh of a muscle that lies on a bone does not stay there: its half level runs
// between the last tissue sample and the first bone sample (up to half a grid cell, 1.5 mm, under
// the bone's surface), and smoothing and simplification pull a surface that wraps round a bone
// (concave on the muscle's side) onto its chords, into the bone. Before this, 22 of 86 volumes had
// 1.2-3.4% of their vertices inside a bone at the anatomical pose as drawn
// (tests/scene/muscle_volume_test.cpp): the calf's muscles in the tibia, fibula and foot, the
// gemelli and adductor brevis in the femur, the iliacus in the hip bone; now none has over 0.8%
// (tools/model_generator/tests checks each at the bind pose). A few Newton steps per bone; bones
// in a fixed order, so the result is deterministic. Vertices between two bones (tibia and fibula)
// get the steps of each in turn.
void push_out_of_bones(Mesh& m, const std::vector<PlacedBone>& bones, float clearance) {
  constexpr float e = 0.0002f;  // central-difference step for the gradient
  for (glm::vec3& p : m.pos)
    for (int round = 0; round < 3; ++round) {
      bool moved = false;
      for (const PlacedBone& b : bones) {
        const glm::vec3 lo = b.lo - glm::vec3(clearance + 0.002f), hi = b.hi + glm::vec3(clearance + 0.002f);
        if (p.x < lo.x || p.y < lo.y || p.z < lo.z || p.x > hi.x || p.y > hi.y || p.z > hi.z) continue;
        for (int it = 0; it < 4; ++it) {
          const glm::vec3 q = p - b.origin;
          const float d = b.sdf(q);
          if (d >= clearance - 1e-5f) break;
          glm::vec3 g(b.sdf(q + glm::vec3(e, 0, 0)) - b.sdf(q - glm::vec3(e, 0, 0)), b.sdf(q + glm::vec3(0, e, 0)) - b.sdf(q - glm::vec3(0, e, 0)),
                      b.sdf(q + glm::vec3(0, 0, e)) - b.sdf(q - glm::vec3(0, 0, e)));
          const float gl = glm::length(g);
          if (gl < 1e-12f) break;
          g /= gl;
          p += g * (clearance - d);
          moved = true;
        }
      }
      if (!moved) break;
    }
}

// Path coordinates of `p` against `c` at the given normalised arc length `s` (not necessarily the
// nearest point): offsets in the interpolated frame there, as scene/muscle_volume.cpp places them.
glm::dvec4 path_coordinates_at(const anatomy::PathCurve& c, const glm::dvec3& p, double s) {
  const double x = std::clamp(s, 0.0, 1.0) * (anatomy::PathCurve::kStations - 1);
  const int i = std::min(static_cast<int>(x), anatomy::PathCurve::kStations - 2);
  const double f = x - i;
  auto lerp = [&](const std::array<glm::dvec3, anatomy::PathCurve::kStations>& a) { return a[i] + f * (a[i + 1] - a[i]); };
  const glm::dmat3 frame(lerp(c.tangent), lerp(c.normal), lerp(c.binormal));
  const glm::dvec3 o = glm::inverse(frame) * (p - lerp(c.pos));
  return {s, o.x, o.y, o.z};
}

// Each vertex is carried by the path station nearest to it at the bind pose. Where the volume
// reaches further from its path than the path's bend radius (the iliacus's fan over the iliac
// fossa, 7-9 cm off a path that bends over the pelvic brim; the vasti round the femur's bend), the
// nearest station jumps between neighbouring vertices (iliacus: 0.80 to 0.93 across one 23 mm
// edge). Posed, such neighbours are carried by parts of the path far apart: with the hips flexed
// (the clamshell) that edge opened to 78 mm, folding the fan, and the runtime's volume correction
// (scene/muscle_volume.cpp) then inflated the rest by its limit of 1.3, raising a 2-3 cm fin over
// the top hip. So where s jumps by more than an edge can explain (the arc length between two
// neighbours' stations over twice their distance plus 2 mm), s is made continuous: averaged over
// those vertices and four rings round them, and their offsets taken at the averaged s, which
// places them exactly where they were at the bind pose.
void smooth_path_stations(MuscleVolume& v, const anatomy::PathCurve& c, glm::vec3 pelvis_world) {
  const size_t n = v.mesh.pos.size();
  std::vector<std::vector<uint32_t>> nb(n);
  for (size_t t = 0; t + 2 < v.mesh.idx.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const uint32_t a = v.mesh.idx[t + static_cast<size_t>(e)], b = v.mesh.idx[t + static_cast<size_t>((e + 1) % 3)];
      nb[a].push_back(b);
      nb[b].push_back(a);
    }
  for (auto& l : nb) {
    std::sort(l.begin(), l.end());
    l.erase(std::unique(l.begin(), l.end()), l.end());
  }
  std::vector<char> flag(n, 0);
  for (size_t a = 0; a < n; ++a)
    for (uint32_t b : nb[a])
      if (std::fabs(v.path_coord[a].x - v.path_coord[b].x) * c.length > 2.0 * glm::length(v.mesh.pos[a] - v.mesh.pos[b]) + 0.002) flag[a] = 1;
  // And where a vertex lies further from its path than twice the path's bend radius anywhere
  // within that distance along it, its nearest station is not defined by the shape of the
  // volume but by millimetres of tissue (the iliacus's fan, 7-9 cm off a path that bends over the
  // brim with a 17 mm radius): the muscle split and the chained gluteal wraps, merged, moved the
  // iliacus's mesh by under 1% of its volume, yet afterwards its lateral part (in front of the
  // hip joint) kept stations past the brim (s 0.62-0.75; 114 vertices past 0.62, was 74) and
  // swung with the thigh at 90 degrees of hip flexion: its least volume over the drills 0.40 ->
  // 0.28. Such vertices are smoothed too. Twice the radius, not the radius itself: with that,
  // extensor digitorum's smoothed vertices over the ankle sat 1.0% in bone at the anatomical pose
  // (0.2% now), against the 1% guard of tests/scene/muscle_volume_test.cpp.
  {
    constexpr int K = anatomy::PathCurve::kStations;
    const double step = c.length / (K - 1);
    std::array<double, K> radius{};
    for (int k = 0; k < K; ++k) {
      const int k0 = std::max(k - 1, 0), k1 = std::min(k + 1, K - 1);
      const double turn = std::acos(std::clamp(glm::dot(glm::normalize(c.tangent[static_cast<size_t>(k0)]),
                                                        glm::normalize(c.tangent[static_cast<size_t>(k1)])), -1.0, 1.0));
      radius[static_cast<size_t>(k)] = turn > 1e-9 ? step * (k1 - k0) / turn : 1e9;
    }
    for (size_t a = 0; a < n; ++a) {
      const glm::dvec4 q(v.path_coord[a]);
      const double d = std::sqrt(q.y * q.y + q.z * q.z + q.w * q.w);
      const int i = static_cast<int>(std::lround(q.x * (K - 1)));
      const int w = static_cast<int>(std::ceil(d / std::max(step, 1e-9)));
      for (int k = std::max(i - w, 0); k <= std::min(i + w, K - 1); ++k)
        if (2.0 * radius[static_cast<size_t>(k)] < d) {
          flag[a] = 1;
          break;
        }
    }
  }
  for (int ring = 0; ring < 4; ++ring) {
    std::vector<char> next = flag;
    for (size_t a = 0; a < n; ++a)
      if (flag[a])
        for (uint32_t b : nb[a]) next[b] = 1;
    flag = std::move(next);
  }
  std::vector<double> s(n);
  for (size_t i = 0; i < n; ++i) s[i] = v.path_coord[i].x;
  for (int it = 0; it < 200; ++it) {
    std::vector<double> next = s;
    for (size_t a = 0; a < n; ++a) {
      if (!flag[a] || nb[a].empty()) continue;
      double sum = s[a];
      for (uint32_t b : nb[a]) sum += s[b];
      next[a] = sum / static_cast<double>(nb[a].size() + 1);
    }
    s = std::move(next);
  }
  for (size_t i = 0; i < n; ++i)
    if (flag[i]) v.path_coord[i] = glm::vec4(path_coordinates_at(c, glm::dvec3(v.mesh.pos[i]) - glm::dvec3(pelvis_world), s[i]));
}

void set_path_coordinates(MuscleVolume& v, const anatomy::PathCurve& c, glm::vec3 pelvis_world) {
  const std::vector<glm::vec3> nrm = vertex_normals(v.mesh);
  v.path_coord.resize(v.mesh.pos.size());
  v.frame_normal.resize(v.mesh.pos.size());
  for (size_t i = 0; i < v.mesh.pos.size(); ++i)
    v.path_coord[i] = glm::vec4(anatomy::path_coordinates(c, glm::dvec3(v.mesh.pos[i]) - glm::dvec3(pelvis_world)));
  smooth_path_stations(v, c, pelvis_world);
  for (size_t i = 0; i < v.mesh.pos.size(); ++i) {
    const glm::dvec4 q(v.path_coord[i]);
    const double x = q.x * (anatomy::PathCurve::kStations - 1);
    const int k = std::min(static_cast<int>(x), anatomy::PathCurve::kStations - 2);
    const double f = x - k;
    const glm::dvec3 t = glm::normalize(c.tangent[k] + f * (c.tangent[k + 1] - c.tangent[k]));
    const glm::dvec3 n = glm::normalize(c.normal[k] + f * (c.normal[k + 1] - c.normal[k]));
    const glm::dvec3 b = glm::cross(t, n);
    const glm::dvec3 w(nrm[i]);
    v.frame_normal[i] = glm::vec3(glm::normalize(glm::dvec3(glm::dot(w, t), glm::dot(w, n), glm::dot(w, b))));
  }
}

// For the split, a muscle that Gait2392 draws as several lines of action (adductor magnus 1-3) is
// one belly in the body (Gray's Anatomy, 42nd ed., ch. 81: the adductor magnus is one large
// triangular muscle whose fibres fan from the ischiopubic ramus to the whole linea aspera and the
// adductor tubercle). Each line alone has a third of the muscle's PCSA, so weighed by its own
// radius each lost the tissue between its neighbours to thinner muscles whose one line carries
// their whole PCSA (vastus medialis took the back of the femur's medial side, where adductor
// magnus lies on the linea aspera). So each line of such a muscle weighs with the radius of the
// whole muscle's PCSA (the lines' forces summed): the factor sqrt(whole / own). Adductor magnus'
// section at mid-thigh went from 868 to about 2,050 mm^2 (BodyParts3D's 2,219) and its centroid
// from 11.6 to 6.6 mm off BodyParts3D's; vastus medialis' from 19.2 to 11.7 mm and adductor
// longus' from 13.3 to 7.1 mm with the rest of this change (model_generator_test.cpp). Not done
// for the gluteal muscles, though Gait2392 splits them the same way: their three lines are spread
// over the whole fan, so each already reaches its part of it, and with the whole muscle's radius
// on each line they took the tissue round the hip out to the skin (silhouette IoU against
// BodyParts3D from behind 0.70 to 0.55, from the side 0.74 to 0.60).
//
// And a section through a belly is its volume over its length, not its PCSA: volume = PCSA x
// fascicle length, so the mean anatomical section is PCSA x (fascicle length / muscle length).
// The three hamstrings from the ischial tuberosity differ most in that ratio: semitendinosus 0.58,
// long head of biceps 0.27, semimembranosus 0.22 (Kellis et al. 2012, J Electromyogr Kinesiol
// 22:520-526, eight cadavers). By PCSA alone semitendinosus (Gait2392: 410 N) took a sixth of
// semimembranosus' section at mid-thigh (1288 N; 195 against 1454 mm^2). So these three share the
// tissue their PCSAs give them together in proportion to PCSA x that ratio.
double split_scale(int mi) {
  const std::string_view name = anatomy::muscle(mi).name;
  const double own = std::max(anatomy::muscle(mi).max_isometric_force_n, 1.0);
  if (name.substr(0, 7) == "add_mag") {
    double sum = 0.0;
    for (int k = 0; k < anatomy::kMuscleCount; ++k)
      if (anatomy::muscle(k).name.substr(0, 7) == "add_mag") sum += anatomy::muscle(k).max_isometric_force_n;
    return std::sqrt(sum / own);
  }
  struct Ratio {
    const char* muscle;
    double fascicle_over_muscle;
  };
  constexpr Ratio kHamstrings[] = {{"semiten", 0.58}, {"bifemlh", 0.27}, {"semimem", 0.22}};
  double force = 0.0, section = 0.0, mine = 0.0;
  for (const Ratio& r : kHamstrings) {
    const double f = anatomy::muscle(anatomy::find_muscle(r.muscle).value_or(0)).max_isometric_force_n;
    force += f;
    section += f * r.fascicle_over_muscle;
    if (name == r.muscle) mine = f * r.fascicle_over_muscle;
  }
  if (mine <= 0.0) return 1.0;
  return std::sqrt(mine / section * force / own);
}

}  // namespace

namespace {
// Inserts q into the path pts[0..n) as a point of its first segment that crosses q's height (y),
// for the split's placed bellies; the path is left as it is where none crosses or it is full.
void insert_at_height(std::array<glm::dvec3, anatomy::kMaxPathPoints>& pts, int& n, const glm::dvec3& q) {
  if (n >= anatomy::kMaxPathPoints) return;
  for (int k = 0; k + 1 < n; ++k) {
    const glm::dvec3 a = pts[static_cast<size_t>(k)], e = pts[static_cast<size_t>(k) + 1];
    if ((a.y < q.y) == (e.y < q.y)) continue;
    for (int r = n; r > k + 1; --r) pts[static_cast<size_t>(r)] = pts[static_cast<size_t>(r) - 1];
    pts[static_cast<size_t>(k) + 1] = q;
    ++n;
    return;
  }
}

// Where the fleshy belly starts and ends along the path (normalised arc length) for the split.
void belly_span(int mi, double& a, double& b) {
  const anatomy::MuscleSpec& m = anatomy::muscle(mi);
  const double share = std::clamp(m.tendon_slack_length_m / std::max(m.tendon_slack_length_m + m.optimal_fiber_length_m, 1e-6), 0.0, 0.9);
  a = 0.2 * share;
  b = 1.0 - 0.3 * share;
}
}  // namespace

double muscle_section_radius(int mi, double s) {
  // For the split the fleshy part runs further than the tubes' tendon shares say: Gait2392's
  // tendon slack length includes the aponeuroses, which lie along the belly (Zajac 1989), so half
  // of that share is counted as tendon here.
  const anatomy::MuscleSpec& m = anatomy::muscle(mi);
  const double pcsa = std::max(m.max_isometric_force_n, 1.0) / 6.0e5;
  const double belly = std::sqrt(pcsa / 3.14159265358979);
  const double tendon = std::max(0.18 * belly, 0.0015);
  double a = 0.0, b = 1.0;
  belly_span(mi, a, b);
  double w = 0.0;
  if (s > a && s < b) {
    const double u = (s - a) / std::max(b - a, 1e-6);
    auto smooth = [](double x) { x = std::clamp(x, 0.0, 1.0); return x * x * (3.0 - 2.0 * x); };
    w = smooth(u / 0.3) * smooth((1.0 - u) / 0.3);
  }
  return tendon + (belly - tendon) * w;
}

std::vector<MuscleVolume> build_muscle_volumes(const std::vector<SkeletonNode>& skel, const std::vector<PlacedBone>& bones,
                                               const Mesh& drawn_skin, const VolumeSettings& st, VolumeReport* report) {
  using glm::dvec3;
  using glm::vec3;
  const vec3 pelvis_world(skel[find_node(skel, "pelvis")].world);
  const Sdf skin = body_skin_sdf(skel);
  // Bind-pose curves of the right leg, in model space for the split.
  anatomy::LegPose bind{};
  const anatomy::LegKinematics kin = anatomy::leg_kinematics(bind);
  anatomy::LegMusclePaths paths;
  anatomy::evaluate_leg_muscle_paths(bind, kin, anatomy::Side::kRight, paths);
  // The femur shaft's section centre at fraction `frac` of its length below the hip centre (hip
  // centre to knee centre), model space: the centroid of our femur's SDF section on a 1 mm grid
  // about the point on that line.
  const vec3 hip_c(skel[find_node(skel, "femur_r")].world), knee_c(skel[find_node(skel, "tibia_r")].world);
  auto shaft_centre = [&](double frac) {
    dvec3 c = dvec3(hip_c) + frac * (dvec3(knee_c) - dvec3(hip_c));
    for (const PlacedBone& b : bones) {
      if (b.name != "femur_r") continue;
      dvec3 sum(0.0);
      int cnt = 0;
      for (int i = -40; i <= 40; ++i)
        for (int k = -40; k <= 40; ++k) {
          const vec3 p(static_cast<float>(c.x) + 0.001f * static_cast<float>(i), static_cast<float>(c.y), static_cast<float>(c.z) + 0.001f * static_cast<float>(k));
          if (b.sdf(p - b.origin) < 0.0f) sum += dvec3(p), ++cnt;
        }
      if (cnt > 0) c = sum / static_cast<double>(cnt);
    }
    return c;
  };
  // Its centre at half its length, where kMidThigh's points are placed.
  const dvec3 mid = shaft_centre(0.5);
  // A point at `angle_deg` (as kMidThigh) and `depth` (share of the soft tissue from the bone to the
  // fat) round the shaft's section centre `centre`.
  auto thigh_point = [&](const dvec3& centre, double angle_deg, double depth) {
    const double a = angle_deg * 3.14159265358979 / 180.0;
    const dvec3 dir(std::cos(a), 0.0, std::sin(a));
    double r = 0.0, bone_r = 0.0;
    for (const PlacedBone& bn : bones)
      if (bn.name == "femur_r")
        while (bone_r < 0.05 && bn.sdf(vec3(centre + bone_r * dir) - bn.origin) < 0.0f) bone_r += 0.0005;
    r = bone_r;
    while (r < 0.2 && skin(vec3(centre + r * dir)) < -st.fat_m) r += 0.0005;
    return centre + (bone_r + depth * (r - bone_r)) * dir;
  };
  // Rectus femoris' upper belly, for the split: from the anterior inferior iliac spine its straight
  // head runs down over the front of the hip joint, between sartorius (superficial, medial) and the
  // tensor fasciae latae (lateral), and its belly lies on the middle of the front of the thigh over
  // vastus intermedius (Gray's Anatomy, 42nd ed., ch. 81). Gait2392's line runs straight from the
  // spine towards the kneecap, medial of the shaft: at 20% of the femur's length it crossed 28 mm
  // medial of the shaft's centre, and the split's rectus (the only big muscle there with reach)
  // took the whole front of the upper thigh over sartorius and the femoral triangle, 3,326 mm^2
  // with its centroid 21 mm medial of BodyParts3D's (1,444 mm^2, 39 mm in front of the shaft's
  // centre and 2 mm lateral; hiplab_model_inspect section OUTDIR 0.2): the shield with a straight
  // top (the inguinal ligament's line, muscle_volumes' abdominal wall). So its line passes in front
  // of the shaft there, at 5 degrees lateral of straight ahead, 40% of the way from bone to skin.
  constexpr double kRectusUpperLevel = 0.2, kRectusUpperAngleDeg = 5.0, kRectusUpperDepth = 0.4;
  const dvec3 rectus_upper = thigh_point(shaft_centre(kRectusUpperLevel), kRectusUpperAngleDeg, kRectusUpperDepth);
  // And the vasti's lower bellies at 85% of the femur's length, just above the kneecap: vastus
  // medialis' oblique part bulges anteromedially above the patella's medial half, intermedius lies
  // deep in front of the shaft under the quadriceps tendon, lateralis anterolaterally (Gray's
  // Anatomy, 42nd ed., ch. 81). Gait2392's lines there run side by side in front of the shaft
  // (medialis 13 mm, lateralis 19 mm off intermedius), so intermedius took the whole front and
  // medialis none of its bulge. BodyParts3D's centroids there lie at -56 deg (medialis, 35 mm from
  // the shaft's centre) and +27 deg (intermedius, 26 mm); hiplab_model_inspect section OUTDIR 0.85.
  struct LowerThigh {
    const char* muscle;
    double angle_deg, depth;
  };
  constexpr double kLowerThighLevel = 0.85;
  constexpr LowerThigh kLowerThigh[] = {{"vas_med", -56, 0.6}, {"vas_int", 20, 0.3}, {"vas_lat", 70, 0.5}};
  const dvec3 lower_centre = shaft_centre(kLowerThighLevel);
  std::vector<Curve> curves(anatomy::kMuscleCount);
  std::vector<dvec3> hints(anatomy::kMuscleCount), tangents(anatomy::kMuscleCount);
  for (int m = 0; m < anatomy::kMuscleCount; ++m) {
    const anatomy::MusclePath& p = paths[static_cast<size_t>(m)];
    std::array<dvec3, anatomy::kMaxPathPoints> pts{};
    for (int k = 0; k < p.count; ++k) pts[static_cast<size_t>(k)] = p.point[static_cast<size_t>(k)] + dvec3(pelvis_world);
    const dvec3 t0 = anatomy::first_direction(std::span<const dvec3>(pts.data(), static_cast<size_t>(p.count)));
    hints[static_cast<size_t>(m)] = anatomy::default_path_hint(t0);
    tangents[static_cast<size_t>(m)] = t0;
    Curve& c = curves[static_cast<size_t>(m)];
    // For the split only, the vasti's lines start where the muscles do: Gait2392 puts their first
    // points at mid-thigh (lines of action), but vastus lateralis arises from the greater
    // trochanter's base and the lateral lip of the linea aspera, medialis from the
    // intertrochanteric line and the medial lip, intermedius from the front and side of the upper
    // two-thirds of the shaft (Gray's Anatomy, 42nd ed., ch. 81). Without this the rectus femoris
    // claimed the whole front of the upper thigh. Points in the femur's frame, on our femur.
    int n = p.count;
    const std::string_view name = anatomy::muscle(m).name;
    glm::dvec3 origin_local(0.0);
    if (name == "vas_lat") origin_local = {0.002, -0.075, 0.048};
    else if (name == "vas_med") origin_local = {0.004, -0.085, 0.004};
    else if (name == "vas_int") origin_local = {0.022, -0.080, 0.030};
    // Biceps femoris' short head arises from the lateral lip of the linea aspera almost up to the
    // gluteus maximus insertion (Gray's, ch. 81); Gait2392's line starts at mid-shaft.
    else if (name == "bifemsh") origin_local = {-0.002, -0.14, 0.028};
    if (origin_local != glm::dvec3(0.0) && n < anatomy::kMaxPathPoints) {
      for (int k = n; k > 0; --k) pts[static_cast<size_t>(k)] = pts[static_cast<size_t>(k) - 1];
      pts[0] = kin[anatomy::LegSegment::kFemur].apply(origin_local) + dvec3(pelvis_world);
      ++n;
    }
    // So do the front and lateral muscles of the leg: Gait2392's first points lie 14-16 cm below the
    // knee (lines of action), but tibialis anterior arises from the lateral condyle and the upper
    // half of the tibia's lateral surface, extensor digitorum longus from the lateral condyle and the
    // upper fibula, peroneus longus from the fibula's head and upper lateral surface (Gray's
    // Anatomy, 42nd ed., ch. 83). Without this the medial gastrocnemius and the soleus claimed the
    // front of the upper shin. Points in the tibia's frame (x forward, y up, z lateral), just off
    // our tibia and fibula below the condyles.
    glm::dvec3 leg_origin(0.0);
    if (name == "tib_ant") leg_origin = {0.020, -0.055, 0.022};
    else if (name == "ext_dig") leg_origin = {0.004, -0.060, 0.036};
    else if (name == "per_long") leg_origin = {-0.008, -0.055, 0.045};
    if (leg_origin != glm::dvec3(0.0) && n < anatomy::kMaxPathPoints) {
      for (int k = n; k > 0; --k) pts[static_cast<size_t>(k)] = pts[static_cast<size_t>(k) - 1];
      pts[0] = kin[anatomy::LegSegment::kTibia].apply(leg_origin) + dvec3(pelvis_world);
      ++n;
    }
    // Adductor longus inserts by an aponeurosis along the middle third of the linea aspera
    // (Gray's, ch. 81); Gait2392 has one insertion point at its top, so its belly ended above
    // mid-thigh. For the split its line runs on down the linea aspera to the third's lower end.
    if (name == "add_long" && n < anatomy::kMaxPathPoints) {
      pts[static_cast<size_t>(n)] = kin[anatomy::LegSegment::kFemur].apply(glm::dvec3(0.005, -0.27, 0.022)) + dvec3(pelvis_world);
      ++n;
    }
    if (name == "rect_fem") insert_at_height(pts, n, rectus_upper);
    for (const LowerThigh& b : kLowerThigh) {
      if (name != b.muscle || n >= anatomy::kMaxPathPoints) continue;
      const dvec3 q = thigh_point(lower_centre, b.angle_deg, b.depth);
      // Gait2392's vastus medialis passes 36 mm straight in front of the shaft at 70% of the
      // femur (a line of action; kMidThigh puts it anteromedial at 50%), so its line zigzagged in
      // front of intermedius between the two: that point is dropped for the split.
      if (name == "vas_med")
        for (int k = 0; k < n; ++k)
          if (pts[static_cast<size_t>(k)].y < mid.y && pts[static_cast<size_t>(k)].y > q.y) {
            for (int r = k; r + 1 < n; ++r) pts[static_cast<size_t>(r)] = pts[static_cast<size_t>(r) + 1];
            --n;
            --k;
          }
      insert_at_height(pts, n, q);
    }
    // And the thigh's bellies cross mid-thigh where they lie around the femur, not where the
    // straight lines of action between their via points cross it (see kMidThigh).
    for (const MidThigh& b : kMidThigh) {
      if (name == b.muscle) insert_at_height(pts, n, thigh_point(mid, b.angle_deg, b.depth));
    }
    anatomy::build_path_curve(std::span<const dvec3>(pts.data(), static_cast<size_t>(n)), hints[static_cast<size_t>(m)], c.c);
    c.lo = dvec3(1e9);
    c.hi = dvec3(-1e9);
    const double whole = split_scale(m);
    // The vasti are fleshy down to the kneecap: vastus medialis' lowest fibres, nearly horizontal
    // (its oblique part), insert into the upper half of the patella's medial border, vastus
    // lateralis' into its base and lateral border, vastus intermedius' into the deep surface of the
    // quadriceps tendon at the base (Gray's Anatomy, 42nd ed., ch. 81). Their generic belly (from
    // Gait2392's tendon shares) ended 6-7 cm above the patella's base, so the front of the femoral
    // condyles beside the kneecap showed bare (hiplab_model_inspect limb). For the split their
    // belly's end is moved down the path to the patella's middle (medialis) or base (lateralis),
    // the profile stretched to match. Not intermedius: with its belly to the base its volume, carried
    // round the bent knee, grew to 1.17 of rest in the kneeling windmill
    // (tests/scene/muscle_volume_test.cpp; the guard is 1.035).
    double belly_end = -1.0;
    // Rectus femoris' fleshy belly narrows into the quadriceps tendon some 5 cm above the patella's
    // base (BodyParts3D's, seen from the front beside ours: hiplab_model_inspect limb; Gray's: its
    // belly ends in an aponeurosis on its deep surface that narrows into a flat tendon inserted
    // into the base of the patella); its generic belly ended 10 cm above it, so its end is moved
    // to 5 cm above the base, and from there down its split radius keeps at least
    // kQuadricepsTendonM, half the thickness of the whole tendon, which it leads (Gray's: the
    // tendons of the four unite above the patella).
    constexpr double kRectusBellyAboveBaseM = 0.05, kQuadricepsTendonM = 0.006;
    if (name == "vas_med" || name == "vas_lat" || name == "rect_fem")
      for (const PlacedBone& b : bones) {
        if (b.name != "patella_r") continue;
        const double y = name == "vas_med" ? 0.5 * (b.lo.y + b.hi.y) : name == "rect_fem" ? b.hi.y + kRectusBellyAboveBaseM : b.hi.y;
        for (int i = 0; i < anatomy::PathCurve::kStations; ++i)
          if (c.c.pos[static_cast<size_t>(i)].y <= y) {
            belly_end = static_cast<double>(i) / (anatomy::PathCurve::kStations - 1);
            break;
          }
      }
    double ba = 0.0, bb = 1.0;
    belly_span(m, ba, bb);
    for (int i = 0; i < anatomy::PathCurve::kStations; ++i) {
      double s = static_cast<double>(i) / (anatomy::PathCurve::kStations - 1);
      if (belly_end > bb) s = s <= ba ? s : s <= belly_end ? ba + (s - ba) * (bb - ba) / (belly_end - ba) : bb + (s - belly_end);
      c.radius[static_cast<size_t>(i)] = whole * muscle_section_radius(m, s);
      // Below its widest, the belly tapers over the aponeurosis but stays fleshy down to the
      // tendon (BodyParts3D's still 178 mm^2 at 85% of the femur, hiplab_model_inspect section
      // OUTDIR 0.85); with the generic profile's taper and kRectusReach its split lost the lower
      // third of the thigh to the vasti. So there its split radius keeps half the belly's.
      const double s_here = static_cast<double>(i) / (anatomy::PathCurve::kStations - 1);
      if (name == "rect_fem" && belly_end > 0.0 && s_here > 0.5 && s_here < belly_end)
        c.radius[static_cast<size_t>(i)] = std::max(c.radius[static_cast<size_t>(i)], 0.5 * whole * muscle_section_radius(m, 0.5));
      if (name == "rect_fem" && belly_end > 0.0 && s_here >= belly_end)
        c.radius[static_cast<size_t>(i)] = std::max(c.radius[static_cast<size_t>(i)], kQuadricepsTendonM);
      const double reach = kReach * c.radius[static_cast<size_t>(i)] + kReachMin;
      c.lo = glm::min(c.lo, c.c.pos[static_cast<size_t>(i)] - dvec3(reach));
      c.hi = glm::max(c.hi, c.c.pos[static_cast<size_t>(i)] + dvec3(reach));
    }
  }
  // The right leg's soft-tissue grid.
  const float h = st.grid_m;
  const vec3 lo(-0.20f, 0.0f, 0.0f);
  const vec3 hi(0.24f, pelvis_world.y + 0.14f, 0.24f);
  const int nx = static_cast<int>(std::ceil((hi.x - lo.x) / h)) + 1;
  const int ny = static_cast<int>(std::ceil((hi.y - lo.y) / h)) + 1;
  const int nz = static_cast<int>(std::ceil((hi.z - lo.z) / h)) + 1;
  auto at = [&](int i, int j, int k) { return (static_cast<size_t>(k) * ny + j) * nx + i; };
  auto gp = [&](int i, int j, int k) { return lo + vec3(h * static_cast<float>(i), h * static_cast<float>(j), h * static_cast<float>(k)); };
  std::vector<int8_t> label(static_cast<size_t>(nx) * ny * nz, -1);
  // The right arm hangs beside the hip and thigh at the bind pose, inside the same skin: its
  // tissue is no leg muscle's (hip muscles used to claim the forearm and hand). Within kArmRadius
  // of the arm's line (shoulder, elbow, wrist, the hand's tip as body_skin.cpp shapes it).
  const vec3 arm_pts[4] = {vec3(skel[find_node(skel, "humerus_r")].world), vec3(skel[find_node(skel, "forearm_r")].world),
                           vec3(skel[find_node(skel, "hand_r")].world), vec3(skel[find_node(skel, "hand_r")].world) + vec3(0.01f, -0.17f, 0.0f)};
  auto in_arm = [&](const vec3& p) {
    for (int a = 0; a < 3; ++a) {
      const vec3 ab = arm_pts[a + 1] - arm_pts[a];
      const float f = std::clamp(glm::dot(p - arm_pts[a], ab) / glm::dot(ab, ab), 0.0f, 1.0f);
      const vec3 d = p - (arm_pts[a] + f * ab);
      if (glm::dot(d, d) < kArmRadius * kArmRadius) return true;
    }
    return false;
  };
  // Inside the drawn skin by a grid cell (the subcutaneous fat there; the SDF's own layer,
  // VolumeSettings::fat_m, is thinner so the top of the thigh stays 70% filled): the parity of its
  // crossings along each x row of the grid, eroded by one cell.
  std::vector<uint8_t> under_skin(label.size(), 0);
  {
    std::vector<std::vector<float>> hits(static_cast<size_t>(ny) * nz);
    for (size_t t = 0; t + 2 < drawn_skin.idx.size(); t += 3) {
      const vec3 a = drawn_skin.pos[drawn_skin.idx[t]], b = drawn_skin.pos[drawn_skin.idx[t + 1]], c = drawn_skin.pos[drawn_skin.idx[t + 2]];
      const float det = (b.y - a.y) * (c.z - a.z) - (c.y - a.y) * (b.z - a.z);
      if (std::fabs(det) < 1e-14f) continue;
      const int j0 = std::max(0, static_cast<int>(std::ceil((std::min({a.y, b.y, c.y}) - lo.y) / h)));
      const int j1 = std::min(ny - 1, static_cast<int>(std::floor((std::max({a.y, b.y, c.y}) - lo.y) / h)));
      const int k0 = std::max(0, static_cast<int>(std::ceil((std::min({a.z, b.z, c.z}) - lo.z) / h)));
      const int k1 = std::min(nz - 1, static_cast<int>(std::floor((std::max({a.z, b.z, c.z}) - lo.z) / h)));
      for (int k = k0; k <= k1; ++k)
        for (int j = j0; j <= j1; ++j) {
          const float y = lo.y + h * static_cast<float>(j), z = lo.z + h * static_cast<float>(k);
          const float u = ((y - a.y) * (c.z - a.z) - (c.y - a.y) * (z - a.z)) / det;
          const float w = ((b.y - a.y) * (z - a.z) - (y - a.y) * (b.z - a.z)) / det;
          if (u < 0.0f || w < 0.0f || u + w > 1.0f) continue;
          hits[static_cast<size_t>(k) * ny + j].push_back(a.x + u * (b.x - a.x) + w * (c.x - a.x));
        }
    }
    std::vector<uint8_t> in(label.size(), 0);
    for (int k = 0; k < nz; ++k)
      for (int j = 0; j < ny; ++j) {
        std::vector<float>& r = hits[static_cast<size_t>(k) * ny + j];
        std::sort(r.begin(), r.end());
        for (size_t e = 0; e + 1 < r.size(); e += 2)
          for (int i = 0; i < nx; ++i) {
            const float x = lo.x + h * static_cast<float>(i);
            if (x > r[e] && x < r[e + 1]) in[at(i, j, k)] = 1;
          }
      }
    for (int k = 1; k + 1 < nz; ++k)
      for (int j = 1; j + 1 < ny; ++j)
        for (int i = 1; i + 1 < nx; ++i)
          under_skin[at(i, j, k)] = in[at(i, j, k)] && in[at(i - 1, j, k)] && in[at(i + 1, j, k)] && in[at(i, j - 1, k)] &&
                                    in[at(i, j + 1, k)] && in[at(i, j, k - 1)] && in[at(i, j, k + 1)];
  }
  // The trunk's samples: medial to the hip bone (some sample further out along the same row, to
  // the right, lies in it: the iliac wing or the pubis walls the basin in), above the iliac crests
  // in front of the sacrum and medial to the wings' outer lips, or in front above the groin. Rows walked from the
  // outside in, one SDF sample each.
  std::vector<uint8_t> cavity(label.size(), 0);
  const int iliacus = anatomy::find_muscle("iliacus").value_or(-1);
  // Rectus femoris is a fusiform, bipennate belly on the front of the thigh, narrower than the
  // front: at mid-thigh vastus medialis and lateralis flank it and reach the surface on either side
  // (Gray's Anatomy, 42nd ed., ch. 81, transverse section through the middle of the thigh;
  // BodyParts3D's rectus there is about 55 mm wide and 22 mm deep). With the common reach (3.5 R +
  // 6 mm, 9 cm for its 25 mm belly radius) it took the whole front of the thigh from the vastus
  // medialis to the tensor, a wide flat shield (72 mm wide at mid-thigh). So it takes tissue only
  // within kRectusReach R(s) of its path: its section follows its radius profile, a spindle.
  const int rectus = anatomy::find_muscle("rect_fem").value_or(-1);
  constexpr double kRectusReach = 1.2;
  {
    const PlacedBone* hip = nullptr;
    for (const PlacedBone& b : bones)
      if (b.name == "hip_bone_r") hip = &b;
    const vec3 o(pelvis_world);
    for (int j = 0; j < ny; ++j)
      for (int i = 0; i < nx; ++i) {
        const vec3 row = gp(i, j, 0) - o;
        if (row.x < -0.13f || row.x > 0.06f || row.y < -0.11f) continue;
        bool walled = false;
        for (int k = nz - 1; k >= 0; --k) {
          const vec3 p = gp(i, j, k);
          if (hip && !walled && p.x >= hip->lo.x && p.x <= hip->hi.x && p.y >= hip->lo.y && p.y <= hip->hi.y && p.z >= hip->lo.z &&
              p.z <= hip->hi.z && hip->sdf(p - hip->origin) < 0.0f)
            walled = true;
          const vec3 q = p - o;
          const bool above_crest = q.y > 0.01f && q.x > -0.10f && q.z < 0.10f;
          // In front, above the inguinal ligament (from the pubic tubercle, about (-0.022, -0.076,
          // 0.024) in the Gait2392 pelvis frame, to the anterior superior iliac spine, about
          // (0, 0, 0.119)): the lower abdominal wall, which the iliopsoas passes under.
          const float ligament = -0.076f + 0.076f * std::clamp((q.z - 0.024f) / 0.095f, 0.0f, 1.0f);
          const bool abdominal_wall = q.x > -0.05f && q.z < 0.119f && q.y > ligament;
          if ((walled && hip && p.z < hip->hi.z) || above_crest || abdominal_wall) cavity[at(i, j, k)] = 1;
        }
      }
  }
  // The gluteal muscles lie behind the tensor fasciae latae: it arises from the anterior superior
  // iliac spine and the front of the outer lip of the crest, gluteus medius and minimus behind it
  // from the outer ilium, and minimus, the most anterior, inserts on the front of the greater
  // trochanter (Gray's Anatomy, 42nd ed., ch. 80). So no gluteal muscle takes tissue in front of
  // the line, seen from the side, from the spine (sartorius' origin in Gait2392) down to that
  // insertion (gluteus minimus 1's), nor, below it, in front of the insertion; that tissue goes to
  // the nearest other muscle in reach (the tensor, sartorius, rectus femoris) or stays fat. Before,
  // medius and minimus filled the side of the hip forward to the spine (gluteal silhouette IoU from
  // the side against BodyParts3D 0.637, now 0.742: model_generator_test.cpp).
  std::vector<uint8_t> gluteal(anatomy::kMuscleCount, 0);
  for (int m = 0; m < anatomy::kMuscleCount; ++m) gluteal[static_cast<size_t>(m)] = anatomy::muscle(m).name.substr(0, 5) == "glut_";
  const auto point_of = [&](const char* muscle, bool last) {
    const anatomy::MusclePath& mp = paths[static_cast<size_t>(anatomy::find_muscle(muscle).value_or(0))];
    return mp.point[static_cast<size_t>(last ? mp.count - 1 : 0)] + dvec3(pelvis_world);
  };
  const dvec3 asis = point_of("sar", false), troch_front = point_of("glut_min1", true);
  auto in_front_of_gluteals = [&](const vec3& p) {
    const double f = std::clamp((p.y - troch_front.y) / (asis.y - troch_front.y), 0.0, 1.0);
    return p.x > troch_front.x + f * (asis.x - troch_front.x);
  };
  // The deep rotators (piriformis, the gemelli with obturator internus, quadratus femoris) lie under
  // gluteus maximus from the sacrum to the gluteal fold: none reaches the skin (Gray's Anatomy, 42nd
  // ed., ch. 80, "gluteal region": the maximus covers the piriformis, gemelli, obturator internus and
  // quadratus femoris, and the sciatic nerve between them). Gait2392's maximus lines run through the
  // same depth as the rotators' (glut_max2's via point 14 cm behind the pelvis origin, piriformis'
  // 12-14 cm), so by distance alone the rotators took the buttock out to the skin and maximus' three
  // parts lay beside them as separate strips. So no deep rotator takes tissue within kMaximusCoverM
  // of the skin's inner layer; that tissue goes to the nearest other muscle in reach (maximus). The
  // depth: BodyParts3D's gluteus maximus, laid over our hip bone and measured from behind over its
  // deep rotators (hiplab_model_inspect buttock: the first run through maximus on rays from
  // behind, 4 mm grid), is 21.7 / 25.5 / 29.7 mm thick (quartiles), and covers 495 of the 509 rays
  // that meet a rotator. Ours before: 105 of 410 rays uncovered, maximus 13.9 / 20.3 / 29.7 mm;
  // now 23 of 410, 17.5 / 19.9 / 27.3 mm. Seen from behind the pelvis in the deep-flexion drills
  // the uncovered share went from 32% to 13% (tests/scene/muscle_volume_test.cpp); the gluteal
  // silhouette IoU from behind from 0.702 to 0.719 (maximus 0.69 to 0.717), from the side 0.735 to
  // 0.734 (model_generator_test.cpp). The cost: maximus' parts fold more in deep flexion (the
  // "neither tear nor fold" case there). 15 mm left 33 rays uncovered with as many folds; 35 mm
  // left 14 and tore more (568 triangle-samples past 0.2..3x against 469).
  std::vector<uint8_t> deep_rotator(anatomy::kMuscleCount, 0);
  for (int m = 0; m < anatomy::kMuscleCount; ++m) {
    const std::string_view n = anatomy::muscle(m).name;
    deep_rotator[static_cast<size_t>(m)] = n.substr(0, 4) == "peri" || n.substr(0, 3) == "gem" || n.substr(0, 8) == "quad_fem";
  }
  // The shin: the tibia's anteromedial surface, from the condyles and the tuberosity down to the
  // medial malleolus, and its anterior border lie under the skin with no muscle over them (Gray's
  // Anatomy, 42nd ed., ch. 83; Moore, Clinically Oriented Anatomy, 8th ed., ch. 5: the anteromedial
  // surface of the tibia is subcutaneous). Tibialis anterior lies on its lateral surface; soleus,
  // flexor digitorum longus and tibialis posterior behind its medial border; in front of the knee
  // below the kneecap lie the patellar ligament and the infrapatellar fat pad, not muscle. Before,
  // the medial gastrocnemius and the soleus filled that tissue and wrapped the front of the shin and
  // of the knee (looked at beside BodyParts3D: hiplab_model_inspect limb). So the tissue in the
  // sector from the tibia's anterior border (straight ahead of its section's centroid, which the
  // triangular shaft puts behind the crest) round to its medial border (kShinSectorDeg toward
  // medial) is treated as the trunk's: only a muscle whose path runs within kCavityReach R(s) of it
  // takes it (the pes anserinus tendons at the top, tibialis anterior's tendon at the ankle). From
  // the malleolus up to kShinAboveM above the plateau (the fat pad under the kneecap); the top
  // row's centroid is used above the bone. The sector's 95 deg: the skin's shin is a round cone
  // about the knee-ankle line, thicker over the tibia's front and medial face than a real one, so
  // the sector holds more tissue than the living leg's; at 120 deg the muscles filled 60.0% of the
  // soft tissue at 30% of the tibia (85.6% before; issue 11 asks >= 60%), at 95 deg 66.9%.
  constexpr float kShinSectorDeg = 95.0f;
  constexpr float kShinAboveM = 0.01f;
  std::vector<glm::vec2> shin_centre(static_cast<size_t>(ny), glm::vec2(0.0f));
  std::vector<uint8_t> shin_row(static_cast<size_t>(ny), 0);
  for (const PlacedBone& b : bones) {
    if (b.name != "tibia_r") continue;
    int top = -1;
    for (int j = 0; j < ny; ++j) {
      const float y = gp(0, j, 0).y;
      if (y < b.lo.y || y > b.hi.y) continue;
      glm::dvec2 sum(0.0);
      int n = 0;
      for (int k = 0; k < nz; ++k)
        for (int i = 0; i < nx; ++i) {
          const vec3 p = gp(i, j, k);
          if (p.x < b.lo.x || p.x > b.hi.x || p.z < b.lo.z || p.z > b.hi.z || b.sdf(p - b.origin) >= 0.0f) continue;
          sum += glm::dvec2(p.x, p.z), ++n;
        }
      if (n == 0) continue;
      shin_centre[static_cast<size_t>(j)] = glm::vec2(sum / double(n));
      shin_row[static_cast<size_t>(j)] = 1;
      top = j;
    }
    for (int j = top + 1; top >= 0 && j < ny && gp(0, j, 0).y <= b.hi.y + kShinAboveM; ++j) {
      shin_centre[static_cast<size_t>(j)] = shin_centre[static_cast<size_t>(top)];
      shin_row[static_cast<size_t>(j)] = 1;
    }
  }
  const float shin_cos = std::cos(glm::radians(kShinSectorDeg));
  // Round the ankle and in the foot the leg's muscles are tendons: the bellies of the calf end above
  // the malleoli (soleus' lowest fibres, peroneus brevis and the extensors' a few centimetres above
  // them), and behind the ankle lie the calcaneal tendon and Kager's fat pad, under the heel its
  // fat pad (Gray's Anatomy, 42nd ed., chs. 83-84). Gait2392 has no intrinsic foot muscles. So
  // from kTendonsAboveAnkleM above the ankle joint's centre down, tissue is treated as the
  // trunk's too: a muscle takes it only within kCavityReach R(s) of its path, its tendon's
  // radius there. Before, the soleus' tendon (reach 3.5 R + 6 mm, 3.3 cm) wrapped the heel in a
  // ball of muscle and the extensors and peronei covered the foot.
  constexpr float kTendonsAboveAnkleM = 0.04f;
  // There a tendon keeps at least this reach (radius, m) so that it stays one piece on the 3 mm grid
  // (the long tendons of the foot are 3-6 mm wide; the calcaneal tendon about 6 x 15 mm).
  constexpr double kTendonReachMinM = 0.0045;
  const float tendons_below_y = static_cast<float>(skel[find_node(skel, "talus_r")].world.y) + kTendonsAboveAnkleM;
  // Right leg: x anterior, z lateral, so medial is -z. In the sector when the direction from the
  // centroid is ahead of the crest's lateral edge (medial side: -dz >= 0) and within the sector's
  // angle from straight ahead.
  auto over_shin = [&](int j, const vec3& p) {
    if (!shin_row[static_cast<size_t>(j)]) return false;
    const glm::vec2 d = glm::vec2(p.x, p.z) - shin_centre[static_cast<size_t>(j)];
    const float len = glm::length(d);
    return len > 0.0f && -d.y >= 0.0f && d.x / len >= shin_cos;
  };
  constexpr int B = 8;
  const float half_diag = 0.5f * std::sqrt(3.0f) * B * h;
  VolumeReport rep;
  std::vector<int> cand;
  for (int bk = 0; bk < nz; bk += B)
    for (int bj = 0; bj < ny; bj += B)
      for (int bi = 0; bi < nx; bi += B) {
        const vec3 bc = gp(bi, bj, bk) + vec3(0.5f * B * h);
        const float sc = skin(bc);
        if (sc - 2.0f * half_diag > 0.0f) continue;  // block wholly outside the body
        const bool all_inside = sc + 2.0f * half_diag < -st.fat_m;
        const vec3 blo = gp(bi, bj, bk), bhi = gp(bi + B, bj + B, bk + B);
        cand.clear();
        for (int m = 0; m < anatomy::kMuscleCount; ++m) {
          const Curve& c = curves[static_cast<size_t>(m)];
          if (c.lo.x > bhi.x || c.hi.x < blo.x || c.lo.y > bhi.y || c.hi.y < blo.y || c.lo.z > bhi.z || c.hi.z < blo.z) continue;
          cand.push_back(m);
        }
        if (cand.empty()) continue;
        std::vector<const PlacedBone*> near_bones;
        for (const PlacedBone& b : bones)
          if (!(b.lo.x > bhi.x || b.hi.x < blo.x || b.lo.y > bhi.y || b.hi.y < blo.y || b.lo.z > bhi.z || b.hi.z < blo.z))
            near_bones.push_back(&b);
        for (int k = bk; k < std::min(bk + B, nz); ++k)
          for (int j = bj; j < std::min(bj + B, ny); ++j)
            for (int i = bi; i < std::min(bi + B, nx); ++i) {
              const vec3 p = gp(i, j, k);
              if (!under_skin[at(i, j, k)]) continue;
              if (in_arm(p)) continue;
              if (!all_inside && skin(p) > -st.fat_m) continue;
              // In front of the anterior superior iliac spines and above the groin lie the
              // abdominal wall and viscera, not leg muscle (the iliopsoas runs behind, in the
              // fossa and over the brim; sartorius starts at the spine, x = -0.015 m).
              if (p.x - pelvis_world.x > -0.005f && p.y - pelvis_world.y > -0.04f) continue;
              bool in_bone = false;
              for (const PlacedBone* b : near_bones) {
                if (p.x < b->lo.x || p.x > b->hi.x || p.y < b->lo.y || p.y > b->hi.y || p.z < b->lo.z || p.z > b->hi.z) continue;
                if (b->sdf(p - b->origin) < st.bone_gap_m) { in_bone = true; break; }
              }
              if (in_bone) continue;
              ++rep.tissue_samples;
              const dvec3 q(p);
              const bool below_ankle = p.y < tendons_below_y;
              const bool in_cavity = cavity[at(i, j, k)] != 0 || over_shin(j, p) || below_ankle;
              const bool before_gluteals = in_front_of_gluteals(p);
              int superficial = -1;  // under maximus' cover depth (see deep_rotator); evaluated when needed
              double best = 1e300;
              int who = -1;
              for (int m : cand) {
                const Curve& c = curves[static_cast<size_t>(m)];
                if (q.x < c.lo.x || q.x > c.hi.x || q.y < c.lo.y || q.y > c.hi.y || q.z < c.lo.z || q.z > c.hi.z) continue;
                if (before_gluteals && gluteal[static_cast<size_t>(m)]) continue;
                if (deep_rotator[static_cast<size_t>(m)]) {
                  if (superficial < 0) superficial = skin(p) > -(st.fat_m + kMaximusCoverM) ? 1 : 0;
                  if (superficial) continue;
                }
                for (int s = 0; s + 1 < anatomy::PathCurve::kStations; ++s) {
                  const dvec3 a = c.c.pos[static_cast<size_t>(s)], ab = c.c.pos[static_cast<size_t>(s) + 1] - a;
                  const double l2 = glm::dot(ab, ab);
                  const double f = l2 > 0 ? std::clamp(glm::dot(q - a, ab) / l2, 0.0, 1.0) : 0.0;
                  const dvec3 d = q - (a + f * ab);
                  const double d2 = glm::dot(d, d);
                  const double r = c.radius[static_cast<size_t>(s)] + f * (c.radius[static_cast<size_t>(s) + 1] - c.radius[static_cast<size_t>(s)]);
                  double reach = in_cavity ? (m == iliacus ? kFossaReach : kCavityReach) * r
                                 : m == rectus ? kRectusReach * r
                                               : kReach * r + kReachMin;
                  if (below_ankle) reach = std::max(reach, kTendonReachMinM);
                  if (d2 > reach * reach) continue;
                  // Distance in units of the muscle's own radius there (see muscle_volumes.h).
                  const double score = std::sqrt(d2) / r;
                  if (score < best) {
                    best = score;
                    who = m;
                  }
                }
              }
              if (who >= 0) {
                label[at(i, j, k)] = static_cast<int8_t>(who);
                ++rep.assigned_samples;
              }
            }
      }
  // One mesh per muscle from its smoothed indicator.
  std::vector<MuscleVolume> out;
  std::vector<std::array<int, 6>> box(anatomy::kMuscleCount, {nx, ny, nz, -1, -1, -1});
  for (int k = 0; k < nz; ++k)
    for (int j = 0; j < ny; ++j)
      for (int i = 0; i < nx; ++i) {
        const int m = label[at(i, j, k)];
        if (m < 0) continue;
        auto& b = box[static_cast<size_t>(m)];
        b = {std::min(b[0], i), std::min(b[1], j), std::min(b[2], k), std::max(b[3], i), std::max(b[4], j), std::max(b[5], k)};
      }
  std::vector<MuscleVolume> right(anatomy::kMuscleCount);
  for (int m = 0; m < anatomy::kMuscleCount; ++m) {
    const auto& b = box[static_cast<size_t>(m)];
    MuscleVolume& v = right[static_cast<size_t>(m)];
    v.muscle = m;
    v.side = anatomy::Side::kRight;
    v.name = anatomy::muscle_name(m, anatomy::Side::kRight);
    v.hint = hints[static_cast<size_t>(m)];
    v.tangent = tangents[static_cast<size_t>(m)];
    v.rest_length = curves[static_cast<size_t>(m)].c.length;
    if (b[3] < 0) continue;
    const int pad = 3;
    const int i0 = b[0] - pad, j0 = b[1] - pad, k0 = b[2] - pad;
    const int mx = b[3] - b[0] + 1 + 2 * pad, my = b[4] - b[1] + 1 + 2 * pad, mz = b[5] - b[2] + 1 + 2 * pad;
    std::vector<float> f(static_cast<size_t>(mx) * my * mz, 0.0f), tmp(f.size());
    auto li = [&](int i, int j, int k) { return (static_cast<size_t>(k) * my + j) * mx + i; };
    for (int k = 0; k < mz; ++k)
      for (int j = 0; j < my; ++j)
        for (int i = 0; i < mx; ++i) {
          const int gi = i0 + i, gj = j0 + j, gk = k0 + k;
          if (gi < 0 || gj < 0 || gk < 0 || gi >= nx || gj >= ny || gk >= nz) continue;
          f[li(i, j, k)] = label[at(gi, gj, gk)] == m ? 1.0f : 0.0f;
        }
    // Two passes of the separable [1 2 1] / 4 filter along each axis (a small Gaussian).
    for (int pass = 0; pass < 2; ++pass)
      for (int axis = 0; axis < 3; ++axis) {
        const int n[3] = {mx, my, mz};
        for (int k = 0; k < mz; ++k)
          for (int j = 0; j < my; ++j)
            for (int i = 0; i < mx; ++i) {
              int c[3] = {i, j, k};
              const size_t here = li(i, j, k);
              float sum = 2.0f * f[here];
              for (int d : {-1, 1}) {
                c[axis] += d;
                if (c[axis] >= 0 && c[axis] < n[axis]) sum += f[li(c[0], c[1], c[2])];
                c[axis] -= d;
              }
              tmp[here] = 0.25f * sum;
            }
        f.swap(tmp);
      }
    const vec3 mlo = gp(i0, j0, k0);
    const vec3 mhi = gp(i0 + mx - 1, j0 + my - 1, k0 + mz - 1);
    auto field = [&](vec3 p) {
      const int i = static_cast<int>(std::lround((p.x - mlo.x) / h));
      const int j = static_cast<int>(std::lround((p.y - mlo.y) / h));
      const int k = static_cast<int>(std::lround((p.z - mlo.z) / h));
      if (i < 0 || j < 0 || k < 0 || i >= mx || j >= my || k >= mz) return 0.5f * h;
      return (0.5f - f[li(i, j, k)]) * h;
    };
    Mesh raw = mesh_sdf(field, mlo, mhi, h);
    if (raw.triangles() == 0) continue;
    raw = largest_piece(raw);
    // 25 rounds (was 10): evener triangles, fewer for the app's carrying along the posed path to
    // squash or stretch (tests/scene/muscle_volume_test.cpp: 54 of 86 within 0.2..3x against 49).
    taubin_smooth(raw, 25);
    const size_t budget = std::clamp<size_t>(raw.triangles() / 16, 160, 1000);
    // No sliver left (area at least 0.08 times the longest edge squared, the bones' and skin's
    // 0.025 let through): carried along a bending path, a sliver's area swings far more than an
    // even triangle's (tests/scene/muscle_volume_test.cpp, triangles within 0.2..3x: 56 of 86, 54 with 0.025).
    v.mesh = simplify(raw, budget, 0.01f, 0.08);
    {
      // A vertex whose push moves it along its path more than the push itself could (its nearest
      // station jumping across a bend) would be carried with another part of the path when posed,
      // so it keeps its place: where the arc length it maps to moves by more than twice the push
      // plus a millimetre (one vertex, on flexor digitorum longus).
      // The fin over the top hip seen in the clamshell at 2-6 s was not this push: the model
      // before it draws the same fin when loaded as the shipped body. Loaded with --model from
      // another path it goes through the import sandbox, whose wire form
      // (src/assets/model_wire.cpp) does not carry the volumes' rest volumes, so no volume
      // correction runs and the fin is hidden; that compare misled. Its cause was the iliacus's
      // path stations (smooth_path_stations above). A negative bone_clearance_m turns the push off.
      const anatomy::MusclePath& mp = paths[static_cast<size_t>(m)];
      anatomy::PathCurve pc;
      anatomy::build_path_curve(std::span<const dvec3>(mp.point.data(), static_cast<size_t>(mp.count)), hints[static_cast<size_t>(m)], pc);
      const std::vector<vec3> before = v.mesh.pos;
      push_out_of_bones(v.mesh, bones, st.bone_clearance_m);
      for (size_t i = 0; i < before.size(); ++i) {
        if (before[i] == v.mesh.pos[i]) continue;
        const double s0 = anatomy::path_coordinates(pc, dvec3(before[i]) - dvec3(pelvis_world)).x;
        const double s1 = anatomy::path_coordinates(pc, dvec3(v.mesh.pos[i]) - dvec3(pelvis_world)).x;
        if (std::fabs(s1 - s0) * pc.length > 2.0 * glm::length(v.mesh.pos[i] - before[i]) + 0.001) v.mesh.pos[i] = before[i];
      }
    }
    // Far level: a third of the triangles over the same vertices (meshoptimizer's edge collapse,
    // indices only), for whole-body views where a triangle spans a few pixels.
    {
      v.lod_idx.resize(v.mesh.idx.size());
      float rel = 0.0f;
      const size_t n = meshopt_simplify(v.lod_idx.data(), v.mesh.idx.data(), v.mesh.idx.size(), &v.mesh.pos[0].x, v.mesh.pos.size(),
                                        sizeof(glm::vec3), v.mesh.idx.size() / 3, 0.02f, 0, &rel);
      v.lod_idx.resize(n);
      v.lod_error = rel * meshopt_simplifyScale(&v.mesh.pos[0].x, v.mesh.pos.size(), sizeof(glm::vec3));
    }
  }
  // Left: the mirror image, with coordinates against the left (mirrored) bind paths.
  for (const MuscleVolume& r : right) {
    if (r.mesh.pos.empty()) continue;
    out.push_back(r);
    MuscleVolume& rr = out.back();  // coordinates in the pelvis frame of the side
    const anatomy::MusclePath& p = paths[static_cast<size_t>(r.muscle)];
    anatomy::PathCurve c;
    anatomy::build_path_curve(std::span<const dvec3>(p.point.data(), static_cast<size_t>(p.count)), r.hint, c);
    rr.rest_length = c.length;
    rr.point_s.assign(c.point_s.begin(), c.point_s.begin() + p.count);
    set_path_coordinates(rr, c, pelvis_world);
    MuscleVolume l;
    l.muscle = r.muscle;
    l.side = anatomy::Side::kLeft;
    l.name = anatomy::muscle_name(r.muscle, anatomy::Side::kLeft);
    l.hint = anatomy::mirror_point(r.hint);
    l.tangent = anatomy::mirror_point(r.tangent);
    l.mesh = mirror_z(r.mesh);
    // mirror_z reverses each triangle's winding to keep it outward; do the same to the far level.
    l.lod_idx = r.lod_idx;
    for (size_t t = 0; t + 2 < l.lod_idx.size(); t += 3) std::swap(l.lod_idx[t + 1], l.lod_idx[t + 2]);
    l.lod_error = r.lod_error;  // the mirror image strays as far (it was left 0: the left side always drew its far level)
    std::array<dvec3, anatomy::kMaxPathPoints> pts{};
    for (int k = 0; k < p.count; ++k) pts[static_cast<size_t>(k)] = anatomy::mirror_point(p.point[static_cast<size_t>(k)]);
    anatomy::build_path_curve(std::span<const dvec3>(pts.data(), static_cast<size_t>(p.count)), l.hint, c);
    l.rest_length = c.length;
    l.point_s.assign(c.point_s.begin(), c.point_s.begin() + p.count);
    set_path_coordinates(l, c, pelvis_world);
    out.push_back(std::move(l));
  }
  for (const MuscleVolume& r : right)
    if (r.mesh.pos.empty()) rep.empty.push_back(r.name);
  if (report) *report = rep;
  return out;
}

}  // namespace hiplab::modelgen
