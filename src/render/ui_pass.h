// ui_pass.h — draws 2D UI geometry (the panels, already turned into plain triangles by ui/ui_draw.h)
// over the bound framebuffer with OpenGL 3.3, blended, without depth. Knows nothing of Dear ImGui:
// the vertices, indices and batches are plain arrays.
//
// Made for a software renderer: each batch's triangles come in two index ranges, the plain shapes
// (drawn with a shader that reads no texture, so large panel backgrounds cost no texture reads) and
// then the textured ones (text). Drawing the plain shapes of a batch first keeps what shows: a
// widget's frame is drawn before its text.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include <glm/glm.hpp>

namespace hiplab {

// One vertex, laid out as Dear ImGui's ImDrawVert (ui/ui_draw.cpp checks that the two agree, so the
// vertices are copied as they are): position in UI units, texture coordinate, colour as RGBA8
// (red in the lowest byte), not premultiplied.
struct UiVertex {
  float x, y;
  float u, v;
  std::uint32_t rgba;
};

struct UiBatch {
  glm::ivec4 scissor{0};          // x, y, width, height in framebuffer pixels, bottom-left origin
  std::uint32_t texture = 0;      // the text's texture (Texture2D::id()); 0 when there is no text
  std::size_t solid_first = 0, solid_count = 0;  // plain shapes: a range of UiGeometry::indices
  std::size_t text_first = 0, text_count = 0;    // textured triangles: a range of UiGeometry::indices
};

struct UiGeometry {
  std::vector<UiVertex> vertices;
  std::vector<std::uint32_t> indices;  // triangles, into vertices
  std::vector<UiBatch> batches;        // in drawing order
  // The UI coordinates that map onto the whole framebuffer: left, top, width, height.
  glm::vec4 display{0.0f, 0.0f, 1.0f, 1.0f};
};

class UiPass {
 public:
  static std::unique_ptr<UiPass> create();  // needs a current GL context; nullptr if shaders fail
  ~UiPass();
  UiPass(const UiPass&) = delete;
  UiPass& operator=(const UiPass&) = delete;
  // Draws the batches into the bound framebuffer, which is fb_w x fb_h pixels. Leaves blending on
  // and the scissor test off.
  void draw(const UiGeometry& g, int fb_w, int fb_h);

 private:
  UiPass() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Binds the default framebuffer (the window's) again after drawing into another one.
void bind_default_framebuffer();

}  // namespace hiplab
