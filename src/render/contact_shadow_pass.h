// contact_shadow_pass.h — [SECTION] contact shadow: a closeness map of the shadow casters
// (MeshDraw::casts_shadow) seen from straight above over the floor disc's square, each texel the
// largest closeness to the floor of what lies over it (blended with GL_MAX). The floor reads it,
// blurred by its own taps (floor.vert.glsl) rather than by mipmaps, which on a software renderer
// cost a pass per level. Internal to the render layer.
#pragma once
#include <vector>

#include "core/result.h"
#include "render/gpu_models.h"
#include "render/gl.h"
#include "render/gl_program.h"

namespace hiplab {

constexpr int kShadowSize = 128;  // the map's texels per side

class ContactShadowPass {
 public:
  ContactShadowPass() = default;
  ~ContactShadowPass();
  ContactShadowPass(const ContactShadowPass&) = delete;
  ContactShadowPass& operator=(const ContactShadowPass&) = delete;

  Status init();  // the program, the map and its framebuffer
  // Draws the map for the frame's casters (at their levels of detail as seen from above). Leaves
  // its framebuffer bound, depth test off and blending on (GL_FUNC_ADD).
  void draw(const DrawList& list, GpuModels& models);
  GLuint map() const { return tex_; }  // R8, kShadowSize², linear filtering, clamped

 private:
  Program program_;
  GLuint fbo_ = 0, tex_ = 0;
  std::vector<int> lods_;  // per list item, for the view from above
};

}  // namespace hiplab
