#include "assets/model_lod.h"

#include <meshoptimizer.h>

namespace hiplab {

std::size_t simplify_for_display(Model& model, float ratio, float max_error) {
  std::size_t removed = 0;
  for (Mesh& m : model.meshes) {
    if (m.skinned || !m.morph_targets.empty() || m.indices.size() < 3 * 512) continue;
    const std::size_t target = static_cast<std::size_t>(static_cast<float>(m.indices.size()) * ratio) / 3 * 3;
    std::vector<unsigned int> out(m.indices.size());
    const std::size_t n = meshopt_simplify(out.data(), m.indices.data(), m.indices.size(), &m.vertices[0].position.x,
                                           m.vertices.size(), sizeof(Vertex), target, max_error);
    if (n < 3 || n >= m.indices.size()) continue;
    out.resize(n);
    removed += (m.indices.size() - n) / 3;
    m.indices = std::move(out);
  }
  return removed;
}

}  // namespace hiplab
