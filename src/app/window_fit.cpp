// window_fit.cpp — see window_fit.h.
#include "app/window_fit.h"

#include <algorithm>
#include <cmath>

namespace hiplab::app {

WindowPlacement fit_window(int want_w, int want_h, const WorkArea& area, float content_scale) {
  WindowPlacement p;
  p.width = std::max(want_w, kMinWindow);
  p.height = std::max(want_h, kMinWindow);
  if (area.width <= 0 || area.height <= 0) return p;
  const float scale = content_scale > 0.0f ? content_scale : 1.0f;
  // The room for the window's content, in the units the size is asked in.
  const float room_w = static_cast<float>(area.width - kWindowFrameMargin / 2) / scale;
  const float room_h = static_cast<float>(area.height - kWindowFrameMargin) / scale;
  // Each direction on its own: a wide, short screen keeps the width the side panels need.
  const int fit_w = std::max(kMinWindow, std::min(p.width, static_cast<int>(std::floor(room_w))));
  const int fit_h = std::max(kMinWindow, std::min(p.height, static_cast<int>(std::floor(room_h))));
  if (fit_w == p.width && fit_h == p.height) return p;
  p.width = fit_w;
  p.height = fit_h;
  p.place = true;
  const int w_screen = static_cast<int>(std::lround(static_cast<float>(p.width) * scale));
  const int h_screen = static_cast<int>(std::lround(static_cast<float>(p.height) * scale));
  p.x = area.x + std::max(0, (area.width - w_screen) / 2);
  p.y = area.y + std::max(0, (area.height - h_screen) / 2);
  return p;
}

}  // namespace hiplab::app
