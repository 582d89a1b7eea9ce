// gl_program.h — GLSL programs built from the embedded shaders/ (shader_sources.h), with cached
// uniform locations, and the uniform setters every pass uses. Internal to the render layer.
#pragma once
#include <map>
#include <string>

#include <glm/glm.hpp>
#include <glm/gtc/type_ptr.hpp>

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

// Sets uniform `n` of `p`, which must be the program in use (glUseProgram). A name the program
// does not have (location -1) is ignored by GL, so one setter serves programs with and without it.
inline void set_uniform(Program& p, const char* n, const glm::mat4& m) { glUniformMatrix4fv(p.loc(n), 1, GL_FALSE, glm::value_ptr(m)); }
inline void set_uniform(Program& p, const char* n, const glm::vec4& v) { glUniform4fv(p.loc(n), 1, glm::value_ptr(v)); }
inline void set_uniform(Program& p, const char* n, const glm::vec3& v) { glUniform3fv(p.loc(n), 1, glm::value_ptr(v)); }
inline void set_uniform(Program& p, const char* n, const glm::vec2& v) { glUniform2fv(p.loc(n), 1, glm::value_ptr(v)); }
inline void set_uniform(Program& p, const char* n, float v) { glUniform1f(p.loc(n), v); }
inline void set_uniform(Program& p, const char* n, int v) { glUniform1i(p.loc(n), v); }
inline void set_uniform(Program& p, const char* n, unsigned v) { glUniform1ui(p.loc(n), v); }

}  // namespace hiplab
