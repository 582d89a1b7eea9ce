#include "render/gl_program.h"

#include <cstring>
#include <string>

#include "render/shader_sources.h"

namespace hiplab {

const char* find_shader_source(const char* name) {
  for (const ShaderSource* s = kShaderSources; s->name; ++s)
    if (std::strcmp(s->name, name) == 0) return s->text;
  return nullptr;
}

GLint Program::loc(const char* n) {
  auto it = locations.find(n);
  if (it != locations.end()) return it->second;
  const GLint l = glGetUniformLocation(id, n);
  locations[n] = l;
  return l;
}

namespace {
// Expands `#include "other.glsl"` lines (one level, embedded sources only).
Result<std::string> expand(const char* name) {
  const char* text = find_shader_source(name);
  if (!text) return make_error(std::string("shader ") + name + " is missing from the build");
  std::string out;
  const std::string src = text;
  std::size_t pos = 0;
  while (pos < src.size()) {
    std::size_t end = src.find('\n', pos);
    if (end == std::string::npos) end = src.size();
    const std::string line = src.substr(pos, end - pos);
    const std::string directive = "#include \"";
    if (line.rfind(directive, 0) == 0 && line.size() > directive.size() + 1 && line.back() == '"') {
      const std::string inc = line.substr(directive.size(), line.size() - directive.size() - 1);
      const char* inc_text = find_shader_source(inc.c_str());
      if (!inc_text) return make_error(std::string("shader ") + name + " includes " + inc + ", which is missing from the build");
      out += inc_text;
    } else {
      out += line;
    }
    out += '\n';
    pos = end + 1;
  }
  return out;
}

Result<GLuint> compile(GLenum type, const char* name) {
  Result<std::string> source = expand(name);
  if (!source) return source.error();
  const char* text = source.value().c_str();
  GLuint s = glCreateShader(type);
  glShaderSource(s, 1, &text, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[2048] = {};
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    glDeleteShader(s);
    return make_error(std::string("shader ") + name + " does not compile: " + log);
  }
  return s;
}


}  // namespace

Result<Program> link(const char* vs_name, const char* fs_name) {
  Result<GLuint> vs = compile(GL_VERTEX_SHADER, vs_name);
  if (!vs) return vs.error();
  Result<GLuint> fs = compile(GL_FRAGMENT_SHADER, fs_name);
  if (!fs) {
    glDeleteShader(vs.value());
    return fs.error();
  }
  Program p;
  p.id = glCreateProgram();
  glAttachShader(p.id, vs.value());
  glAttachShader(p.id, fs.value());
  glLinkProgram(p.id);
  glDeleteShader(vs.value());
  glDeleteShader(fs.value());
  GLint ok = 0;
  glGetProgramiv(p.id, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[2048] = {};
    glGetProgramInfoLog(p.id, sizeof log, nullptr, log);
    glDeleteProgram(p.id);
    return make_error(std::string("shaders ") + vs_name + " + " + fs_name + " do not link: " + log);
  }
  return p;
}


}  // namespace hiplab
