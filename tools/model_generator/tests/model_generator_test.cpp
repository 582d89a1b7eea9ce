// model_generator_test.cpp — checks the generated body model (issue 3): skeleton names and joint
// centres, bone topology (Euler characteristic), fidelity against the Gait2392 reference meshes
// (silhouette IoU, muscle path end points on the bone surface; printed), determinism against the
// committed assets/models/hiplab_body.glb, Assimp loading, mirror symmetry, size budgets and the
// Khronos validator. The reference-dependent check and the validator are reported as skipped by ctest
// (tests/test_support.h) when ../shared/reference or the npm validator is absent.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include <assimp/Importer.hpp>
#include <assimp/scene.h>

#include "anatomy/muscle_data.h"
#include "anatomy/skeleton.h"
#include "anatomy/path_curve.h"
#include "anatomy/kinematics.h"
#include "anatomy/muscle_path.h"
#include "bodyparts3d.h"
#include "inspect.h"
#include "model.h"
#include "muscle_info.h"
#include "scene/test_bone_cells.h"
#include "skeleton_layout.h"
#include "test_support.h"

using namespace hiplab::modelgen;
namespace fs = std::filesystem;

namespace {
const BuiltModel& model() {
  static const BuiltModel m = build_model(Morphometry{});
  return m;
}
const Mesh* bone(const std::string& name) {
  for (auto& [n, m] : model().bone_meshes)
    if (n == name) return &m;
  return nullptr;
}
std::string ref_mesh(const char* n) { return std::string(HIPLAB_REFERENCE_DIR) + "/opensim-gait2392/meshes/" + n; }
bool have_reference() { return fs::exists(ref_mesh("femur_r.obj")); }

float point_triangle_distance(glm::vec3 p, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
  // Ericson, Real-Time Collision Detection 5.1.5
  glm::vec3 ab = b - a, ac = c - a, ap = p - a;
  float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return glm::length(p - a);
  glm::vec3 bp = p - b;
  float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return glm::length(p - b);
  float vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return glm::length(p - (a + ab * (d1 / (d1 - d3))));
  glm::vec3 cp = p - c;
  float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return glm::length(p - c);
  float vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return glm::length(p - (a + ac * (d2 / (d2 - d6))));
  float va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0)
    return glm::length(p - (b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)))));
  float den = 1.0f / (va + vb + vc);
  return glm::length(p - (a + ab * (vb * den) + ac * (vc * den)));
}
float surface_distance(glm::vec3 p, const Mesh& m) {
  float best = 1e9f;
  for (size_t t = 0; t + 2 < m.idx.size(); t += 3)
    best = std::min(best, point_triangle_distance(p, m.pos[m.idx[t]], m.pos[m.idx[t + 1]], m.pos[m.idx[t + 2]]));
  return best;
}
std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}
}  // namespace

TEST_CASE("skeleton: Gait2392 body names, joint centres within 1 mm of the published values") {
  const auto nodes = skeleton_layout();
  for (const char* n : {"pelvis", "torso", "head", "humerus_r", "forearm_r", "hand_r", "humerus_l", "femur_r", "femur_l",
                        "patella_r", "patella_l", "tibia_r", "tibia_l", "talus_r", "talus_l", "calcn_r", "calcn_l", "toes_r", "toes_l"})
    CHECK_MESSAGE(find_node(nodes, n) >= 0, n);
  auto local = [&](const char* n) { return nodes[find_node(nodes, n)].translation; };
  auto near = [](glm::dvec3 a, glm::dvec3 b) { return glm::length(a - b) < 0.001; };
  // Gait2392 hip_r location_in_parent (Delp 1990), left mirrored
  CHECK(near(local("femur_r"), {-0.0707, -0.0661, 0.0835}));
  CHECK(near(local("femur_l"), {-0.0707, -0.0661, -0.0835}));
  // knee at full extension: tibia origin ~0.396 m below the hip centre (Yamaguchi & Zajac 1989 splines)
  CHECK(near(local("tibia_r"), {-0.0045, -0.3956, 0.0}));
  CHECK(near(local("talus_r"), {0.0, -0.43, 0.0}));
  CHECK(near(local("calcn_r"), {-0.04877, -0.04195, 0.00792}));
  CHECK(near(local("calcn_l"), {-0.04877, -0.04195, -0.00792}));
  CHECK(near(local("toes_r"), {0.1788, -0.002, 0.00108}));
  CHECK(near(local("torso"), {-0.1007, 0.0815, 0.0}));
  // every body frame is parallel in the bind pose; the pelvis stands the feet on y = 0
  CHECK(standing_pelvis_height() == doctest::Approx(0.943).epsilon(0.01));
}

TEST_CASE("bones: one closed manifold surface each, genus 0 except the hip bone (obturator foramen)") {
  for (const auto& b : model().report.bones) {
    INFO(b.name);
    CHECK(b.topo.closed_manifold());
    std::printf("  %-11s Euler %3ld  components %d  genus %d  triangles %zu\n", b.name.c_str(), b.topo.euler, b.topo.components,
                b.topo.genus(), b.triangles);
    const bool toes = b.name.rfind("toes", 0) == 0;
    CHECK(b.topo.components == (toes ? 5 : 1));  // five separate toes
    if (b.name.rfind("hip_bone", 0) == 0) CHECK(b.topo.euler == 0);  // one hole
    else CHECK(b.topo.euler == 2 * b.topo.components);
  }
}

TEST_CASE("fidelity: silhouettes vs Gait2392 meshes (IoU, 1 mm pixels), femur & tibia >= 0.80, pelvis >= 0.75") {
  if (!have_reference())
    HIPLAB_SKIP(ref_mesh("femur_r.obj") + " not found; fidelity figures not computed");
  struct Case { const char* bone; const char* ref; double min_iou; };
  for (const Case c : {Case{"femur_r", "femur_r.obj", 0.80}, Case{"tibia_r", "tibia_r.obj", 0.80}, Case{"hip_bone_r", "pelvis.obj", 0.75}}) {
    Mesh ref;
    REQUIRE(load_obj(ref_mesh(c.ref), ref));
    for (View v : {View::Front, View::Side, View::Top}) {
      const double iou = silhouette_iou(*bone(c.bone), ref, v, 0.001f);
      std::printf("  IoU %-10s %-5s %.3f (target %.2f)\n", c.bone, view_name(v), iou, c.min_iou);
      INFO(c.bone << " " << view_name(v) << " IoU " << iou);
      CHECK(iou >= c.min_iou);
    }
  }
}

