// render_targets.h — [SECTION] render targets: the framebuffers one render draws into, made for a
// size and sample count and made anew only when those change. The multisampled target (colour and
// depth-stencil as multisample textures: the composite pass reads the colour's samples) holds the
// scene's rectangle; the resolved target (RGBA8 holding sRGB-encoded bytes, depth-stencil) is the
// finished image that callers read back, draw a UI over, or copy to the window; the background
// target keeps the floor without its shadow between frames. Internal to the render layer.
#pragma once
#include <optional>

#include "core/result.h"
#include "render/gl.h"
#include "render/image.h"

namespace hiplab {

struct RenderTargets {
  int width = 0, height = 0, samples = 0;
  GLuint msaa_fbo = 0, msaa_color = 0, msaa_depth = 0;
  GLuint resolve_fbo = 0, resolve_color = 0, resolve_depth = 0;
  GLuint background_fbo = 0, background_color = 0;  // the floor without its shadow, kept between frames
  int generation = 0;                                // bumped whenever the targets are made anew

  RenderTargets() = default;
  ~RenderTargets() { destroy(); }
  RenderTargets(const RenderTargets&) = delete;
  RenderTargets& operator=(const RenderTargets&) = delete;

  // Makes the targets for w x h pixels with s samples unless they are made for those already;
  // on failure (out of video memory) none are left.
  Status ensure(int w, int h, int s);
  void destroy();

  // The resolved image (top-left origin rows); empty before the first render.
  Image read_pixels() const;
  // NDC depth (-1..1) of the resolved image at a pixel (top-left origin); empty where only background.
  std::optional<float> read_depth(int x, int y) const;
  // Binds the resolved image as the draw framebuffer, with its viewport.
  void bind_resolved_for_drawing() const;
  // Copies the resolved image to the default framebuffer, which is fb_w x fb_h.
  void present(int fb_w, int fb_h) const;
};

}  // namespace hiplab
