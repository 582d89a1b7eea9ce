#include "scene/framing.h"

#include <algorithm>
#include <limits>

#include "scene/body_pose.h"

namespace hiplab {

Aabb focus_bounds(const Model& model, const Pose& pose) {
  if (!is_body_model(model)) return posed_bounds(model, pose);
  Aabb box{glm::vec3(std::numeric_limits<float>::max()), glm::vec3(-std::numeric_limits<float>::max())};
  bool any = false;
  for (const Mesh& m : model.meshes) {
    // The skin is the whole person (skinned); the bones are rigid meshes on the pelvis and leg nodes.
    if (m.skinned || m.node < 0) continue;
    const glm::mat4& world = pose.world[static_cast<std::size_t>(m.node)];
    for (const Vertex& v : m.vertices) {
      const glm::vec3 p = glm::vec3(world * glm::vec4(v.position, 1.0f));
      box.min = glm::min(box.min, p);
      box.max = glm::max(box.max, p);
      any = true;
    }
  }
  if (!any) return posed_bounds(model, pose);
  box.min -= glm::vec3(kFocusSoftTissuePad);
  box.max += glm::vec3(kFocusSoftTissuePad);
  return box;
}

void frame_focus(OrbitCamera& cam, const Model& model, const Pose& pose, float aspect) {
  cam.frame(focus_bounds(model, pose), aspect);
  const Aabb whole = posed_bounds(model, pose);
  float reach = cam.scene_radius;
  for (int i = 0; i < 8; ++i) {
    const glm::vec3 corner((i & 1) ? whole.max.x : whole.min.x, (i & 2) ? whole.max.y : whole.min.y,
                           (i & 4) ? whole.max.z : whole.min.z);
    reach = std::max(reach, glm::length(corner - cam.target));
  }
  cam.scene_radius = reach;
}

}  // namespace hiplab
