// ui_draw.h — draws Dear ImGui's output with OpenGL 3.3 (in place of the stock backend's draw call;
// the stock backend still makes the font texture). The difference is made for a software
// renderer: each draw command's triangles are split into plain shapes (all three corners on the
// atlas' white pixel) drawn with a shader that reads no texture, then the textured ones (text),
// so the large panel backgrounds cost no texture reads. Within a command the plain shapes go
// first: ImGui draws a widget's frame before its text, so the order that shows is kept.
#pragma once
#include <memory>

struct ImDrawData;

namespace hiplab::app {

class UiDraw {
 public:
  static std::unique_ptr<UiDraw> create();  // needs a current GL context; nullptr if shaders fail
  ~UiDraw();
  UiDraw(const UiDraw&) = delete;
  UiDraw& operator=(const UiDraw&) = delete;
  // Draws into the bound framebuffer, which is fb_w x fb_h pixels.
  void draw(const ImDrawData* data, int fb_w, int fb_h);

 private:
  UiDraw() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hiplab::app
