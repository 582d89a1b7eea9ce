// overlay_pass.h — draws the draw list's overlays (lines, filled triangles, labels) on top of the
// rendered scene, once per pixel: geometry is projected on the CPU so widths and text sizes are
// exact in pixels, and lines and shape outlines carry a one-pixel fade for anti-aliasing; what lies
// behind the scene is drawn faded (depth-aware), labels always fully on top.
// Text uses a font atlas baked with stb_truetype from DejaVu Sans Bold (Debian fonts-dejavu-core;
// $HIPLAB_FONT overrides); without a font file labels are skipped with one warning.
// Internal to the render layer (Renderer owns one).
#pragma once
#include <memory>

#include <glm/glm.hpp>

#include "core/result.h"
#include "scene/draw_list.h"

namespace hiplab {

class OverlayPass {
 public:
  static Result<std::unique_ptr<OverlayPass>> create();
  ~OverlayPass();
  // Lays the overlays out for a width x height view (CPU only); false when there is nothing to draw.
  bool prepare(const DrawList& list, const glm::mat4& view_proj, int width, int height);
  // Draws what prepare laid out. The current framebuffer has the scene's colour and depth.
  void draw();
  bool has_font() const;

 private:
  OverlayPass() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Width in pixels that `text` takes at `size_px` with the baked font (0 without a font). For layout
// and tests; the renderer lays labels out the same way.
float overlay_text_width(const std::string& text, float size_px);

}  // namespace hiplab
