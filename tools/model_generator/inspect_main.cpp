// inspect_main.cpp — hiplab_model_inspect: pictures for looking at the generated bones.
//   hiplab_model_inspect ref OUTDIR        shaded views of the Gait2392 reference meshes
//   hiplab_model_inspect glutes OUTDIR     the right gluteal volumes beside BodyParts3D's (aligned by
//                                          the hip bone) from behind and the side, and their overlay
//   hiplab_model_inspect section OUTDIR [F] the right thigh's section at F (0.5) of femur length: our
//                                          muscles (with the bind-pose path lines' crossings as dots)
//                                          beside BodyParts3D's (aligned by the femur as the centroid
//                                          test does), one colour per muscle; centroids printed;
//                                          the skin's reach round the femur; and the thigh
//                                          muscles over BodyParts3D's from the front and side
//   hiplab_model_inspect limb OUTDIR       the right thigh's and calf's muscles shaded beside
//                                          BodyParts3D's (aligned by the femur / tibia) from the
//                                          front, back, side and middle, and their overlay
//   hiplab_model_inspect bones OUTDIR      each bone shaded from six sides + silhouette overlays
//                                          against the reference (red = generated only, blue =
//                                          reference only, grey = both) and the IoU figures
#include <cstdio>
#include <cstdlib>
#include <string>

#include "anatomy/kinematics.h"
#include "anatomy/muscle_data.h"
#include "anatomy/muscle_path.h"
#include "bodyparts3d.h"
#include "bones.h"
#include "inspect.h"
#include "model.h"
#include "skeleton_layout.h"

using namespace hiplab::modelgen;

static const std::string kRef = std::string(HIPLAB_REFERENCE_DIR) + "/opensim-gait2392/meshes/";

static Image views(const std::vector<Shaded>& items, std::initializer_list<View> vs, float px) {
  std::vector<Image> imgs;
  std::vector<const Mesh*> ms;
  for (auto& i : items) ms.push_back(i.mesh);
  for (View v : vs) {
    glm::vec2 lo, hi;
    screen_bounds(ms, v, lo, hi);
    imgs.push_back(render_shaded(items, v, lo - glm::vec2(0.004f), hi + glm::vec2(0.004f), px));
  }
  return hstack(imgs);
}

