// egl_context.h — a headless OpenGL 3.3 core context through EGL, with no display server: Mesa's
// surfaceless platform (software llvmpipe or a GPU), else the EGL device platform (NVIDIA), else
// the default display. Rendering goes to framebuffer objects (see framebuffer.h).
#pragma once
#include <memory>
#include <string>

#include "core/result.h"

namespace hiplab {

class EglContext {
 public:
  // debug: ask for a debug context (KHR_debug output is then turned on by the caller).
  static Result<std::unique_ptr<EglContext>> create(bool debug = false);
  ~EglContext();
  EglContext(const EglContext&) = delete;
  EglContext& operator=(const EglContext&) = delete;

  const std::string& platform() const { return platform_; }  // "surfaceless", "device", "default"

 private:
  EglContext() = default;
  void* display_ = nullptr;
  void* context_ = nullptr;
  std::string platform_;
};

}  // namespace hiplab
