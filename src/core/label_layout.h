// label_layout.h — where a text label's box goes on screen so that it covers neither the labels
// placed before it nor the picture's fixed boxes (the legend), inside the free part of the window
// (render/overlay_pass.cpp lays out the overlay's labels with it). Screen pixels, either y
// convention as long as all boxes passed together use the same one; a box is [lo, hi].
// Invariant of place_label: where any free spot exists among the candidates it tries, the returned
// box overlaps no fixed box and stays inside the bounds.
#pragma once
#include <vector>

#include <glm/glm.hpp>

namespace hiplab {

struct LabelBox {
  glm::vec2 lo, hi;
};

inline bool label_boxes_overlap(const LabelBox& a, const LabelBox& b) {
  return a.lo.x < b.hi.x && a.hi.x > b.lo.x && a.lo.y < b.hi.y && a.hi.y > b.lo.y;
}

// The origin for a label wanted at `origin`, its box origin + [box_lo, box_hi]. Labels that meet
// one placed earlier step along -y below it (the greedy order of the list: two hips seen from the
// side stack). A box still on a fixed box, or outside the bounds when `bounded` (stacked off the
// picture's edge), moves to the nearest spot beside the boxes, within [bounds.lo, bounds.hi] when
// `bounded`, that overlaps none of them; where there is none, a bounded box is clamped inside.
// `gap`: pixels kept between boxes.
glm::vec2 place_label(glm::vec2 origin, glm::vec2 box_lo, glm::vec2 box_hi, const std::vector<LabelBox>& placed,
                      const std::vector<LabelBox>& fixed, const LabelBox& bounds, bool bounded, float gap = 2.0f);

}  // namespace hiplab
