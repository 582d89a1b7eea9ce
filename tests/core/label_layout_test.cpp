// Tests core/label_layout.h: a label wanted under the picture's legend moves beside it, inside the
// free part of the window (issue 12: the side-lying abduction's "L 0 deg" arc label sat under the
// arcs' legend box); labels meeting ones placed before them still stack below them.
#include <doctest/doctest.h>

#include "core/label_layout.h"

using namespace hiplab;

namespace {
LabelBox at(glm::vec2 o, glm::vec2 lo, glm::vec2 hi) { return {o + lo, o + hi}; }
}  // namespace

TEST_CASE("a label wanted under the legend moves to the nearest free spot beside it, inside the bounds") {
  // y-up pixels; the legend in the bottom-left corner of a 1280x800 picture, as the overlay draws it.
  const LabelBox legend{{346.0f, 180.0f}, {636.0f, 284.0f}};
  const LabelBox bounds{{340.0f, 33.0f}, {907.0f, 787.0f}};
  const glm::vec2 box_lo(-6.0f, -8.0f), box_hi(96.0f, 20.0f);
  const glm::vec2 wanted(470.0f, 262.0f);  // "L 0 deg", its box 102 x 28 px inside the legend's
  REQUIRE(label_boxes_overlap(at(wanted, box_lo, box_hi), legend));
  const glm::vec2 o = place_label(wanted, box_lo, box_hi, {}, {legend}, bounds, true);
  const LabelBox box = at(o, box_lo, box_hi);
  CHECK_FALSE(label_boxes_overlap(box, legend));
  CHECK(box.lo.x >= bounds.lo.x);
  CHECK(box.hi.x <= bounds.hi.x);
  CHECK(box.lo.y >= bounds.lo.y);
  CHECK(box.hi.y <= bounds.hi.y);
  // The nearest way out: up over the legend's top edge (30 px), not sideways (172 px) or down.
  CHECK(o.x == doctest::Approx(wanted.x));
  CHECK(o.y == doctest::Approx(legend.hi.y + 2.0f - box_lo.y));
}

TEST_CASE("a label moved off the legend does not land on a label placed before it") {
  const LabelBox legend{{346.0f, 180.0f}, {636.0f, 284.0f}};
  const LabelBox bounds{{340.0f, 33.0f}, {907.0f, 787.0f}};
  const glm::vec2 box_lo(-6.0f, -8.0f), box_hi(96.0f, 20.0f);
  // Another label already sits just above the legend where this one would go.
  const LabelBox above = at({470.0f, 296.0f}, box_lo, box_hi);
  const glm::vec2 o = place_label({470.0f, 262.0f}, box_lo, box_hi, {above}, {legend}, bounds, true);
  const LabelBox box = at(o, box_lo, box_hi);
  CHECK_FALSE(label_boxes_overlap(box, legend));
  CHECK_FALSE(label_boxes_overlap(box, above));
  CHECK(box.lo.x >= bounds.lo.x);
  CHECK(box.hi.y <= bounds.hi.y);
}

TEST_CASE("labels clear of everything stay put, and labels meeting an earlier one stack below it") {
  const LabelBox legend{{346.0f, 180.0f}, {636.0f, 284.0f}};
  const LabelBox bounds{{340.0f, 33.0f}, {907.0f, 787.0f}};
  const glm::vec2 box_lo(-6.0f, -8.0f), box_hi(96.0f, 20.0f);
  const glm::vec2 clear(700.0f, 500.0f);
  CHECK(place_label(clear, box_lo, box_hi, {}, {legend}, bounds, true) == clear);
  const LabelBox first = at(clear, box_lo, box_hi);
  const glm::vec2 o = place_label(clear + glm::vec2(10.0f, 5.0f), box_lo, box_hi, {first}, {legend}, bounds, true);
  CHECK(o.x == doctest::Approx(710.0f));
  CHECK(o.y + box_hi.y == doctest::Approx(first.lo.y - 2.0f));
}

TEST_CASE("a label stacked below earlier ones past the picture's edge moves to a free spot inside it") {
  // y-up pixels, a 640x360 picture: three names on one hip (the supine PAILs/RAILs' key moment)
  // stacked down from an anchor low in the picture; the third went off the bottom edge.
  const LabelBox bounds{{3.0f, 3.0f}, {637.0f, 357.0f}};
  const glm::vec2 box_lo(-5.0f, -6.0f), box_hi(290.0f, 16.0f);
  const LabelBox first = at({230.0f, 64.0f}, box_lo, box_hi);
  const LabelBox second = at({218.0f, 30.0f}, box_lo, box_hi);
  const glm::vec2 wanted(224.0f, 40.0f);
  const glm::vec2 o = place_label(wanted, box_lo, box_hi, {first, second}, {}, bounds, true);
  const LabelBox box = at(o, box_lo, box_hi);
  CHECK(box.lo.x >= bounds.lo.x);
  CHECK(box.hi.x <= bounds.hi.x);
  CHECK(box.lo.y >= bounds.lo.y);
  CHECK(box.hi.y <= bounds.hi.y);
  CHECK_FALSE(label_boxes_overlap(box, first));
  CHECK_FALSE(label_boxes_overlap(box, second));
  // The nearest free spot: over the first label (the stack's top), not across the picture.
  CHECK(box.lo.y == doctest::Approx(first.hi.y + 2.0f));
}

TEST_CASE("a bounded label with no free spot anywhere still stays whole inside the bounds") {
  const LabelBox bounds{{0.0f, 0.0f}, {200.0f, 40.0f}};
  const glm::vec2 box_lo(-2.0f, -4.0f), box_hi(150.0f, 12.0f);
  const LabelBox first = at({20.0f, 20.0f}, box_lo, box_hi);  // fills the strip's width
  const LabelBox second = at({20.0f, 4.0f}, box_lo, box_hi);
  const glm::vec2 o = place_label({25.0f, 18.0f}, box_lo, box_hi, {first, second}, {}, bounds, true);
  const LabelBox box = at(o, box_lo, box_hi);
  CHECK(box.lo.x >= bounds.lo.x);
  CHECK(box.hi.x <= bounds.hi.x);
  CHECK(box.lo.y >= bounds.lo.y);
  CHECK(box.hi.y <= bounds.hi.y);
}
