// Tests src/assets/node_transforms.h's posed_bounds against its definition: the box of every
// vertex of every mesh, skinned (skin_position) from its morphed place (morphed_vertex), exactly,
// on the shipped body with its skin's corrective shapes off, part on, past full, and so far past
// that they must move the box.
#include <doctest/doctest.h>

#include <limits>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "assets/node_transforms.h"
#include "scene/shipped_body.h"

using namespace hiplab;

namespace {

Aabb reference_bounds(const Model& model, const NodeTransforms& pose) {
  Aabb box{glm::vec3(std::numeric_limits<float>::max()), glm::vec3(-std::numeric_limits<float>::max())};
  std::vector<glm::mat4> skin;
  for (std::size_t mi = 0; mi < model.meshes.size(); ++mi) {
    const Mesh& m = model.meshes[mi];
    if (m.skinned) skin_matrices(model, pose, static_cast<int>(mi), skin);
    const glm::mat4 node_world = m.node >= 0 ? pose.world[static_cast<std::size_t>(m.node)] : glm::mat4(1.0f);
    for (std::size_t vi = 0; vi < m.vertices.size(); ++vi) {
      const glm::vec3 p = skin_position(m, skin, node_world, morphed_vertex(m, vi, pose.morph_weights[mi]));
      box.min = glm::min(box.min, p);
      box.max = glm::max(box.max, p);
    }
  }
  return box;
}

}  // namespace

TEST_CASE("posed bounds are the box of every vertex skinned from its morphed place, exactly") {
  const Model& model = test::shipped_body();
  int skin = -1;
  for (std::size_t i = 0; i < model.meshes.size(); ++i)
    if (!model.meshes[i].morph_targets.empty()) skin = static_cast<int>(i);
  REQUIRE_MESSAGE(skin >= 0, "the shipped body has no mesh with morph targets");
  NodeTransforms pose = NodeTransforms::bind(model);
  // A posed skeleton: every node turned a little, so the skinning matrices are not the bind's.
  for (std::size_t i = 0; i < model.nodes.size(); ++i)
    if (model.nodes[i].parent >= 0) pose.local[i] = glm::rotate(model.nodes[i].local_bind, 0.2f, glm::vec3(0.3f, 1.0f, 0.1f));
  pose.update_world(model);
  std::vector<float>& w = pose.morph_weights[static_cast<std::size_t>(skin)];
  const std::size_t n = model.meshes[static_cast<std::size_t>(skin)].morph_targets.size();
  w.assign(n, 0.0f);
  const Aabb bare = reference_bounds(model, pose);
  // 25: far past full, so the shapes reach past the rest of the body and must move the box.
  for (const float scale : {0.0f, 0.4f, 1.3f, 25.0f}) {
    INFO("weights scaled by " << scale);
    w.assign(n, 0.0f);
    for (std::size_t t = 0; t < n; t += 2) w[t] = scale * static_cast<float>(t + 1) / static_cast<float>(n);
    const Aabb got = posed_bounds(model, pose), want = reference_bounds(model, pose);
    CHECK(got.min == want.min);
    CHECK(got.max == want.max);
    if (scale > 10.0f) CHECK((want.min != bare.min || want.max != bare.max));
  }
}