TEST_CASE("fidelity: first and last point of every muscle path within 12 mm of its bone") {
  std::map<std::string, std::vector<const Mesh*>> body_bones = {
      {"pelvis", {bone("hip_bone_r"), bone("sacrum")}}, {"femur_r", {bone("femur_r")}}, {"tibia_r", {bone("tibia_r"), bone("fibula_r"), bone("patella_r")}},
      {"calcn_r", {bone("foot_r")}}, {"toes_r", {bone("toes_r")}}};
  const auto nodes = skeleton_layout();
  const glm::dvec3 patella_in_tibia = nodes[find_node(nodes, "patella_r")].translation;
  for (int i = 0; i < hiplab::anatomy::kMuscleCount; ++i) {
    const auto& ms = hiplab::anatomy::muscle(i);
    for (size_t k : {size_t(0), ms.points.size() - 1}) {
      const auto& pp = ms.points[k];
      const std::string body = path_body_node(pp.body, "_r");
      float d = 1e9f;
      for (const Mesh* m : body_bones[body]) {
        glm::vec3 p(pp.location);
        if (m == bone("patella_r")) p -= glm::vec3(patella_in_tibia);
        d = std::min(d, surface_distance(p, *m));
      }
      const bool exempt = (ms.name == "psoas" && k == 0) || (ms.name == "rect_fem" && k == ms.points.size() - 1);
      // Three foot insertions lie on parts the generated foot draws smaller than Gait2392's own
      // meshes (the 5th metatarsal's tuberosity; the lateral toes' tips): they are held to 20 mm
      // here and to 3 mm of the Gait2392 foot/bofoot meshes they were placed on, below.
      const bool foot_tip = (ms.name == "per_brev" || ms.name == "flex_dig" || ms.name == "ext_dig") && k == ms.points.size() - 1;
      std::printf("  %-9s p%zu on %-7s %5.1f mm%s\n", std::string(ms.name).c_str(), k, body.c_str(), d * 1000.0f,
                  exempt ? " (exempt)" : foot_tip ? " (foot tip: <= 20 mm; <= 3 mm on the Gait2392 mesh)" : "");
      if (!exempt) {
        INFO(ms.name << " p" << k << " " << d * 1000 << " mm");
        CHECK(d <= (foot_tip ? 0.020f : 0.012f));
      }
      if (foot_tip && have_reference()) {
        Mesh ref;
        REQUIRE(load_obj(ref_mesh(pp.body == hiplab::anatomy::PathBody::kToes ? "bofoot.obj" : "foot.obj"), ref));
        const float dr = surface_distance(glm::vec3(pp.location), ref);
        INFO(ms.name << " p" << k << " " << dr * 1000 << " mm from the Gait2392 mesh");
        CHECK(dr <= 0.003f);
      }
    }
  }
}

TEST_CASE("file: deterministic, equal to the committed assets/models/hiplab_body.glb") {
  const std::vector<uint8_t> committed = read_file(HIPLAB_MODEL_PATH);
  REQUIRE(!committed.empty());
  CHECK(committed.size() == model().glb.size());
  CHECK(committed == model().glb);
  // The committed file was written by a separate run of the generator, so equal bytes here show
  // the same bytes each run; a second build in this process would only double the test's time.
  const std::vector<uint8_t> json = read_file(HIPLAB_MUSCLES_JSON_PATH);
  const std::string now = muscles_json();
  CHECK(std::string(json.begin(), json.end()) == now);
}

TEST_CASE("file: at most 10 MB and 400k triangles, left and right bones are mirror images") {
  std::printf("  %zu bytes, %zu triangles (skin %zu), %zu muscle path nodes\n", model().glb.size(), model().report.total_triangles,
              model().report.skin_triangles, model().report.muscle_nodes);
  CHECK(model().glb.size() <= 10u * 1000u * 1000u);
  CHECK(model().report.total_triangles <= 400000u);
  for (const char* n : {"hip_bone", "femur", "tibia", "fibula", "patella", "talus", "foot", "toes"}) {
    const Mesh* r = bone(std::string(n) + "_r");
    const Mesh* l = bone(std::string(n) + "_l");
    REQUIRE(r);
    REQUIRE(l);
    REQUIRE(r->pos.size() == l->pos.size());
    bool mirrored = true;
    for (size_t i = 0; i < r->pos.size(); ++i)
      mirrored &= r->pos[i].x == l->pos[i].x && r->pos[i].y == l->pos[i].y && r->pos[i].z == -l->pos[i].z;
    CHECK_MESSAGE(mirrored, n);
  }
}

TEST_CASE("file: Assimp loads it with every bone, muscle point and the skinned skin mesh") {
  Assimp::Importer imp;
  const aiScene* s = imp.ReadFileFromMemory(model().glb.data(), model().glb.size(), 0, "glb");
  REQUIRE_MESSAGE(s, imp.GetErrorString());
  std::map<std::string, const aiNode*> nodes;
  std::vector<const aiNode*> stack = {s->mRootNode};
  while (!stack.empty()) {
    const aiNode* n = stack.back();
    stack.pop_back();
    nodes[n->mName.C_Str()] = n;
    for (unsigned i = 0; i < n->mNumChildren; ++i) stack.push_back(n->mChildren[i]);
  }
  for (const auto& b : model().report.bones) CHECK_MESSAGE(nodes.count("bone." + b.name), b.name);
  for (int i = 0; i < hiplab::anatomy::kMuscleCount; ++i)
    for (auto side : {hiplab::anatomy::Side::kRight, hiplab::anatomy::Side::kLeft}) {
      const std::string m = hiplab::anatomy::muscle_name(i, side);
      INFO(m);
      REQUIRE(nodes.count("muscle." + m + ".p0"));
      CHECK(nodes.count("muscle." + m + ".p1"));
      const aiNode* p0 = nodes["muscle." + m + ".p0"];
      const std::string parent = p0->mParent->mName.C_Str();
      CHECK((parent == "pelvis" || parent.rfind("femur", 0) == 0 || parent.rfind("tibia", 0) == 0));
      const aiNode* last = nodes["muscle." + m + ".p" + std::to_string(hiplab::anatomy::muscle(i).points.size() - 1)];
      REQUIRE(last);
      CHECK(std::string(last->mParent->mName.C_Str()) ==
            path_body_node(hiplab::anatomy::muscle(i).points.back().body, hiplab::anatomy::side_suffix(side)));
    }
  bool skinned = false;
  for (unsigned i = 0; i < s->mNumMeshes; ++i)
    if (std::string(s->mMeshes[i]->mName.C_Str()) == "skin") skinned = s->mMeshes[i]->mNumBones > 0;
  CHECK(skinned);
}

