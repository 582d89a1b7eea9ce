// window_frame.h — one frame of the window: the draw list from the session and the model, the
// view fitted to a new model or drill, the scene and the panels drawn onto the window, and the
// two kinds of screenshot (the Screenshot panel's offscreen render, the window as it shows).
#pragma once
#include <string>

#include "app/app_state.h"
#include "core/result.h"

struct ImDrawData;

namespace hiplab::app {

// Rebuilds app.list for a view `viewport_w` x `viewport_h` pixels; `gizmos` false leaves out the
// selection and the landmark labels (a clean picture). A picture of another size than the window
// (the Screenshot panel's) keeps its labels in the same part of it as the window's free part.
// In the window, labels and arcs are sized for the part the panels leave free: a small window's
// strip between its panels takes them smaller (to 0.75x under kLabelRoomPx of free height or width).
constexpr float kLabelRoomPx = 400.0f;
void build_list(App& app, bool transparent, bool gizmos, int viewport_w, int viewport_h);

// A new model or a new drill: fit the posed body (lying, sitting or standing) into the view, at
// once on the first frame, else gliding there.
void fit_view_if_needed(App& app, bool first_frame);

// The scene and the panels into the renderer's image, then onto the window's framebuffer
// (`fw` x `fh`); when the scene cannot be drawn the panels still show, on a plain background, with
// the reason in the message line.
void draw_window_frame(App& app, ImDrawData* panels, int fw, int fh);

// The Screenshot panel's request: the scene alone, offscreen, at the requested size.
Status save_screenshot(App& app, const ui::ScreenshotRequest& request);
// The window as it shows (scene and panels) after the frame is drawn, before buffers swap.
Status save_window_png(GLFWwindow* window, const std::string& path);

}  // namespace hiplab::app
