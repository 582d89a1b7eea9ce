// Tests the planning in src/ui/ui_layers.h: which UI layers are drawn again and which opaque
// panels are kept from the last frame, for the cases a window meets (a panel that changes, a
// tooltip over a panel, a see-through window over the scene, a panel that moves or goes).
#include <doctest/doctest.h>

#include <vector>

#include "ui/ui_layers.h"

using namespace hiplab;
using ui::UiLayer;

namespace {

UiLayer layer(const char* name, glm::ivec4 rect, bool opaque, std::uint64_t hash = 1) {
  UiLayer l;
  l.name = name;
  l.rect = rect;
  l.opaque = opaque;
  l.hash = hash;
  return l;
}

std::vector<bool> drawn(const ui::UiPlan& p) { return p.draw; }

}  // namespace

TEST_CASE("UI layers: everything is drawn when the image was not kept") {
  const std::vector<UiLayer> f{layer("A", {0, 0, 100, 100}, true), layer("B", {200, 0, 100, 100}, true)};
  const ui::UiPlan p = ui::plan_ui_layers(f, f, /*kept_image=*/false);
  CHECK(drawn(p) == std::vector<bool>{true, true});
  CHECK(p.kept.empty());
}

TEST_CASE("UI layers: an unchanged opaque panel is kept, a changed one is drawn") {
  const std::vector<UiLayer> before{layer("A", {0, 0, 100, 100}, true, 1), layer("B", {200, 0, 100, 100}, true, 1)};
  const std::vector<UiLayer> now{layer("A", {0, 0, 100, 100}, true, 1), layer("B", {200, 0, 100, 100}, true, 2)};
  const ui::UiPlan p = ui::plan_ui_layers(now, before, true);
  CHECK(drawn(p) == std::vector<bool>{false, true});
  REQUIRE(p.kept.size() == 1);
  CHECK(p.kept[0] == glm::ivec4(0, 0, 100, 100));
}

TEST_CASE("UI layers: a tooltip over a panel redraws the panel when it comes and when it goes") {
  const UiLayer panel = layer("A", {0, 0, 100, 100}, true);
  const UiLayer tip = layer("tip", {10, 10, 30, 10}, false);
  // It appears: the panel must be drawn again under it (the tooltip blends over it).
  ui::UiPlan p = ui::plan_ui_layers({panel, tip}, {panel}, true);
  CHECK(drawn(p) == std::vector<bool>{true, true});
  // It stays as it was, inside the panel: both kept (the scene never reaches them).
  p = ui::plan_ui_layers({panel, tip}, {panel, tip}, true);
  CHECK(drawn(p) == std::vector<bool>{false, false});
  CHECK(p.kept == std::vector<glm::ivec4>{panel.rect});
  // It goes: the panel's pixels still show it, so the panel is drawn again.
  p = ui::plan_ui_layers({panel}, {panel, tip}, true);
  CHECK(drawn(p) == std::vector<bool>{true});
  CHECK(p.kept.empty());
}

TEST_CASE("UI layers: a see-through window over the scene is drawn every frame, with the panels it overlaps") {
  const UiLayer panel = layer("A", {0, 0, 100, 100}, true);
  const UiLayer other = layer("B", {300, 0, 100, 100}, true);
  const UiLayer glass = layer("glass", {80, 10, 100, 20}, false);  // half over the panel, half over the scene
  const ui::UiPlan p = ui::plan_ui_layers({panel, other, glass}, {panel, other, glass}, true);
  CHECK(drawn(p) == std::vector<bool>{true, false, true});
  CHECK(p.kept == std::vector<glm::ivec4>{other.rect});
}

TEST_CASE("UI layers: a panel drawn again covers the panels above it that it overlaps, not those below") {
  const UiLayer low = layer("low", {0, 0, 100, 100}, true);
  const UiLayer mid_before = layer("mid", {50, 50, 100, 100}, true, 1), mid_now = layer("mid", {50, 50, 100, 100}, true, 2);
  const UiLayer high = layer("high", {120, 120, 100, 100}, true);
  const ui::UiPlan p = ui::plan_ui_layers({low, mid_now, high}, {low, mid_before, high}, true);
  CHECK(drawn(p) == std::vector<bool>{false, true, true});
  CHECK(p.kept == std::vector<glm::ivec4>{low.rect});
}

TEST_CASE("UI layers: a panel that moves redraws what it used to cover") {
  const UiLayer low = layer("low", {0, 0, 100, 100}, true);
  const UiLayer far = layer("far", {500, 500, 50, 50}, true);
  const UiLayer top_before = layer("top", {50, 50, 100, 100}, true), top_now = layer("top", {300, 300, 100, 100}, true);
  const ui::UiPlan p = ui::plan_ui_layers({low, far, top_now}, {low, far, top_before}, true);
  CHECK(drawn(p) == std::vector<bool>{true, false, true});
  CHECK(p.kept == std::vector<glm::ivec4>{far.rect});
}
