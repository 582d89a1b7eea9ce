#include "assets/model_lod.h"

#include <meshoptimizer.h>

namespace hiplab {

std::size_t build_lods(Model& model, const LodOptions& options) {
  std::size_t made = 0;
  for (Mesh& m : model.meshes) {
    m.lods.clear();
    if (!m.morph_targets.empty() || m.vertices.empty() || m.indices.size() < 3 * options.min_triangles) continue;
    const float* positions = &m.vertices[0].position.x;
    const float scale = meshopt_simplifyScale(positions, m.vertices.size(), sizeof(Vertex));
    const std::vector<std::uint32_t>* previous = &m.indices;
    float error = 0.0f;
    for (int level = 0; level < options.max_levels; ++level) {
      const std::size_t target = previous->size() / 2 / 3 * 3;
      if (target < 3 * options.floor_triangles) break;
      std::vector<std::uint32_t> out(previous->size());
      float relative = 0.0f;
      const std::size_t n = meshopt_simplify(out.data(), previous->data(), previous->size(), positions,
                                             m.vertices.size(), sizeof(Vertex), target,
                                             options.max_relative_error, 0, &relative);
      // Stop where the simplifier cannot go meaningfully lower within the error bound.
      if (n < 3 || n * 100 > previous->size() * 85) break;
      out.resize(n);
      error += relative * scale;
      m.lods.push_back(MeshLod{std::move(out), error});
      previous = &m.lods.back().indices;
      ++made;
    }
  }
  return made;
}

}  // namespace hiplab
