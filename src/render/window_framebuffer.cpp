// window_framebuffer.cpp — see window_framebuffer.h.
#include "render/window_framebuffer.h"

#include <algorithm>

#include "render/gl.h"

namespace hiplab {

Image read_window_pixels(int width, int height) {
  Image img;
  img.width = width;
  img.height = height;
  img.rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
  return flip_rows(img);
}

void clear_window(int width, int height, glm::vec4 colour) {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, width, height);
  glClearColor(colour.r, colour.g, colour.b, colour.a);
  glClear(GL_COLOR_BUFFER_BIT);
}

Image flip_rows(const Image& image) {
  Image flipped = image;
  const std::size_t row = static_cast<std::size_t>(image.width) * 4;
  for (int y = 0; y < image.height; ++y)
    std::copy_n(&image.rgba[static_cast<std::size_t>(image.height - 1 - y) * row], row,
                &flipped.rgba[static_cast<std::size_t>(y) * row]);
  return flipped;
}

}  // namespace hiplab
