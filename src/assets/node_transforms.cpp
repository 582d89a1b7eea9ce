#include "assets/node_transforms.h"

#include <algorithm>
#include <limits>

namespace hiplab {

NodeTransforms NodeTransforms::bind(const Model& model) {
  NodeTransforms p;
  p.local.reserve(model.nodes.size());
  for (const auto& n : model.nodes) p.local.push_back(n.local_bind);
  for (const auto& m : model.meshes) p.morph_weights.push_back(m.default_morph_weights);
  p.update_world(model);
  return p;
}

void NodeTransforms::update_world(const Model& model) {
  world.resize(model.nodes.size());
  for (std::size_t i = 0; i < model.nodes.size(); ++i) {
    const int parent = model.nodes[i].parent;
    world[i] = parent < 0 ? local[i] : world[static_cast<std::size_t>(parent)] * local[i];
  }
}

void skin_matrices(const Model& model, const NodeTransforms& pose, int mesh, std::vector<glm::mat4>& out) {
  const Mesh& m = model.meshes[static_cast<std::size_t>(mesh)];
  out.resize(m.joint_nodes.size());
  for (std::size_t j = 0; j < m.joint_nodes.size(); ++j)
    out[j] = pose.world[static_cast<std::size_t>(m.joint_nodes[j])] * m.inverse_bind[j];
}

namespace {

// skin_position with the vertex's position given apart (its morphed one).
glm::vec3 skin_point(const Mesh& mesh, const std::vector<glm::mat4>& skin, const glm::mat4& node_world, const Vertex& v,
                     const glm::vec3& position) {
  const glm::vec4 p(position, 1.0f);
  if (!mesh.skinned) return glm::vec3(node_world * p);
  glm::mat4 blend(0.0f);
  for (int k = 0; k < kMaxWeightsPerVertex; ++k)
    if (v.weights[k] > 0.0f) blend += v.weights[k] * skin[v.joints[k]];
  return glm::vec3(blend * p);
}

}  // namespace

// The sums of morphed_vertex, in its order, done a target at a time over positions only: what the
// bounds need, without copying each vertex or adding normals.
bool morphed_positions(const Mesh& mesh, const std::vector<float>& weights, std::vector<glm::vec3>& out) {
  bool any = false;
  for (std::size_t t = 0; t < mesh.morph_targets.size() && t < weights.size(); ++t) any |= weights[t] != 0.0f;
  if (!any) return false;
  out.resize(mesh.vertices.size());
  for (std::size_t i = 0; i < mesh.vertices.size(); ++i) out[i] = mesh.vertices[i].position;
  for (std::size_t t = 0; t < mesh.morph_targets.size() && t < weights.size(); ++t) {
    const float w = weights[t];
    if (w == 0.0f) continue;
    // As flat floats (glm::vec3 is three packed floats): the same products and sums, which the
    // compiler vectorises.
    static_assert(sizeof(glm::vec3) == 3 * sizeof(float), "glm::vec3 is three packed floats");
    const std::vector<glm::vec3>& d = mesh.morph_targets[t].delta_positions;
    const std::size_t n = 3 * std::min(out.size(), d.size());
    float* o = reinterpret_cast<float*>(out.data());
    const float* dd = reinterpret_cast<const float*>(d.data());
    for (std::size_t k = 0; k < n; ++k) o[k] += w * dd[k];
  }
  return true;
}

glm::vec3 skin_position(const Mesh& mesh, const std::vector<glm::mat4>& skin, const glm::mat4& node_world,
                        const Vertex& v) {
  return skin_point(mesh, skin, node_world, v, v.position);
}

glm::vec3 skin_position(const Mesh& mesh, const std::vector<glm::mat4>& skin, const glm::mat4& node_world, const Vertex& v,
                        const glm::vec3& position) {
  return skin_point(mesh, skin, node_world, v, position);
}

Vertex morphed_vertex(const Mesh& mesh, std::size_t i, const std::vector<float>& weights) {
  Vertex v = mesh.vertices[i];
  for (std::size_t t = 0; t < mesh.morph_targets.size() && t < weights.size(); ++t) {
    const float w = weights[t];
    if (w == 0.0f) continue;
    const MorphTarget& target = mesh.morph_targets[t];
    if (i < target.delta_positions.size()) v.position += w * target.delta_positions[i];
    if (i < target.delta_normals.size()) v.normal += w * target.delta_normals[i];
  }
  return v;
}

Aabb posed_bounds(const Model& model, const NodeTransforms& pose) {
  Aabb box{glm::vec3(std::numeric_limits<float>::max()), glm::vec3(-std::numeric_limits<float>::max())};
  std::vector<glm::mat4> skin;
  std::vector<glm::vec3> morphed;
  bool any = false;
  for (std::size_t mi = 0; mi < model.meshes.size(); ++mi) {
    const Mesh& m = model.meshes[mi];
    if (m.skinned) skin_matrices(model, pose, static_cast<int>(mi), skin);
    const glm::mat4 node_world = m.node >= 0 ? pose.world[static_cast<std::size_t>(m.node)] : glm::mat4(1.0f);
    const bool morphs = mi < pose.morph_weights.size() && morphed_positions(m, pose.morph_weights[mi], morphed);
    for (std::size_t vi = 0; vi < m.vertices.size(); ++vi) {
      const Vertex& v = m.vertices[vi];
      const glm::vec3 p = skin_point(m, skin, node_world, v, morphs ? morphed[vi] : v.position);
      box.min = glm::min(box.min, p);
      box.max = glm::max(box.max, p);
      any = true;
    }
  }
  if (!any) return Aabb{};
  return box;
}

}  // namespace hiplab
