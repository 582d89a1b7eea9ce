// Tests src/ui/photo_measure.h: what clicks on the photo in the "Measure from photo" window do —
// points placed in order in the photo's own pixels whatever the zoom, a press near a point picks it
// up and a drag moves it (clamped to the photo), no more points than the landmarks chosen — and
// that the angle is the one `hiplab patients measure --landmarks` gives for the same points.
#include <doctest/doctest.h>

#include "records/photo_angle.h"
#include "ui/photo_measure.h"

namespace hiplab {

namespace {

using namespace ui;
using records::PhotoPoint;

TEST_CASE("photo measure: clicks place the knee then the ankle, and the angle is the command line's") {
  PhotoMeasure m;
  m.width = 640;
  m.height = 480;
  // Shown at 1.25x with its corner at (30, 170) on screen.
  PhotoView view{30.0f, 170.0f, 1.25f};
  CHECK(next_landmark_hint(m).rfind("Click the knee", 0) == 0);
  CHECK_FALSE(measured(m, records::Side::kRight).has_value());
  CHECK(press(m, view.to_photo(30 + 320 * 1.25f, 170 + 100 * 1.25f), 10));
  release(m);
  CHECK(next_landmark_hint(m).rfind("Click the ankle", 0) == 0);
  CHECK(press(m, view.to_photo(30 + 220 * 1.25f, 170 + 420 * 1.25f), 10));
  release(m);
  REQUIRE(m.points.size() == 2);
  CHECK(m.points[1].x == doctest::Approx(220));
  CHECK(m.points[1].y == doctest::Approx(420));
  auto a = measured(m, records::Side::kRight);
  REQUIRE(a.has_value());
  REQUIRE(a->ok());
  auto cli = records::photo_angle(records::parse_landmarks("320,100,220,420").value(), records::Side::kRight, 640, 480);
  REQUIRE(cli.ok());
  CHECK(a->value().degrees == cli->degrees);
  CHECK(a->value().degrees == doctest::Approx(17.4));
  CHECK(a->value().movement == records::Movement::kInternalRotation);
  // All placed: another click away from the points adds nothing.
  CHECK_FALSE(press(m, {600, 50}, 10));
  CHECK(m.points.size() == 2);
}

TEST_CASE("photo measure: a press near a point picks it up and a drag moves it, within the photo") {
  PhotoMeasure m;
  m.width = 640;
  m.height = 480;
  press(m, {320, 100}, 10);
  release(m);
  press(m, {220, 420}, 10);
  release(m);
  // Grab the ankle a few pixels off and swing it to the other side of the vertical.
  CHECK_FALSE(press(m, {224, 417}, 10));
  CHECK(m.dragging == 1);
  drag(m, {400, 420});
  release(m);
  CHECK(m.dragging == -1);
  CHECK(m.points[1].x == 400);
  auto a = measured(m, records::Side::kRight);
  REQUIRE(a.has_value());
  REQUIRE(a->ok());
  CHECK(a->value().movement == records::Movement::kExternalRotation);
  // Dragged off the photo: the point stays on its edge.
  press(m, {400, 420}, 10);
  drag(m, {900, 700});
  release(m);
  CHECK(m.points[1].x == 640);
  CHECK(m.points[1].y == 480);
  // A press outside the photo does nothing.
  CHECK_FALSE(press(m, {-5, 10}, 10));
}

TEST_CASE("photo measure: three landmarks, and landmarks that cannot give an angle say why") {
  PhotoMeasure m;
  m.width = 800;
  m.height = 600;
  m.count = 3;
  press(m, {400, 50}, 10), release(m);
  press(m, {400, 200}, 10), release(m);
  CHECK(next_landmark_hint(m) == "Click the ankle");
  press(m, {400, 203}, 1), release(m);  // the ankle on the knee
  auto a = measured(m, records::Side::kLeft);
  REQUIRE(a.has_value());
  REQUIRE_FALSE(a->ok());
  CHECK(a->error().message.find("less than 8 pixels") != std::string::npos);
  CHECK(fit_scale(800, 600, 400, 600) == doctest::Approx(0.5f));
  CHECK(fit_scale(100, 100, 1000, 1000) == doctest::Approx(2.0f));
}

}  // namespace

}  // namespace hiplab