TEST_CASE("file: Khronos glTF validator reports 0 errors and 0 warnings") {
  const std::string dir = HIPLAB_MODEL_VALIDATOR_DIR;
  if (!fs::exists(dir + "/node_modules/gltf-validator") || std::system("node --version > /dev/null 2>&1") != 0)
    HIPLAB_SKIP("node or gltf-validator not installed (npm ci --prefix tools/model_generator)");
  const std::string tmp = (fs::temp_directory_path() / "hiplab_body_validate.glb").string();
  {
    std::ofstream f(tmp, std::ios::binary);
    f.write(reinterpret_cast<const char*>(model().glb.data()), static_cast<std::streamsize>(model().glb.size()));
  }
  const int rc = std::system(("node " + dir + "/validate_gltf.js " + tmp).c_str());
  CHECK(rc == 0);
}

// ---- packed muscle volumes (issue 11, section 3) ----
namespace {
struct Seg2 {
  glm::vec2 a, b;
};
// The mesh's section by the plane y = c, as 2-D segments (x, z).
std::vector<Seg2> slice(const Mesh& m, glm::vec3 offset, float c) {
  std::vector<Seg2> out;
  for (size_t t = 0; t < m.triangles(); ++t) {
    glm::vec3 p[3];
    for (int k = 0; k < 3; ++k) p[k] = m.pos[m.idx[3 * t + k]] + offset;
    glm::vec2 hit[2];
    int n = 0;
    for (int k = 0; k < 3 && n < 2; ++k) {
      const glm::vec3 a = p[k], b = p[(k + 1) % 3];
      if ((a.y < c) == (b.y < c)) continue;
      const float f = (c - a.y) / (b.y - a.y);
      const glm::vec3 q = a + f * (b - a);
      hit[n++] = {q.x, q.z};
    }
    if (n == 2) out.push_back({hit[0], hit[1]});
  }
  return out;
}
bool inside(const std::vector<Seg2>& s, glm::vec2 p) {
  bool in = false;
  for (const Seg2& e : s)
    if ((e.a.y > p.y) != (e.b.y > p.y)) {
      const float x = e.a.x + (p.y - e.a.y) / (e.b.y - e.a.y) * (e.b.x - e.a.x);
      if (x > p.x) in = !in;
    }
  return in;
}
struct Section {
  double fill = 0, overlap = 0;
  size_t tissue = 0;
};
// Right leg at height y: share of (skin - bone) covered by muscles, and the share of the muscles'
// section covered twice or more; 1 mm samples.
Section section_at(float y) {
  const auto skel = skeleton_layout();
  std::vector<std::vector<Seg2>> bones;
  for (const char* b : {"femur_r", "tibia_r", "fibula_r", "patella_r"}) {
    const Mesh* m = bone(b);
    REQUIRE(m);
    const std::string body = std::string(b) == "patella_r" ? "patella_r" : (std::string(b) == "fibula_r" ? "tibia_r" : b);
    const int node = find_node(skel, body);
    REQUIRE(node >= 0);
    bones.push_back(slice(*m, glm::vec3(skel[static_cast<size_t>(node)].world), y));
  }
  const std::vector<Seg2> skin = slice(model().skin, glm::vec3(0), y);
  std::vector<std::vector<Seg2>> muscles;
  for (const MuscleVolume& v : model().muscle_volumes)
    if (v.side == hiplab::anatomy::Side::kRight) muscles.push_back(slice(v.mesh, glm::vec3(0), y));
  Section s;
  size_t covered = 0, twice = 0, any = 0;
  for (float x = -0.2f; x <= 0.2f; x += 0.001f)
    for (float z = 0.0005f; z <= 0.25f; z += 0.001f) {
      const glm::vec2 p(x, z);
      if (!inside(skin, p)) continue;
      bool in_bone = false;
      for (auto& b : bones) in_bone |= inside(b, p);
      if (in_bone) continue;
      ++s.tissue;
      int n = 0;
      for (auto& m : muscles) n += inside(m, p);
      covered += n > 0;
      twice += n > 1;
      any += n > 0;
    }
  s.fill = s.tissue ? double(covered) / double(s.tissue) : 0.0;
  s.overlap = any ? double(twice) / double(any) : 0.0;
  return s;
}
}  // namespace

TEST_CASE("muscle volumes: one closed manifold each, both sides, path coordinates reproduce the bind pose") {
  const auto& vols = model().muscle_volumes;
  CHECK(vols.size() >= 80);  // 43 per leg less any muscle its neighbours left no tissue (drawn as a tube)
  for (const std::string& e : model().report.volumes.empty) std::printf("no volume (tube instead): %s\n", e.c_str());
  CHECK(model().report.volumes.empty.size() <= 3);
  const auto skel = skeleton_layout();
  const glm::dvec3 pelvis(skel[static_cast<size_t>(find_node(skel, "pelvis"))].world);
  hiplab::anatomy::LegPose bind{};
  const auto kin = hiplab::anatomy::leg_kinematics(bind);
  for (const MuscleVolume& v : vols) {
    INFO(v.name);
    const Topology t = topology(v.mesh);
    CHECK(t.closed_manifold());
    CHECK(t.components == 1);
    REQUIRE(v.path_coord.size() == v.mesh.pos.size());
    hiplab::anatomy::MusclePath p;
    hiplab::anatomy::evaluate_muscle_path(v.muscle, bind, kin, v.side, p);
    hiplab::anatomy::PathCurve c;
    hiplab::anatomy::build_path_curve(std::span<const glm::dvec3>(p.point.data(), static_cast<size_t>(p.count)), v.hint, c);
    CHECK(std::fabs(c.length - v.rest_length) < 1e-9);
    double worst = 0;
    for (size_t i = 0; i < v.mesh.pos.size(); ++i) {
      const glm::dvec3 back = hiplab::anatomy::place_on_curve(c, glm::dvec4(v.path_coord[i])) + pelvis;
      worst = std::max(worst, glm::length(back - glm::dvec3(v.mesh.pos[i])));
    }
    CHECK(worst < 1e-4);
  }
}

TEST_CASE("muscle volumes: fill the thigh and calf with little overlap (bind pose, right leg)") {
  const auto skel = skeleton_layout();
  const float hip = float(skel[static_cast<size_t>(find_node(skel, "femur_r"))].world.y);
  const float knee = float(skel[static_cast<size_t>(find_node(skel, "tibia_r"))].world.y);
  const float ankle = float(skel[static_cast<size_t>(find_node(skel, "talus_r"))].world.y);
  struct Level {
    const char* name;
    float y;
    double min_fill;
  };
  // Issue 11: >= 70% at 25/50/75% of femur length, >= 60% at 30% of tibia length; overlap <= 3%.
  const Level levels[] = {{"femur 25%", hip - 0.25f * (hip - knee), 0.70},
                          {"femur 50%", hip - 0.50f * (hip - knee), 0.70},
                          {"femur 75%", hip - 0.75f * (hip - knee), 0.70},
                          {"tibia 30%", knee - 0.30f * (knee - ankle), 0.60}};
  for (const Level& l : levels) {
    const Section s = section_at(l.y);
    std::printf("muscle volumes at %s: fill %.1f%% of %zu mm^2 of soft tissue, overlap %.1f%%\n", l.name, 100 * s.fill,
                s.tissue, 100 * s.overlap);
    INFO(l.name);
    CHECK(s.fill >= l.min_fill);
    CHECK(s.overlap <= 0.03);
  }
}

