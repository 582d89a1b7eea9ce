// ui_draw.cpp — see ui_draw.h.
#include "ui/ui_draw.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

#include <imgui.h>

#include "render/texture.h"
#include "render/ui_pass.h"
#include "ui/ui_layers.h"

namespace hiplab::ui {

// The render layer's vertex is ImGui's, so a draw list's vertices are copied as they are.
static_assert(sizeof(UiVertex) == sizeof(ImDrawVert) && offsetof(UiVertex, x) == offsetof(ImDrawVert, pos) &&
              offsetof(UiVertex, u) == offsetof(ImDrawVert, uv) && offsetof(UiVertex, rgba) == offsetof(ImDrawVert, col));
static_assert(std::is_trivially_copyable_v<ImDrawVert> && std::is_trivially_copyable_v<UiVertex>);

struct UiDraw::Impl {
  std::unique_ptr<UiPass> pass;
  std::unique_ptr<Texture2D> font;
  // The atlas before the last upload_fonts: the frame already built names it (the window changes
  // the UI scale between ImGui::Render and drawing), so it lives until that frame is drawn.
  std::unique_ptr<Texture2D> retired_font;
  UiGeometry geometry;
  // Planning (ui/ui_layers.h): the layers last drawn and the image state they were drawn on.
  std::vector<UiLayer> drawn_layers, planned_layers;
  UiPlan plan;
  const ImDrawData* planned_data = nullptr;
  std::uint64_t serial = 0;
  bool has_serial = false;
  int width = 0, height = 0;
  std::size_t last_drawn = 0;
};

std::unique_ptr<UiDraw> UiDraw::create() {
  std::unique_ptr<UiPass> pass = UiPass::create();
  if (!pass) return nullptr;
  std::unique_ptr<UiDraw> d(new UiDraw());
  d->impl_ = std::make_unique<Impl>();
  d->impl_->pass = std::move(pass);
  return d;
}

UiDraw::~UiDraw() = default;

void UiDraw::upload_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  // Draw lists over 64k vertices are drawn through ImDrawCmd::VtxOffset (draw_lists adds it).
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  if (!io.BackendRendererName) io.BackendRendererName = "hiplab_ui_draw";
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  impl_->retired_font = std::move(impl_->font);
  impl_->font = Texture2D::create(pixels, w, h, TextureFilter::kNearest);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(impl_->font ? impl_->font->id() : 0)));
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
  bind_default_framebuffer();
  return drawn;
}

void UiDraw::draw(const ImDrawData* data, int fb_w, int fb_h) {
  draw_lists(data, fb_w, fb_h, nullptr);
  impl_->has_serial = false;  // drawn somewhere else: the next plan starts afresh
}

// Turns the chosen draw lists into the UI pass' plain arrays: per command, its plain shapes and
// then its text as two index ranges, its clip rectangle as a scissor in framebuffer pixels.
void UiDraw::draw_lists(const ImDrawData* data, int fb_w, int fb_h, const std::vector<bool>* which) {
  Impl& m = *impl_;
  m.last_drawn = 0;
  if (!data || fb_w <= 0 || fb_h <= 0 || data->TotalVtxCount == 0) return;
  UiGeometry& g = m.geometry;
  g.vertices.clear();
  g.indices.clear();
  g.batches.clear();
  g.display = glm::vec4(data->DisplayPos.x, data->DisplayPos.y, data->DisplaySize.x, data->DisplaySize.y);
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  auto is_white = [&](const UiVertex& v) { return v.u == white.x && v.v == white.y; };
  const ImVec2 scale = data->FramebufferScale;
  std::vector<std::uint32_t> text_indices;
  for (int n = 0; n < data->CmdListsCount; ++n) {
    if (which && !(*which)[static_cast<std::size_t>(n)]) continue;
    ++m.last_drawn;
    const ImDrawList* list = data->CmdLists[n];
    const std::uint32_t base = static_cast<std::uint32_t>(g.vertices.size());
    g.vertices.resize(base + static_cast<std::size_t>(list->VtxBuffer.Size));
    if (list->VtxBuffer.Size > 0)
      std::memcpy(&g.vertices[base], list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;
      }
      UiBatch b;
      b.texture = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID()));
      b.solid_first = g.indices.size();
      text_indices.clear();
      for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
        std::uint32_t t[3];
        bool solid = true;
        for (int k = 0; k < 3; ++k) {
          t[k] = base + cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i) + k];
          solid = solid && is_white(g.vertices[t[k]]);
        }
        if (solid) g.indices.insert(g.indices.end(), t, t + 3);
        else text_indices.insert(text_indices.end(), t, t + 3);
      }
      b.solid_count = g.indices.size() - b.solid_first;
      b.text_first = g.indices.size();
      g.indices.insert(g.indices.end(), text_indices.begin(), text_indices.end());
      b.text_count = text_indices.size();
      // The clip rectangle in framebuffer pixels (GL's scissor counts rows from the bottom).
      const float x0 = (cmd.ClipRect.x - data->DisplayPos.x) * scale.x, y0 = (cmd.ClipRect.y - data->DisplayPos.y) * scale.y;
      const float x1 = (cmd.ClipRect.z - data->DisplayPos.x) * scale.x, y1 = (cmd.ClipRect.w - data->DisplayPos.y) * scale.y;
      if (x1 <= x0 || y1 <= y0) continue;
      b.scissor = glm::ivec4(static_cast<int>(x0), static_cast<int>(static_cast<float>(fb_h) - y1), static_cast<int>(x1 - x0),
                             static_cast<int>(y1 - y0));
      g.batches.push_back(b);
    }
  }
  m.pass->draw(g, fb_w, fb_h);
  m.retired_font.reset();
}

}  // namespace hiplab::ui
