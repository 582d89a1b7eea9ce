#include "scene/framing.h"

#include <algorithm>

#include "scene/body_pose.h"

namespace hiplab {

namespace {

// The bones' vertices (every `stride`-th) in the world: the rigid meshes on the pelvis and leg
// nodes (the skin, skinned, is the whole person). Empty for a model that is not the body.
std::vector<glm::vec3> bone_vertices(const Model& model, const NodeTransforms& pose, std::size_t stride) {
  std::vector<glm::vec3> out;
  if (!is_body_model(model)) return out;
  for (const Mesh& m : model.meshes) {
    if (m.skinned || m.node < 0) continue;
    const glm::mat4& world = pose.world[static_cast<std::size_t>(m.node)];
    for (std::size_t i = 0; i < m.vertices.size(); i += stride)
      out.push_back(glm::vec3(world * glm::vec4(m.vertices[i].position, 1.0f)));
  }
  return out;
}

}  // namespace

Aabb focus_bounds(const Model& model, const NodeTransforms& pose) {
  const std::vector<glm::vec3> bones = bone_vertices(model, pose, 1);
  if (bones.empty()) return posed_bounds(model, pose);
  Aabb box{bones[0], bones[0]};
  for (const glm::vec3& p : bones) box.min = glm::min(box.min, p), box.max = glm::max(box.max, p);
  box.min -= glm::vec3(kFocusSoftTissuePad);
  box.max += glm::vec3(kFocusSoftTissuePad);
  return box;
}

std::vector<glm::vec3> focus_points(const Model& model, const NodeTransforms& pose) {
  std::vector<glm::vec3> out = bone_vertices(model, pose, 8);
  if (out.empty()) {
    const Aabb b = posed_bounds(model, pose);
    for (int i = 0; i < 8; ++i) out.emplace_back((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y, (i & 4) ? b.max.z : b.min.z);
  }
  return out;
}

std::vector<glm::vec3> person_points(const Model& model, const NodeTransforms& pose) {
  if (!is_body_model(model)) return focus_points(model, pose);
  std::vector<glm::vec3> out = bone_vertices(model, pose, 8);
  std::vector<glm::mat4> skin;
  for (std::size_t mi = 0; mi < model.meshes.size(); ++mi) {
    const Mesh& m = model.meshes[mi];
    if (!m.skinned) continue;
    skin_matrices(model, pose, static_cast<int>(mi), skin);
    const glm::mat4 node_world = m.node >= 0 ? pose.world[static_cast<std::size_t>(m.node)] : glm::mat4(1.0f);
    // With the morph targets at the pose's weights (the arms' overhead shapes), as drawn.
    static const std::vector<float> kNone;
    const std::vector<float>& weights = mi < pose.morph_weights.size() ? pose.morph_weights[mi] : kNone;
    for (std::size_t i = 0; i < m.vertices.size(); i += 8) out.push_back(skin_position(m, skin, node_world, morphed_vertex(m, i, weights)));
  }
  return out;
}

void frame_person(OrbitCamera& cam, const Model& model, const NodeTransforms& pose, float aspect, const glm::vec4& ndc_rect) {
  const std::vector<glm::vec3> points = person_points(model, pose);
  // The skin is the outside already: a small margin only.
  cam.frame_points(points, 0.03f, aspect, ndc_rect);
  cover_depth(cam, posed_bounds(model, pose));
}

namespace {

void frame_points_of(OrbitCamera& cam, const Model& model, const std::vector<glm::vec3>& points, float aspect, const glm::vec4& ndc_rect) {
  glm::vec4 r = ndc_rect;
  if (is_body_model(model)) {
    // Room at the sides for the hips' angle labels, which sit beside the hips (scene/rom_overlay).
    const float inset = 0.1f * (r.z - r.x);
    r.x += inset;
    r.z -= inset;
  }
  cam.frame_points(points, is_body_model(model) ? kFocusSoftTissuePad : 0.0f, aspect, r);
}

}  // namespace

void frame_focus(OrbitCamera& cam, const Model& model, const NodeTransforms& pose, float aspect, const glm::vec4& ndc_rect) {
  frame_points_of(cam, model, focus_points(model, pose), aspect, ndc_rect);
  cover_depth(cam, posed_bounds(model, pose));
}

void frame_focus_over(OrbitCamera& cam, const Model& model, const std::vector<BodyPoseInput>& poses, float aspect,
                      const glm::vec4& ndc_rect) {
  std::vector<glm::vec3> points;
  std::vector<Aabb> bounds;
  NodeTransforms posed = NodeTransforms::bind(model);
  for (const BodyPoseInput& p : poses) {
    if (is_body_model(model)) pose_body_model(model, p, posed);
    const std::vector<glm::vec3> some = focus_points(model, posed);
    points.insert(points.end(), some.begin(), some.end());
    bounds.push_back(posed_bounds(model, posed));
    if (!is_body_model(model)) break;
  }
  if (points.empty()) {
    points = focus_points(model, posed);
    bounds.push_back(posed_bounds(model, posed));
  }
  frame_points_of(cam, model, points, aspect, ndc_rect);
  for (const Aabb& b : bounds) cover_depth(cam, b);
}

void cover_depth(OrbitCamera& cam, const Aabb& whole) {
  float reach = cam.scene_radius;
  for (int i = 0; i < 8; ++i) {
    const glm::vec3 corner((i & 1) ? whole.max.x : whole.min.x, (i & 2) ? whole.max.y : whole.min.y,
                           (i & 4) ? whole.max.z : whole.min.z);
    reach = std::max(reach, glm::length(corner - cam.target));
  }
  cam.scene_radius = reach;
}

namespace {
constexpr float kMinFreeShare = 0.2f, kMinFreePx = 160.0f;
}  // namespace

glm::vec4 free_view_rect(glm::vec2 viewport, const std::vector<glm::vec4>& panels) {
  const glm::vec4 whole(0.0f, 0.0f, viewport.x, viewport.y);
  if (viewport.x <= 0.0f || viewport.y <= 0.0f) return whole;
  glm::vec4 r = whole;
  for (const glm::vec4& p : panels) {
    if (p.z <= 0.0f || p.w <= 0.0f) continue;
    const float cx = p.x + 0.5f * p.z, cy = p.y + 0.5f * p.w;
    // Which edge the panel belongs to: the one its centre is nearest, in fractions of the window.
    const float to_left = cx / viewport.x, to_right = 1.0f - to_left;
    const float to_top = cy / viewport.y, to_bottom = 1.0f - to_top;
    const float nearest = std::min({to_left, to_right, to_top, to_bottom});
    if (nearest == to_left) r.x = std::max(r.x, p.x + p.z);
    else if (nearest == to_right) r.z = std::min(r.z, p.x);
    else if (nearest == to_top) r.y = std::max(r.y, p.y + p.w);
    else r.w = std::min(r.w, p.y);
  }
  // A narrow strip between the panels of a small window (1024x640: 306 px between the side panels)
  // is still where the scene can be seen: framed for the whole window, the body and its labels lay
  // under the panels. Only a strip too thin to frame anything in gives way to the whole window.
  if (r.z - r.x < std::max(kMinFreeShare * viewport.x, kMinFreePx) || r.w - r.y < std::max(kMinFreeShare * viewport.y, kMinFreePx)) return whole;
  return r;
}

glm::vec4 ndc_rect_of(const glm::vec4& px, glm::vec2 viewport) {
  const glm::vec2 v = glm::max(viewport, glm::vec2(1.0f));
  return {2.0f * px.x / v.x - 1.0f, 1.0f - 2.0f * px.w / v.y, 2.0f * px.z / v.x - 1.0f, 1.0f - 2.0f * px.y / v.y};
}

void look_from_body_direction(OrbitCamera& cam, const glm::dmat4& pelvis_world, const glm::dvec3& from_body) {
  if (glm::length(from_body) < 1e-9) return;
  const glm::vec3 d = glm::normalize(glm::vec3(glm::dmat3(pelvis_world) * glm::normalize(from_body)));
  // OrbitCamera: eye = target + distance * (cos(pitch) sin(yaw), sin(pitch), cos(pitch) cos(yaw)).
  cam.pitch = std::clamp(std::asin(std::clamp(d.y, -1.0f, 1.0f)), -OrbitCamera::kMaxPitch, OrbitCamera::kMaxPitch);
  if (glm::length(glm::vec2(d.x, d.z)) > 1e-6f) cam.yaw = std::atan2(d.x, d.z);
}

}  // namespace hiplab