// The shin and the foot (muscle_volumes.cpp): the tibia's anteromedial face is subcutaneous, so
// from its front round to its medial side no belly of the back of the leg (gastrocnemius, soleus)
// lies between the bone and the skin (tibialis anterior's belly beside the crest and the tendons
// crossing to the medial malleolus may); and round the ankle and in the foot the leg's muscles are
// tendons, close to their paths. Before, the medial gastrocnemius and the soleus covered the front
// and the medial face of the shin at 30, 50 and 70% of its length and the soleus' tendon wrapped
// the heel in muscle 33 mm from its path.
TEST_CASE("muscle volumes: the shin's anteromedial face bare of the calf, tendons only round the ankle and in the foot") {
  const auto skel = skeleton_layout();
  const glm::vec3 tibia_w(skel[static_cast<size_t>(find_node(skel, "tibia_r"))].world);
  const float knee = tibia_w.y, ankle = float(skel[static_cast<size_t>(find_node(skel, "talus_r"))].world.y);
  const Mesh* tibia = bone("tibia_r");
  REQUIRE(tibia);
  std::vector<const MuscleVolume*> muscles;
  for (const MuscleVolume& v : model().muscle_volumes)
    if (v.side == hiplab::anatomy::Side::kRight) muscles.push_back(&v);
  for (float f : {0.3f, 0.5f, 0.7f}) {
    const float y = knee - f * (knee - ankle);
    const std::vector<Seg2> bone_s = slice(*tibia, tibia_w, y), skin_s = slice(model().skin, glm::vec3(0), y);
    glm::vec2 c(0.0f);
    int n = 0;
    for (float x = -0.1f; x <= 0.1f; x += 0.0005f)
      for (float z = -0.1f; z <= 0.2f; z += 0.0005f)
        if (inside(bone_s, {x, z})) c += glm::vec2(x, z), ++n;
    REQUIRE(n > 0);
    c /= float(n);
    std::vector<std::vector<Seg2>> ms;
    for (const MuscleVolume* m : muscles) ms.push_back(slice(m->mesh, glm::vec3(0), y));
    for (float deg : {0.0f, 45.0f, 90.0f}) {  // straight ahead, anteromedial, medial (right leg: -z)
      const glm::vec2 d(std::cos(glm::radians(deg)), -std::sin(glm::radians(deg)));
      std::map<std::string, int> hit;
      int tissue = 0;
      for (float r = 0.0f; r < 0.12f; r += 0.0005f) {
        const glm::vec2 p = c + r * d;
        if (!inside(skin_s, p)) break;
        if (inside(bone_s, p)) continue;
        ++tissue;
        for (size_t k = 0; k < ms.size(); ++k)
          if (inside(ms[k], p)) ++hit[muscles[k]->name];
      }
      std::printf("shin at %.0f%% of the tibia, %.0f deg from the front toward medial: %.1f mm of tissue;", 100 * f, deg, 0.5 * tissue);
      for (const auto& [name, mm] : hit) std::printf(" %s %.1f mm", name.c_str(), 0.5 * mm);
      std::printf("\n");
      INFO(f, " ", deg);
      for (const char* calf : {"med_gas_r", "lat_gas_r", "soleus_r"}) CHECK(hit.count(calf) == 0);
    }
  }
  // Vertices below the ankle's centre: their distance from their own path (the path coordinates'
  // offsets from the path's point at s). Reached 13.3 mm (flexor digitorum longus' tendon turning
  // under the medial malleolus); the heel's ball of soleus before was 33 mm.
  double worst = 0.0;
  std::string who;
  for (const MuscleVolume* v : muscles)
    for (size_t i = 0; i < v->mesh.pos.size(); ++i) {
      if (v->mesh.pos[i].y >= ankle) continue;
      const double off = glm::length(glm::dvec3(v->path_coord[i].y, v->path_coord[i].z, v->path_coord[i].w));
      if (off > worst) worst = off, who = v->name;
    }
  std::printf("below the ankle's centre: farthest muscle vertex from its path %.1f mm (%s)\n", 1000 * worst, who.c_str());
  CHECK(worst < 0.015);
}

// ---- against BodyParts3D (issue 11, section 3) ----
namespace {
std::string bp3d(const std::string& file) { return std::string(HIPLAB_REFERENCE_DIR) + "/bodyparts3d/" + file; }
bool have_bodyparts3d() { return fs::exists(bp3d("bones/FJ40_BP62922_FMA24474_Right_femur.glb")); }
// A right-side bone of ours in model space (bind pose).
Mesh placed_bone(const char* name, const char* body) {
  const auto skel = skeleton_layout();
  Mesh m = *bone(name);
  const glm::vec3 w(skel[static_cast<size_t>(find_node(skel, body))].world);
  for (glm::vec3& p : m.pos) p += w;
  return m;
}
// Our right-side volumes whose names start with one of `prefixes`, as one mesh.
Mesh our_muscles(std::initializer_list<const char*> prefixes) {
  Mesh out;
  for (const MuscleVolume& v : model().muscle_volumes) {
    if (v.side != hiplab::anatomy::Side::kRight) continue;
    bool want = false;
    for (const char* p : prefixes) want |= v.name.rfind(p, 0) == 0;
    if (!want) continue;
    const auto base = static_cast<uint32_t>(out.pos.size());
    out.pos.insert(out.pos.end(), v.mesh.pos.begin(), v.mesh.pos.end());
    for (uint32_t i : v.mesh.idx) out.idx.push_back(base + i);
  }
  return out;
}
// Area and centroid (x, z) of a mesh's section by the plane y, 1 mm samples.
bool section_centroid(const Mesh& m, float y, glm::vec2& centroid, double& area_mm2) {
  const std::vector<Seg2> s = slice(m, glm::vec3(0), y);
  if (s.empty()) return false;
  glm::vec2 lo(1e9f), hi(-1e9f);
  for (const Seg2& e : s) lo = glm::min(lo, glm::min(e.a, e.b)), hi = glm::max(hi, glm::max(e.a, e.b));
  glm::dvec2 sum(0.0);
  std::size_t n = 0;
  for (float x = lo.x + 0.0005f; x < hi.x; x += 0.001f)
    for (float z = lo.y + 0.0005f; z < hi.y; z += 0.001f)
      if (inside(s, {x, z})) sum += glm::dvec2(x, z), ++n;
  if (n == 0) return false;
  centroid = glm::vec2(sum / double(n));
  area_mm2 = double(n);
  return true;
}
}  // namespace

