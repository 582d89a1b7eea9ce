#include "app/ui_draw.h"

#include <cstddef>
#include <cstdint>
#include <vector>

#include <imgui.h>

#include "app/ui_layers.h"
#include "core/log.h"
#include "render/gl.h"
#include "render/gl_program.h"

namespace hiplab::app {

struct UiDraw::Impl {
  Program solid, text;
  GLuint vao = 0, vbo = 0, ebo = 0;
  std::vector<ImDrawVert> vertices;
  std::vector<std::uint32_t> indices;
  struct Batch {
    ImVec4 clip;
    ImTextureID texture;
    std::size_t solid_first, solid_count, text_first, text_count;
  };
  std::vector<Batch> batches;
  // Planning (app/ui_layers.h): the layers last drawn and the image state they were drawn on.
  std::vector<UiLayer> drawn_layers, planned_layers;
  UiPlan plan;
  const ImDrawData* planned_data = nullptr;
  std::uint64_t serial = 0;
  bool has_serial = false;
  int width = 0, height = 0;
  std::size_t last_drawn = 0;
};

std::unique_ptr<UiDraw> UiDraw::create() {
  std::unique_ptr<UiDraw> d(new UiDraw());
  d->impl_ = std::make_unique<Impl>();
  Impl& m = *d->impl_;
  auto solid = link("ui.vert.glsl", "ui_solid.frag.glsl");
  auto text = link("ui.vert.glsl", "ui_text.frag.glsl");
  if (!solid || !text) {
    log_warning(std::string("UI shaders: ") + (!solid ? solid.error().message : text.error().message));
    return nullptr;
  }
  m.solid = solid.value();
  m.text = text.value();
  glGenVertexArrays(1, &m.vao);
  glGenBuffers(1, &m.vbo);
  glGenBuffers(1, &m.ebo);
  glBindVertexArray(m.vao);
  glBindBuffer(GL_ARRAY_BUFFER, m.vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m.ebo);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);
  return d;
}

UiDraw::~UiDraw() {
  if (!impl_) return;
  glDeleteProgram(impl_->solid.id);
  glDeleteProgram(impl_->text.id);
  glDeleteVertexArrays(1, &impl_->vao);
  glDeleteBuffers(1, &impl_->vbo);
  glDeleteBuffers(1, &impl_->ebo);
}

std::vector<glm::ivec4> UiDraw::plan(const ImDrawData* data, int fb_w, int fb_h, std::uint64_t serial) {
  Impl& m = *impl_;
  m.planned_data = nullptr;
  if (!data || fb_w <= 0 || fb_h <= 0) return {};
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  m.planned_layers = describe_ui_layers(*data, fb_w, fb_h, white.x, white.y);
  const bool kept = m.has_serial && m.serial == serial && m.width == fb_w && m.height == fb_h;
  m.plan = plan_ui_layers(m.planned_layers, m.drawn_layers, kept);
  m.planned_data = data;
  return m.plan.kept;
}

void UiDraw::draw_planned(const ImDrawData* data, int fb_w, int fb_h, bool kept_intact, std::uint64_t serial_after) {
  Impl& m = *impl_;
  const bool planned = data && m.planned_data == data && m.plan.draw.size() == static_cast<std::size_t>(data->CmdListsCount);
  if (planned && kept_intact) {
    draw_lists(data, fb_w, fb_h, &m.plan.draw);
    m.drawn_layers = std::move(m.planned_layers);
  } else {
    draw_lists(data, fb_w, fb_h, nullptr);
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    m.drawn_layers = data ? describe_ui_layers(*data, fb_w, fb_h, white.x, white.y) : std::vector<UiLayer>{};
  }
  m.planned_data = nullptr;
  m.serial = serial_after;
  m.has_serial = true;
  m.width = fb_w;
  m.height = fb_h;
}

std::size_t UiDraw::last_drawn_layers() const { return impl_->last_drawn; }