namespace {
struct Seg2 {
  glm::vec2 a, b;
};
// The section of mesh m (offset by `offset`) by the plane y = c, as (x, z) segments.
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
      const glm::vec3 q = a + (c - a.y) / (b.y - a.y) * (b - a);
      hit[n++] = {q.x, q.z};
    }
    if (n == 2) out.push_back({hit[0], hit[1]});
  }
  return out;
}
bool inside(const std::vector<Seg2>& s, glm::vec2 p) {
  bool in = false;
  for (const Seg2& e : s)
    if ((e.a.y > p.y) != (e.b.y > p.y) && e.a.x + (p.y - e.a.y) / (e.b.y - e.a.y) * (e.b.x - e.a.x) > p.x) in = !in;
  return in;
}
bool centroid(const std::vector<Seg2>& s, glm::vec2& c, double& area_mm2) {
  if (s.empty()) return false;
  glm::vec2 lo(1e9f), hi(-1e9f);
  for (const Seg2& e : s) lo = glm::min(lo, glm::min(e.a, e.b)), hi = glm::max(hi, glm::max(e.a, e.b));
  glm::dvec2 sum(0.0);
  size_t n = 0;
  for (float x = lo.x + 0.0005f; x < hi.x; x += 0.001f)
    for (float z = lo.y + 0.0005f; z < hi.y; z += 0.001f)
      if (inside(s, {x, z})) sum += glm::dvec2(x, z), ++n;
  if (n == 0) return false;
  c = glm::vec2(sum / double(n));
  area_mm2 = double(n);
  return true;
}
std::array<uint8_t, 3> muscle_colour(int i) {
  static const uint8_t pal[][3] = {{230, 25, 75},  {60, 180, 75},  {255, 225, 25}, {0, 130, 200}, {245, 130, 48}, {145, 30, 180},
                                   {70, 240, 240}, {240, 50, 230}, {210, 245, 60}, {250, 190, 212}, {0, 128, 128}, {170, 110, 40},
                                   {128, 0, 0},    {170, 255, 195}, {128, 128, 0}, {0, 0, 128}};
  const auto& c = pal[i % 16];
  return {c[0], c[1], c[2]};
}
// The right thigh's section at fraction f of femur length, ours beside BodyParts3D's (see the top).
int section_pictures(const std::string& out, float frac) {
  BuiltModel bm = build_model(Morphometry{});
  const auto skel = skeleton_layout();
  const glm::vec3 femur_w(skel[find_node(skel, "femur_r")].world), pelvis_w(skel[find_node(skel, "pelvis")].world);
  const float knee = float(skel[find_node(skel, "tibia_r")].world.y);
  const float y = femur_w.y - frac * (femur_w.y - knee);
  Mesh femur;
  for (auto& [name, mesh] : bm.bone_meshes)
    if (name == "femur_r") femur = mesh;
  for (auto& p : femur.pos) p += femur_w;
  const std::string dir = std::string(HIPLAB_REFERENCE_DIR) + "/bodyparts3d/";
  Mesh ref_femur;
  if (!load_bodyparts3d(dir + "bones/FJ40_BP62922_FMA24474_Right_femur.glb", ref_femur)) return 2;
  // As the centroid test: box centre and height, then the shafts' sections on one another. The
  // rigid fit (ICP) says how far that is from laying the whole bone on ours.
  BoxAlignment al = box_alignment(ref_femur, femur);
  const BoxAlignment fit = rigid_alignment(ref_femur, femur);
  const glm::vec3 deg = rotation_degrees(fit.rot);
  std::printf("femur: the rigid fit turns BodyParts3D's by x %.1f, y %.1f, z %.1f degrees beyond the box alignment\n", deg.x, deg.y, deg.z);
  apply(al, ref_femur);
  {  // the hip bones, once the femurs lie on one another: how differently the two men stand at the hip
    Mesh hip, ref_hip;
    for (auto& [name, mesh] : bm.bone_meshes)
      if (name == "hip_bone_r") hip = mesh;
    for (auto& p : hip.pos) p += pelvis_w;
    if (load_bodyparts3d(dir + "bones/FJ485_BP62353_FMA16586_Right_hip_bone.glb", ref_hip)) {
      apply(fit, ref_hip);
      const BoxAlignment h = rigid_alignment(ref_hip, hip);
      const glm::vec3 d = rotation_degrees(h.rot);
      std::printf("hip bone, femurs aligned: a further rotation about x %.1f, y %.1f, z %.1f degrees, scale %.3f lays BodyParts3D's on ours\n", d.x, d.y, d.z, h.scale);
    }
  }
  write_png(out + "/femurs.png", hstack({overlay(femur, ref_femur, View::Top, 0.0005f), overlay(femur, ref_femur, View::Front, 0.0005f),
                                         overlay(femur, ref_femur, View::Side, 0.0005f)}));
  glm::vec2 oc, rc;
  double oa, ra;
  centroid(slice(femur, glm::vec3(0), y), oc, oa);
  centroid(slice(ref_femur, glm::vec3(0), y), rc, ra);
  const glm::vec3 shift(oc.x - rc.x, 0.0f, oc.y - rc.y);
  for (auto& p : ref_femur.pos) p += shift;
  std::printf("section at %.0f%% of the femur, y = %.3f m; femur centroid ours (x %.1f, z %.1f) mm, %.0f vs %.0f mm^2\n", 100 * frac, y,
              1000 * oc.x, 1000 * oc.y, oa, ra);
  struct Pair {
    const char* ours;
    const char* ref;
  };
  const Pair pairs[] = {
      {"vas_med", "FMA38932_Right_vastus_medialis.glb"},        {"vas_int", "FMA38934_Right_vastus_intermedius.glb"},
      {"rect_fem", "FMA38928_Right_rectus_femoris.glb"},        {"sar", "FMA22354_Right_sartorius.glb"},
      {"grac", "FMA43883_Right_gracilis.glb"},                  {"add_long", "FMA22456_Right_adductor_longus.glb"},
      {"add_brev", "FJ379_BP62997_FMA22452_Right_adductor_brevis.glb"}, {"add_mag", "FJ329_BP62964_FMA22459_Right_adductor_magnus.glb"},
      {"semimem", "FMA22448_Right_semimembranosus.glb"},        {"semiten", "FJ276_BP62988_FMA22358_Right_semitendinosus.glb"},
      {"bifemlh", "FMA45888_Long_head_of_right_biceps_femoris.glb"}, {"bifemsh", "FMA45891_Short_head_of_right_biceps_femoris.glb"},
      {"vas_lat", nullptr},                                      {"tfl", "FJ142_BP62918_FMA22425_Right_tensor_fasciae_latae.glb"},
  };
  // Where each muscle's bind-pose path line crosses y (model space).
  hiplab::anatomy::LegPose bind{};
  const auto kin = hiplab::anatomy::leg_kinematics(bind);
  hiplab::anatomy::LegMusclePaths paths;
  hiplab::anatomy::evaluate_leg_muscle_paths(bind, kin, hiplab::anatomy::Side::kRight, paths);
  std::vector<std::vector<Seg2>> ours_s, ref_s;
  std::vector<std::vector<glm::vec2>> cross;
  Mesh ours_all, ref_all;  // the thigh muscles BodyParts3D has, together (vastus lateralis left out)
  auto append = [](Mesh& to, const Mesh& m) {
    const auto base = static_cast<uint32_t>(to.pos.size());
    to.pos.insert(to.pos.end(), m.pos.begin(), m.pos.end());
    for (uint32_t k : m.idx) to.idx.push_back(base + k);
  };
  for (size_t i = 0; i < std::size(pairs); ++i) {
    const Pair& p = pairs[i];
    Mesh ours;
    std::vector<glm::vec2> xs;
    for (const MuscleVolume& v : bm.muscle_volumes) {
      if (v.side != hiplab::anatomy::Side::kRight || v.name.rfind(p.ours, 0) != 0) continue;
      const auto base = static_cast<uint32_t>(ours.pos.size());
      ours.pos.insert(ours.pos.end(), v.mesh.pos.begin(), v.mesh.pos.end());
      for (uint32_t k : v.mesh.idx) ours.idx.push_back(base + k);
    }
    for (int m = 0; m < hiplab::anatomy::kMuscleCount; ++m) {
      if (std::string(hiplab::anatomy::muscle(m).name).rfind(p.ours, 0) != 0) continue;
      const auto& path = paths[static_cast<size_t>(m)];
      for (int k = 0; k + 1 < path.count; ++k) {
        const glm::vec3 a = glm::vec3(path.point[k]) + pelvis_w, b = glm::vec3(path.point[k + 1]) + pelvis_w;
        if ((a.y < y) == (b.y < y)) continue;
        const glm::vec3 q = a + (y - a.y) / (b.y - a.y) * (b - a);
        xs.push_back({q.x, q.z});
      }
    }
    Mesh ref;
    if (p.ref) {
      load_bodyparts3d(dir + "muscles/" + p.ref, ref);
      apply(al, ref);
      for (auto& q : ref.pos) q += shift;
    }
    if (p.ref) append(ours_all, ours), append(ref_all, ref);
    ours_s.push_back(slice(ours, glm::vec3(0), y));
    ref_s.push_back(slice(ref, glm::vec3(0), y));
    cross.push_back(xs);
    glm::vec2 a(0), b(0);
    double aa = 0, ba = 0;
    const bool ho = centroid(ours_s.back(), a, aa), hr = centroid(ref_s.back(), b, ba);
    std::printf("  %-9s ours %s(x %+6.1f, z %+6.1f) %5.0f mm^2 | bp3d %s(x %+6.1f, z %+6.1f) %5.0f mm^2 | path", p.ours, ho ? " " : "-",
                1000 * (a.x - oc.x), 1000 * (a.y - oc.y), aa, hr ? " " : "-", 1000 * (b.x - oc.x), 1000 * (b.y - oc.y), ba);
    for (glm::vec2 c : xs) std::printf(" (x %+6.1f, z %+6.1f)", 1000 * (c.x - oc.x), 1000 * (c.y - oc.y));
    std::printf("\n");
  }
  const auto skin_s = slice(bm.skin, glm::vec3(0), y), femur_s = slice(femur, glm::vec3(0), y), rfemur_s = slice(ref_femur, glm::vec3(0), y);
  {
    // The skin's reach from the femur's centre (0 deg anterior, +90 lateral), and BodyParts3D's
    // muscles' reach (all of them together: the skin is at least that far out), and the thigh's
    // girth.
    std::vector<Seg2> all_ref;
    for (const auto& r : ref_s) all_ref.insert(all_ref.end(), r.begin(), r.end());
    std::printf("reach from the femur's centre (mm): angle  skin  | BodyParts3D muscles\n");
    for (int a = -180; a < 180; a += 30) {
      const glm::vec2 d(std::cos(glm::radians(float(a))), std::sin(glm::radians(float(a))));
      float rs = 0, rr = 0;
      for (float r = 0; r < 0.2f; r += 0.0005f)
        if (inside(skin_s, oc + r * d)) rs = r;
      for (const auto& m : ref_s)
        for (float r = 0; r < 0.2f; r += 0.0005f)
          if (inside(m, oc + r * d)) rr = std::max(rr, r);
      std::printf("  %+5d  %5.1f | %5.1f\n", a, 1000 * rs, 1000 * rr);
    }
    // The thighs touch at the bind pose, so the girth is that of a circle of the right thigh's
    // area (the section at z > 0).
    size_t area = 0;
    for (float x = oc.x - 0.15f; x < oc.x + 0.15f; x += 0.001f)
      for (float z = 0.0005f; z < oc.y + 0.15f; z += 0.001f) area += inside(skin_s, {x, z});
    std::printf("right thigh at this level: %zu mm^2, the girth of a circle of that area %.0f mm\n", area,
                2.0 * std::sqrt(3.14159265 * double(area)));
  }
  // Top view: right = lateral (+z), up = anterior (+x); 0.5 mm pixels over 20 x 20 cm round the femur.
  const float px = 0.0005f;
  const int n = 400;
  auto panel = [&](const std::vector<std::vector<Seg2>>& ms, const std::vector<Seg2>& bone, bool dots) {
    Image img;
    img.w = img.h = n;
    img.rgb.assign(size_t(n) * n * 3, 255);
    for (int r = 0; r < n; ++r)
      for (int c = 0; c < n; ++c) {
        const glm::vec2 p(oc.x + (n / 2 - r) * px, oc.y + (c - n / 2) * px);
        uint8_t* o = &img.rgb[(size_t(r) * n + c) * 3];
        if (inside(skin_s, p)) o[0] = o[1] = o[2] = 235;
        if (inside(bone, p)) { o[0] = 120; o[1] = 110; o[2] = 100; continue; }
        for (size_t i = 0; i < ms.size(); ++i)
          if (inside(ms[i], p)) {
            const auto col = muscle_colour(int(i));
            o[0] = col[0], o[1] = col[1], o[2] = col[2];
          }
        if (dots)
          for (size_t i = 0; i < cross.size(); ++i)
            for (glm::vec2 q : cross[i]) {
              const float d = glm::length(q - p);
              if (d < 0.0025f) {
                const auto col = muscle_colour(int(i));
                const bool rim = d > 0.0015f;
                o[0] = rim ? 0 : col[0], o[1] = rim ? 0 : col[1], o[2] = rim ? 0 : col[2];
              }
            }
      }
    return img;
  };
  write_png(out + "/section.png", hstack({panel(ours_s, femur_s, true), panel(ref_s, rfemur_s, true)}));
  // The thigh muscles from the front and the side, ours over BodyParts3D's (red ours only, blue
  // BodyParts3D's only, grey both), aligned as above.
  write_png(out + "/thigh_muscles.png", hstack({overlay(ours_all, ref_all, View::Front, 0.001f), overlay(ours_all, ref_all, View::Side, 0.001f)}));
  std::printf("colours:");
  for (size_t i = 0; i < std::size(pairs); ++i) {
    const auto c = muscle_colour(int(i));
    std::printf(" %s=(%d,%d,%d)", pairs[i].ours, c[0], c[1], c[2]);
  }
  std::printf("\n");
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s ref|bones OUTDIR [bone]\n", argv[0]);
    return 2;
  }
  std::string mode = argv[1], out = argv[2];
  std::string only = argc > 3 ? argv[3] : "";
  const std::array<uint8_t, 3> ivory{235, 225, 200}, blue{150, 170, 235};
  if (mode == "ref") {
    for (const char* n : {"pelvis", "sacrum", "femur_r", "tibia_r", "fibula", "talus", "foot", "bofoot"}) {
      Mesh m;
      if (!load_obj(kRef + n + ".obj", m)) continue;
      write_png(out + "/ref_" + n + ".png", views({{&m, blue}}, {View::Front, View::Side, View::Top, View::Back, View::Medial}, 0.0005f));
    }
    return 0;
  }
  if (mode == "section") return section_pictures(out, argc > 3 ? std::strtof(argv[3], nullptr) : 0.5f);
  if (mode == "model") {  // docs pictures: all bones in the bind pose, front / side / back
    BuiltModel bm = build_model(Morphometry{});
    const auto nodes = skeleton_layout();
    std::vector<Mesh> placed;
    for (auto& [name, mesh] : bm.bone_meshes) {
      std::string body;
      for (const BoneSpec& b : bone_specs()) {
        std::string r = b.name, l = r;
        if (l.size() > 2 && l.substr(l.size() - 2) == "_r") l[l.size() - 1] = 'l';
        std::string br = b.body, bl = br;
        if (bl.size() > 2 && bl.substr(bl.size() - 2) == "_r") bl[bl.size() - 1] = 'l';
        if (name == r) body = br;
        if (name == l) body = bl;
      }
      Mesh m = mesh;
      const glm::vec3 w(nodes[find_node(nodes, body)].world);
      const glm::vec3 off = name.rfind("patella", 0) == 0 ? glm::vec3(0) : glm::vec3(0);
      for (auto& p : m.pos) p += w + off;
      placed.push_back(std::move(m));
    }
    std::vector<Shaded> items;
    for (auto& m : placed) items.push_back({&m, ivory});
    for (View v : {View::Front, View::Side, View::Back}) {
      std::vector<const Mesh*> ms;
      for (auto& m : placed) ms.push_back(&m);
      glm::vec2 lo, hi;
      screen_bounds(ms, v, lo, hi);
      write_png(out + "/model_" + view_name(v) + ".png", render_shaded(items, v, lo - glm::vec2(0.02f), hi + glm::vec2(0.02f), 0.0012f));
    }
    return 0;
  }
  if (mode == "glutes") {  // glutes OUTDIR: our right gluteal volumes beside BodyParts3D's (aligned by the hip bone)
    BuiltModel bm = build_model(Morphometry{});
    const auto nodes = skeleton_layout();
    Mesh hip;
    for (auto& [name, mesh] : bm.bone_meshes)
      if (name == "hip_bone_r") hip = mesh;
    const glm::vec3 w(nodes[find_node(nodes, "pelvis")].world);
    for (auto& p : hip.pos) p += w;
    Mesh ref_hip, ref;
    const std::string dir = std::string(HIPLAB_REFERENCE_DIR) + "/bodyparts3d/";
    if (!load_bodyparts3d(dir + "bones/FJ485_BP62353_FMA16586_Right_hip_bone.glb", ref_hip)) return 2;
    // glutes OUTDIR [max|med|min]: one of the three alone
    const std::string which = argc > 3 ? argv[3] : "";
    for (const char* f : {"muscles/FJ786_BP62967_FMA22328_Right_gluteus_maximus.glb", "muscles/FJ229_BP62943_FMA22330_Right_gluteus_medius.glb",
                          "muscles/FJ32_BP63005_FMA22332_Right_gluteus_minimus.glb"})
      if ((which.empty() || std::string(f).find("gluteus_" + (which == "max" ? std::string("maximus") : which == "med" ? "medius" : "minimus")) !=
                                std::string::npos) &&
          !load_bodyparts3d(dir + f, ref))
        return 2;
    const BoxAlignment a = box_alignment(ref_hip, hip);
    apply(a, ref);
    apply(a, ref_hip);
    Mesh ours;
    for (const MuscleVolume& v : bm.muscle_volumes) {
      if (v.side != hiplab::anatomy::Side::kRight || v.name.rfind("glut_" + which, 0) != 0) continue;
      const auto base = static_cast<uint32_t>(ours.pos.size());
      ours.pos.insert(ours.pos.end(), v.mesh.pos.begin(), v.mesh.pos.end());
      for (uint32_t i : v.mesh.idx) ours.idx.push_back(base + i);
    }
    const std::array<uint8_t, 3> red{200, 90, 80};
    for (View v : {View::Back, View::Side}) {
      glm::vec2 lo, hi;
      screen_bounds({&ours, &ref, &hip}, v, lo, hi);
      lo -= glm::vec2(0.01f), hi += glm::vec2(0.01f);
      write_png(out + "/glutes" + which + "_" + view_name(v) + ".png", hstack({render_shaded({{&hip, ivory}, {&ours, red}}, v, lo, hi, 0.0008f),
                                                                     render_shaded({{&ref_hip, ivory}, {&ref, red}}, v, lo, hi, 0.0008f),
                                                                     overlay(ours, ref, v, 0.0008f)}));
    }
    return 0;
  }
  if (mode == "buttock") {  // buttock OUTDIR: the right buttock's muscles, one colour each, beside BodyParts3D's
    // Gluteus maximus (one colour for its three Gait2392 parts), medius, minimus, piriformis, the
    // gemelli (with obturator internus on BodyParts3D's side), quadratus femoris, with the hip bone
    // and femur; aligned by the hip bone. From behind, the side and below (colours printed).
    BuiltModel bm = build_model(Morphometry{});
    const auto nodes = skeleton_layout();
    const std::string dir = std::string(HIPLAB_REFERENCE_DIR) + "/bodyparts3d/";
    Mesh hip, femur, ref_hip;
    for (auto& [name, mesh] : bm.bone_meshes) {
      if (name == "hip_bone_r") hip = mesh;
      if (name == "femur_r") femur = mesh;
    }
    for (auto& p : hip.pos) p += glm::vec3(nodes[find_node(nodes, "pelvis")].world);
    for (auto& p : femur.pos) p += glm::vec3(nodes[find_node(nodes, "femur_r")].world);
    if (!load_bodyparts3d(dir + "bones/FJ485_BP62353_FMA16586_Right_hip_bone.glb", ref_hip)) return 2;
    const std::vector<std::pair<std::vector<const char*>, std::vector<const char*>>> groups = {
        {{"glut_max"}, {"FJ786_BP62967_FMA22328_Right_gluteus_maximus.glb"}},
        {{"glut_med"}, {"FJ229_BP62943_FMA22330_Right_gluteus_medius.glb"}},
        {{"glut_min"}, {"FJ32_BP63005_FMA22332_Right_gluteus_minimus.glb"}},
        {{"peri"}, {"FJ533_BP62747_FMA22340_Right_piriformis.glb"}},
        {{"gem"}, {"FJ97_BP63543_FMA22334_Right_gemellus_superior.glb", "FJ711_BP63541_FMA22336_Right_gemellus_inferior.glb",
                   "FJ649_BP62757_FMA22324_Right_obturator_internus.glb"}},
        {{"quad_fem"}, {"FMA22338_Right_quadratus_femoris.glb"}},
        {{"semiten", "semimem", "bifemlh", "add_mag"}, {}},
    };
    std::vector<Mesh> ours(groups.size()), refs(groups.size());
    auto append = [](Mesh& to, const Mesh& m) {
      const auto base = static_cast<uint32_t>(to.pos.size());
      to.pos.insert(to.pos.end(), m.pos.begin(), m.pos.end());
      for (uint32_t i : m.idx) to.idx.push_back(base + i);
    };
    std::printf("buttock colours:");
    for (size_t k = 0; k < groups.size(); ++k) {
      for (const char* f : groups[k].second)
        if (!load_bodyparts3d(dir + "muscles/" + f, refs[k])) return 2;
      for (const MuscleVolume& v : bm.muscle_volumes)
        for (const char* id : groups[k].first)
          if (v.side == hiplab::anatomy::Side::kRight && v.name.rfind(id, 0) == 0) append(ours[k], v.mesh);
      const auto c = muscle_colour(int(k));
      std::printf(" %s=(%d,%d,%d)", groups[k].first[0], c[0], c[1], c[2]);
    }
    std::printf("\n");
    const BoxAlignment a = box_alignment(ref_hip, hip);
    for (Mesh& m : refs) apply(a, m);
    apply(a, ref_hip);
    std::vector<Shaded> oc{{&hip, ivory}, {&femur, ivory}}, rc{{&ref_hip, ivory}};
    for (size_t k = 0; k < groups.size(); ++k) {
      oc.push_back({&ours[k], muscle_colour(int(k))});
      if (!refs[k].pos.empty()) rc.push_back({&refs[k], muscle_colour(int(k))});
    }
    // Gluteus maximus' thickness over the deep rotators: rays from behind (+x, anterior) on a 4 mm
    // grid; where a ray meets a deep rotator (piriformis, gemelli, obturator internus, quadratus
    // femoris), the length of its first run through gluteus maximus. For ours and BodyParts3D's.
    auto hits_along_x = [](const Mesh& m, float y, float z) {
      std::vector<float> xs;
      for (size_t t = 0; t + 2 < m.idx.size(); t += 3) {
        const glm::vec3 a = m.pos[m.idx[t]], b = m.pos[m.idx[t + 1]], c = m.pos[m.idx[t + 2]];
        const float det = (b.y - a.y) * (c.z - a.z) - (c.y - a.y) * (b.z - a.z);
        if (std::fabs(det) < 1e-14f) continue;
        const float u = ((y - a.y) * (c.z - a.z) - (c.y - a.y) * (z - a.z)) / det;
        const float w = ((b.y - a.y) * (z - a.z) - (y - a.y) * (b.z - a.z)) / det;
        if (u < 0.0f || w < 0.0f || u + w > 1.0f) continue;
        xs.push_back(a.x + u * (b.x - a.x) + w * (c.x - a.x));
      }
      std::sort(xs.begin(), xs.end());
      return xs;
    };
    auto thickness = [&](const Mesh& maxi, const std::vector<const Mesh*>& deep, const char* who) {
      Mesh all_deep;
      for (const Mesh* d : deep) append(all_deep, *d);
      glm::vec3 lo(1e9f), hi(-1e9f);
      for (const glm::vec3& p : all_deep.pos) lo = glm::min(lo, p), hi = glm::max(hi, p);
      std::vector<float> th;
      int uncovered = 0;
      for (float y = lo.y; y <= hi.y; y += 0.004f)
        for (float z = lo.z; z <= hi.z; z += 0.004f) {
          const std::vector<float> d = hits_along_x(all_deep, y, z);
          if (d.size() < 2) continue;
          const std::vector<float> g = hits_along_x(maxi, y, z);
          if (g.size() < 2 || g[0] > d[0]) { ++uncovered; continue; }
          th.push_back(g[1] - g[0]);
        }
      std::sort(th.begin(), th.end());
      if (th.empty()) return;
      std::printf("%s: gluteus maximus over the deep rotators (rays from behind, 4 mm): %zu rays covered, %d not; thickness mm "
                  "quartiles %.1f %.1f %.1f\n", who, th.size(), uncovered, 1000 * th[th.size() / 4], 1000 * th[th.size() / 2],
                  1000 * th[3 * th.size() / 4]);
    };
    thickness(refs[0], {&refs[3], &refs[4], &refs[5]}, "BodyParts3D");
    thickness(ours[0], {&ours[3], &ours[4], &ours[5]}, "ours");
    for (View v : {View::Back, View::Side, View::Bottom}) {
      glm::vec2 lo, hi;
      screen_bounds({&ours[0], &ours[1], &hip}, v, lo, hi);
      lo -= glm::vec2(0.02f), hi += glm::vec2(0.02f);
      write_png(out + "/buttock_" + view_name(v) + ".png", hstack({render_shaded(oc, v, lo, hi, 0.0006f), render_shaded(rc, v, lo, hi, 0.0006f)}));
    }
    return 0;
  }
  if (mode == "limb") {  // limb OUTDIR: the right thigh's and calf's muscles shaded beside BodyParts3D's
    // Ours (left) and BodyParts3D's (right) from the front, the back and the side, each limb's
    // muscles with their bone: the thigh's aligned by the femur, the calf's by the tibia (box
    // centre and height, as the bone pictures). Only the muscles BodyParts3D has are drawn on
    // either side, so the two pictures show the same set.
    BuiltModel bm = build_model(Morphometry{});
    const auto nodes = skeleton_layout();
    const std::string dir = std::string(HIPLAB_REFERENCE_DIR) + "/bodyparts3d/";
    struct Limb {
      const char* name;
      const char* bone;
      const char* ref_bone;
      std::vector<std::pair<const char*, const char*>> muscles;
    };
    const Limb limbs[] = {
        {"thigh", "femur_r", "bones/FJ40_BP62922_FMA24474_Right_femur.glb",
         {{"vas_med", "FMA38932_Right_vastus_medialis.glb"}, {"vas_int", "FMA38934_Right_vastus_intermedius.glb"},
          {"rect_fem", "FMA38928_Right_rectus_femoris.glb"}, {"sar", "FMA22354_Right_sartorius.glb"}, {"grac", "FMA43883_Right_gracilis.glb"},
          {"add_long", "FMA22456_Right_adductor_longus.glb"}, {"add_brev", "FJ379_BP62997_FMA22452_Right_adductor_brevis.glb"},
          {"add_mag", "FJ329_BP62964_FMA22459_Right_adductor_magnus.glb"}, {"semimem", "FMA22448_Right_semimembranosus.glb"},
          {"semiten", "FJ276_BP62988_FMA22358_Right_semitendinosus.glb"}, {"bifemlh", "FMA45888_Long_head_of_right_biceps_femoris.glb"},
          {"bifemsh", "FMA45891_Short_head_of_right_biceps_femoris.glb"}, {"tfl", "FJ142_BP62918_FMA22425_Right_tensor_fasciae_latae.glb"}}},
        {"calf", "tibia_r", "bones/FJ693_BP62987_FMA24477_Right_tibia.glb",
         {{"med_gas", "FMA45957_Medial_head_of_right_gastrocnemius.glb"}, {"lat_gas", "FMA45960_Lateral_head_of_right_gastrocnemius.glb"},
          {"soleus", "FMA22558_Right_soleus.glb"}, {"tib_ant", "FJ408_BP63021_FMA22544_Right_tibialis_anterior.glb"},
          {"tib_post", "FJ420_BP62903_FMA65018_Right_tibialis_posterior.glb"}, {"per_long", "FMA22552_Right_fibularis_longus.glb"},
          {"per_brev", "FMA22554_Right_fibularis_brevis.glb"}, {"per_tert", "FJ591_BP62983_FMA22550_Right_fibularis_tertius.glb"}}},
    };
    const std::array<uint8_t, 3> red{200, 90, 80};
    for (const Limb& l : limbs) {
      Mesh bone, ref_bone, ours, ref;
      // One mesh per muscle too, for the pictures with one colour per muscle (colours printed).
      std::vector<Mesh> ours_each(l.muscles.size()), ref_each(l.muscles.size());
      for (auto& [name, mesh] : bm.bone_meshes)
        if (name == l.bone) bone = mesh;
      const glm::vec3 w(nodes[find_node(nodes, l.bone)].world);
      for (auto& p : bone.pos) p += w;
      if (!load_bodyparts3d(dir + l.ref_bone, ref_bone)) return 2;
      auto append = [](Mesh& to, const Mesh& m) {
        const auto base = static_cast<uint32_t>(to.pos.size());
        to.pos.insert(to.pos.end(), m.pos.begin(), m.pos.end());
        for (uint32_t i : m.idx) to.idx.push_back(base + i);
      };
      std::printf("%s colours:", l.name);
      for (size_t k = 0; k < l.muscles.size(); ++k) {
        const auto& [id, file] = l.muscles[k];
        if (!load_bodyparts3d(dir + "muscles/" + file, ref_each[k])) return 2;
        for (const MuscleVolume& v : bm.muscle_volumes)
          if (v.side == hiplab::anatomy::Side::kRight && v.name.rfind(id, 0) == 0) append(ours_each[k], v.mesh);
        const auto c = muscle_colour(int(k));
        std::printf(" %s=(%d,%d,%d)", id, c[0], c[1], c[2]);
      }
      std::printf("\n");
      const BoxAlignment a = box_alignment(ref_bone, bone);
      for (Mesh& m : ref_each) apply(a, m);
      apply(a, ref_bone);
      std::vector<Shaded> ours_col{{&bone, ivory}}, ref_col{{&ref_bone, ivory}};
      for (size_t k = 0; k < l.muscles.size(); ++k) {
        append(ours, ours_each[k]);
        append(ref, ref_each[k]);
        ours_col.push_back({&ours_each[k], muscle_colour(int(k))});
        ref_col.push_back({&ref_each[k], muscle_colour(int(k))});
      }
      for (View v : {View::Front, View::Back, View::Side, View::Medial}) {
        glm::vec2 lo, hi;
        screen_bounds({&ours, &ref, &bone}, v, lo, hi);
        lo -= glm::vec2(0.01f), hi += glm::vec2(0.01f);
        write_png(out + "/" + l.name + "_" + view_name(v) + ".png",
                  hstack({render_shaded({{&bone, ivory}, {&ours, red}}, v, lo, hi, 0.0008f),
                          render_shaded({{&ref_bone, ivory}, {&ref, red}}, v, lo, hi, 0.0008f), overlay(ours, ref, v, 0.0008f)}));
        write_png(out + "/" + l.name + "_" + view_name(v) + "_colours.png",
                  hstack({render_shaded(ours_col, v, lo, hi, 0.0008f), render_shaded(ref_col, v, lo, hi, 0.0008f)}));
      }
      // The section at 30% of tibia length (the fill test's level) or 50% of femur length: skin
      // (light grey), bone, each muscle in its colour; ours beside BodyParts3D's (no skin). Top
      // view: up = anterior (+x), right = lateral (+z); 0.5 mm pixels over 20 x 20 cm.
      const float top = float(w.y), bottom = float(nodes[find_node(nodes, std::string(l.name) == "calf" ? "talus_r" : "tibia_r")].world.y);
      const float y = std::string(l.name) == "calf" ? top - 0.30f * (top - bottom) : top - 0.50f * (top - bottom);
      const auto skin_s = slice(bm.skin, glm::vec3(0), y), bone_s = slice(bone, glm::vec3(0), y), rbone_s = slice(ref_bone, glm::vec3(0), y);
      glm::vec2 bc;
      double ba;
      centroid(bone_s, bc, ba);
      auto panel = [&](const std::vector<Mesh>& ms, const std::vector<Seg2>& b, bool with_skin) {
        std::vector<std::vector<Seg2>> ss;
        for (const Mesh& m : ms) ss.push_back(slice(m, glm::vec3(0), y));
        const int n = 400;
        const float px = 0.0005f;
        Image img;
        img.w = img.h = n;
        img.rgb.assign(size_t(n) * n * 3, 255);
        for (int r = 0; r < n; ++r)
          for (int c = 0; c < n; ++c) {
            const glm::vec2 p(bc.x + float(n / 2 - r) * px, bc.y + float(c - n / 2) * px);
            uint8_t* o = &img.rgb[(size_t(r) * n + size_t(c)) * 3];
            if (with_skin && inside(skin_s, p)) o[0] = o[1] = o[2] = 225;
            if (inside(b, p)) { o[0] = 120; o[1] = 110; o[2] = 100; continue; }
            for (size_t i = 0; i < ss.size(); ++i)
              if (inside(ss[i], p)) {
                const auto col = muscle_colour(int(i));
                o[0] = col[0], o[1] = col[1], o[2] = col[2];
              }
          }
        return img;
      };
      write_png(out + "/" + l.name + "_section.png", hstack({panel(ours_each, bone_s, true), panel(ref_each, rbone_s, false)}));
    }
    return 0;
  }
  if (mode == "rows" || mode == "bp3d") {  // rows BONE VIEW [step_mm]  |  bp3d BONE FILE.glb (OUTDIR = argv[2])
    Morphometry morph;
    const std::string bone = mode == "rows" ? argv[2] : argv[3];
    const BoneSpec* spec = nullptr;
    for (const BoneSpec& b : bone_specs())
      if (bone == b.name) spec = &b;
    if (!spec) return 2;
    Mesh m = build_bone(spec->id, morph);
    if (mode == "bp3d") {
      Mesh bp;
      if (argc < 5 || !load_bodyparts3d(argv[4], bp)) return 2;
      apply(box_alignment(bp, m), bp);
      const std::array<uint8_t, 3> grey{200, 205, 215};
      for (View v : {View::Front, View::Side, View::Top, View::Back, View::Medial, View::Bottom}) {
        glm::vec2 lo, hi;
        screen_bounds({&m, &bp}, v, lo, hi);
        lo -= glm::vec2(0.004f), hi += glm::vec2(0.004f);
        write_png(out + "/" + bone + "_bp3d_" + view_name(v) + ".png", hstack({render_shaded({{&m, ivory}}, v, lo, hi, 0.0004f), render_shaded({{&bp, grey}}, v, lo, hi, 0.0004f)}));
      }
      return 0;
    }
    Mesh ref;
    if (!spec->reference_obj || !load_obj(kRef + spec->reference_obj, ref)) return 2;
    View v = View::Front;
    for (View c : {View::Front, View::Side, View::Top})
      if (std::string(argv[3]) == view_name(c)) v = c;
    const float px = 0.001f;
    const int step = argc > 4 ? std::atoi(argv[4]) : 5;
    glm::vec2 lo, hi;
    screen_bounds({&m, &ref}, v, lo, hi);
    Mask a = silhouette(m, v, lo, hi, px), b = silhouette(ref, v, lo, hi, px);
    std::printf("IoU %.3f   rows: screen-y mm | ref spans | gen spans (screen-x mm)\n", silhouette_iou(m, ref, v, px));
    auto spans = [&](const Mask& k, int y) {
      std::string r;
      for (int x = 0; x < k.w; ++x)
        if (k.px[size_t(y) * k.w + x] && (x == 0 || !k.px[size_t(y) * k.w + x - 1])) {
          int e = x;
          while (e + 1 < k.w && k.px[size_t(y) * k.w + e + 1]) ++e;
          char buf[48];
          std::snprintf(buf, sizeof buf, "[%4.0f,%4.0f]", (lo.x + x * px) * 1000, (lo.x + (e + 1) * px) * 1000);
          r += buf;
        }
      return r;
    };
    for (int y = a.h - 1; y >= 0; y -= step) {
      long miss = 0, extra = 0;
      for (int x = 0; x < a.w; ++x) miss += !a.px[size_t(y) * a.w + x] && b.px[size_t(y) * a.w + x], extra += a.px[size_t(y) * a.w + x] && !b.px[size_t(y) * a.w + x];
      std::printf("%5.0f | %-28s | %-28s miss %3ld extra %3ld\n", (lo.y + (y + 0.5f) * px) * 1000, spans(b, y).c_str(), spans(a, y).c_str(), miss, extra);
    }
    return 0;
  }
  Morphometry morph;
  for (const BoneSpec& b : bone_specs()) {
    if (!only.empty() && only != b.name) continue;
    Mesh m = build_bone(b.id, morph);
    Topology t = topology(m);
    std::printf("%-10s tris %6zu  V-E+F %ld  components %d  genus %d  closed %d\n", b.name, m.triangles(), t.euler,
                t.components, t.genus(), (int)t.closed_manifold());
    Mesh ref;
    std::vector<Image> row;
    if (b.reference_obj && load_obj(kRef + b.reference_obj, ref)) {
      for (View v : {View::Front, View::Side, View::Top}) {
        std::printf("   IoU %-5s %.3f\n", view_name(v), silhouette_iou(m, ref, v, 0.001f));
        row.push_back(overlay(m, ref, v, 0.0005f));
      }
      write_png(out + "/" + b.name + "_overlay.png", hstack(row));
      write_png(out + "/" + b.name + "_ref.png", views({{&ref, blue}}, {View::Front, View::Side, View::Top, View::Back, View::Medial, View::Bottom}, 0.0005f));
    }
    write_png(out + "/" + b.name + "_views.png", views({{&m, ivory}}, {View::Front, View::Side, View::Top, View::Back, View::Medial, View::Bottom}, 0.0005f));
  }
  return 0;
}
