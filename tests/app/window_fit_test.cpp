// Tests src/app/window_fit.h: the first window fits the screen it opens on.
#include "app/window_fit.h"

#include <doctest/doctest.h>

using namespace hiplab::app;

TEST_CASE("window fit: the default 1440x900 on a 1366x768 laptop shrinks inside the work area, each direction only as needed") {
  const WorkArea laptop{0, 0, 1366, 768};
  const WindowPlacement p = fit_window(1440, 900, laptop, 1.0f);
  CHECK(p.place);
  CHECK(p.width <= 1366 - kWindowFrameMargin / 2);
  CHECK(p.height <= 768 - kWindowFrameMargin);
  CHECK(p.width == 1366 - kWindowFrameMargin / 2);  // shrunk only as much as needed
  CHECK(p.height == 768 - kWindowFrameMargin);
  CHECK(p.x >= 0);
  CHECK(p.x + p.width <= 1366);
  CHECK(p.y >= 0);
  CHECK(p.y + p.height <= 768);
}

TEST_CASE("window fit: a window that fits keeps its size and is left where the window manager puts it") {
  const WindowPlacement p = fit_window(1440, 900, WorkArea{0, 0, 1920, 1040}, 1.0f);
  CHECK_FALSE(p.place);
  CHECK(p.width == 1440);
  CHECK(p.height == 900);
}

TEST_CASE("window fit: a scaled monitor fits in scaled units, and the work area's offset (a panel on the left) is kept") {
  // A 2x monitor of 2560x1440 with a 64-pixel dock on the left: 1440x900 asked would be 2880x1800.
  const WorkArea area{64, 0, 2496, 1440};
  const WindowPlacement p = fit_window(1440, 900, area, 2.0f);
  CHECK(p.place);
  CHECK(p.width * 2 <= area.width);
  CHECK(p.height * 2 <= area.height - kWindowFrameMargin);
  CHECK(p.x >= 64);
  CHECK(p.x + p.width * 2 <= 64 + 2496);
}

TEST_CASE("window fit: no monitor or a tiny screen keeps a usable window") {
  CHECK(fit_window(1440, 900, WorkArea{}, 1.0f).width == 1440);
  CHECK_FALSE(fit_window(1440, 900, WorkArea{}, 1.0f).place);
  const WindowPlacement tiny = fit_window(1440, 900, WorkArea{0, 0, 200, 150}, 1.0f);
  CHECK(tiny.width == kMinWindow);
  CHECK(tiny.height == kMinWindow);
  CHECK(fit_window(100, 50, WorkArea{0, 0, 1920, 1080}, 0.0f).width == kMinWindow);
}
