#include "render/gl_context.h"

#include <atomic>
#include <mutex>

#include "core/log.h"
#include "render/gl.h"

namespace hiplab {
namespace {
std::atomic<int> g_errors{0};
std::mutex g_last_mutex;
std::string g_last;

void record_error(const std::string& what) {
  ++g_errors;
  {
    std::lock_guard<std::mutex> lock(g_last_mutex);
    g_last = what;
  }
  log_error("OpenGL: " + what);
}

void GLAD_API_PTR on_debug_message(GLenum, GLenum type, GLuint, GLenum severity, GLsizei, const GLchar* message,
                               const void*) {
  if (type == GL_DEBUG_TYPE_ERROR) {
    record_error(message);
  } else if (severity == GL_DEBUG_SEVERITY_HIGH) {
    log_warning(std::string("OpenGL: ") + message);
  }
}
}  // namespace

Status load_gl(GlProcLoader loader) {
  const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(loader));
  if (version == 0) return make_error("could not load OpenGL functions for the current context");
  const int major = GLAD_VERSION_MAJOR(version), minor = GLAD_VERSION_MINOR(version);
  if (major < 3 || (major == 3 && minor < 3))
    return make_error("OpenGL " + std::to_string(major) + "." + std::to_string(minor) +
                      " found; HipLab needs OpenGL 3.3 core");
  return Status(Ok{});
}

void enable_gl_debug_output() {
  if (!GLAD_GL_KHR_debug) return;
  glEnable(GL_DEBUG_OUTPUT);
  glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
  glDebugMessageCallback(on_debug_message, nullptr);
}

int gl_error_count() {
  for (GLenum e = glGetError(); e != GL_NO_ERROR; e = glGetError()) record_error("glGetError " + std::to_string(e));
  return g_errors.load();
}

std::string gl_last_error() {
  std::lock_guard<std::mutex> lock(g_last_mutex);
  return g_last;
}

void finish_gl_work() { glFinish(); }

std::string gl_description() {
  auto str = [](GLenum e) {
    const auto* s = reinterpret_cast<const char*>(glGetString(e));
    return std::string(s ? s : "?");
  };
  return "OpenGL " + str(GL_VERSION) + " - " + str(GL_RENDERER);
}

}  // namespace hiplab
