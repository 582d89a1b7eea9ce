// picking.cpp — [SECTION] picking: see picking.h.
#include "render/picking.h"

namespace hiplab {

PickPass::~PickPass() {
  glDeleteProgram(program_.id);
  glDeleteFramebuffers(1, &fbo_);
  glDeleteRenderbuffers(1, &color_);
  glDeleteRenderbuffers(1, &depth_);
}

Status PickPass::init() {
  auto pick = link("mesh.vert.glsl", "pick.frag.glsl");
  if (!pick) return pick.error();
  program_ = pick.value();
  return Status(Ok{});
}

void PickPass::ensure_target(int width, int height) {
  if (width_ == width && height_ == height && fbo_) return;
  glDeleteFramebuffers(1, &fbo_);
  glDeleteRenderbuffers(1, &color_);
  glDeleteRenderbuffers(1, &depth_);
  glGenFramebuffers(1, &fbo_);
  glGenRenderbuffers(1, &color_);
  glGenRenderbuffers(1, &depth_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glBindRenderbuffer(GL_RENDERBUFFER, color_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_R32UI, width, height);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
  glBindRenderbuffer(GL_RENDERBUFFER, depth_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, width, height);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth_);
  width_ = width;
  height_ = height;
}

std::uint32_t PickPass::pick(const DrawList& list, GpuModels& models, const FrameView& view, int x, int y) {
  ensure_target(view.width, view.height);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glViewport(0, 0, view.width, view.height);
  glEnable(GL_SCISSOR_TEST);
  const int gl_y = view.height - 1 - y;
  glScissor(x, gl_y, 1, 1);
  const GLuint zero[4] = {0, 0, 0, 0};
  glClearBufferuiv(GL_COLOR, 0, zero);
  glClear(GL_DEPTH_BUFFER_BIT);
  glDisable(GL_BLEND);
  glDisable(GL_FRAMEBUFFER_SRGB);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glDepthMask(GL_TRUE);
  GpuModels::use_program(program_, view.view_proj);
  models.upload_dynamic(list);
  models.choose_lods(list, view.view_proj, view.px_per_unit, lods_);
  const GLint id_loc = program_.loc("u_id");
  for (std::size_t i = 0; i < list.meshes.size(); ++i) {
    const MeshDraw& d = list.meshes[i];
    if (d.pick_id == 0) continue;
    glUniform1ui(id_loc, d.pick_id);
    models.draw_geometry(program_, list, d, lods_[i]);
  }
  GLuint id = 0;
  glReadPixels(x, gl_y, 1, 1, GL_RED_INTEGER, GL_UNSIGNED_INT, &id);
  glDisable(GL_SCISSOR_TEST);
  glBindVertexArray(0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return id;
}

}  // namespace hiplab
