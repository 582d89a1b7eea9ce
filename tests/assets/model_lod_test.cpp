// Tests src/assets/model_lod.h: each level has about half the triangles of the one before, its
// error grows down the chain and bounds how far the coarse surface strays from the full one.
#include <doctest/doctest.h>

#include <cmath>

#include "assets/model_lod.h"

using namespace hiplab;

namespace {

// A UV sphere of radius r: rings x segments quads, one rigid mesh on one node.
Model sphere_model(float r, int rings, int segments) {
  Model m;
  m.nodes.push_back({"root", -1, glm::mat4(1.0f)});
  m.materials.emplace_back();
  Mesh mesh;
  mesh.name = "sphere";
  mesh.node = 0;
  for (int i = 0; i <= rings; ++i)
    for (int j = 0; j <= segments; ++j) {
      const float th = 3.14159265f * static_cast<float>(i) / static_cast<float>(rings);
      const float ph = 6.2831853f * static_cast<float>(j) / static_cast<float>(segments);
      Vertex v;
      v.normal = glm::vec3(std::sin(th) * std::cos(ph), std::cos(th), std::sin(th) * std::sin(ph));
      v.position = r * v.normal;
      mesh.vertices.push_back(v);
    }
  for (int i = 0; i < rings; ++i)
    for (int j = 0; j < segments; ++j) {
      const std::uint32_t a = static_cast<std::uint32_t>(i * (segments + 1) + j), b = a + 1,
                          c = a + static_cast<std::uint32_t>(segments + 1), d = c + 1;
      mesh.indices.insert(mesh.indices.end(), {a, c, b, b, c, d});
    }
  m.meshes.push_back(std::move(mesh));
  return m;
}

glm::vec3 closest_on_triangle(glm::vec3 p, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
  // Ericson, Real-Time Collision Detection, 5.1.5.
  const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return a;
  const glm::vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return b;
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return a + ab * (d1 / (d1 - d3));
  const glm::vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return c;
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return a + ac * (d2 / (d2 - d6));
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
  const float denom = 1.0f / (va + vb + vc);
  return a + ab * (vb * denom) + ac * (vc * denom);
}

}  // namespace

TEST_CASE("levels of detail halve the triangles, their error grows and bounds the distance to the full surface") {
  Model m = sphere_model(0.1f, 48, 96);
  const std::size_t full = m.meshes[0].indices.size() / 3;
  REQUIRE(build_lods(m) >= 3);
  const Mesh& mesh = m.meshes[0];
  std::size_t previous = full;
  float previous_error = 0.0f;
  for (const MeshLod& l : mesh.lods) {
    const std::size_t n = l.indices.size() / 3;
    CHECK(n * 100 <= previous * 85);
    CHECK(n * 100 >= previous * 30);
    CHECK(l.error >= previous_error);
    for (std::uint32_t i : l.indices) REQUIRE(i < mesh.vertices.size());
    previous = n;
    previous_error = l.error;
  }
  CHECK(previous >= 160);
  // Every vertex of the full sphere lies within the coarsest level's stated error (+ a small
  // tolerance for meshoptimizer's estimate) of that level's surface.
  const MeshLod& coarse = mesh.lods.back();
  CHECK(coarse.error > 0.0f);
  CHECK(coarse.error < 0.04f * 0.2f * 5.0f);
  float worst = 0.0f;
  for (std::size_t v = 0; v < mesh.vertices.size(); v += 7) {
    const glm::vec3 p = mesh.vertices[v].position;
    float best = 1e9f;
    for (std::size_t t = 0; t + 2 < coarse.indices.size(); t += 3)
      best = std::min(best, glm::length(p - closest_on_triangle(p, mesh.vertices[coarse.indices[t]].position,
                                                                 mesh.vertices[coarse.indices[t + 1]].position,
                                                                 mesh.vertices[coarse.indices[t + 2]].position)));
    worst = std::max(worst, best);
  }
  CHECK(worst <= 1.5f * coarse.error + 1e-5f);
}

TEST_CASE("small meshes keep only the full level") {
  Model small = sphere_model(0.1f, 8, 16);  // 256 triangles
  CHECK(build_lods(small) == 0);
  CHECK(small.meshes[0].lods.empty());
}

TEST_CASE("a mesh with morph targets gets levels and its deltas follow the reordered vertices") {
  // The body skin carries corrective shapes (arm overhead); before, such a mesh kept only its full
  // level and a side-lying drill drew 18k more skin triangles. Each delta here is a function of
  // its vertex's position, so after the reorder it must still be that function of the same vertex.
  Model morph = sphere_model(0.1f, 48, 96);
  Mesh& m = morph.meshes[0];
  MorphTarget bulge{"bulge", {}, {}};
  for (const Vertex& v : m.vertices) {
    bulge.delta_positions.push_back(glm::vec3(0.5f, -0.25f, 2.0f) * v.position);
    bulge.delta_normals.push_back(glm::vec3(v.position.z, v.position.x, v.position.y));
  }
  m.morph_targets.push_back(bulge);
  const std::size_t triangles = m.indices.size() / 3;
  CHECK(build_lods(morph) > 0);
  REQUIRE(!m.lods.empty());
  CHECK(m.lods[0].indices.size() / 3 < triangles);
  REQUIRE(m.morph_targets[0].delta_positions.size() == m.vertices.size());
  int wrong = 0;
  for (std::size_t i = 0; i < m.vertices.size(); ++i) {
    const glm::vec3 p = m.vertices[i].position;
    if (glm::length(m.morph_targets[0].delta_positions[i] - glm::vec3(0.5f, -0.25f, 2.0f) * p) > 1e-7f) ++wrong;
    if (glm::length(m.morph_targets[0].delta_normals[i] - glm::vec3(p.z, p.x, p.y)) > 1e-7f) ++wrong;
  }
  CHECK(wrong == 0);
  // A target whose delta count does not match the vertices is left alone (no levels, no reorder).
  Model bad = sphere_model(0.1f, 48, 96);
  bad.meshes[0].morph_targets.push_back({"short", std::vector<glm::vec3>(3), {}});
  CHECK(build_lods(bad) == 0);
}
