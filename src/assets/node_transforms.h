// node_transforms.h — a pose of a runtime model as what it holds: one local transform per node, and
// the world / skinning matrices derived from it (the joint angles of the body's legs are another
// thing: anatomy::LegAngles). Pure maths over buffers the caller owns (no GL).
#pragma once
#include <cstddef>
#include <vector>

#include "assets/model.h"

namespace hiplab {

struct NodeTransforms {
  std::vector<glm::mat4> local;  // per node, local to parent
  std::vector<glm::mat4> world;  // per node, model space (filled by update_world)
  std::vector<std::vector<float>> morph_weights;  // per mesh

  static NodeTransforms bind(const Model& model);  // the rest pose
  void update_world(const Model& model);
};

// Skinning matrices of one mesh for a posed model: world[joint] * inverse_bind[joint].
void skin_matrices(const Model& model, const NodeTransforms& pose, int mesh, std::vector<glm::mat4>& out);

// Bounds of all meshes in a pose, computed on the CPU (same blend as the GPU skinning shader).
Aabb posed_bounds(const Model& model, const NodeTransforms& pose);

// CPU linear-blend skinning of one vertex (positions, model space). Used by tests and bounds.
glm::vec3 skin_position(const Mesh& mesh, const std::vector<glm::mat4>& skin, const glm::mat4& node_world,
                        const Vertex& v);

// Vertex `i` of `mesh` with its morph targets added at `weights` (one per target; missing ones
// count as 0), positions and normals, as the renderer blends them before skinning
// (render/morph_blend.h). What the CPU skins (bounds, framing, baked occlusion) must start from this
// or it disagrees with what is drawn (the skin's arm-overhead shapes move vertices up to ~7 cm).
Vertex morphed_vertex(const Mesh& mesh, std::size_t i, const std::vector<float>& weights);

// Every vertex's position with the morph targets added at `weights` into `out`: morphed_vertex's
// positions (the same sums in the same order), done a target at a time, for a caller that needs
// every vertex (a vertex at a time, each target's array is read strided and the whole vertex
// copied). False, and `out` untouched, when no weight moves anything (the positions as authored).
bool morphed_positions(const Mesh& mesh, const std::vector<float>& weights, std::vector<glm::vec3>& out);

// skin_position of vertex `v` (its joints and weights) at `position` in place of its own (e.g. its
// morphed_positions entry).
glm::vec3 skin_position(const Mesh& mesh, const std::vector<glm::mat4>& skin, const glm::mat4& node_world, const Vertex& v,
                        const glm::vec3& position);

}  // namespace hiplab
