// picking.h — [SECTION] picking: which draw-list item is under a pixel. The items with a pick id
// (MeshDraw::pick_id) are drawn as ids (R32UI) into a one-pixel scissor of an id target the size
// of the view, depth-tested, at the levels of detail the view shows, so a click picks what is
// seen. Internal to the render layer (Renderer::pick).
#pragma once
#include <cstdint>
#include <vector>

#include "core/result.h"
#include "render/frame.h"
#include "render/gl.h"
#include "render/gl_program.h"

namespace hiplab {

class PickPass {
 public:
  PickPass() = default;
  ~PickPass();
  PickPass(const PickPass&) = delete;
  PickPass& operator=(const PickPass&) = delete;

  Status init();
  // The pick id under pixel (x, y) (top-left origin, inside the view) of `view`, 0 for none.
  std::uint32_t pick(const DrawList& list, GpuModels& models, const FrameView& view, int x, int y);

 private:
  void ensure_target(int width, int height);

  Program program_;
  GLuint fbo_ = 0, color_ = 0, depth_ = 0;
  int width_ = 0, height_ = 0;
  std::vector<int> lods_;
};

}  // namespace hiplab
