// compositing.cpp — [SECTION] compositing and kept panels: see compositing.h.
#include "render/compositing.h"

#include <algorithm>

#include "core/pixel_rects.h"

namespace hiplab {

KeptRegions::KeptRegions(const DrawList& list, int width, int height) : view_(0, 0, width, height) {
  if (!list.plain)
    for (const glm::ivec4& k : list.kept_regions) {
      const glm::ivec4 r = rect_intersection(view_, glm::ivec4(k.x, height - (k.y + k.w), k.z, k.w));
      if (!rect_empty(r)) kept_.push_back(r);
    }
  open_ = uncovered_rects(view_, kept_);
}

glm::ivec4 KeptRegions::visible_part(const glm::ivec4& rect) const {
  if (rect_empty(rect)) return glm::ivec4(0);
  if (kept_.empty()) return rect;
  int x0 = view_.z, y0 = view_.w, x1 = 0, y1 = 0;
  for (const glm::ivec4& u : uncovered_rects(rect, kept_)) {
    x0 = std::min(x0, u.x);
    y0 = std::min(y0, u.y);
    x1 = std::max(x1, u.x + u.z);
    y1 = std::max(y1, u.y + u.w);
  }
  return x1 > x0 && y1 > y0 ? glm::ivec4(x0, y0, x1 - x0, y1 - y0) : glm::ivec4(0);
}

void KeptRegions::mark(const glm::ivec4& scissor) const {
  if (kept_.empty()) return;
  glClearStencil(1);
  for (const glm::ivec4& k : kept_) {
    const glm::ivec4 r = rect_intersection(scissor, k);
    if (rect_empty(r)) continue;
    glScissor(r.x, r.y, r.z, r.w);
    glClear(GL_STENCIL_BUFFER_BIT);
  }
  glClearStencil(0);
  glScissor(scissor.x, scissor.y, scissor.z, scissor.w);
  glEnable(GL_STENCIL_TEST);
  glStencilFunc(GL_EQUAL, 0, 0xFF);
  glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
}

void KeptRegions::clear_depth_and_mark() const {
  glDepthMask(GL_TRUE);
  glClearDepth(1.0);
  glClearStencil(0);
  glClear(GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  glEnable(GL_SCISSOR_TEST);
  mark(view_);
  glDisable(GL_SCISSOR_TEST);
}

CompositePass::~CompositePass() {
  glDeleteProgram(program_.id);
  glDeleteVertexArrays(1, &empty_vao_);
}

Status CompositePass::init() {
  auto composite = link("composite.vert.glsl", "composite.frag.glsl");
  if (!composite) return composite.error();
  program_ = composite.value();
  glGenVertexArrays(1, &empty_vao_);
  return Status(Ok{});
}

void CompositePass::draw(const RenderTargets& targets, const glm::ivec4& rect) {
  glEnable(GL_SCISSOR_TEST);
  glScissor(rect.x, rect.y, rect.z, rect.w);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glUseProgram(program_.id);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, targets.msaa_color);
  set_uniform(program_, "u_scene", 0);
  set_uniform(program_, "u_samples", targets.samples);
  glBindVertexArray(empty_vao_);
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, 0);
  glDisable(GL_SCISSOR_TEST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, targets.msaa_fbo);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, targets.resolve_fbo);
  const int x1 = rect.x + rect.z, y1 = rect.y + rect.w;
  glBlitFramebuffer(rect.x, rect.y, x1, y1, rect.x, rect.y, x1, y1, GL_DEPTH_BUFFER_BIT, GL_NEAREST);
}

}  // namespace hiplab