// Issue 11: "at 50% of femur length, the centroid of each muscle's section lies within 12 mm of the
// centroid of the same bodyparts3d muscle's section (aligned by the femur), for every muscle
// bodyparts3d has there (quote the distances)". BodyParts3D's right femur is laid over ours by
// bounding-box centre and height (inspect's alignment), and its thigh muscles moved with it; the
// three parts of our adductor magnus are one muscle there. Printed; the target is met by all, and
// each distance reached is guarded.
TEST_CASE("muscle volumes: section centroids at 50% of femur length against BodyParts3D (printed)") {
  if (!have_bodyparts3d()) HIPLAB_SKIP(bp3d("bones") + " not found; BodyParts3D figures not computed");
  const Mesh femur = placed_bone("femur_r", "femur_r");
  Mesh ref_femur;
  REQUIRE(load_bodyparts3d(bp3d("bones/FJ40_BP62922_FMA24474_Right_femur.glb"), ref_femur));
  BoxAlignment align = box_alignment(ref_femur, femur);
  const auto skel = skeleton_layout();
  const float hip = float(skel[static_cast<size_t>(find_node(skel, "femur_r"))].world.y);
  const float knee = float(skel[static_cast<size_t>(find_node(skel, "tibia_r"))].world.y);
  const float y = hip - 0.5f * (hip - knee);
  // Then the shafts' sections at that height on one another (the box's middle depends on the
  // neck's anteversion and the shaft's obliquity, which differ between the two femurs).
  {
    Mesh f = ref_femur;
    apply(align, f);
    glm::vec2 ours_c, ref_c;
    double a = 0, b = 0;
    REQUIRE(section_centroid(femur, y, ours_c, a));
    REQUIRE(section_centroid(f, y, ref_c, b));
    align.onto += glm::vec3(ours_c.x - ref_c.x, 0.0f, ours_c.y - ref_c.y);
    std::printf("femur shaft at 50%%: BodyParts3D's moved by (x %+.1f, z %+.1f) mm after the box alignment; section %.0f vs %.0f mm^2\n",
                1000.0 * (ours_c.x - ref_c.x), 1000.0 * (ours_c.y - ref_c.y), a, b);
  }
  for (const MuscleVolume& v : model().muscle_volumes) {
    if (v.side != hiplab::anatomy::Side::kRight) continue;
    glm::vec2 c;
    double a = 0;
    if (section_centroid(v.mesh, y, c, a)) std::printf("  ours at 50%%: %-9s %5.0f mm^2\n", v.name.c_str(), a);
  }
  struct Pair {
    const char* ours;
    const char* ref;
    double max_mm;  // guard: what is reached and half a millimetre (at most the target's 12 mm)
  };
  const Pair pairs[] = {
      {"vas_med", "muscles/FMA38932_Right_vastus_medialis.glb", 3.5},  // 8.1 -> 3.0 mm (hthigh: rectus femoris narrowed, vastus medialis anteromedial down to the kneecap)
      {"vas_int", "muscles/FMA38934_Right_vastus_intermedius.glb", 4.5},  // LOOSENED 1.1 -> 4.5 (0.6 -> 4.0 mm): rectus femoris turned from 10 to 5 deg in kMidThigh so that its own line's middle (where labels and picks point: scene/body_scene.cpp muscle_midpoint) lies on its drawn belly, not on vastus medialis (tests/app/overlay_pick_test.cpp); 3.7 -> 0.6 mm (hthigh: its belly placed at +20 deg in kMidThigh)
      {"rect_fem", "muscles/FMA38928_Right_rectus_femoris.glb", 9.5},  // LOOSENED 7.1 -> 9.5 (6.5 -> 9.1 mm): turned from 10 to 5 deg so its line's middle lies on its drawn belly (labels, picks; see vas_int); 10.1 -> 6.5 mm (hthigh: a spindle, kRectusReach); 9.5 -> 10.1 mm: the front bulk ends a quarter of the femur below the hip, so TFL stays in view (body_skin.cpp)
      {"sar", "muscles/FMA22354_Right_sartorius.glb", 10.3},  // 8.5 -> 9.8 (LOOSENED, hthigh: with rectus femoris no longer over it, sartorius takes tissue deeper, 10 mm behind BodyParts3D's; vastus medialis 8.1 -> 3.0, vastus intermedius 3.7 -> 0.6, rectus 10.1 -> 6.5 mm)
      {"grac", "muscles/FMA43883_Right_gracilis.glb", 9.7},
      {"add_long", "muscles/FMA22456_Right_adductor_longus.glb", 9.9},  // 7.2 -> 9.4 (LOOSENED, hthigh: vastus medialis' belly, now anteromedial as BodyParts3D's, pushes it back: 9.2 mm behind BodyParts3D's; see sartorius)
      {"add_brev", "muscles/FJ379_BP62997_FMA22452_Right_adductor_brevis.glb", 12.0},
      {"add_mag", "muscles/FJ329_BP62964_FMA22459_Right_adductor_magnus.glb", 7.2},
      {"semimem", "muscles/FMA22448_Right_semimembranosus.glb", 11.7},  // 11.3 -> 11.7 (LOOSENED, hskin: 11.57 mm, the crotch's skin weights evened across the midline move the inner thigh's skin in the bind pose the volumes are packed against)
      {"semiten", "muscles/FJ276_BP62988_FMA22358_Right_semitendinosus.glb", 11.5},
      {"bifemlh", "muscles/FMA45888_Long_head_of_right_biceps_femoris.glb", 11.6},
      {"bifemsh", "muscles/FMA45891_Short_head_of_right_biceps_femoris.glb", 7.3},  // 6.1 -> 6.8 (LOOSENED, hthigh: vastus lateralis' and intermedius' new lines; see sartorius)
  };
  int compared = 0, within = 0;
  for (const Pair& p : pairs) {
    Mesh ref;
    REQUIRE(load_bodyparts3d(bp3d(p.ref), ref));
    apply(align, ref);
    glm::vec2 rc, oc;
    double ra = 0, oa = 0;
    if (!section_centroid(ref, y, rc, ra)) continue;  // BodyParts3D has no section of it here
    const Mesh ours = our_muscles({p.ours});
    ++compared;
    if (!section_centroid(ours, y, oc, oa)) {
      std::printf("  %-9s no section of ours at 50%% of the femur (BodyParts3D: %.0f mm^2)\n", p.ours, ra);
      continue;
    }
    const double d = 1000.0 * glm::length(oc - rc);
    within += d <= 12.0;
    INFO(p.ours);
    CHECK(d <= p.max_mm);
    std::printf("  %-9s centroid %5.1f mm from BodyParts3D's (x %+5.1f, z %+5.1f mm); section %4.0f vs %4.0f mm^2\n", p.ours, d,
                1000.0 * (oc.x - rc.x), 1000.0 * (oc.y - rc.y), oa, ra);
  }
  std::printf("section centroids at 50%% of the femur within 12 mm of BodyParts3D's: %d of %d\n", within, compared);
  // Reached (hthigh, rectus femoris a spindle, the vasti placed down to the kneecap): 11 of 11
  // (vastus intermedius 0.6 mm, vastus medialis 3.0, rectus femoris 6.5, adductor magnus 6.6,
  // biceps short head 6.8, gracilis 9.1, adductor longus 9.4, sartorius 9.8, semitendinosus 10.4,
  // biceps long head 10.5, semimembranosus 11.6). Before that, 11 of 11 (vastus intermedius 3.7 mm, biceps short head 6.1, adductor magnus 6.7,
  // adductor longus 7.2, vastus medialis 8.1, sartorius 8.5, gracilis 9.2, rectus femoris 9.5,
  // semimembranosus 10.8, semitendinosus 11.0, biceps long head 11.1; BodyParts3D has no adductor
  // brevis at this level). Rectus femoris was 25.0 mm off, and vastus medialis 11.7, vastus
  // intermedius 5.1, sartorius 8.6, biceps short head 6.4, before the skin's front of the thigh
  // (tools/model_generator/body_skin.cpp, quadriceps_front) was brought 63 mm in front of the
  // femur's centre (was 46; anterior thigh thickness by ultrasound, Agyapong-Badu et al. 2014):
  // BodyParts3D's rectus centroid lies about 51 mm in front of the shaft's centre, so no split of
  // our tissue could reach it. Most of ours still lie 5-10 mm behind BodyParts3D's (our thigh is
  // deeper behind the femur: 80 mm from its centre to the skin against BodyParts3D's hamstrings'
  // 62). Was 5 of 11
  // with adductor magnus' three Gait2392 lines each weighed by a third of its PCSA (vastus medialis
  // took the medial back of the femur), semitendinosus by PCSA rather than section, and the
  // hamstrings placed 10-15 degrees lateral of Gait2392's own lines (muscle_volumes.cpp,
  // split_scale and kMidThigh); 1 of 11 before that, with most of ours about 3 cm behind (the split
  // followed Gait2392's straight lines and let the biggest muscles take whole quadrants:
  // muscle_volumes.h). The femur alignment is not the cause: a rigid fit of the whole bone turns
  // BodyParts3D's femur less than 5 degrees further (hiplab_model_inspect section).
  CHECK(compared >= 11);
  CHECK(within >= 11);
}

