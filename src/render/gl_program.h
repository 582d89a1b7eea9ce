// gl_program.h — GLSL programs built from the embedded shaders/ (shader_sources.h), with cached
// uniform locations. Internal to the render layer.
#pragma once
#include <map>
#include <string>

#include "core/result.h"
#include "render/gl.h"

namespace hiplab {

struct Program {
  GLuint id = 0;
  std::map<std::string, GLint> locations;
  GLint loc(const char* n);
};

// Compiles and links shaders/<vs_name> + shaders/<fs_name>; the error quotes the GL info log.
Result<Program> link(const char* vs_name, const char* fs_name);

}  // namespace hiplab
