// Tests src/render/window_framebuffer.h's row order: GL reads the bottom row first, an image keeps
// its top row first, so flip_rows puts row y at height - 1 - y and leaves each row's pixels as
// they were. (Reading a window's back buffer needs a window: the window_smoke test covers it.)
#include <doctest/doctest.h>

#include "render/window_framebuffer.h"

using namespace hiplab;

TEST_CASE("Window readback: flip_rows turns the image upside down, rows intact") {
  Image img;
  img.width = 2;
  img.height = 3;
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 2; ++x)
      for (int c = 0; c < 4; ++c) img.rgba.push_back(static_cast<std::uint8_t>(100 * y + 10 * x + c));
  const Image f = flip_rows(img);
  CHECK(f.width == 2);
  CHECK(f.height == 3);
  REQUIRE(f.rgba.size() == img.rgba.size());
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 2; ++x)
      for (int c = 0; c < 4; ++c) CHECK(f.pixel(x, y)[c] == img.pixel(x, 2 - y)[c]);
  CHECK(f.pixel(1, 0)[2] == 200 + 10 + 2);
  CHECK(flip_rows(f).rgba == img.rgba);
}