// Issue 11: "the thigh and calf read as a thigh and a calf beside bodyparts3d". Rectus femoris is a
// fusiform belly on the middle of the front of the thigh, flanked at mid-thigh by vastus medialis
// and lateralis, which reach the surface on either side; it arises from the anterior inferior iliac
// spine and passes over the hip joint between sartorius and the tensor fasciae latae (Gray's
// Anatomy, 42nd ed., ch. 81). The vasti are fleshy down to the kneecap: medialis' oblique fibres
// insert into the upper half of its medial border, lateralis' into its base and lateral border
// (ibid.). BodyParts3D's rectus femoris, aligned by the femur as the centroid test: about 55 mm
// wide (medial-lateral) at 50% of the femur's length (hiplab_model_inspect section OUTDIR 0.5) and
// 1,444 mm^2 at 20%, in front of the shaft (hiplab_model_inspect section OUTDIR 0.2). Before
// (muscle_volumes.cpp, kRectusReach and rectus_upper) ours was a shield over the whole front: 3,326
// mm^2 at 20%, its centroid 28 mm medial of the shaft, over sartorius; and vastus medialis ended
// well above the kneecap (the condyles bare beside it). Figures printed; guards at what is reached
// and a little.
TEST_CASE("muscle volumes: rectus femoris a spindle on the front of the thigh, the vasti down to the kneecap (printed)") {
  const auto skel = skeleton_layout();
  const float hip = float(skel[static_cast<size_t>(find_node(skel, "femur_r"))].world.y);
  const float knee = float(skel[static_cast<size_t>(find_node(skel, "tibia_r"))].world.y);
  const Mesh femur = placed_bone("femur_r", "femur_r");
  const Mesh patella = placed_bone("patella_r", "patella_r");
  float pat_lo = 1e9f, pat_hi = -1e9f;
  for (const glm::vec3& p : patella.pos) pat_lo = std::min(pat_lo, p.y), pat_hi = std::max(pat_hi, p.y);
  const Mesh rectus = our_muscles({"rect_fem"});
  const Mesh sartorius = our_muscles({"sar"});
  auto extent = [](const Mesh& m, float y, glm::vec2& lo, glm::vec2& hi) {
    const std::vector<Seg2> s = slice(m, glm::vec3(0), y);
    lo = glm::vec2(1e9f), hi = glm::vec2(-1e9f);
    for (const Seg2& e : s) lo = glm::min(lo, glm::min(e.a, e.b)), hi = glm::max(hi, glm::max(e.a, e.b));
    return !s.empty();
  };
  // Width (z, medial-lateral) and depth (x) of rectus femoris' section at 20, 50 and 75% of the femur.
  double width_mm[3] = {0, 0, 0}, area_mm2[3] = {0, 0, 0}, front_of_shaft_mm[3] = {0, 0, 0};
  const float fracs[3] = {0.2f, 0.5f, 0.75f};
  for (int i = 0; i < 3; ++i) {
    const float y = hip - fracs[i] * (hip - knee);
    glm::vec2 lo(0.0f), hi(0.0f), c(0.0f), fc(0.0f);
    double fa = 0;
    if (!extent(rectus, y, lo, hi) || !section_centroid(rectus, y, c, area_mm2[i])) {
      std::printf("rectus femoris at %.0f%% of the femur: no section\n", 100 * fracs[i]);
      continue;
    }
    REQUIRE(section_centroid(femur, y, fc, fa));
    width_mm[i] = 1000.0 * (hi.y - lo.y);
    front_of_shaft_mm[i] = 1000.0 * (c.x - fc.x);
    std::printf("rectus femoris at %.0f%% of the femur: %.0f mm wide, %.0f mm deep, %.0f mm^2; centroid %.0f mm in front of the shaft's, %+.0f mm lateral\n",
                100 * fracs[i], width_mm[i], 1000.0 * (hi.x - lo.x), area_mm2[i], front_of_shaft_mm[i], 1000.0 * (c.y - fc.y));
    // In front of the shaft, not over the femoral triangle or sartorius.
    CHECK(std::fabs(1000.0 * (c.y - fc.y)) <= 20.0);
  }
  // Reached 47 / 56 mm wide at 20 / 50% (72 mm at 50% as a shield, hiplab_model_inspect section),
  // 1,585 mm^2 at 20% (was 3,326; BodyParts3D's 1,444). No section at 75%: the belly ends 64 mm
  // above the patella's base (BodyParts3D's runs on into the tendon to the base; left open).
  CHECK(width_mm[0] <= 50.0);
  CHECK(width_mm[1] <= 58.0);  // BodyParts3D's about 55
  CHECK(area_mm2[0] <= 1700.0);  // reached 1,585
  // At 20% sartorius lies medial of it, not inside its section (it did, walled round by rectus).
  {
    const float y = hip - 0.2f * (hip - knee);
    glm::vec2 rc, sc;
    double ra = 0, sa = 0;
    REQUIRE(section_centroid(rectus, y, rc, ra));
    REQUIRE(section_centroid(sartorius, y, sc, sa));
    CHECK(sc.y < rc.y);
  }
  // The vasti reach the kneecap: medialis' lowest point at the patella's middle, lateralis' and
  // intermedius' at or below its base.
  auto lowest = [](const Mesh& m) {
    float lo = 1e9f;
    for (const glm::vec3& p : m.pos) lo = std::min(lo, p.y);
    return lo;
  };
  const float pat_mid = 0.5f * (pat_lo + pat_hi);
  const double med = 1000.0 * (lowest(our_muscles({"vas_med"})) - pat_mid);
  const double lat = 1000.0 * (lowest(our_muscles({"vas_lat"})) - pat_hi);
  const double inter = 1000.0 * (lowest(our_muscles({"vas_int"})) - pat_hi);
  const double rect = 1000.0 * (lowest(rectus) - pat_hi);
  std::printf("lowest points: vastus medialis %+.0f mm from the patella's middle; lateralis %+.0f, intermedius %+.0f, rectus femoris %+.0f mm from its base\n",
              med, lat, inter, rect);
  // Reached: medialis +20 mm from the patella's middle, lateralis +2 and intermedius +11 mm from
  // its base; rectus femoris +64 mm (not yet down to its tendon). With the skin's front above the
  // kneecap brought forward to BodyParts3D's (an ellipsoid in body_skin.cpp: 41.5 mm in front of
  // the shaft's centre at 85% of the femur, was 27.5; BodyParts3D's muscles 42.5) they reached +1,
  // -43, -8 and +50 mm, but the re-meshed skin tore more in the drills (tests/scene/
  // skin_stretch_test.cpp: seated band 682 -> 1108 triangle-samples past a limit, in the armpit
  // and groin), so that is left for a skin change of its own.
  CHECK(med <= 22.0);
  CHECK(lat <= 5.0);
  CHECK(inter <= 13.0);
  CHECK(rect <= 66.0);
}

