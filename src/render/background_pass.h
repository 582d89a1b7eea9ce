// background_pass.h — [SECTION] background and floor: the clear colour and the floor (a disc on a
// 32 x 32 grid, shaded per vertex, fading into the clear colour at its rim, darkened by the
// contact shadow), drawn once per pixel straight into the resolved image: they have no edges that
// multisampling would help. The floor without its shadow changes only with the view, so it is kept
// in the background target and copied in (a plain copy costs a fraction of drawing it); only the
// grid cells the contact shadow can reach (the footprint) are drawn each frame, with the shadow.
// Internal to the render layer.
#pragma once
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "core/result.h"
#include "render/frame.h"
#include "render/gl.h"
#include "render/gl_program.h"
#include "render/render_targets.h"

namespace hiplab {

class BackgroundPass {
 public:
  BackgroundPass() = default;
  ~BackgroundPass();
  BackgroundPass(const BackgroundPass&) = delete;
  BackgroundPass& operator=(const BackgroundPass&) = delete;

  Status init();  // the floor program and grid

  // The floor cells this frame's shadow casters can reach (CPU only).
  void find_footprint(const DrawList& list, const GpuModels& models);
  // The background into the resolved target's `open_rects` (GL pixels; the whole view when the
  // caller keeps nothing): the clear colour, and with `floor` the floor without its shadow (its
  // cached image, drawn again when the view or the floor changed). Leaves the resolved target
  // bound with its viewport, depth test off.
  void draw(const DrawList& list, const FrameView& view, bool floor, const std::vector<glm::ivec4>& open_rects,
            RenderTargets& targets, GLuint shadow_map);
  // The footprint drawn again with the contact shadow, into the bound target.
  void draw_shadowed_footprint(const DrawList& list, const FrameView& view, GLuint shadow_map);

 private:
  // The floor: shadowed with the contact shadow (else strength 0, as the kept background); cells:
  // a subset of the grid's triangles, or all of them when null.
  void draw_floor(const DrawList& list, const glm::mat4& view_proj, bool shadowed, const std::vector<std::uint32_t>* cells,
                  GLuint shadow_map);

  Program program_;
  GLuint vao_ = 0, vbo_ = 0, ebo_ = 0, footprint_ebo_ = 0;
  GLsizei grid_indices_ = 0;
  std::vector<std::uint32_t> footprint_;  // this frame: the floor cells the contact shadow may reach
  // What the cached background was drawn for; drawn again when any of it changes.
  struct CacheKey {
    int generation = -1, width = 0, height = 0;
    glm::mat4 view_proj{0.0f};
    glm::vec4 clear{0.0f}, color{0.0f};
    glm::vec2 centre{0.0f};
    float radius = 0.0f, height_m = 0.0f;
    bool mat = false;
    glm::vec2 mat_centre{0.0f}, mat_axis{0.0f}, mat_half{0.0f};
    glm::vec4 mat_color{0.0f};
    bool operator==(const CacheKey&) const = default;
  } cached_;
};

}  // namespace hiplab
