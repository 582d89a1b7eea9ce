// main.cpp — hiplab_model_generator: writes assets/models/hiplab_body.glb (and, with --json,
// assets/anatomy/muscles.json). Usage: hiplab_model_generator [--out FILE] [--json FILE] [--quiet]
#include <cstdio>
#include <fstream>
#include <string>

#include "model.h"
#include "muscle_info.h"

using namespace hiplab::modelgen;

int main(int argc, char** argv) {
  std::string out = HIPLAB_MODEL_PATH, json = HIPLAB_MUSCLES_JSON_PATH;
  bool quiet = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--out" && i + 1 < argc) out = argv[++i];
    else if (a == "--json" && i + 1 < argc) json = argv[++i];
    else if (a == "--quiet") quiet = true;
    else {
      std::fprintf(stderr, "usage: %s [--out FILE.glb] [--json FILE.json] [--quiet]\n", argv[0]);
      return 2;
    }
  }
  BuiltModel m = build_model(Morphometry{});
  std::ofstream f(out, std::ios::binary);
  f.write(reinterpret_cast<const char*>(m.glb.data()), static_cast<std::streamsize>(m.glb.size()));
  if (!f) {
    std::fprintf(stderr, "error: cannot write %s\n", out.c_str());
    return 1;
  }
  std::ofstream j(json, std::ios::binary);
  j << muscles_json();
  if (!j) {
    std::fprintf(stderr, "error: cannot write %s\n", json.c_str());
    return 1;
  }
  if (!quiet) {
    for (auto& b : m.report.bones)
      std::printf("%-12s %6zu triangles  Euler %ld  components %d  closed %d\n", b.name.c_str(), b.triangles, b.topo.euler,
                  b.topo.components, int(b.topo.closed_manifold()));
    std::printf("muscle volumes: %zu meshes, %zu triangles; %zu tissue samples, %zu assigned\n", m.muscle_volumes.size(),
                m.report.muscle_volume_triangles, m.report.volumes.tissue_samples, m.report.volumes.assigned_samples);
    for (const std::string& e : m.report.volumes.empty) std::printf("no volume: %s\n", e.c_str());
    std::printf("skin %zu triangles; %zu muscle path nodes; %zu triangles in all; %zu bytes -> %s\n",
                m.report.skin_triangles, m.report.muscle_nodes, m.report.total_triangles, m.glb.size(), out.c_str());
  }
  return 0;
}
