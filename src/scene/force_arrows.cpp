// force_arrows.cpp — see force_arrows.h.
#include "scene/force_arrows.h"

#include <algorithm>
#include <cstdio>

namespace hiplab {

int add_force_arrows(const std::vector<ForceArrow>& arrows, DrawList& out) {
  const glm::vec4 colour{0.1f, 0.75f, 0.55f, 0.95f};  // green: not a muscle colour, not an arc colour
  int drawn = 0;
  for (const ForceArrow& a : arrows) {
    const float f = glm::length(a.force);
    if (!(f >= 1.0f)) continue;  // also drops NaN
    const glm::vec3 dir = a.force / f;
    const float len = std::clamp(f * kArrowMetresPerNewton, 0.02f, 0.35f);
    const glm::vec3 tail = a.point - dir * len;
    const float head = std::min(0.3f * len, 0.03f);
    const glm::vec3 base = a.point - dir * head;
    OverlayLine shaft;
    shaft.points = {tail, base};
    shaft.color = colour;
    shaft.width_px = 3.0f;
    out.overlay_lines.push_back(shaft);
    // The head: two crossed triangles, so it reads from any side.
    const glm::vec3 any = std::abs(dir.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    const glm::vec3 s1 = glm::normalize(glm::cross(dir, any)) * (0.45f * head);
    const glm::vec3 s2 = glm::normalize(glm::cross(dir, s1)) * (0.45f * head);
    OverlayTriangles tips;
    tips.vertices = {base + s1, base - s1, a.point, base + s2, base - s2, a.point};
    tips.color = colour;
    out.overlay_triangles.push_back(tips);
    OverlayLabel label;
    label.anchor = tail;
    char text[32];
    std::snprintf(text, sizeof text, "%.0f N", static_cast<double>(f));
    label.text = text;
    label.size_px = 14.0f;
    label.color = colour;
    label.away = -dir;
    out.overlay_labels.push_back(label);
    ++drawn;
  }
  return drawn;
}

}  // namespace hiplab
