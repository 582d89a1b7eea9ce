#include "assets/model_lod.h"

#include <algorithm>

#include <meshoptimizer.h>

namespace hiplab {

std::size_t build_lods(Model& model, const LodOptions& options) {
  std::size_t made = 0;
  for (Mesh& m : model.meshes) {
    m.lods.clear();
    if (!m.morph_targets.empty() || m.vertices.empty() || m.indices.size() < 3 * options.min_triangles) continue;
    const float* positions = &m.vertices[0].position.x;
    const float scale = meshopt_simplifyScale(positions, m.vertices.size(), sizeof(Vertex));
    // Each level simplified from the full mesh (not from the level before), so its error is measured
    // against the full surface rather than summed down a chain.
    std::size_t previous = m.indices.size();
    float last_error = 0.0f;
    for (int level = 0; level < options.max_levels; ++level) {
      const std::size_t target = previous / 2 / 3 * 3;
      if (target < 3 * options.floor_triangles) break;
      std::vector<std::uint32_t> out(m.indices.size());
      float relative = 0.0f;
      const std::size_t n = meshopt_simplify(out.data(), m.indices.data(), m.indices.size(), positions, m.vertices.size(),
                                             sizeof(Vertex), target, options.max_relative_error, 0, &relative);
      // Stop where the simplifier cannot go meaningfully lower within the error bound.
      if (n < 3 || n * 100 > previous * 85) break;
      out.resize(n);
      last_error = std::max(last_error, relative * scale);
      m.lods.push_back(MeshLod{std::move(out), last_error});
      previous = n;
      ++made;
    }
    if (m.lods.empty()) continue;
    // Vertices in order of first use from the coarsest level to the full mesh, so each level's
    // indices reach only a prefix of the vertex buffer: a renderer that shades the whole index
    // range of a draw (Mesa's draw module does) shades only the vertices that level uses.
    std::vector<std::uint32_t> order;
    for (auto l = m.lods.rbegin(); l != m.lods.rend(); ++l) order.insert(order.end(), l->indices.begin(), l->indices.end());
    order.insert(order.end(), m.indices.begin(), m.indices.end());
    std::vector<unsigned int> remap(m.vertices.size());
    const std::size_t used = meshopt_optimizeVertexFetchRemap(remap.data(), order.data(), order.size(), m.vertices.size());
    if (used != m.vertices.size()) continue;  // unreferenced vertices: keep the order as it is
    std::vector<Vertex> vertices(m.vertices.size());
    meshopt_remapVertexBuffer(vertices.data(), m.vertices.data(), m.vertices.size(), sizeof(Vertex), remap.data());
    m.vertices = std::move(vertices);
    meshopt_remapIndexBuffer(m.indices.data(), m.indices.data(), m.indices.size(), remap.data());
    for (MeshLod& l : m.lods) meshopt_remapIndexBuffer(l.indices.data(), l.indices.data(), l.indices.size(), remap.data());
  }
  return made;
}

}  // namespace hiplab
