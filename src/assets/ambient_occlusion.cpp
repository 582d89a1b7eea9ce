#include "assets/ambient_occlusion.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "assets/node_transforms.h"

namespace hiplab {

double bake_ambient_occlusion(Model& model, float radius) {
  const NodeTransforms bind = NodeTransforms::bind(model);
  std::vector<glm::mat4> skin;
  // World positions and normals of every vertex in the bind pose.
  std::vector<std::vector<glm::vec3>> pos(model.meshes.size()), nrm(model.meshes.size());
  glm::vec3 lo(1e30f), hi(-1e30f);
  for (std::size_t mi = 0; mi < model.meshes.size(); ++mi) {
    const Mesh& m = model.meshes[mi];
    if (m.skinned) skin_matrices(model, bind, static_cast<int>(mi), skin);
    const glm::mat4 node = m.node >= 0 ? bind.world[static_cast<std::size_t>(m.node)] : glm::mat4(1.0f);
    // The bind pose's shape as drawn: the mesh's morph targets at their default weights.
    for (std::size_t vi = 0; vi < m.vertices.size(); ++vi) {
      const Vertex v = morphed_vertex(m, vi, bind.morph_weights[mi]);
      const glm::vec3 p = skin_position(m, skin, node, v);
      glm::mat3 r = glm::mat3(node);
      if (m.skinned) {
        glm::mat4 blend(0.0f);
        for (int k = 0; k < 4; ++k)
          if (v.weights[k] > 0.0f) blend += v.weights[k] * skin[v.joints[k]];
        r = glm::mat3(blend);
      }
      glm::vec3 n = r * v.normal;
      const float len = glm::length(n);
      pos[mi].push_back(p);
      nrm[mi].push_back(len > 1e-8f ? n / len : glm::vec3(0, 1, 0));
      lo = glm::min(lo, p);
      hi = glm::max(hi, p);
    }
  }
  if (!(hi.x >= lo.x)) return 1.0;
  // Occupancy grid of the surfaces (triangles rasterised by sampling), cell ~ radius / 8.
  const float cell = std::max(radius / 8.0f, glm::length(hi - lo) / 400.0f);
  lo -= glm::vec3(2 * cell);
  hi += glm::vec3(2 * cell);
  const glm::ivec3 dim = glm::max(glm::ivec3((hi - lo) / cell) + 1, glm::ivec3(1));
  std::vector<std::uint8_t> grid(static_cast<std::size_t>(dim.x) * static_cast<std::size_t>(dim.y) * static_cast<std::size_t>(dim.z), 0);
  auto index = [&](glm::ivec3 c) {
    return (static_cast<std::size_t>(c.z) * static_cast<std::size_t>(dim.y) + static_cast<std::size_t>(c.y)) * static_cast<std::size_t>(dim.x) +
           static_cast<std::size_t>(c.x);
  };
  auto cell_of = [&](glm::vec3 p) { return glm::ivec3((p - lo) / cell); };
  auto inside = [&](glm::ivec3 c) { return c.x >= 0 && c.y >= 0 && c.z >= 0 && c.x < dim.x && c.y < dim.y && c.z < dim.z; };
  for (std::size_t mi = 0; mi < model.meshes.size(); ++mi) {
    const Mesh& m = model.meshes[mi];
    if (m.material < static_cast<int>(model.materials.size()) && model.materials[static_cast<std::size_t>(m.material)].base_color.a < 0.99f)
      continue;  // translucent surfaces (a skin) do not occlude
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      const glm::vec3 a = pos[mi][m.indices[t]], b = pos[mi][m.indices[t + 1]], c = pos[mi][m.indices[t + 2]];
      const float longest = std::max({glm::length(b - a), glm::length(c - a), glm::length(c - b)});
      const int steps = std::clamp(static_cast<int>(std::ceil(longest / (0.5f * cell))), 1, 64);
      for (int i = 0; i <= steps; ++i)
        for (int j = 0; j <= steps - i; ++j) {
          const float u = static_cast<float>(i) / steps, w = static_cast<float>(j) / steps;
          const glm::ivec3 ci = cell_of(a + u * (b - a) + w * (c - a));
          if (inside(ci)) grid[index(ci)] = 1;
        }
    }
  }
  // 16 directions on a spiral over the +z hemisphere, turned onto each normal.
  constexpr int kRays = 16;
  glm::vec3 dirs[kRays];
  for (int i = 0; i < kRays; ++i) {
    const float z = 1.0f - (static_cast<float>(i) + 0.5f) / kRays;  // cos of the polar angle
    const float r = std::sqrt(std::max(0.0f, 1.0f - z * z)), phi = 2.39996323f * static_cast<float>(i);
    dirs[i] = glm::vec3(r * std::cos(phi), r * std::sin(phi), z);
  }
  const int march = std::max(2, static_cast<int>(radius / cell));
  double sum = 0.0;
  std::size_t count = 0;
  for (std::size_t mi = 0; mi < model.meshes.size(); ++mi) {
    Mesh& m = model.meshes[mi];
    for (std::size_t vi = 0; vi < m.vertices.size(); ++vi) {
      const glm::vec3 n = nrm[mi][vi];
      const glm::vec3 helper = std::fabs(n.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
      const glm::vec3 tx = glm::normalize(glm::cross(helper, n)), ty = glm::cross(n, tx);
      float blocked = 0.0f, total = 0.0f;
      for (const glm::vec3& d : dirs) {
        const glm::vec3 dir = d.x * tx + d.y * ty + d.z * n;
        const float weight = d.z;  // cosine
        total += weight;
        // Start two cells out so the vertex's own surface does not count.
        for (int s = 2; s <= march + 1; ++s) {
          const glm::ivec3 c = cell_of(pos[mi][vi] + dir * (cell * static_cast<float>(s)));
          if (!inside(c)) break;
          if (grid[index(c)]) {
            blocked += weight * (1.0f - 0.5f * static_cast<float>(s - 2) / static_cast<float>(march));  // near counts more
            break;
          }
        }
      }
      const float ao = total > 0.0f ? std::clamp(1.0f - blocked / total, 0.0f, 1.0f) : 1.0f;
      m.vertices[vi].ao = ao;
      sum += ao;
      ++count;
    }
  }
  return count ? sum / static_cast<double>(count) : 1.0;
}

}  // namespace hiplab
