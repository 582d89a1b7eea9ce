#include "assets/model_lod.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include <meshoptimizer.h>

namespace hiplab {

namespace {

// The levels of one mesh; the number made.
std::size_t build_mesh_lods(Mesh& m, const LodOptions& options) {
  std::size_t made = 0;
  {
    m.lods.clear();
    if (!m.morph_targets.empty() || m.vertices.empty() || m.indices.size() < 3 * options.min_triangles) return 0;
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
    if (m.lods.empty()) return 0;
    // Vertices in order of first use from the coarsest level to the full mesh, so each level's
    // indices reach only a prefix of the vertex buffer: a renderer that shades the whole index
    // range of a draw (Mesa's draw module does) shades only the vertices that level uses.
    std::vector<std::uint32_t> order;
    for (auto l = m.lods.rbegin(); l != m.lods.rend(); ++l) order.insert(order.end(), l->indices.begin(), l->indices.end());
    order.insert(order.end(), m.indices.begin(), m.indices.end());
    std::vector<unsigned int> remap(m.vertices.size());
    const std::size_t used = meshopt_optimizeVertexFetchRemap(remap.data(), order.data(), order.size(), m.vertices.size());
    if (used != m.vertices.size()) return made;  // unreferenced vertices: keep the order as it is
    std::vector<Vertex> vertices(m.vertices.size());
    meshopt_remapVertexBuffer(vertices.data(), m.vertices.data(), m.vertices.size(), sizeof(Vertex), remap.data());
    m.vertices = std::move(vertices);
    meshopt_remapIndexBuffer(m.indices.data(), m.indices.data(), m.indices.size(), remap.data());
    for (MeshLod& l : m.lods) meshopt_remapIndexBuffer(l.indices.data(), l.indices.data(), l.indices.size(), remap.data());
  }
  return made;
}

}  // namespace

std::size_t build_lods(Model& model, const LodOptions& options) {
  // Every mesh and muscle volume is its own job (each touches only itself), largest first, shared
  // by two threads: the levels are made at load, before the first frame, and the body's ~200 ms
  // of simplification halves on a 2-core laptop.
  struct Job {
    Mesh* mesh;
    MuscleVolume* volume;
    std::size_t size;
  };
  std::vector<Job> jobs;
  for (Mesh& m : model.meshes) jobs.push_back({&m, nullptr, m.indices.size()});
  for (MuscleVolume& v : model.muscle_volumes) jobs.push_back({nullptr, &v, v.indices.size()});
  std::stable_sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.size > b.size; });
  std::atomic<std::size_t> next{0}, made{0};
  auto work = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++)
      made += jobs[i].mesh ? build_mesh_lods(*jobs[i].mesh, options) : build_volume_lods(*jobs[i].volume, options);
  };
  const unsigned helpers = std::min(1u, std::max(1u, std::thread::hardware_concurrency()) - 1u);
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < helpers && jobs.size() > 1; ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  return made.load();
}

std::size_t build_volume_lods(MuscleVolume& v, const LodOptions& options) {
  v.levels.clear();
  const std::size_t nv = v.bind_position.size();
  if (nv == 0 || v.indices.size() < 3 * options.volume_min_triangles) return 0;
  const float* positions = &v.bind_position[0].x;
  const float scale = meshopt_simplifyScale(positions, nv, sizeof(glm::vec3));
  std::size_t previous = v.indices.size();
  float last_error = 0.0f;
  for (int level = 0; level < options.max_levels; ++level) {
    const std::size_t target = previous / 2 / 3 * 3;
    if (target < 3 * options.volume_floor_triangles) break;
    std::vector<std::uint32_t> out(v.indices.size());
    float relative = 0.0f;
    const std::size_t n = meshopt_simplify(out.data(), v.indices.data(), v.indices.size(), positions, nv, sizeof(glm::vec3), target,
                                           options.max_relative_error, 0, &relative);
    if (n < 3 || n * 100 > previous * 85) break;
    out.resize(n);
    last_error = std::max(last_error, relative * scale);
    v.levels.push_back(MuscleVolume::Level{std::move(out), last_error, 0});
    previous = n;
  }
  if (v.levels.empty()) return 0;
  // Vertices in order of first use from the coarsest level to the full mesh (as for meshes above),
  // so a level's triangles reach a prefix of the vertices and only that prefix is placed.
  std::vector<std::uint32_t> order;
  for (auto l = v.levels.rbegin(); l != v.levels.rend(); ++l) order.insert(order.end(), l->indices.begin(), l->indices.end());
  order.insert(order.end(), v.indices.begin(), v.indices.end());
  std::vector<unsigned int> remap(nv);
  const std::size_t used = meshopt_optimizeVertexFetchRemap(remap.data(), order.data(), order.size(), nv);
  if (used != nv) {  // unreferenced vertices: keep the order, every level places them all
    for (MuscleVolume::Level& l : v.levels) l.vertex_count = static_cast<std::uint32_t>(nv);
    return v.levels.size();
  }
  auto permute = [&](auto& a) {
    auto copy = a;
    for (std::size_t i = 0; i < nv; ++i) a[remap[i]] = copy[i];
  };
  permute(v.path_coord);
  permute(v.frame_normal);
  permute(v.bind_position);
  meshopt_remapIndexBuffer(v.indices.data(), v.indices.data(), v.indices.size(), remap.data());
  if (!v.lod_indices.empty()) meshopt_remapIndexBuffer(v.lod_indices.data(), v.lod_indices.data(), v.lod_indices.size(), remap.data());
  for (MuscleVolume::Level& l : v.levels) {
    meshopt_remapIndexBuffer(l.indices.data(), l.indices.data(), l.indices.size(), remap.data());
    l.vertex_count = *std::max_element(l.indices.begin(), l.indices.end()) + 1;
  }
  return v.levels.size();
}

}  // namespace hiplab
