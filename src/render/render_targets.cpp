// render_targets.cpp — [SECTION] render targets: see render_targets.h.
#include "render/render_targets.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace hiplab {

namespace {

// A w x h RGBA8 texture sampled nearest (a target read back or copied pixel for pixel).
void make_color_texture(GLuint tex, int w, int h) {
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
}

std::string size_text(int w, int h) { return std::to_string(w) + "x" + std::to_string(h); }

}  // namespace

void RenderTargets::destroy() {
  glDeleteFramebuffers(1, &msaa_fbo);
  glDeleteFramebuffers(1, &resolve_fbo);
  glDeleteFramebuffers(1, &background_fbo);
  glDeleteTextures(1, &background_color);
  glDeleteTextures(1, &msaa_color);
  glDeleteTextures(1, &msaa_depth);
  glDeleteRenderbuffers(1, &resolve_depth);
  glDeleteTextures(1, &resolve_color);
  width = height = samples = 0;
  msaa_fbo = msaa_color = msaa_depth = 0;
  resolve_fbo = resolve_color = resolve_depth = 0;
  background_fbo = background_color = 0;
  ++generation;
}

Status RenderTargets::ensure(int w, int h, int s) {
  if (w == width && h == height && s == samples && msaa_fbo) return Status(Ok{});
  destroy();
  width = w;
  height = h;
  samples = s;
  glGenFramebuffers(1, &msaa_fbo);
  glGenTextures(1, &msaa_color);
  glGenTextures(1, &msaa_depth);
  glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo);
  // Colour as a multisample texture: the composite pass reads its samples (composite.frag.glsl).
  // (Depth too, so both attachments are made the same way and agree on their sample count.)
  glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, msaa_color);
  glTexImage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, s, GL_RGBA8, w, h, GL_TRUE);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D_MULTISAMPLE, msaa_color, 0);
  glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, msaa_depth);
  // Depth with stencil: the stencil marks the screen regions the caller keeps (DrawList::kept_regions).
  glTexImage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, s, GL_DEPTH24_STENCIL8, w, h, GL_TRUE);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_TEXTURE_2D_MULTISAMPLE, msaa_depth, 0);
  glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, 0);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    destroy();
    return make_error("cannot make a " + size_text(w, h) + " framebuffer with " + std::to_string(s) +
                      " samples (out of video memory?)");
  }
  glGenFramebuffers(1, &resolve_fbo);
  glGenTextures(1, &resolve_color);
  glGenRenderbuffers(1, &resolve_depth);
  glBindFramebuffer(GL_FRAMEBUFFER, resolve_fbo);
  make_color_texture(resolve_color, w, h);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, resolve_color, 0);
  glBindRenderbuffer(GL_RENDERBUFFER, resolve_depth);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, w, h);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, resolve_depth);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    destroy();
    return make_error("cannot make a " + size_text(w, h) + " resolve framebuffer");
  }
  glGenFramebuffers(1, &background_fbo);
  glGenTextures(1, &background_color);
  make_color_texture(background_color, w, h);
  glBindFramebuffer(GL_FRAMEBUFFER, background_fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, background_color, 0);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    destroy();
    return make_error("cannot make a " + size_text(w, h) + " background framebuffer");
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return Status(Ok{});
}

Image RenderTargets::read_pixels() const {
  Image img;
  if (!resolve_fbo) return img;
  img.width = width;
  img.height = height;
  img.rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  // GL's row 0 is the bottom; images have row 0 at the top.
  const std::size_t row = static_cast<std::size_t>(width) * 4;
  std::vector<std::uint8_t> tmp(row);
  for (int y = 0; y < height / 2; ++y) {
    std::uint8_t* a = &img.rgba[static_cast<std::size_t>(y) * row];
    std::uint8_t* b = &img.rgba[static_cast<std::size_t>(height - 1 - y) * row];
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  return img;
}

std::optional<float> RenderTargets::read_depth(int x, int y) const {
  if (!resolve_fbo || x < 0 || y < 0 || x >= width || y >= height) return std::nullopt;
  float depth = 1.0f;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo);
  glReadPixels(x, height - 1 - y, 1, 1, GL_DEPTH_COMPONENT, GL_FLOAT, &depth);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  if (depth >= 1.0f) return std::nullopt;
  return depth * 2.0f - 1.0f;
}

void RenderTargets::bind_resolved_for_drawing() const {
  glBindFramebuffer(GL_FRAMEBUFFER, resolve_fbo);
  glViewport(0, 0, width, height);
  glDisable(GL_FRAMEBUFFER_SRGB);
}

void RenderTargets::present(int fb_w, int fb_h) const {
  if (!resolve_fbo) return;
  glDisable(GL_FRAMEBUFFER_SRGB);  // copy the sRGB-encoded bytes as they are
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  glBlitFramebuffer(0, 0, width, height, 0, 0, fb_w, fb_h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace hiplab
