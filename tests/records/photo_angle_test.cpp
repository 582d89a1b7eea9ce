// Tests src/records/photo_angle.h: the angle from 2, 3 and 4 landmarks, the stated sign convention
// (clockwise in the photo = internal rotation of a right hip, external of a left one, in the
// seated/supine view with the ankle below the knee and in the prone view with it above), and
// landmarks that cannot give an angle.
#include <doctest/doctest.h>

#include <cmath>

#include "records/photo_angle.h"

namespace hiplab {

namespace {

using namespace records;

constexpr double kPi = 3.14159265358979323846;

// Knee at (500, 300), the shin 400 px long, turned `deg` clockwise from hanging straight down.
std::vector<PhotoPoint> hanging(double deg) {
  const double r = deg * kPi / 180.0;
  return {{500, 300}, {500 - 400 * std::sin(r), 300 + 400 * std::cos(r)}};
}

TEST_CASE("photo angle: knee and ankle against the vertical, seated from the front") {
  auto a = photo_angle(hanging(30.0), Side::kRight);
  REQUIRE(a.ok());
  CHECK(a->clockwise_deg == doctest::Approx(30.0));
  CHECK(a->degrees == doctest::Approx(30.0));
  // The right foot swung to the photo's left (the patient's right, outwards): internal rotation.
  CHECK(a->movement == Movement::kInternalRotation);
  auto left = photo_angle(hanging(30.0), Side::kLeft);
  REQUIRE(left.ok());
  CHECK(left->movement == Movement::kExternalRotation);
  auto ccw = photo_angle(hanging(-42.5), Side::kRight);
  REQUIRE(ccw.ok());
  CHECK(ccw->degrees == doctest::Approx(42.5));
  CHECK(ccw->movement == Movement::kExternalRotation);
  CHECK(photo_angle(hanging(-42.5), Side::kLeft)->movement == Movement::kInternalRotation);
}

TEST_CASE("photo angle: prone from the foot end, the ankle above the knee, keeps the convention") {
  // Ankle up and to the photo's right of the knee: clockwise from 12 o'clock. Prone and seen from
  // the feet, the photo's right is the patient's right: the right foot went outwards, internal.
  const std::vector<PhotoPoint> pts{{300, 600}, {300 + 200, 600 - 200 * std::sqrt(3.0)}};
  auto a = photo_angle(pts, Side::kRight);
  REQUIRE(a.ok());
  CHECK(a->clockwise_deg == doctest::Approx(30.0));
  CHECK(a->movement == Movement::kInternalRotation);
}

TEST_CASE("photo angle: a reference axis of its own (3 and 4 points), e.g. a tilted camera") {
  // The camera is rolled 10 deg: a plumb line in the photo runs 10 deg clockwise of the photo's
  // vertical and the shin 35 deg: the rotation is 25 deg.
  const double r10 = 10 * kPi / 180, r35 = 35 * kPi / 180;
  const PhotoPoint top{400 + 300 * std::sin(r10), 100 - 300 * std::cos(r10) + 300};  // above the knee on the tilted line
  const PhotoPoint knee{400 - 0.0, 400};
  const PhotoPoint ankle{400 - 350 * std::sin(r35), 400 + 350 * std::cos(r35)};
  auto three = photo_angle({top, knee, ankle}, Side::kRight);
  REQUIRE(three.ok());
  CHECK(three->clockwise_deg == doctest::Approx(25.0));
  // The same reference given by two points elsewhere in the photo (e.g. a door frame), the shin by two.
  const PhotoPoint f0{900, 50}, f1{900 - 500 * std::sin(r10), 50 + 500 * std::cos(r10)};
  auto four = photo_angle({f0, f1, knee, ankle}, Side::kRight);
  REQUIRE(four.ok());
  CHECK(four->clockwise_deg == doctest::Approx(25.0));
  CHECK(four->movement == Movement::kInternalRotation);
}

TEST_CASE("photo angle: landmarks that cannot give an angle are refused with a reason") {
  auto one = parse_landmarks("10,20");
  REQUIRE_FALSE(one.ok());
  CHECK(one.error().message.find("expected 2 to 4 points") != std::string::npos);
  CHECK_FALSE(parse_landmarks("10,20,30").ok());
  CHECK_FALSE(parse_landmarks("10,20,30,x").ok());
  CHECK_FALSE(parse_landmarks("10,20,30,-4").ok());
  CHECK_FALSE(parse_landmarks("1,2,3,4,5,6,7,8,9,10").ok());
  auto close = photo_angle({{100, 100}, {103, 104}}, Side::kRight);
  REQUIRE_FALSE(close.ok());
  CHECK(close.error().message.find("less than 8 pixels") != std::string::npos);
  auto flat = photo_angle({{100, 100}, {200, 100}, {300, 250}}, Side::kRight);  // shin 56 deg off a horizontal "reference"
  CHECK(flat.ok());
  auto past = photo_angle({{100, 100}, {100, 200}, {0, 190}}, Side::kRight);  // shin turned back up: ~96 deg
  REQUIRE_FALSE(past.ok());
  CHECK(past.error().message.find("expected at most 90") != std::string::npos);
  auto outside = photo_angle({{100, 100}, {120, 900}}, Side::kRight, 640, 480);
  REQUIRE_FALSE(outside.ok());
  CHECK(outside.error().message.find("outside the 640x480 photo") != std::string::npos);
}

TEST_CASE("photo angle: landmarks written and read back are the same numbers") {
  const std::vector<PhotoPoint> pts{{0.1 + 0.2, 12}, {1e-7, 4096.5}, {3, 4}};
  auto back = parse_landmarks(landmarks_text(pts));
  REQUIRE(back.ok());
  REQUIRE(back->size() == 3);
  for (std::size_t i = 0; i < pts.size(); ++i) {
    CHECK((*back)[i].x == pts[i].x);
    CHECK((*back)[i].y == pts[i].y);
  }
  CHECK(landmarks_text(parse_landmarks("512,300,512,700").value()) == "512,300,512,700");
}

}  // namespace

}  // namespace hiplab
