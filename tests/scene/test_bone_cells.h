// test_bone_cells.h — a bone mesh (in its own frame) as a grid of 1 mm cells, for tests that ask whether
// a point lies inside a bone: each cell is marked inside when its centre is inside the closed mesh
// (the parity of crossings along y), then the grid is eroded `erosions` times (6 neighbours), so a
// point counts as in the bone only when it lies about `erosions` millimetres or more under the
// bone's surface. Shared by the muscle-volume and the wrapped-path bone tests, and by the model
// generator's test (tools/model_generator/tests), which checks the packed volumes at the bind pose
// against its own bone meshes with the same cells.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <glm/common.hpp>
#include <glm/vec3.hpp>
#include <glm/vector_relational.hpp>

namespace hiplab::test {

struct BoneCells {
  glm::vec3 lo{0.0f};
  int nx = 0, ny = 0, nz = 0;
  static constexpr float kCell = 0.001f;
  // The deep cells, one bit each, in bricks of 4 x 4 x 4 cells (one word a brick), so that nearby
  // points read the same few words.
  std::vector<std::uint64_t> bricks;
  int bx = 0, by = 0;  // bricks along x and y
  // The box of the cells marked deep (a point at lo where there are none): no point outside it is
  // inside().
  glm::vec3 deep_lo{0.0f}, deep_hi{0.0f};
  bool cell(int i, int j, int k) const {
    const std::uint64_t w = bricks[(static_cast<std::size_t>(k >> 2) * by + (j >> 2)) * bx + (i >> 2)];
    return (w >> ((i & 3) | (j & 3) << 2 | (k & 3) << 4)) & 1u;
  }
  bool inside(const glm::vec3& p) const {
    const glm::vec3 g = (p - lo) / kCell;
    const int i = static_cast<int>(std::floor(g.x)), j = static_cast<int>(std::floor(g.y)), k = static_cast<int>(std::floor(g.z));
    if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) return false;
    return cell(i, j, k);
  }
};

// From a closed triangle mesh's positions and indices (3 per triangle).
inline BoneCells bone_cells_of(const std::vector<glm::vec3>& pos, const std::vector<std::uint32_t>& idx, int erosions) {
  BoneCells g;
  glm::vec3 lo(1e9f), hi(-1e9f);
  for (const glm::vec3& v : pos) lo = glm::min(lo, v), hi = glm::max(hi, v);
  // An empty border wider than the erosion, so it never reaches the mesh from outside the grid.
  g.lo = lo - glm::vec3(static_cast<float>(erosions + 1) * BoneCells::kCell);
  const glm::ivec3 n = glm::ivec3((hi - g.lo) / BoneCells::kCell) + (2 * erosions + 1);
  g.nx = n.x, g.ny = n.y, g.nz = n.z;
  std::vector<std::uint8_t> in(static_cast<std::size_t>(g.nx) * g.ny * g.nz, 0);
  std::vector<std::vector<float>> hits(static_cast<std::size_t>(g.nx) * g.nz);
  for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
    const glm::vec3 a = pos[idx[t]], b = pos[idx[t + 1]], c = pos[idx[t + 2]];
    const float bx0 = std::min({a.x, b.x, c.x}), bx1 = std::max({a.x, b.x, c.x}), bz0 = std::min({a.z, b.z, c.z}), bz1 = std::max({a.z, b.z, c.z});
    const float det = (b.x - a.x) * (c.z - a.z) - (c.x - a.x) * (b.z - a.z);
    if (std::fabs(det) < 1e-14f) continue;
    for (int k = std::max(0, static_cast<int>((bz0 - g.lo.z) / BoneCells::kCell - 0.5f)); k < g.nz; ++k) {
      const float z = g.lo.z + (k + 0.5f) * BoneCells::kCell;
      if (z > bz1) break;
      for (int i = std::max(0, static_cast<int>((bx0 - g.lo.x) / BoneCells::kCell - 0.5f)); i < g.nx; ++i) {
        const float x = g.lo.x + (i + 0.5f) * BoneCells::kCell;
        if (x > bx1) break;
        const float u = ((x - a.x) * (c.z - a.z) - (c.x - a.x) * (z - a.z)) / det;
        const float w = ((b.x - a.x) * (z - a.z) - (x - a.x) * (b.z - a.z)) / det;
        if (u < 0.0f || w < 0.0f || u + w > 1.0f) continue;
        hits[static_cast<std::size_t>(k) * g.nx + i].push_back(a.y + u * (b.y - a.y) + w * (c.y - a.y));
      }
    }
  }
  for (int k = 0; k < g.nz; ++k)
    for (int i = 0; i < g.nx; ++i) {
      std::vector<float>& h = hits[static_cast<std::size_t>(k) * g.nx + i];
      std::sort(h.begin(), h.end());
      for (std::size_t e = 0; e + 1 < h.size(); e += 2)
        for (int j = 0; j < g.ny; ++j) {
          const float y = g.lo.y + (j + 0.5f) * BoneCells::kCell;
          if (y > h[e] && y < h[e + 1]) in[(static_cast<std::size_t>(k) * g.ny + j) * g.nx + i] = 1;
        }
    }
  for (int pass = 0; pass < erosions; ++pass) {
    std::vector<std::uint8_t> next(in.size(), 0);
    for (int k = 1; k + 1 < g.nz; ++k)
      for (int j = 1; j + 1 < g.ny; ++j)
        for (int i = 1; i + 1 < g.nx; ++i) {
          auto at = [&](int a, int b, int c) { return in[(static_cast<std::size_t>(c) * g.ny + b) * g.nx + a]; };
          next[(static_cast<std::size_t>(k) * g.ny + j) * g.nx + i] =
              at(i, j, k) && at(i - 1, j, k) && at(i + 1, j, k) && at(i, j - 1, k) && at(i, j + 1, k) && at(i, j, k - 1) && at(i, j, k + 1);
        }
    in = std::move(next);
  }
  g.bx = (g.nx + 3) / 4, g.by = (g.ny + 3) / 4;
  g.bricks.assign(static_cast<std::size_t>(g.bx) * g.by * ((g.nz + 3) / 4), 0u);
  glm::ivec3 dlo(g.nx, g.ny, g.nz), dhi(-1);
  for (int k = 0; k < g.nz; ++k)
    for (int j = 0; j < g.ny; ++j)
      for (int i = 0; i < g.nx; ++i)
        if (in[(static_cast<std::size_t>(k) * g.ny + j) * g.nx + i]) {
          g.bricks[(static_cast<std::size_t>(k >> 2) * g.by + (j >> 2)) * g.bx + (i >> 2)] |= std::uint64_t{1} << ((i & 3) | (j & 3) << 2 | (k & 3) << 4);
          dlo = glm::min(dlo, glm::ivec3(i, j, k)), dhi = glm::max(dhi, glm::ivec3(i, j, k));
        }
  if (dhi.x < 0) g.deep_lo = g.deep_hi = g.lo;
  else g.deep_lo = g.lo + glm::vec3(dlo) * BoneCells::kCell, g.deep_hi = g.lo + glm::vec3(dhi + 1) * BoneCells::kCell;
  return g;
}

// From an app model's mesh (assets/model.h: vertices with a position, indices).
template <class AppMesh>
BoneCells bone_cells(const AppMesh& m, int erosions) {
  std::vector<glm::vec3> pos;
  pos.reserve(m.vertices.size());
  for (const auto& v : m.vertices) pos.push_back(v.position);
  return bone_cells_of(pos, m.indices, erosions);
}

}  // namespace hiplab::test
