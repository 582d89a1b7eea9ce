// image.h — RGBA8 images read back from the renderer, and PNG files written atomically.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace hiplab {

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // sRGB-encoded, row 0 at the top
  const std::uint8_t* pixel(int x, int y) const {
    return &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4];
  }
};

// Writes an 8-bit RGBA PNG (alpha kept only when `keep_alpha`), via a temp file + rename.
Status write_png(const Image& image, const std::string& path, bool keep_alpha = false);
Result<Image> read_png(const std::string& path);

}  // namespace hiplab
