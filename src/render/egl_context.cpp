#include "render/egl_context.h"

#include <cstring>
#include <vector>

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include "render/gl_context.h"

namespace hiplab {
namespace {

bool has_extension(const char* list, const char* name) {
  if (!list) return false;
  const std::size_t n = std::strlen(name);
  for (const char* p = std::strstr(list, name); p; p = std::strstr(p + 1, name))
    if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
  return false;
}

std::string egl_error_text(EGLint e) {
  switch (e) {
    case EGL_NOT_INITIALIZED: return "EGL_NOT_INITIALIZED";
    case EGL_BAD_ALLOC: return "EGL_BAD_ALLOC";
    case EGL_BAD_CONFIG: return "EGL_BAD_CONFIG";
    case EGL_BAD_MATCH: return "EGL_BAD_MATCH";
    case EGL_BAD_ATTRIBUTE: return "EGL_BAD_ATTRIBUTE";
    case EGL_BAD_DISPLAY: return "EGL_BAD_DISPLAY";
    default: return "EGL error " + std::to_string(e);
  }
}

void (*egl_loader(const char* name))() { return eglGetProcAddress(name); }

}  // namespace

Result<std::unique_ptr<EglContext>> EglContext::create(bool debug) {
  std::unique_ptr<EglContext> ctx(new EglContext());
  const char* client_ext = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  auto get_platform_display =
      reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
  EGLDisplay display = EGL_NO_DISPLAY;
  std::vector<std::string> tried;
  auto try_init = [&](EGLDisplay d, const char* name) {
    tried.push_back(name);
    if (d == EGL_NO_DISPLAY) return false;
    EGLint major = 0, minor = 0;
    if (!eglInitialize(d, &major, &minor)) return false;
    display = d;
    ctx->platform_ = name;
    return true;
  };
  if (get_platform_display && has_extension(client_ext, "EGL_MESA_platform_surfaceless"))
    try_init(get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr), "surfaceless");
  if (display == EGL_NO_DISPLAY && get_platform_display && has_extension(client_ext, "EGL_EXT_platform_device")) {
    auto query_devices = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
    EGLDeviceEXT devices[8];
    EGLint count = 0;
    if (query_devices && query_devices(8, devices, &count))
      for (EGLint i = 0; i < count && display == EGL_NO_DISPLAY; ++i)
        try_init(get_platform_display(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr), "device");
  }
  if (display == EGL_NO_DISPLAY) try_init(eglGetDisplay(EGL_DEFAULT_DISPLAY), "default");
  if (display == EGL_NO_DISPLAY)
    return make_error("headless OpenGL unavailable: no EGL display could be initialised (install libegl-mesa0 and "
                      "libgl1-mesa-dri)");
  ctx->display_ = display;

  if (!eglBindAPI(EGL_OPENGL_API)) return make_error("headless OpenGL unavailable: EGL cannot bind the OpenGL API");
  const EGLint config_attribs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE, 0, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint n = 0;
  if (!eglChooseConfig(display, config_attribs, &config, 1, &n) || n == 0) {
    // Some drivers list no config for surfaceless use; contexts without a config (KHR_no_config_context) work.
    config = EGL_NO_CONFIG_KHR;
  }
  const EGLint ctx_attribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3,
                                EGL_CONTEXT_MINOR_VERSION, 3,
                                EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                EGL_CONTEXT_OPENGL_DEBUG, debug ? EGL_TRUE : EGL_FALSE,
                                EGL_NONE};
  EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, ctx_attribs);
  if (context == EGL_NO_CONTEXT)
    return make_error("headless OpenGL unavailable: no OpenGL 3.3 core context (" + egl_error_text(eglGetError()) + ")");
  ctx->context_ = context;
  if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context))
    return make_error("headless OpenGL unavailable: cannot make the context current (" +
                      egl_error_text(eglGetError()) + ")");
  Status loaded = load_gl(egl_loader);
  if (!loaded) return loaded.error();
  if (debug) enable_gl_debug_output();
  return ctx;
}

EglContext::~EglContext() {
  if (display_) {
    eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (context_) eglDestroyContext(display_, context_);
    eglTerminate(display_);
  }
}

}  // namespace hiplab
