// inspect_main.cpp — hiplab_model_inspect: pictures for looking at the generated bones.
//   hiplab_model_inspect ref OUTDIR        shaded views of the Gait2392 reference meshes
//   hiplab_model_inspect glutes OUTDIR     the right gluteal volumes beside BodyParts3D's (aligned by
//                                          the hip bone) from behind and the side, and their overlay
//   hiplab_model_inspect bones OUTDIR      each bone shaded from six sides + silhouette overlays
//                                          against the reference (red = generated only, blue =
//                                          reference only, grey = both) and the IoU figures
#include <cstdio>
#include <cstdlib>
#include <string>

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
    for (const char* f : {"muscles/FJ786_BP62967_FMA22328_Right_gluteus_maximus.glb", "muscles/FJ229_BP62943_FMA22330_Right_gluteus_medius.glb",
                          "muscles/FJ32_BP63005_FMA22332_Right_gluteus_minimus.glb"})
      if (!load_bodyparts3d(dir + f, ref)) return 2;
    const BoxAlignment a = box_alignment(ref_hip, hip);
    apply(a, ref);
    apply(a, ref_hip);
    Mesh ours;
    for (const MuscleVolume& v : bm.muscle_volumes) {
      if (v.side != hiplab::anatomy::Side::kRight || v.name.rfind("glut_", 0) != 0) continue;
      const auto base = static_cast<uint32_t>(ours.pos.size());
      ours.pos.insert(ours.pos.end(), v.mesh.pos.begin(), v.mesh.pos.end());
      for (uint32_t i : v.mesh.idx) ours.idx.push_back(base + i);
    }
    const std::array<uint8_t, 3> red{200, 90, 80};
    for (View v : {View::Back, View::Side}) {
      glm::vec2 lo, hi;
      screen_bounds({&ours, &ref, &hip}, v, lo, hi);
      lo -= glm::vec2(0.01f), hi += glm::vec2(0.01f);
      write_png(out + "/glutes_" + view_name(v) + ".png", hstack({render_shaded({{&hip, ivory}, {&ours, red}}, v, lo, hi, 0.0008f),
                                                                     render_shaded({{&ref_hip, ivory}, {&ref, red}}, v, lo, hi, 0.0008f),
                                                                     overlay(ours, ref, v, 0.0008f)}));
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
