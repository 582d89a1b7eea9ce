// inspect_main.cpp — hiplab_model_inspect: pictures for looking at the generated bones.
//   hiplab_model_inspect ref OUTDIR        shaded views of the Gait2392 reference meshes
//   hiplab_model_inspect bones OUTDIR      each bone shaded from six sides + silhouette overlays
//                                          against the reference (red = generated only, blue =
//                                          reference only, grey = both) and the IoU figures
#include <cstdio>
#include <string>

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
