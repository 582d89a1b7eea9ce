#include "assets/model_lod.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include <meshoptimizer.h>

#include "assets/muscle_volumes.h"

namespace hiplab {

namespace {

struct Level {
  std::vector<std::uint32_t> indices;
  float error = 0.0f;
};

// A chain of lighter index lists, each about half the triangles of the one before and each
// simplified from the full mesh (not from the level before), so its error is measured against the
// full surface rather than summed down a chain; stops where the simplifier cannot go meaningfully
// lower within the error bound or below `floor_triangles`.
std::vector<Level> simplify_chain(const std::vector<std::uint32_t>& indices, const float* positions, std::size_t vertex_count,
                                  std::size_t stride, std::size_t floor_triangles, const LodOptions& options) {
  std::vector<Level> chain;
  const float scale = meshopt_simplifyScale(positions, vertex_count, stride);
  std::size_t previous = indices.size();
  float last_error = 0.0f;
  for (int level = 0; level < options.max_levels; ++level) {
    const std::size_t target = previous / 2 / 3 * 3;
    if (target < 3 * floor_triangles) break;
    std::vector<std::uint32_t> out(indices.size());
    float relative = 0.0f;
    const std::size_t n = meshopt_simplify(out.data(), indices.data(), indices.size(), positions, vertex_count, stride, target,
                                           options.max_relative_error, 0, &relative);
    if (n < 3 || n * 100 > previous * 85) break;
    out.resize(n);
    last_error = std::max(last_error, relative * scale);
    chain.push_back({std::move(out), last_error});
    previous = n;
  }
  return chain;
}

// Vertices in order of first use from the coarsest level to the full mesh, so each level's indices
// reach only a prefix of the vertices: a renderer that shades the whole index range of a draw
// (Mesa's draw module does) shades only the vertices that level uses, and a muscle volume places
// only those. Fills `remap` (old -> new) and remaps `full` and every level's indices; false (and
// nothing changed) when some vertex is used by no triangle.
bool order_for_prefixes(std::vector<std::uint32_t>& full, std::vector<Level>& chain, std::size_t vertex_count,
                        std::vector<unsigned int>& remap) {
  std::vector<std::uint32_t> order;
  for (auto l = chain.rbegin(); l != chain.rend(); ++l) order.insert(order.end(), l->indices.begin(), l->indices.end());
  order.insert(order.end(), full.begin(), full.end());
  remap.assign(vertex_count, 0);
  if (meshopt_optimizeVertexFetchRemap(remap.data(), order.data(), order.size(), vertex_count) != vertex_count) return false;
  meshopt_remapIndexBuffer(full.data(), full.data(), full.size(), remap.data());
  for (Level& l : chain) meshopt_remapIndexBuffer(l.indices.data(), l.indices.data(), l.indices.size(), remap.data());
  return true;
}

// The levels of one mesh; the number made.
std::size_t build_mesh_lods(Mesh& m, const LodOptions& options) {
  m.lods.clear();
  if (m.vertices.empty() || m.indices.size() < 3 * options.min_triangles) return 0;
  for (const MorphTarget& t : m.morph_targets)  // a target must have one delta per vertex to follow the reorder
    if (t.delta_positions.size() != m.vertices.size() || (!t.delta_normals.empty() && t.delta_normals.size() != m.vertices.size()))
      return 0;
  std::vector<Level> chain =
      simplify_chain(m.indices, &m.vertices[0].position.x, m.vertices.size(), sizeof(Vertex), options.floor_triangles, options);
  std::vector<unsigned int> remap;
  if (!chain.empty() && order_for_prefixes(m.indices, chain, m.vertices.size(), remap)) {
    std::vector<Vertex> vertices(m.vertices.size());
    meshopt_remapVertexBuffer(vertices.data(), m.vertices.data(), m.vertices.size(), sizeof(Vertex), remap.data());
    m.vertices = std::move(vertices);
    // Corrective shapes (the skin's arm-overhead targets) move the same vertices, so their deltas
    // follow the reorder; a level is made on the rest shape and, as a subset of the full mesh's
    // vertices, moves with the target as the full mesh does.
    for (MorphTarget& t : m.morph_targets) {
      for (std::vector<glm::vec3>* d : {&t.delta_positions, &t.delta_normals}) {
        if (d->empty()) continue;
        std::vector<glm::vec3> moved(d->size());
        meshopt_remapVertexBuffer(moved.data(), d->data(), d->size(), sizeof(glm::vec3), remap.data());
        *d = std::move(moved);
      }
    }
  }
  for (Level& l : chain) m.lods.push_back(MeshLod{std::move(l.indices), l.error});
  return m.lods.size();
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
  std::vector<Level> chain = simplify_chain(v.indices, &v.bind_position[0].x, nv, sizeof(glm::vec3), options.volume_floor_triangles, options);
  if (chain.empty()) return 0;
  std::vector<unsigned int> remap;
  const bool prefixes = order_for_prefixes(v.indices, chain, nv, remap);
  if (prefixes) {
    auto permute = [&](auto& a) {
      auto copy = a;
      for (std::size_t i = 0; i < nv; ++i) a[remap[i]] = copy[i];
    };
    permute(v.path_coord);
    permute(v.frame_normal);
    permute(v.bind_position);
    if (v.bone_mask.size() == nv) permute(v.bone_mask);
    if (v.smooth_coord.size() == nv && v.smooth_normal.size() == nv && v.smooth_level.size() == nv) {
      permute(v.smooth_coord);
      permute(v.smooth_normal);
      if (v.bind_normal.size() == nv) permute(v.bind_normal);
      permute(v.smooth_level);
    }
    if (!v.lod_indices.empty()) meshopt_remapIndexBuffer(v.lod_indices.data(), v.lod_indices.data(), v.lod_indices.size(), remap.data());
  }
  for (Level& l : chain) {
    // Without prefixes (a vertex no triangle uses), every level places them all.
    const auto count = prefixes ? *std::max_element(l.indices.begin(), l.indices.end()) + 1 : static_cast<std::uint32_t>(nv);
    const double rest = enclosed_volume(v.bind_position, l.indices);
    v.levels.push_back(MuscleVolume::Level{std::move(l.indices), l.error, count, rest});
  }
  return v.levels.size();
}
}  // namespace hiplab
