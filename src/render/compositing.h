// compositing.h — [SECTION] compositing and kept panels. The caller's kept regions
// (DrawList::kept_regions: the UI's unchanged opaque panels, left in the resolved image from the
// last frame) are kept out of every pass: a stencil of 1 marks them in each target, the background
// is copied or cleared only into the rectangles they leave open, and the multisampled rectangle
// shrinks to what they leave visible. The composite pass then lays the multisampled rectangle over
// the background in the resolved image (composite.frag.glsl averages the samples), its depth along
// for the layers drawn after it. Internal to the render layer.
#pragma once
#include <vector>

#include <glm/glm.hpp>

#include "core/result.h"
#include "render/gl.h"
#include "render/gl_program.h"
#include "render/render_targets.h"
#include "scene/draw_list.h"

namespace hiplab {

class KeptRegions {
 public:
  // The list's kept regions (top-left origin) in GL's bottom-left pixels, clipped to the
  // width x height view; none for a plain list (the bench baseline).
  KeptRegions(const DrawList& list, int width, int height);

  bool empty() const { return kept_.empty(); }
  // The view minus the kept regions, as disjoint rectangles (the whole view when none are kept).
  const std::vector<glm::ivec4>& open_rects() const { return open_; }
  // `rect` (GL pixels) shrunk to the bounding box of what the kept regions leave of it; all zero
  // when they cover it, or when it was empty.
  glm::ivec4 visible_part(const glm::ivec4& rect) const;
  // Stencil 1 over the kept regions inside `scissor` (the scissor test on), then the stencil test
  // on, passing where it is 0. Nothing when none are kept.
  void mark(const glm::ivec4& scissor) const;
  // The bound target's depth cleared and its stencil cleared, then marked over the whole view.
  void clear_depth_and_mark() const;

 private:
  glm::ivec4 view_;
  std::vector<glm::ivec4> kept_, open_;
};

class CompositePass {
 public:
  CompositePass() = default;
  ~CompositePass();
  CompositePass(const CompositePass&) = delete;
  CompositePass& operator=(const CompositePass&) = delete;

  Status init();
  // Lays `rect` (GL pixels, not empty) of the multisampled target over the resolved one (blending
  // premultiplied colour), and copies its depth (sample 0) there for the depth tests of the faint
  // layers and the overlays.
  void draw(const RenderTargets& targets, const glm::ivec4& rect);

 private:
  Program program_;
  GLuint empty_vao_ = 0;  // the full-screen strip comes from gl_VertexID
};

}  // namespace hiplab
