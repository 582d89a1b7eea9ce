#include "ui/photo_measure.h"

#include <algorithm>
#include <cmath>

namespace hiplab::ui {

float fit_scale(int w, int h, float avail_w, float avail_h, float max_zoom) {
  if (w <= 0 || h <= 0 || avail_w <= 0.0f || avail_h <= 0.0f) return 1.0f;
  return std::min({avail_w / static_cast<float>(w), avail_h / static_cast<float>(h), max_zoom});
}

namespace {
records::PhotoPoint clamp_to(const PhotoMeasure& m, records::PhotoPoint p) {
  return {std::clamp(p.x, 0.0, static_cast<double>(m.width)), std::clamp(p.y, 0.0, static_cast<double>(m.height))};
}
}  // namespace

bool press(PhotoMeasure& m, records::PhotoPoint at, double grab_px) {
  if (at.x < 0 || at.y < 0 || at.x > m.width || at.y > m.height) return false;
  int nearest = -1;
  double best = grab_px;
  for (std::size_t i = 0; i < m.points.size(); ++i) {
    const double d = std::hypot(m.points[i].x - at.x, m.points[i].y - at.y);
    if (d <= best) best = d, nearest = static_cast<int>(i);
  }
  if (nearest >= 0) {
    m.dragging = nearest;
    return false;
  }
  if (static_cast<int>(m.points.size()) >= m.count) return false;
  m.points.push_back(at);
  m.dragging = static_cast<int>(m.points.size()) - 1;
  return true;
}

void drag(PhotoMeasure& m, records::PhotoPoint at) {
  if (m.dragging < 0 || m.dragging >= static_cast<int>(m.points.size())) return;
  m.points[static_cast<std::size_t>(m.dragging)] = clamp_to(m, at);
}

void release(PhotoMeasure& m) { m.dragging = -1; }

std::optional<Result<records::PhotoAngle>> measured(const PhotoMeasure& m, records::Side side) {
  if (static_cast<int>(m.points.size()) < m.count) return std::nullopt;
  std::vector<records::PhotoPoint> pts(m.points.begin(), m.points.begin() + m.count);
  return records::photo_angle(pts, side, m.width, m.height);
}

std::string next_landmark_hint(const PhotoMeasure& m) {
  static const char* const two[] = {"the knee (the middle of the patella's lower edge)", "the ankle (between the malleoli)"};
  static const char* const three[] = {"a point on the reference axis above the knee", "the knee", "the ankle"};
  static const char* const four[] = {"one end of the reference axis", "its other end", "the knee", "the ankle"};
  const std::size_t n = m.points.size();
  if (static_cast<int>(n) >= m.count) return "All points placed: drag any of them to adjust";
  const char* what = m.count == 2 ? two[n] : m.count == 3 ? three[n] : four[n];
  return "Click " + std::string(what);
}

}  // namespace hiplab::ui
