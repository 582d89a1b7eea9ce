#include "core/pixel_rects.h"

#include <algorithm>

namespace hiplab {

bool rects_overlap(const glm::ivec4& a, const glm::ivec4& b) {
  return !rect_empty(a) && !rect_empty(b) && a.x < b.x + b.z && b.x < a.x + a.z && a.y < b.y + b.w && b.y < a.y + a.w;
}

glm::ivec4 rect_intersection(const glm::ivec4& a, const glm::ivec4& b) {
  const int x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const int x1 = std::min(a.x + a.z, b.x + b.z), y1 = std::min(a.y + a.w, b.y + b.w);
  if (x1 <= x0 || y1 <= y0) return glm::ivec4(0);
  return glm::ivec4(x0, y0, x1 - x0, y1 - y0);
}

std::vector<glm::ivec4> uncovered_rects(const glm::ivec4& area, const std::vector<glm::ivec4>& covers) {
  std::vector<glm::ivec4> out;
  if (rect_empty(area)) return out;
  std::vector<glm::ivec4> clipped;
  for (const glm::ivec4& c : covers) {
    const glm::ivec4 r = rect_intersection(area, c);
    if (!rect_empty(r)) clipped.push_back(r);
  }
  // Bands between consecutive horizontal edges; in each band the covers are fixed x-intervals.
  std::vector<int> ys{area.y, area.y + area.w};
  for (const glm::ivec4& c : clipped) {
    ys.push_back(c.y);
    ys.push_back(c.y + c.w);
  }
  std::sort(ys.begin(), ys.end());
  ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
  std::vector<glm::ivec4> open;  // pieces of the previous band, extended downwards when they match
  for (std::size_t b = 0; b + 1 < ys.size(); ++b) {
    const int y0 = ys[b], y1 = ys[b + 1];
    std::vector<std::pair<int, int>> spans;
    for (const glm::ivec4& c : clipped)
      if (c.y <= y0 && c.y + c.w >= y1) spans.emplace_back(c.x, c.x + c.z);
    std::sort(spans.begin(), spans.end());
    std::vector<glm::ivec4> band;
    int x = area.x;
    for (const auto& [s0, s1] : spans) {
      if (s0 > x) band.emplace_back(x, y0, s0 - x, y1 - y0);
      x = std::max(x, s1);
    }
    if (x < area.x + area.z) band.emplace_back(x, y0, area.x + area.z - x, y1 - y0);
    std::vector<glm::ivec4> next;
    for (glm::ivec4 piece : band) {
      auto same = std::find_if(open.begin(), open.end(), [&](const glm::ivec4& o) {
        return o.x == piece.x && o.z == piece.z && o.y + o.w == y0;
      });
      if (same != open.end()) {
        piece.y = same->y;
        piece.w += same->w;
        open.erase(same);
      }
      next.push_back(piece);
    }
    out.insert(out.end(), open.begin(), open.end());  // pieces that end here
    open = std::move(next);
  }
  out.insert(out.end(), open.begin(), open.end());
  return out;
}

}  // namespace hiplab
