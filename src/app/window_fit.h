// window_fit.h — the window's first size and place on a screen that may be smaller than the size
// remembered or the default (1440x900 does not fit a 1366x768 laptop or a 1280x720 classroom
// projector: the panels' right edge and the playback bar were cut off). Pure arithmetic, so it is
// tested without a display.
//
// Units: screen coordinates (GLFW's), in which the monitor's work area (the screen less the
// desktop's bars) is given. GLFW_SCALE_TO_MONITOR multiplies the size asked for by the monitor's
// content scale on platforms that scale windows themselves (X11, Windows), so the size returned is
// the one to ask for: the work area divided by that scale.
// Invariants: the result is at least kMinWindow in each direction (a tiny or unknown work area
// keeps a usable window), never larger than asked; each direction shrinks on its own (a wide, short screen keeps the width
// the side panels need).
#pragma once

namespace hiplab::app {

struct WorkArea {
  int x = 0, y = 0, width = 0, height = 0;  // width/height <= 0: unknown (no monitor): no fitting
};

struct WindowPlacement {
  int width = 0, height = 0;
  bool place = false;  // true: move the window to (x, y), the centre of the work area
  int x = 0, y = 0;
};

inline constexpr int kMinWindow = 320;
// What is left round a fitted window for the window manager's title bar and borders.
inline constexpr int kWindowFrameMargin = 48;

// The size (and, when it had to shrink, the place) for a window asked to be want_w x want_h.
WindowPlacement fit_window(int want_w, int want_h, const WorkArea& area, float content_scale);

}  // namespace hiplab::app
