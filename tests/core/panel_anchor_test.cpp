// Tests core/panel_anchor.h: the side panels follow a window that changes size (the Muscles panel
// stayed in the middle of a maximised window and hung off a smaller one).
#include <doctest/doctest.h>

#include "core/panel_anchor.h"

using namespace hiplab;

TEST_CASE("a right-hand panel keeps its distance from the right edge, a left-hand one from the left") {
  // A fresh 1024x640 window: the HipLab panel at the left, the Muscles panel 8 px from the right,
  // both at the default height (640 - 196).
  const glm::vec2 before(1024.0f, 640.0f), after(1500.0f, 900.0f);
  const glm::vec4 left(8.0f, 8.0f, 330.0f, 444.0f), right(644.0f, 8.0f, 372.0f, 444.0f);
  const glm::vec4 l = reanchor_panel(left, before, after, 444.0f, 704.0f);
  const glm::vec4 r = reanchor_panel(right, before, after, 444.0f, 704.0f);
  CHECK(l == glm::vec4(8.0f, 8.0f, 330.0f, 704.0f));
  CHECK(r == glm::vec4(1120.0f, 8.0f, 372.0f, 704.0f));
  CHECK(after.x - (r.x + r.z) == doctest::Approx(8.0f));
  // And back: the same places as before.
  CHECK(reanchor_panel(r, after, before, 704.0f, 444.0f) == right);
  CHECK(reanchor_panel(l, after, before, 704.0f, 444.0f) == left);
}

TEST_CASE("a panel the user resized keeps its height, no taller than the new default, and stays inside") {
  const glm::vec2 before(1280.0f, 800.0f), after(900.0f, 560.0f);
  // Made shorter by the user: kept.
  CHECK(reanchor_panel({8.0f, 8.0f, 330.0f, 300.0f}, before, after, 604.0f, 364.0f).w == doctest::Approx(300.0f));
  // Made taller by the user than the smaller window's default: the default.
  CHECK(reanchor_panel({8.0f, 8.0f, 330.0f, 700.0f}, before, after, 604.0f, 364.0f).w == doctest::Approx(364.0f));
  // Dragged down the window: kept inside it.
  const glm::vec4 low = reanchor_panel({8.0f, 400.0f, 330.0f, 300.0f}, before, after, 604.0f, 364.0f);
  CHECK(low.y + low.w <= after.y);
  CHECK(low.y >= 0.0f);
  // A window narrower than the panel: the panel no wider than it, at its left edge.
  const glm::vec4 wide = reanchor_panel({900.0f, 8.0f, 372.0f, 604.0f}, before, glm::vec2(300.0f, 560.0f), 604.0f, 364.0f);
  CHECK(wide.x == doctest::Approx(0.0f));
  CHECK(wide.z == doctest::Approx(300.0f));
  // A zero-sized window (minimised) leaves the panel as it was.
  const glm::vec4 kept(644.0f, 8.0f, 372.0f, 444.0f);
  CHECK(reanchor_panel(kept, before, glm::vec2(0.0f), 604.0f, 200.0f) == kept);
}
