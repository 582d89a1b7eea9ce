// shader_sources.h — the GLSL files of shaders/, embedded in the binary at build time
// (cmake/embed_shaders.cmake), looked up by file name.
#pragma once

namespace hiplab {

struct ShaderSource {
  const char* name;
  const char* text;
};
extern const ShaderSource kShaderSources[];  // ends with {nullptr, nullptr}

// The text of shaders/<name>, or nullptr.
const char* find_shader_source(const char* name);

}  // namespace hiplab
