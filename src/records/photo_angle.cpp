#include "records/photo_angle.h"

#include <charconv>
#include <cmath>

namespace hiplab::records {

namespace {

constexpr double kPi = 3.14159265358979323846;

struct Vec {
  double x, y;
};

Vec minus(PhotoPoint a, PhotoPoint b) { return {a.x - b.x, a.y - b.y}; }
double length(Vec v) { return std::hypot(v.x, v.y); }

}  // namespace

Result<std::vector<PhotoPoint>> parse_landmarks(std::string_view text) {
  std::vector<double> values;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::string_view cell = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    double v = 0.0;
    const auto r = std::from_chars(cell.data(), cell.data() + cell.size(), v);
    if (cell.empty() || r.ec != std::errc() || r.ptr != cell.data() + cell.size() || !std::isfinite(v) || v < 0.0)
      return make_error("landmarks: expected pixel coordinates x1,y1,x2,y2[,x3,y3[,x4,y4]] (numbers >= 0), got '" + std::string(cell) +
                        "' in '" + std::string(text) + "'");
    values.push_back(v);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (values.size() % 2 != 0 || values.size() < 4 || values.size() > 8)
    return make_error("landmarks: expected 2 to 4 points (4 to 8 numbers: knee,ankle / reference,knee,ankle / two of the reference and two of the shin), got " +
                      std::to_string(values.size()) + " numbers");
  std::vector<PhotoPoint> out;
  for (std::size_t i = 0; i < values.size(); i += 2) out.push_back({values[i], values[i + 1]});
  return out;
}

std::string landmarks_text(const std::vector<PhotoPoint>& points) {
  std::string out;
  for (const PhotoPoint& p : points) {
    if (!out.empty()) out += ',';
    out += exact_decimal(p.x);
    out += ',';
    out += exact_decimal(p.y);
  }
  return out;
}

Result<PhotoAngle> photo_angle(const std::vector<PhotoPoint>& pts, Side side, int width, int height) {
  if (pts.size() < 2 || pts.size() > 4) return make_error("landmarks: expected 2 to 4 points, got " + std::to_string(pts.size()));
  if (width > 0 && height > 0)
    for (std::size_t i = 0; i < pts.size(); ++i)
      if (pts[i].x > width || pts[i].y > height)
        return make_error("landmarks: point " + std::to_string(i + 1) + " (" + exact_decimal(pts[i].x) + "," + exact_decimal(pts[i].y) +
                          ") is outside the " + std::to_string(width) + "x" + std::to_string(height) + " photo");
  Vec reference{}, shin{};
  if (pts.size() == 2) {
    shin = minus(pts[1], pts[0]);
    // The vertical, pointing the way the shin hangs (down seated or supine, up prone).
    reference = {0.0, shin.y >= 0.0 ? 1.0 : -1.0};
  } else if (pts.size() == 3) {
    reference = minus(pts[1], pts[0]);
    shin = minus(pts[2], pts[1]);
  } else {
    reference = minus(pts[1], pts[0]);
    shin = minus(pts[3], pts[2]);
  }
  if (length(shin) < kMinSegmentPx)
    return make_error("landmarks: the knee and the ankle are less than " + exact_decimal(kMinSegmentPx) + " pixels apart (expected them at the ends of the shin)");
  if (pts.size() > 2 && length(reference) < kMinSegmentPx)
    return make_error("landmarks: the reference axis's two points are less than " + exact_decimal(kMinSegmentPx) + " pixels apart");
  // With y down the photo, the cross product reference x shin is positive for a clockwise turn as
  // the photo is seen.
  const double cross = reference.x * shin.y - reference.y * shin.x;
  const double dot = reference.x * shin.x + reference.y * shin.y;
  PhotoAngle a;
  a.clockwise_deg = std::atan2(cross, dot) * 180.0 / kPi;
  // To a tenth of a degree: a click is good to a pixel, which on a shin a few hundred pixels long
  // is a few tenths; more digits would claim a precision the photo does not have.
  a.degrees = std::round(std::abs(a.clockwise_deg) * 10.0) / 10.0;
  if (a.degrees > kMaxPhotoAngleDeg)
    return make_error("landmarks: the shin is " + std::to_string(static_cast<int>(std::lround(a.degrees))) +
                      " degrees from the reference axis (expected at most 90: place the reference first, then the knee, then the ankle)");
  const bool clockwise = a.clockwise_deg > 0.0;
  a.movement = (clockwise == (side == Side::kRight)) ? Movement::kInternalRotation : Movement::kExternalRotation;
  if (a.degrees == 0.0) a.movement = Movement::kInternalRotation;  // neutral: either name is right; one is chosen
  return a;
}

}  // namespace hiplab::records
