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

TEST_CASE("the overlay's activity ticks: one green tick per activity on the arcs drawn, and a legend line") {
  anatomy::LegAngles pose{};
  RomOverlayOptions o;
  o.sides[1] = false;  // the right hip only
  DrawList plain;
  add_rom_overlay(pose, glm::dmat4(1.0), o, plain);
  o.activity_marks = {{anatomy::OverlayArc::kRotation, -62.0}, {anatomy::OverlayArc::kFlexion, 95.0}};
  DrawList marked;
  add_rom_overlay(pose, glm::dmat4(1.0), o, marked);
  // The flexion arc is not drawn: only the rotation tick is added.
  CHECK(marked.overlay_lines.size() == plain.overlay_lines.size() + 1);
  int ticks = 0;
  for (const OverlayLine& l : marked.overlay_lines) ticks += l.color == kActivityTick;
  CHECK(ticks == 1);
  bool legend = false;
  for (const LegendEntry& e : marked.legend) legend = legend || (e.swatch == kActivityTick && e.text.find("activities") != std::string::npos);
  CHECK(legend);
  o.flexion = true;
  DrawList both;
  add_rom_overlay(pose, glm::dmat4(1.0), o, both);
  ticks = 0;
  for (const OverlayLine& l : both.overlay_lines) ticks += l.color == kActivityTick;
  CHECK(ticks == 2);
}

// The window rebuilds its draw list every frame into the same DrawList (DrawList::clear): the
// legend is the picture's, so a frame with the overlay off has none, and a changed norm replaces the
// heading rather than adding a second one under the first.
TEST_CASE("the legend is rebuilt each frame: the overlay turned off leaves none, another norm replaces the heading") {
  anatomy::LegAngles pose{};
  RomOverlayOptions o;
  DrawList list;
  add_rom_overlay(pose, glm::dmat4(1.0), o, list);
  REQUIRE_FALSE(list.legend.empty());
  list.keep_clear.push_back(glm::vec3(0.0f));
  list.clear();  // the next frame, the overlay off
  CHECK(list.legend.empty());
  CHECK(list.keep_clear.empty());
  const auto norms = anatomy::rom_norms();
  REQUIRE(norms.size() >= 2);
  o.norm = norms[0];
  add_rom_overlay(pose, glm::dmat4(1.0), o, list);
  list.clear();
  o.norm = norms[1];
  add_rom_overlay(pose, glm::dmat4(1.0), o, list);
  int headings = 0;
  for (const LegendEntry& e : list.legend) headings += e.text.rfind("Arcs:", 0) == 0;
  CHECK(headings == 1);
  CHECK(list.legend.front().text.find(std::string(norms[1].label)) != std::string::npos);
}