// Issue 11: "the gluteal muscles, seen from behind and from the side, match the bodyparts3d gluteal
// muscles (aligned by the hip bone, as in the bone fidelity tests) with silhouette IoU >= 0.70".
// BodyParts3D's right hip bone is laid over ours by bounding-box centre and height, its gluteal
// muscles moved with it; silhouettes at 1 mm pixels as the bone fidelity test. Printed per muscle
// and for the three together; what is reached is guarded.
TEST_CASE("muscle volumes: gluteal silhouettes from behind and the side against BodyParts3D (IoU, printed)") {
  if (!have_bodyparts3d()) HIPLAB_SKIP(bp3d("bones") + " not found; BodyParts3D figures not computed");
  const Mesh hip = placed_bone("hip_bone_r", "pelvis");
  Mesh ref_hip;
  REQUIRE(load_bodyparts3d(bp3d("bones/FJ485_BP62353_FMA16586_Right_hip_bone.glb"), ref_hip));
  const BoxAlignment align = box_alignment(ref_hip, hip);
  struct Group {
    const char* name;
    std::initializer_list<const char*> ours;
    std::initializer_list<const char*> refs;
  };
  const Group groups[] = {
      {"gluteus maximus", {"glut_max"}, {"muscles/FJ786_BP62967_FMA22328_Right_gluteus_maximus.glb"}},
      {"gluteus medius", {"glut_med"}, {"muscles/FJ229_BP62943_FMA22330_Right_gluteus_medius.glb"}},
      {"gluteus minimus", {"glut_min"}, {"muscles/FJ32_BP63005_FMA22332_Right_gluteus_minimus.glb"}},
      {"all three", {"glut_max", "glut_med", "glut_min"},
       {"muscles/FJ786_BP62967_FMA22328_Right_gluteus_maximus.glb", "muscles/FJ229_BP62943_FMA22330_Right_gluteus_medius.glb",
        "muscles/FJ32_BP63005_FMA22332_Right_gluteus_minimus.glb"}},
  };
  double worst = 1.0, together = 1.0, side_together = 0.0, back_together = 0.0;
  for (const Group& g : groups) {
    Mesh ref;
    for (const char* r : g.refs) REQUIRE(load_bodyparts3d(bp3d(r), ref));
    apply(align, ref);
    const Mesh ours = our_muscles(g.ours);
    REQUIRE(!ours.pos.empty());
    for (View v : {View::Back, View::Side}) {
      const double iou = silhouette_iou(ours, ref, v, 0.001f);
      worst = std::min(worst, iou);
      if (std::string(g.name) == "all three") together = std::min(together, iou);
      if (std::string(g.name) == "all three" && v == View::Side) side_together = iou;
      if (std::string(g.name) == "all three" && v == View::Back) back_together = iou;
      std::printf("  IoU %-16s %-5s %.3f (target 0.70)\n", g.name, view_name(v), iou);
    }
  }
  // Reached: the three together 0.719 from behind, 0.734 from the side, maximus 0.717 / 0.601
  // (0.702 / 0.735, maximus 0.69 / 0.60, before the deep rotators were kept out of the tissue
  // within maximus' thickness of the skin, muscle_volumes.cpp kMaximusCoverM; 0.681 / 0.741 before
  // adductor magnus' three lines were weighed as one muscle in the split, muscle_volumes.cpp
  // split_scale; with that change alone maximus from behind went from 0.669 to 0.695: adductor
  // magnus borders maximus' lower medial part; 0.679 / 0.742 before the volumes were kept 0.5 mm off the bones; 0.676 / 0.637 before
  // the gluteals were kept behind the line from the anterior superior iliac spine to the front of
  // the greater trochanter, muscle_volumes.cpp; 0.649 / 0.630 before that); maximus 0.69/0.60,
  // medius 0.66/0.65, minimus 0.23/0.27 (ours follows Gait2392's single lines into a slim body
  // under medius; BodyParts3D's is a fan over the whole outer ilium). From behind ours are wider:
  // they take the buttock's tissue out to the skin, over the trochanter (medius reaches about a
  // centimetre further lateral than BodyParts3D's). Tried and left out: keeping the
  // gluteals above the maximus's free lower border, the line from the coccyx (gluteus maximus 3's
  // origin in Gait2392) to the gluteal tuberosity (its insertion; Gray's Anatomy, 42nd ed.,
  // ch. 80), lowered the figure from behind to 0.633 (maximus 0.609): BodyParts3D's maximus
  // reaches well below that line medially; weighing each gluteal muscle's three lines as one
  // muscle, as adductor magnus', lowered it to 0.554 / 0.603.
  CHECK(worst >= 0.20);
  CHECK(together >= 0.70);  // issue 11's target, from behind and the side
  CHECK(side_together >= 0.73);
  CHECK(back_together >= 0.715);
}

