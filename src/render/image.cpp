#include "render/image.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include "core/atomic_file.h"

namespace hiplab {

Status write_png(const Image& image, const std::string& path, bool keep_alpha) {
  if (image.width <= 0 || image.height <= 0) return make_error(path + ": nothing to write (empty image)");
  std::string bytes;
  auto sink = [](void* ctx, void* data, int size) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
  };
  int ok = 0;
  if (keep_alpha) {
    ok = stbi_write_png_to_func(sink, &bytes, image.width, image.height, 4, image.rgba.data(), image.width * 4);
  } else {
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 3);
    for (std::size_t i = 0; i < rgb.size() / 3; ++i)
      for (int c = 0; c < 3; ++c) rgb[i * 3 + static_cast<std::size_t>(c)] = image.rgba[i * 4 + static_cast<std::size_t>(c)];
    ok = stbi_write_png_to_func(sink, &bytes, image.width, image.height, 3, rgb.data(), image.width * 3);
  }
  if (!ok) return make_error(path + ": PNG encoding failed");
  return write_file_atomic(path, bytes);
}

Result<Image> read_png(const std::string& path) {
  int w = 0, h = 0, comp = 0;
  unsigned char* data = stbi_load(path.c_str(), &w, &h, &comp, 4);
  if (!data) return make_error(path + ": cannot read image (" + std::string(stbi_failure_reason()) + ")");
  Image img;
  img.width = w;
  img.height = h;
  img.rgba.assign(data, data + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  stbi_image_free(data);
  return img;
}

}  // namespace hiplab
