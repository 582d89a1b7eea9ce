// Tests the joint-limit overlay's legend (scene/rom_overlay.h): one legend per picture — what the
// arcs' colours mean and each shown arc's sign convention once, whichever hips are drawn — instead
// of a convention under every value.
#include <doctest/doctest.h>

#include <string>

#include "scene/rom_overlay.h"

using namespace hiplab;

TEST_CASE("the joint-limit overlay puts one legend in the picture: the colours once, each convention once") {
  anatomy::LegAngles pose{};
  RomOverlayOptions o;
  o.flexion = true;
  DrawList list;
  add_rom_overlay(pose, glm::dmat4(1.0), o, list);
  int swatches = 0, rotation = 0, flexion = 0;
  for (const LegendEntry& e : list.legend) {
    swatches += e.swatch.a > 0.0f;
    rotation += e.text.find("internal") != std::string::npos;
    flexion += e.text.find("flexion") != std::string::npos;
  }
  CHECK(swatches == 3);  // inside, near its end, past it
  CHECK(rotation == 1);  // both hips drawn, the convention said once
  CHECK(flexion == 1);
  CHECK(list.legend.front().text.find(std::string(o.norm.label)) != std::string::npos);  // which norm the range is
  // The colours in the legend are the arcs' own.
  CHECK(list.legend[1].swatch == arc_color(anatomy::LimitStatus::kInside));
  CHECK(list.legend[3].swatch == arc_color(anatomy::LimitStatus::kPastLimit));
  // No value label carries the convention any more.
  for (const OverlayLabel& l : list.overlay_labels) CHECK(l.text.find("internal /") == std::string::npos);
}
