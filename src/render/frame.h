// frame.h — [SECTION] frame: what the passes of one render share: the view's matrices for a
// width x height image, and the frame itself (the draw list, the GPU models it draws from, the
// levels of detail chosen for the view). Built once at the top of Renderer::render (and FrameView for a pick) and passed
// down, so each pass reads the same numbers. Internal to the render layer.
#pragma once
#include <vector>

#include <glm/glm.hpp>

#include "render/gpu_models.h"
#include "scene/camera.h"
#include "scene/draw_list.h"

namespace hiplab {

struct FrameView {
  int width = 0, height = 0;
  glm::mat4 proj{1.0f}, view_proj{1.0f};
  glm::vec3 eye{0.0f};
  glm::vec3 target{0.0f};     // what the camera looks at (the framed pelvis and legs; MeshDraw::fade_joints)
  float px_per_unit = 0.0f;  // pixels one world unit spans at depth 1 (GpuModels::choose_lods)
  bool mirrored = false;      // the projection swaps left and right: front faces wind clockwise

  static FrameView of(const OrbitCamera& camera, int width, int height) {
    FrameView v;
    v.width = width;
    v.height = height;
    const float aspect = static_cast<float>(width) / static_cast<float>(height);
    v.proj = camera.projection(aspect);
    v.view_proj = v.proj * camera.view();
    v.eye = camera.eye();
    v.target = camera.target;
    v.mirrored = camera.mirrored;
    v.px_per_unit = v.proj[1][1] * 0.5f * static_cast<float>(height);
    return v;
  }
};

struct Frame {
  const DrawList& list;
  const FrameView& view;
  GpuModels& models;
  const std::vector<int>& lods;  // per list item: its level of detail for `view`
};

}  // namespace hiplab
