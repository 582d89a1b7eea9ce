// ui_pass.cpp — see ui_pass.h.
#include "render/ui_pass.h"

#include <string>

#include "core/log.h"
#include "render/gl.h"
#include "render/gl_program.h"

namespace hiplab {

struct UiPass::Impl {
  Program solid, text;
  GLuint vao = 0, vbo = 0, ebo = 0;
};

std::unique_ptr<UiPass> UiPass::create() {
  auto solid = link("ui.vert.glsl", "ui_solid.frag.glsl");
  auto text = link("ui.vert.glsl", "ui_text.frag.glsl");
  if (!solid || !text) {
    log_warning(std::string("UI shaders: ") + (!solid ? solid.error().message : text.error().message));
    return nullptr;
  }
  std::unique_ptr<UiPass> p(new UiPass());
  p->impl_ = std::make_unique<Impl>();
  Impl& m = *p->impl_;
  m.solid = solid.value();
  m.text = text.value();
  glGenVertexArrays(1, &m.vao);
  glGenBuffers(1, &m.vbo);
  glGenBuffers(1, &m.ebo);
  glBindVertexArray(m.vao);
  glBindBuffer(GL_ARRAY_BUFFER, m.vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m.ebo);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(UiVertex), reinterpret_cast<void*>(offsetof(UiVertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(UiVertex), reinterpret_cast<void*>(offsetof(UiVertex, u)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(UiVertex), reinterpret_cast<void*>(offsetof(UiVertex, rgba)));
  glBindVertexArray(0);
  return p;
}

UiPass::~UiPass() {
  if (!impl_) return;
  glDeleteProgram(impl_->solid.id);
  glDeleteProgram(impl_->text.id);
  glDeleteVertexArrays(1, &impl_->vao);
  glDeleteBuffers(1, &impl_->vbo);
  glDeleteBuffers(1, &impl_->ebo);
}

void UiPass::draw(const UiGeometry& g, int fb_w, int fb_h) {
  if (g.batches.empty() || fb_w <= 0 || fb_h <= 0) return;
  Impl& m = *impl_;
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_FRAMEBUFFER_SRGB);
  glEnable(GL_SCISSOR_TEST);
  glViewport(0, 0, fb_w, fb_h);
  const float l = g.display.x, r = g.display.x + g.display.z;
  const float t = g.display.y, btm = g.display.y + g.display.w;
  const float ortho[16] = {2.0f / (r - l), 0, 0, 0, 0, 2.0f / (t - btm), 0, 0, 0, 0, -1, 0,
                           (r + l) / (l - r), (t + btm) / (btm - t), 0, 1};
  for (Program* p : {&m.solid, &m.text}) {
    glUseProgram(p->id);
    glUniformMatrix4fv(p->loc("u_projection"), 1, GL_FALSE, ortho);
  }
  glUniform1i(m.text.loc("u_texture"), 0);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(m.vao);
  glBindBuffer(GL_ARRAY_BUFFER, m.vbo);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.vertices.size() * sizeof(UiVertex)), g.vertices.data(), GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.indices.size() * sizeof(std::uint32_t)), g.indices.data(),
               GL_STREAM_DRAW);
  GLuint current = 0;
  for (const UiBatch& b : g.batches) {
    glScissor(b.scissor.x, b.scissor.y, b.scissor.z, b.scissor.w);
    if (b.solid_count > 0) {
      if (current != m.solid.id) glUseProgram(current = m.solid.id);
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(b.solid_count), GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(b.solid_first * sizeof(std::uint32_t)));
    }
    if (b.text_count > 0) {
      if (current != m.text.id) glUseProgram(current = m.text.id);
      glBindTexture(GL_TEXTURE_2D, b.texture);
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(b.text_count), GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(b.text_first * sizeof(std::uint32_t)));
    }
  }
  glDisable(GL_SCISSOR_TEST);
  glBindVertexArray(0);
}

void bind_default_framebuffer() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

}  // namespace hiplab
