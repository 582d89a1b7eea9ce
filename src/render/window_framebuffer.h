// window_framebuffer.h — the few GL calls on a window's own (default) framebuffer that the app
// needs beside the Renderer: reading the back buffer into an image for a screenshot, and clearing
// it when the scene could not be drawn (the panels still go on top). The window and its context
// are the app's (GLFW); this is called with that context current.
#pragma once
#include <glm/glm.hpp>

#include "render/image.h"

namespace hiplab {

// The back buffer of the current context's default framebuffer, `width` x `height` pixels (the
// framebuffer's size, not the window's), RGBA8 with row 0 at the top.
Image read_window_pixels(int width, int height);

// Binds the default framebuffer and clears its colour to `colour` over `width` x `height`.
void clear_window(int width, int height, glm::vec4 colour);

// The image upside down: GL reads rows bottom first, images keep row 0 at the top.
Image flip_rows(const Image& image);

}  // namespace hiplab
