// pixel_rects.h — whole-pixel screen rectangles: overlap, intersection, and the part of an area
// that a set of rectangles leaves uncovered (as disjoint rectangles). Used to keep the scene out
// of the screen regions the UI's unchanged opaque panels cover (render/renderer.h, ui/ui_draw.h).
// A rectangle is glm::ivec4(x, y, width, height); either origin convention works as long as all
// rectangles passed together use the same one.
#pragma once
#include <vector>

#include <glm/glm.hpp>

namespace hiplab {

inline bool rect_empty(const glm::ivec4& r) { return r.z <= 0 || r.w <= 0; }
bool rects_overlap(const glm::ivec4& a, const glm::ivec4& b);
glm::ivec4 rect_intersection(const glm::ivec4& a, const glm::ivec4& b);  // empty (0 size) when apart
// `area` minus the union of `covers`, as disjoint rectangles (horizontal bands; vertically adjacent
// pieces with the same columns are merged). Empty when the covers hide all of `area`.
std::vector<glm::ivec4> uncovered_rects(const glm::ivec4& area, const std::vector<glm::ivec4>& covers);

}  // namespace hiplab