Status render_scene_and_ui(Renderer& r, UiDraw& ui, DrawList& list, const OrbitCamera& camera, int width, int height,
                           int msaa, const ImDrawData* data, bool keep_unchanged) {
  list.kept_regions.clear();
  if (keep_unchanged) list.kept_regions = ui.plan(data, width, height, r.serial());
  Status drawn = r.render(list, camera, width, height, msaa);
  if (!drawn) return drawn;
  r.bind_resolved_for_drawing();
  if (keep_unchanged) ui.draw_planned(data, width, height, r.kept_intact(), r.serial());
  else ui.draw(data, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return drawn;
}

void UiDraw::draw(const ImDrawData* data, int fb_w, int fb_h) {
  draw_lists(data, fb_w, fb_h, nullptr);
  impl_->has_serial = false;  // drawn somewhere else: the next plan starts afresh
}

void UiDraw::draw_lists(const ImDrawData* data, int fb_w, int fb_h, const std::vector<bool>* which) {
  Impl& m = *impl_;
  m.last_drawn = 0;
  if (!data || fb_w <= 0 || fb_h <= 0 || data->TotalVtxCount == 0) return;
  m.vertices.clear();
  m.indices.clear();
  m.batches.clear();
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  auto is_white = [&](const ImDrawVert& v) { return v.uv.x == white.x && v.uv.y == white.y; };
  std::vector<std::uint32_t> text_indices;
  for (int n = 0; n < data->CmdListsCount; ++n) {
    if (which && !(*which)[static_cast<std::size_t>(n)]) continue;
    ++m.last_drawn;
    const ImDrawList* list = data->CmdLists[n];
    const std::uint32_t base = static_cast<std::uint32_t>(m.vertices.size());
    m.vertices.insert(m.vertices.end(), list->VtxBuffer.begin(), list->VtxBuffer.end());
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;
      }
      Impl::Batch b{cmd.ClipRect, cmd.GetTexID(), m.indices.size(), 0, 0, 0};
      text_indices.clear();
      for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
        std::uint32_t t[3];
        bool solid = true;
        for (int k = 0; k < 3; ++k) {
          t[k] = base + cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i) + k];
          solid = solid && is_white(m.vertices[t[k]]);
        }
        if (solid) m.indices.insert(m.indices.end(), t, t + 3);
        else text_indices.insert(text_indices.end(), t, t + 3);
      }
      b.solid_count = m.indices.size() - b.solid_first;
      b.text_first = m.indices.size();
      m.indices.insert(m.indices.end(), text_indices.begin(), text_indices.end());
      b.text_count = text_indices.size();
      m.batches.push_back(b);
    }
  }

  if (m.batches.empty()) return;
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_FRAMEBUFFER_SRGB);
  glEnable(GL_SCISSOR_TEST);
  glViewport(0, 0, fb_w, fb_h);
  const float l = data->DisplayPos.x, r = data->DisplayPos.x + data->DisplaySize.x;
  const float t = data->DisplayPos.y, btm = data->DisplayPos.y + data->DisplaySize.y;
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
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(m.vertices.size() * sizeof(ImDrawVert)), m.vertices.data(), GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(m.indices.size() * sizeof(std::uint32_t)), m.indices.data(),
               GL_STREAM_DRAW);
  const ImVec2 scale = data->FramebufferScale;
  GLuint current = 0;
  for (const Impl::Batch& b : m.batches) {
    const float x0 = (b.clip.x - data->DisplayPos.x) * scale.x, y0 = (b.clip.y - data->DisplayPos.y) * scale.y;
    const float x1 = (b.clip.z - data->DisplayPos.x) * scale.x, y1 = (b.clip.w - data->DisplayPos.y) * scale.y;
    if (x1 <= x0 || y1 <= y0) continue;
    glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(fb_h) - y1), static_cast<GLsizei>(x1 - x0),
              static_cast<GLsizei>(y1 - y0));
    if (b.solid_count > 0) {
      if (current != m.solid.id) glUseProgram(current = m.solid.id);
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(b.solid_count), GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(b.solid_first * sizeof(std::uint32_t)));
    }
    if (b.text_count > 0) {
      if (current != m.text.id) glUseProgram(current = m.text.id);
      glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(b.texture)));
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(b.text_count), GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(b.text_first * sizeof(std::uint32_t)));
    }
  }
  glDisable(GL_SCISSOR_TEST);
  glBindVertexArray(0);
}

}  // namespace hiplab::app
