#include "core/panel_anchor.h"

#include <algorithm>
#include <cmath>

namespace hiplab {

glm::vec4 reanchor_panel(const glm::vec4& rect, glm::vec2 old_size, glm::vec2 new_size, float old_default_h, float new_default_h) {
  glm::vec4 r = rect;
  if (old_size.x <= 0.0f || old_size.y <= 0.0f || new_size.x <= 0.0f || new_size.y <= 0.0f) return r;
  const bool right = rect.x + 0.5f * rect.z > 0.5f * old_size.x;
  if (right) r.x += new_size.x - old_size.x;
  r.w = std::abs(rect.w - old_default_h) <= 1.0f ? new_default_h : std::min(rect.w, std::max(new_default_h, 1.0f));
  r.z = std::min(r.z, new_size.x);
  r.w = std::min(r.w, new_size.y);
  r.x = std::clamp(r.x, 0.0f, new_size.x - r.z);
  r.y = std::clamp(r.y, 0.0f, new_size.y - r.w);
  return r;
}

}  // namespace hiplab
