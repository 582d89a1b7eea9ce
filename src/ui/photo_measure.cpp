#include "ui/photo_measure.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

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

bool keep_thumbnails_of(PhotoThumbnails& t, std::int64_t id) {
  if (t.patient_id == id) return false;
  const bool dropped = !t.by_photo.empty();
  t.by_photo.clear();
  t.patient_id = id;
  return dropped;
}

float thumbnail_width(int w, int h, float height) {
  if (w <= 0 || h <= 0) return height;
  return height * static_cast<float>(w) / static_cast<float>(h);
}

PhotoViewer view_measurement(std::int64_t patient_id, const std::string& date, const records::Measurement& m) {
  PhotoViewer v;
  v.open = true;
  v.load = true;
  v.patient_id = patient_id;
  v.photo = m.photo;
  v.side = m.side;
  char deg[32];
  std::snprintf(deg, sizeof deg, "%.1f", m.degrees);
  std::string movement(records::movement_name(m.movement));
  std::replace(movement.begin(), movement.end(), '_', ' ');
  v.title = date + ": " + std::string(records::side_name(m.side)) + " " + movement + " " + deg + " deg, " + std::string(records::position_name(m.position));
  auto pts = records::parse_landmarks(m.landmarks);
  if (!pts) {
    v.error = m.landmarks.empty() ? "no landmarks were stored with this photo" : pts.error().message;
    return v;
  }
  v.points = std::move(pts.value());
  if (auto a = records::photo_angle(v.points, m.side)) v.angle = a.value();
  else v.error = a.error().message;
  return v;
}

void keep_viewer_of(PhotoViewer& v, std::int64_t id) {
  if (v.patient_id == id) return;
  v = PhotoViewer{};
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