// Issue 11, section 4: "stays out of bone (<= 1% of its vertices inside a bone in any frame of any
// drill)" starts at the bind pose, where the volumes are made. The same cells as the drill test
// (tests/scene/muscle_volume_test.cpp: the bone meshes as written to the file, 1 mm cells, one
// erosion, so a vertex lying on the bone does not count), against the bones of the volume's own
// leg and the sacrum. Every muscle is checked, so a packing change that leaves a volume in bone
// fails here rather than only in the slower drill sweep.
TEST_CASE("muscle volumes: at most 1% of each muscle's vertices inside a bone at the anatomical pose") {
  const auto skel = skeleton_layout();
  struct Placed {
    glm::vec3 origin;
    hiplab::test::BoneCells cells;
    int side;  // 0 right, 1 left, -1 both (unpaired)
  };
  std::vector<Placed> bones;
  for (const BoneSpec& b : bone_specs())
    for (int s = 0; s < (b.paired ? 2 : 1); ++s) {
      std::string name = b.name, body = b.body;
      auto left = [](std::string& n) {
        if (n.size() > 2 && n.compare(n.size() - 2, 2, "_r") == 0) n.back() = 'l';
      };
      if (s == 1) left(name), left(body);
      const Mesh* m = bone(name);
      REQUIRE(m);
      const int node = find_node(skel, body);
      REQUIRE(node >= 0);
      bones.push_back({glm::vec3(skel[static_cast<size_t>(node)].world), hiplab::test::bone_cells_of(m->pos, m->idx, 1), b.paired ? s : -1});
    }
  int within = 0;
  double worst = 0.0;
  std::string worst_name;
  for (const MuscleVolume& v : model().muscle_volumes) {
    const int side = v.side == hiplab::anatomy::Side::kRight ? 0 : 1;
    size_t in = 0;
    for (const glm::vec3& p : v.mesh.pos)
      for (const Placed& b : bones)
        if ((b.side < 0 || b.side == side) && b.cells.inside(p - b.origin)) {
          ++in;
          break;
        }
    const double share = double(in) / double(v.mesh.pos.size());
    within += share <= 0.01;
    if (share > 0.01) std::printf("  %-16s %.1f%% of its vertices inside a bone at the anatomical pose\n", v.name.c_str(), 100 * share);
    if (share > worst) worst = share, worst_name = v.name;
    INFO(v.name);
    CHECK(share <= 0.01);
  }
  std::printf("muscle volumes with <= 1%% of their vertices inside a bone at the anatomical pose: %d of %zu (worst %s, %.1f%%)\n", within,
              model().muscle_volumes.size(), worst_name.empty() ? "none" : worst_name.c_str(), 100 * worst);
}

// Issue 11, section 4: muscles do not poke through the skin by more than 2 mm. At the anatomical
// pose, against the skin as drawn there (the skinned surface turned back to the bind pose): a
// muscle vertex counts as through the skin when it and all six points 2 mm from it along the axes
// lie outside (so it is roughly 2 mm or more out). Both legs' volumes, sections of the skin every
// half millimetre of height.
TEST_CASE("muscle volumes: through the drawn skin by more than 2 mm at the anatomical pose (printed)") {
  std::map<int, std::vector<Seg2>> slices;
  auto inside_skin = [&](glm::vec3 p) {
    const int level = static_cast<int>(std::lround(p.y / 0.0005f));
    auto it = slices.find(level);
    if (it == slices.end()) it = slices.emplace(level, slice(model().skin, glm::vec3(0), level * 0.0005f)).first;
    return inside(it->second, {p.x, p.z});
  };
  size_t through = 0, total = 0;
  std::string worst;
  double worst_share = 0.0;
  for (const MuscleVolume& v : model().muscle_volumes) {
    size_t n = 0;
    for (const glm::vec3& p : v.mesh.pos) {
      if (inside_skin(p)) continue;
      bool out = true;
      for (int a = 0; a < 3 && out; ++a)
        for (float d : {-0.002f, 0.002f}) {
          glm::vec3 q = p;
          q[a] += d;
          if (inside_skin(q)) { out = false; break; }
        }
      n += out;
    }
    through += n;
    total += v.mesh.pos.size();
    const double share = double(n) / double(v.mesh.pos.size());
    if (share > worst_share) worst_share = share, worst = v.name;
  }
  std::printf("muscle volume vertices through the drawn skin by more than 2 mm at the anatomical pose: %zu of %zu (worst %s, %.1f%%)\n",
              through, total, worst.c_str(), 100.0 * worst_share);
  // Reached: 38 of 32 922 (0.12%), most of them on the left semimembranosus, where the left skin is
  // not quite the mirror image of the right that the left volumes are.
  CHECK(through * 1000 <= 2 * total);  // at most 0.2% of the vertices
}

// Issue 12 (h12c): at the kneeling knee's flexion (115 deg, anatomy/hip_corrective.h) linear-blend
// skinning draws the front of the knee inside the kneecap and tibia; the knee-front shape
// (skin_bone_cover.h) puts every vertex there at least the 5 mm cover outside the posed bones.
TEST_CASE("skin: the knee-front shape keeps the front of the bent knee 5 mm outside the bones (printed)") {
  const ModelReport& r = model().report;
  for (int s = 0; s < 2; ++s) {
    MESSAGE(std::string(s == 0 ? "right" : "left") << " knee at 115 deg: bones reach " << r.knee_front_shortfall_without[static_cast<size_t>(s)] * 1000.0
                                        << " mm into the 5 mm cover without the shape, " << r.knee_front_shortfall_with[static_cast<size_t>(s)] * 1000.0
                                        << " mm with it");
    // Without it the kneecap pokes through the skin (more than the whole cover short).
    CHECK(r.knee_front_shortfall_without[static_cast<size_t>(s)] > 0.005);
    // With it, every front-of-knee vertex is out by the cover, to within 0.5 mm (the smoothing's last round).
    CHECK(r.knee_front_shortfall_with[static_cast<size_t>(s)] < 0.0005);
  }
}
