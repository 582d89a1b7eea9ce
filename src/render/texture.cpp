// texture.cpp — see texture.h.
#include "render/texture.h"

#include "render/gl.h"

namespace hiplab {

std::unique_ptr<Texture2D> Texture2D::create(const std::uint8_t* rgba, int width, int height, TextureFilter filter) {
  if (!rgba || width <= 0 || height <= 0) return nullptr;
  std::unique_ptr<Texture2D> t(new Texture2D());
  GLint last = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
  GLuint id = 0;
  glGenTextures(1, &id);
  t->id_ = id;
  const GLint f = filter == TextureFilter::kNearest ? GL_NEAREST : GL_LINEAR;
  glBindTexture(GL_TEXTURE_2D, id);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, f);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, f);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
  return t;
}

Texture2D::~Texture2D() {
  const GLuint id = id_;
  if (id) glDeleteTextures(1, &id);
}

}  // namespace hiplab
