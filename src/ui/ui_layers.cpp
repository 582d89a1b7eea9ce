#include "ui/ui_layers.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <imgui.h>

#include "core/pixel_rects.h"

namespace hiplab::ui {

namespace {

bool same_place(const UiLayer& a, const UiLayer& b) { return a.name == b.name && a.rect == b.rect && a.opaque == b.opaque; }
bool same_layer(const UiLayer& a, const UiLayer& b) { return same_place(a, b) && a.hash == b.hash; }

// The layers of `layers` that overlap `r`, in order.
std::vector<const UiLayer*> overlapping(const std::vector<UiLayer>& layers, const glm::ivec4& r) {
  std::vector<const UiLayer*> out;
  for (const UiLayer& l : layers)
    if (rects_overlap(l.rect, r)) out.push_back(&l);
  return out;
}

bool inside(const glm::ivec4& inner, const glm::ivec4& outer) {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.z <= outer.x + outer.z &&
         inner.y + inner.w <= outer.y + outer.w;
}

// 64-bit hash of raw bytes, eight at a time (FNV-style mixing of words).
struct Hasher {
  std::uint64_t h = 0xcbf29ce484222325ull;
  void add(const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      h = (h ^ w) * 0x100000001b3ull;
      h ^= h >> 29;
    }
    for (; i < n; ++i) h = (h ^ p[i]) * 0x100000001b3ull;
  }
};

}  // namespace

UiPlan plan_ui_layers(const std::vector<UiLayer>& now, const std::vector<UiLayer>& before, bool kept_image) {
  const std::size_t n = now.size();
  UiPlan plan;
  plan.draw.assign(n, true);
  if (!kept_image) return plan;
  std::vector<bool> draw(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    const UiLayer& l = now[i];
    // Unchanged: the same contents, and the same layers overlap it in the same order and places
    // (what changed inside one of them is dealt with below: such a layer is drawn again).
    const std::vector<const UiLayer*> a = overlapping(now, l.rect), b = overlapping(before, l.rect);
    bool changed = a.size() != b.size();
    for (std::size_t k = 0; !changed && k < a.size(); ++k)
      changed = a[k] == &l ? !same_layer(*a[k], *b[k]) : !same_place(*a[k], *b[k]);
    bool based = l.opaque;
    for (std::size_t j = 0; !based && j < i; ++j) based = now[j].opaque && inside(l.rect, now[j].rect);
    draw[i] = changed || !based;
  }
  for (bool moved = true; moved;) {
    moved = false;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < i; ++j) {
        if (!rects_overlap(now[i].rect, now[j].rect)) continue;
        if (draw[j] && !draw[i]) draw[i] = moved = true;                    // covered by a redrawn layer under it
        if (draw[i] && !now[i].opaque && !draw[j]) draw[j] = moved = true;  // blends over this one
      }
  }
  for (std::size_t i = 0; i < n; ++i) {
    plan.draw[i] = draw[i];
    if (!draw[i] && now[i].opaque) plan.kept.push_back(now[i].rect);
  }
  return plan;
}

