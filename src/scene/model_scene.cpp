#include "scene/model_scene.h"

#include <algorithm>

namespace hiplab {

void add_model_to_scene(const Model& model, ModelHandle handle, const NodeTransforms& pose, const ModelSceneOptions& options,
                        DrawList& out) {
  std::vector<glm::mat4> skin;
  for (std::size_t i = 0; i < model.meshes.size(); ++i) {
    const Mesh& m = model.meshes[i];
    MeshDraw d;
    d.model = handle;
    d.mesh = static_cast<int>(i);
    d.pick_id = options.first_pick_id + static_cast<std::uint32_t>(i);
    if (m.skinned) {
      skin_matrices(model, pose, static_cast<int>(i), skin);
      d.skin_offset = static_cast<int>(out.skin_matrices.size());
      d.skin_count = static_cast<int>(skin.size());
      out.skin_matrices.insert(out.skin_matrices.end(), skin.begin(), skin.end());
    } else if (m.node >= 0) {
      d.node_world = pose.world[static_cast<std::size_t>(m.node)];
    }
    if (i < pose.morph_weights.size() && !pose.morph_weights[i].empty() && pose.morph_weights[i] != m.default_morph_weights) {
      d.morph_offset = static_cast<int>(out.morph_weights.size());
      out.morph_weights.insert(out.morph_weights.end(), pose.morph_weights[i].begin(), pose.morph_weights[i].end());
    }
    out.meshes.push_back(d);
  }
  const Aabb box = posed_bounds(model, pose);
  out.floor.visible = options.floor && !options.transparent_background;
  out.floor.height = box.min.y;
  out.floor.centre = {box.centre().x, box.centre().z};
  out.floor.radius = std::max(0.8f, 0.9f * glm::length(glm::vec2(box.size().x, box.size().z)));
  out.floor.shadow_reach = std::max(0.05f, 0.25f * box.size().y);
  if (options.transparent_background) {
    out.clear_color.a = 0.0f;
  }
}

}  // namespace hiplab
