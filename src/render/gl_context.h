// gl_context.h — loading GL functions and GL debug output, for whichever context is current (a
// GLFW window's or a headless EGL one).
#pragma once
#include <string>

#include "core/result.h"

namespace hiplab {

using GlProcLoader = void (*(*)(const char*))();

// Loads the GL 3.3 core entry points through `loader` for the current context. Fails (with a
// one-line reason) if the context is older than 3.3.
Status load_gl(GlProcLoader loader);

// Turns on KHR_debug output (when the driver has it): errors are counted and logged.
void enable_gl_debug_output();
// GL errors seen since start: KHR_debug messages of type error plus glGetError() values polled here.
int gl_error_count();
std::string gl_last_error();

// Waits until the current context has finished all GL work submitted so far (glFinish): for
// timing a frame whole, e.g. a UI drawn after Renderer::render.
void finish_gl_work();

// "OpenGL 4.5 (Core Profile) Mesa 22.3.6 — llvmpipe (LLVM 15.0.6, 256 bits)"
std::string gl_description();

}  // namespace hiplab