std::vector<UiLayer> describe_ui_layers(const ImDrawData& data, int fb_w, int fb_h, float white_u, float white_v) {
  std::vector<UiLayer> layers;
  const glm::ivec4 view(0, 0, fb_w, fb_h);
  // Framebuffer pixels: (position - DisplayPos) * FramebufferScale, as UiDraw maps them.
  const float ox = data.DisplayPos.x, oy = data.DisplayPos.y;
  const float sx = data.FramebufferScale.x > 0.0f ? data.FramebufferScale.x : 1.0f;
  const float sy = data.FramebufferScale.y > 0.0f ? data.FramebufferScale.y : 1.0f;
  auto fx = [&](float x) { return (x - ox) * sx; };
  auto fy = [&](float y) { return (y - oy) * sy; };
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    UiLayer layer;
    layer.name = list._OwnerName ? list._OwnerName : "";
    Hasher h;
    h.add(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    h.add(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    int x0 = fb_w, y0 = fb_h, x1 = 0, y1 = 0;
    std::vector<glm::ivec4> covers;
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      h.add(&cmd.ClipRect, sizeof(cmd.ClipRect));
      const ImTextureID tex = cmd.GetTexID();
      h.add(&tex, sizeof(tex));
      h.add(&cmd.VtxOffset, sizeof(cmd.VtxOffset));
      h.add(&cmd.IdxOffset, sizeof(cmd.IdxOffset));
      h.add(&cmd.ElemCount, sizeof(cmd.ElemCount));
      if (cmd.UserCallback) {  // a callback may draw anything anywhere
        x0 = y0 = 0;
        x1 = fb_w;
        y1 = fb_h;
        const void* cb = reinterpret_cast<const void*>(cmd.UserCallback);
        h.add(&cb, sizeof(cb));
        continue;
      }
      // The scissor UiDraw sets for this command lies within these whole pixels.
      const int cx0 = static_cast<int>(std::floor(fx(cmd.ClipRect.x))), cy0 = static_cast<int>(std::floor(fy(cmd.ClipRect.y)));
      const int cx1 = static_cast<int>(std::ceil(fx(cmd.ClipRect.z))), cy1 = static_cast<int>(std::ceil(fy(cmd.ClipRect.w)));
      const glm::ivec4 clip(cx0, cy0, cx1 - cx0, cy1 - cy0);
      // ... and holds all of these (what an opaque rectangle surely covers).
      const int ix0 = static_cast<int>(std::ceil(fx(cmd.ClipRect.x))), iy0 = static_cast<int>(std::ceil(fy(cmd.ClipRect.y)));
      const int ix1 = static_cast<int>(std::floor(fx(cmd.ClipRect.z))), iy1 = static_cast<int>(std::floor(fy(cmd.ClipRect.w)));
      const glm::ivec4 inner_clip(ix0, iy0, ix1 - ix0, iy1 - iy0);
      if (rect_empty(clip) || cmd.ElemCount == 0) continue;
      const ImDrawVert* v = list.VtxBuffer.Data + cmd.VtxOffset;
      const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
      // The triangles' bounds; a triangle with all three corners fully transparent changes no pixel
      // (the outer edges of anti-aliased shapes and invisible grips).
      float bx0 = 1e30f, by0 = 1e30f, bx1 = -1e30f, by1 = -1e30f;
      for (unsigned int i = 0; i + 3 <= cmd.ElemCount; i += 3) {
        const ImDrawVert* t[3] = {&v[idx[i]], &v[idx[i + 1]], &v[idx[i + 2]]};
        if (((t[0]->col | t[1]->col | t[2]->col) & IM_COL32_A_MASK) == 0) continue;
        for (const ImDrawVert* e : t) {
          bx0 = std::min(bx0, fx(e->pos.x));
          by0 = std::min(by0, fy(e->pos.y));
          bx1 = std::max(bx1, fx(e->pos.x));
          by1 = std::max(by1, fy(e->pos.y));
        }
      }
      if (bx1 < bx0) continue;
      // Pixels whose centre can lie inside the triangles' bounds.
      const int px0 = static_cast<int>(std::ceil(bx0 - 0.5f)), py0 = static_cast<int>(std::ceil(by0 - 0.5f));
      const int px1 = static_cast<int>(std::floor(bx1 - 0.5f)) + 1, py1 = static_cast<int>(std::floor(by1 - 0.5f)) + 1;
      const glm::ivec4 touched = rect_intersection(rect_intersection(glm::ivec4(px0, py0, px1 - px0, py1 - py0), clip), view);
      if (rect_empty(touched)) continue;
      x0 = std::min(x0, touched.x);
      y0 = std::min(y0, touched.y);
      x1 = std::max(x1, touched.x + touched.z);
      y1 = std::max(y1, touched.y + touched.w);
      // Opaque plain rectangles (ImDrawList::PrimRect: corners a, b, c, d as triangles a-b-c, a-c-d).
      for (unsigned int i = 0; i + 6 <= cmd.ElemCount; i += 3) {
        const ImDrawIdx a = idx[i], b = idx[i + 1], c = idx[i + 2];
        if (idx[i + 3] != a || idx[i + 4] != c) continue;
        const ImDrawIdx d = idx[i + 5];
        const ImDrawVert* q[4] = {&v[a], &v[b], &v[c], &v[d]};
        bool plain = true;
        for (const ImDrawVert* e : q)
          plain = plain && e->uv.x == white_u && e->uv.y == white_v && e->col == q[0]->col &&
                  (e->col & IM_COL32_A_MASK) == IM_COL32_A_MASK;
        if (!plain) continue;
        const ImVec2 pa = q[0]->pos, pc = q[2]->pos;
        const bool axis = q[1]->pos.x == pc.x && q[1]->pos.y == pa.y && q[3]->pos.x == pa.x && q[3]->pos.y == pc.y;
        if (!axis) continue;
        const float qx0 = fx(std::min(pa.x, pc.x)), qx1 = fx(std::max(pa.x, pc.x));
        const float qy0 = fy(std::min(pa.y, pc.y)), qy1 = fy(std::max(pa.y, pc.y));
        // Pixels whose centre is inside (the top-left fill rule).
        const int rx0 = static_cast<int>(std::ceil(qx0 - 0.5f)), rx1 = static_cast<int>(std::ceil(qx1 - 0.5f));
        const int ry0 = static_cast<int>(std::ceil(qy0 - 0.5f)), ry1 = static_cast<int>(std::ceil(qy1 - 0.5f));
        const glm::ivec4 r = rect_intersection(glm::ivec4(rx0, ry0, rx1 - rx0, ry1 - ry0), inner_clip);
        if (!rect_empty(r)) covers.push_back(r);
        i += 3;
      }
    }
    layer.rect = x1 > x0 && y1 > y0 ? glm::ivec4(x0, y0, x1 - x0, y1 - y0) : glm::ivec4(0);
    layer.hash = h.h;
    layer.opaque = !rect_empty(layer.rect) && uncovered_rects(layer.rect, covers).empty();
    layers.push_back(std::move(layer));
  }
  return layers;
}

}  // namespace hiplab::ui
