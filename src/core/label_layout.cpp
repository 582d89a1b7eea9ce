#include "core/label_layout.h"

#include <limits>

namespace hiplab {

namespace {

bool free_at(glm::vec2 o, glm::vec2 box_lo, glm::vec2 box_hi, const std::vector<LabelBox>& a, const std::vector<LabelBox>& b,
             const LabelBox& bounds, bool bounded) {
  const LabelBox box{o + box_lo, o + box_hi};
  if (bounded && (box.lo.x < bounds.lo.x - 0.01f || box.lo.y < bounds.lo.y - 0.01f || box.hi.x > bounds.hi.x + 0.01f ||
                  box.hi.y > bounds.hi.y + 0.01f))
    return false;
  for (const LabelBox& x : a)
    if (label_boxes_overlap(box, x)) return false;
  for (const LabelBox& x : b)
    if (label_boxes_overlap(box, x)) return false;
  return true;
}

}  // namespace

glm::vec2 place_label(glm::vec2 origin, glm::vec2 box_lo, glm::vec2 box_hi, const std::vector<LabelBox>& placed,
                      const std::vector<LabelBox>& fixed, const LabelBox& bounds, bool bounded, float gap) {
  const glm::vec2 wanted = origin;
  for (int tries = 0; tries < 32; ++tries) {
    bool moved = false;
    for (const LabelBox& p : placed) {
      const LabelBox box{origin + box_lo, origin + box_hi};
      if (label_boxes_overlap(box, p)) {
        origin.y -= box.hi.y - p.lo.y + gap;
        moved = true;
      }
    }
    if (!moved) break;
  }
  // Stacking below earlier labels can push a label out of its bounds (three names on one hip at
  // 640x360: the third went off the bottom of the picture); that, like landing on a fixed box,
  // takes the search below.
  if (free_at(origin, box_lo, box_hi, {}, fixed, bounds, bounded)) return origin;
  // Candidate spots: each coordinate either the wanted one or flush against a side of a box (or of
  // the bounds), both axes combined; the nearest free one to where the label was wanted wins.
  std::vector<float> xs{wanted.x}, ys{wanted.y};
  auto sides = [&](const LabelBox& b) {
    xs.push_back(b.hi.x + gap - box_lo.x);
    xs.push_back(b.lo.x - gap - box_hi.x);
    ys.push_back(b.hi.y + gap - box_lo.y);
    ys.push_back(b.lo.y - gap - box_hi.y);
  };
  for (const LabelBox& b : placed) sides(b);
  for (const LabelBox& b : fixed) sides(b);
  if (bounded) {
    xs.push_back(bounds.lo.x - box_lo.x);
    xs.push_back(bounds.hi.x - box_hi.x);
    ys.push_back(bounds.lo.y - box_lo.y);
    ys.push_back(bounds.hi.y - box_hi.y);
  }
  // With no free spot at all, the label at least stays whole inside the bounds (on another).
  glm::vec2 best = origin;
  if (bounded) best = glm::clamp(origin, bounds.lo - box_lo, glm::max(bounds.hi - box_hi, bounds.lo - box_lo));
  float best_d = std::numeric_limits<float>::max();
  for (float x : xs)
    for (float y : ys) {
      const glm::vec2 o(x, y);
      const glm::vec2 d = o - wanted;
      const float dist = glm::dot(d, d);
      if (dist < best_d && free_at(o, box_lo, box_hi, placed, fixed, bounds, bounded)) {
        best = o;
        best_d = dist;
      }
    }
  return best;
}

}  // namespace hiplab
