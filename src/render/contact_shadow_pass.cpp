// contact_shadow_pass.cpp — [SECTION] contact shadow: see contact_shadow_pass.h.
#include "render/contact_shadow_pass.h"

#include <algorithm>

namespace hiplab {

ContactShadowPass::~ContactShadowPass() {
  glDeleteProgram(program_.id);
  glDeleteFramebuffers(1, &fbo_);
  glDeleteTextures(1, &tex_);
}

Status ContactShadowPass::init() {
  auto shadow = link("mesh.vert.glsl", "shadow.frag.glsl");
  if (!shadow) return shadow.error();
  program_ = shadow.value();
  glGenTextures(1, &tex_);
  glBindTexture(GL_TEXTURE_2D, tex_);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, kShadowSize, kShadowSize, 0, GL_RED, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glGenFramebuffers(1, &fbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex_, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return Status(Ok{});
}

void ContactShadowPass::draw(const DrawList& list, GpuModels& models) {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glViewport(0, 0, kShadowSize, kShadowSize);
  glFrontFace(GL_CCW);  // its own top-down view is never mirrored (the scene pass may have flipped it)
  glDisable(GL_FRAMEBUFFER_SRGB);
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_BLEND);
  glBlendEquation(GL_MAX);
  const float r = list.floor.radius;
  const glm::vec3 c(list.floor.centre.x, 0.0f, list.floor.centre.y);
  // World (x, z) → clip (x, y) over the square [c - r, c + r]; depth unused.
  glm::mat4 top(0.0f);
  top[0][0] = 1.0f / r;
  top[2][1] = 1.0f / r;
  top[3][0] = -c.x / r;
  top[3][1] = -c.z / r;
  top[3][3] = 1.0f;
  models.choose_lods(list, top, 0.5f * kShadowSize, lods_);
  GpuModels::use_program(program_, top);
  set_uniform(program_, "u_floor_height", list.floor.height);
  set_uniform(program_, "u_reach", std::max(list.floor.shadow_reach, 1e-3f));
  for (std::size_t i = 0; i < list.meshes.size(); ++i) {
    const MeshDraw& d = list.meshes[i];
    if (!d.casts_shadow) continue;
    if (d.cull_back) glEnable(GL_CULL_FACE);
    else glDisable(GL_CULL_FACE);
    models.draw_geometry(program_, list, d, lods_[i]);
  }
  glBlendEquation(GL_FUNC_ADD);
  glDisable(GL_CULL_FACE);
}

}  // namespace hiplab
