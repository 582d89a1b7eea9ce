// ui_draw.h — draws Dear ImGui's output through the render layer's UI pass (render/ui_pass.h), in
// place of Dear ImGui's stock OpenGL backend, which the app does not use: this side reads ImGui's
// draw lists and font atlas, render/ does the GL. The difference is made for a software renderer:
// each draw command's triangles are split into plain shapes (all three corners on the atlas' white
// pixel), drawn with a shader that reads no texture, and the textured ones (text), so the large
// panel backgrounds cost no texture reads. Within a command the plain shapes go first: ImGui draws
// a widget's frame before its text, so the order that shows is kept.
//
// Drawn into an image that lasts between frames (the renderer's resolved image), the panels that
// did not change are not drawn again (ui/ui_layers.h): plan() says which screen regions they hold,
// the scene is rendered around them (DrawList::kept_regions), draw_planned() draws the rest.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include <glm/glm.hpp>

#include "core/result.h"
#include "render/renderer.h"

struct ImDrawData;

namespace hiplab::ui {

class UiDraw {
 public:
  static std::unique_ptr<UiDraw> create();  // needs a current GL context; nullptr if shaders fail
  ~UiDraw();
  UiDraw(const UiDraw&) = delete;
  UiDraw& operator=(const UiDraw&) = delete;

  // Makes the current ImGui context's font atlas into a texture (after ui::setup_fonts, and again
  // after each later call of it) and tells ImGui what this renderer can draw. The glyphs are baked
  // one texel per pixel and snapped to whole pixels, so the texture is sampled nearest: the same
  // text as bilinear at a fraction of the cost on a software renderer.
  void upload_fonts();

  // Draws all of it into the bound framebuffer, which is fb_w x fb_h pixels.
  void draw(const ImDrawData* data, int fb_w, int fb_h);

  // For a frame drawn over an image that keeps its pixels between frames. `serial` identifies the
  // image's state before this frame's render (Renderer::serial()): when it is the state this UI
  // was last drawn on, the unchanged opaque panels' rectangles (top-left origin) are returned for
  // the render to leave alone.
  std::vector<glm::ivec4> plan(const ImDrawData* data, int fb_w, int fb_h, std::uint64_t serial);
  // Then, after the render (which reports whether it kept those regions and its new serial), draws
  // what the plan left to draw, or everything when the regions were not kept.
  void draw_planned(const ImDrawData* data, int fb_w, int fb_h, bool kept_intact, std::uint64_t serial_after);
  // Layers drawn by the last draw_planned (for benchmarks and tests).
  std::size_t last_drawn_layers() const;

 private:
  UiDraw() = default;
  void draw_lists(const ImDrawData* data, int fb_w, int fb_h, const std::vector<bool>* which);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One frame of scene and UI into the renderer's resolved image (the window then presents it; the
// bench and tests read it): with keep_unchanged, the UI's unchanged opaque panels stay from the
// last frame and the scene is drawn around them (sets list.kept_regions); the rest of the UI is
// drawn over the scene. Without it, the scene fills the view and every panel is drawn.
Status render_scene_and_ui(Renderer& r, UiDraw& ui, DrawList& list, const OrbitCamera& camera, int width, int height,
                           int msaa, const ImDrawData* data, bool keep_unchanged = true);

}  // namespace hiplab::ui
