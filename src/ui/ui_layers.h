// ui_layers.h — which of the UI's draw lists must be drawn again this frame, and which screen
// regions still hold last frame's pixels of an unchanged opaque panel. On a software renderer the
// panels cost as much as a large part of the model; a panel that has not changed since the last
// frame is left in the resolved image (the renderer keeps the scene out of it:
// DrawList::kept_regions) and is not drawn again.
//
// A layer is one ImDrawList (a window, a child window, a tooltip, ...), in drawing order. It is
// opaque when its own opaque axis-aligned rectangles (window and title backgrounds) cover every
// pixel it can touch: then its pixels do not depend on what lies under it. The rules (applied until
// nothing changes):
//  - a layer is drawn when it changed: its contents or rectangle, or any layer that overlaps it
//    (one appeared, went, moved or changed order), or the image was not kept;
//  - a see-through layer is drawn unless it lies inside an opaque layer under it;
//  - a layer over a drawn layer that it overlaps is drawn (the one under has covered it);
//  - under a drawn see-through layer, every layer it overlaps is drawn (it blends over them).
// The kept regions are the rectangles of the opaque layers that are not drawn.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

struct ImDrawData;
struct ImDrawList;

namespace hiplab::ui {

struct UiLayer {
  std::string name;        // the owning window's name (ImDrawList::_OwnerName), may be empty
  std::uint64_t hash = 0;  // vertices, indices and commands
  glm::ivec4 rect{0};      // every pixel it can touch: x, y, width, height; top-left origin
  bool opaque = false;     // its opaque rectangles cover all of rect
};

struct UiPlan {
  std::vector<bool> draw;              // per layer of the new frame
  std::vector<glm::ivec4> kept;        // rectangles (top-left origin) of the opaque layers not drawn
};

// `before`: the layers as they were drawn last frame; `kept_image`: whether the image still holds
// exactly what was drawn then (no other render, same size).
UiPlan plan_ui_layers(const std::vector<UiLayer>& now, const std::vector<UiLayer>& before, bool kept_image);

// The layers of a frame of Dear ImGui output for a fb_w x fb_h framebuffer (positions mapped by
// DisplayPos and FramebufferScale, as UiDraw draws them).
// `white` is the font atlas' white-pixel uv (plain shapes).
std::vector<UiLayer> describe_ui_layers(const ImDrawData& data, int fb_w, int fb_h, float white_u, float white_v);

}  // namespace hiplab::ui
