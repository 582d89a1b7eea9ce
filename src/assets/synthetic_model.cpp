#include "assets/synthetic_model.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <glm/gtc/matrix_transform.hpp>

#include "assets/node_transforms.h"

namespace hiplab {
namespace {

// Appends a round tube along +y (from y0, `length` long) to mesh m; weights from `weight_fn(y)`.
template <class WeightFn>
void add_tube(Mesh& m, glm::vec3 base, float radius, float length, int rings, int sides, WeightFn weight_fn) {
  const auto first = static_cast<std::uint32_t>(m.vertices.size());
  for (int r = 0; r <= rings; ++r) {
    const float y = length * static_cast<float>(r) / static_cast<float>(rings);
    for (int s = 0; s < sides; ++s) {
      const float a = 2.0f * 3.14159265f * static_cast<float>(s) / static_cast<float>(sides);
      Vertex v;
      v.normal = {std::cos(a), 0.0f, std::sin(a)};
      v.position = base + glm::vec3(radius * v.normal.x, y, radius * v.normal.z);
      v.uv = {static_cast<float>(s) / static_cast<float>(sides), y / length};
      weight_fn(y, v);
      m.vertices.push_back(v);
    }
  }
  for (int r = 0; r < rings; ++r)
    for (int s = 0; s < sides; ++s) {
      const auto a = first + static_cast<std::uint32_t>(r * sides + s);
      const auto b = first + static_cast<std::uint32_t>(r * sides + (s + 1) % sides);
      const auto c = a + static_cast<std::uint32_t>(sides), d = b + static_cast<std::uint32_t>(sides);
      m.indices.insert(m.indices.end(), {a, c, b, b, c, d});
    }
}

glm::mat4 translate(glm::vec3 t) { return glm::translate(glm::mat4(1.0f), t); }

void finish(Model& model) {
  NodeTransforms bind = NodeTransforms::bind(model);
  for (Mesh& m : model.meshes)
    for (int j : m.joint_nodes) m.inverse_bind.push_back(glm::inverse(bind.world[static_cast<std::size_t>(j)]));
  model.bind_bounds = posed_bounds(model, NodeTransforms::bind(model));
}

}  // namespace

Model make_two_bone_model() {
  Model model;
  model.source = "two_bone (synthetic)";
  model.nodes = {{"root", -1, glm::mat4(1.0f)}, {"tip", 0, translate({0, 1, 0})}};
  model.materials = {{"red", {1, 0, 0, 1}, -1, false}};
  Mesh m;
  m.name = "tube";
  m.skinned = true;
  m.node = 0;
  m.joint_nodes = {0, 1};
  // A square cross-section (4 sides) rotated 45° so it is flat toward the viewer: 0.4 m across.
  const float half = 0.2f, radius = half * std::sqrt(2.0f);
  add_tube(m, {0, 0, 0}, radius, 2.0f, 20, 4, [](float y, Vertex& v) {
    const float t = std::clamp((y - 0.8f) / 0.4f, 0.0f, 1.0f);
    v.joints = {0, 1, 0, 0};
    v.weights = {1.0f - t, t, 0.0f, 0.0f};
  });
  for (Vertex& v : m.vertices) {  // rotate the square 45° about y so faces point along ±x and ±z
    const glm::vec3 p = v.position;
    v.position = {(p.x - p.z) / std::sqrt(2.0f), p.y, (p.x + p.z) / std::sqrt(2.0f)};
    const glm::vec3 n = v.normal;
    v.normal = glm::normalize(glm::vec3((n.x - n.z), 0.0f, (n.x + n.z)));
  }
  model.meshes.push_back(std::move(m));
  finish(model);
  return model;
}

Model make_chain_model(int bones) {
  Model model;
  model.source = "chain (synthetic)";
  model.materials = {{"grey", {0.7f, 0.7f, 0.7f, 1}, -1, false}};
  const float seg = 0.1f;
  for (int b = 0; b < bones; ++b)
    model.nodes.push_back({"bone" + std::to_string(b), b - 1, b == 0 ? glm::mat4(1.0f) : translate({0, seg, 0})});
  Mesh m;
  m.name = "chain";
  m.skinned = true;
  m.node = 0;
  for (int b = 0; b < bones; ++b) m.joint_nodes.push_back(b);
  add_tube(m, {0, 0, 0}, 0.03f, seg * static_cast<float>(bones), bones * 2, 8, [&](float y, Vertex& v) {
    const int b = std::clamp(static_cast<int>(y / seg), 0, bones - 1);
    v.joints = {static_cast<std::uint16_t>(b), 0, 0, 0};
    v.weights = {1, 0, 0, 0};
  });
  model.meshes.push_back(std::move(m));
  finish(model);
  return model;
}

Model make_benchmark_model(std::size_t triangles) {
  Model model;
  model.source = "benchmark (synthetic)";
  model.materials = {{"ivory", {0.85f, 0.78f, 0.65f, 1}, -1, false}, {"muscle", {0.6f, 0.12f, 0.1f, 1}, -1, false}};
  const int grid = 4, tubes = grid * grid, bones_per_tube = 4, sides = 48;
  const std::size_t per_tube = (triangles + tubes - 1) / tubes;
  const int rings = std::max(1, static_cast<int>((per_tube + 2 * sides - 1) / (2 * sides)));
  for (int t = 0; t < tubes; ++t) {
    const glm::vec3 base(0.3f * static_cast<float>(t % grid) - 0.45f, 0.0f, 0.3f * static_cast<float>(t / grid) - 0.45f);
    const int first = static_cast<int>(model.nodes.size());
    for (int b = 0; b < bones_per_tube; ++b) {
      // Appends only: GCC 12 at -O3 warns falsely (-Wrestrict) on "t" + std::to_string(t).
      std::string name = "t";
      name.append(std::to_string(t)).append("_b").append(std::to_string(b));
      model.nodes.push_back({name, b == 0 ? -1 : first + b - 1, b == 0 ? translate(base) : translate({0, 0.25f, 0})});
    }
    Mesh m;
    m.name = std::string("tube").append(std::to_string(t));
    m.material = t % 2;
    m.skinned = true;
    m.node = first;
    for (int b = 0; b < bones_per_tube; ++b) m.joint_nodes.push_back(first + b);
    add_tube(m, base, 0.08f, 1.0f, rings, sides, [&](float y, Vertex& v) {
      const float f = std::clamp(y / 0.25f - 0.5f, 0.0f, static_cast<float>(bones_per_tube - 1));
      const int b0 = std::min(static_cast<int>(f), bones_per_tube - 1), b1 = std::min(b0 + 1, bones_per_tube - 1);
      const float w1 = f - static_cast<float>(b0);
      v.joints = {static_cast<std::uint16_t>(b0), static_cast<std::uint16_t>(b1), 0, 0};
      v.weights = b0 == b1 ? glm::vec4(1, 0, 0, 0) : glm::vec4(1.0f - w1, w1, 0, 0);
    });
    model.meshes.push_back(std::move(m));
  }
  finish(model);
  return model;
}

}  // namespace hiplab
