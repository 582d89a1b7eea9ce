// texture.h — a 2D RGBA8 texture made from pixels in memory (the UI's font atlas), with the
// sampling chosen by the caller. Needs a current GL context for its whole life.
#pragma once
#include <cstdint>
#include <memory>

namespace hiplab {

enum class TextureFilter { kNearest, kLinear };

class Texture2D {
 public:
  // rgba: width x height pixels, 4 bytes each, rows top to bottom with no padding. nullptr when
  // the size is not positive or rgba is null.
  static std::unique_ptr<Texture2D> create(const std::uint8_t* rgba, int width, int height, TextureFilter filter);
  ~Texture2D();
  Texture2D(const Texture2D&) = delete;
  Texture2D& operator=(const Texture2D&) = delete;
  std::uint32_t id() const { return id_; }  // the GL name, what UiBatch::texture holds

 private:
  Texture2D() = default;
  std::uint32_t id_ = 0;
};

}  // namespace hiplab
