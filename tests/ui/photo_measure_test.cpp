// Tests src/ui/photo_measure.h: what clicks on the photo in the "Measure from photo" window do —
// points placed in order in the photo's own pixels whatever the zoom, a press near a point picks it
// up and a drag moves it (clamped to the photo), no more points than the landmarks chosen — and
// that the angle is the one `hiplab patients measure --landmarks` gives for the same points; and
// for photos already kept, that the visit list's thumbnails (and the viewer a click opens) are let
// go, textures and all, once another patient is shown, and that the viewer draws the landmarks
// stored with the measurement and the angle they give.
#include <doctest/doctest.h>

#include "records/photo_angle.h"
#include "render/texture.h"
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

// A stand-in for a texture (the real ones need a GL context): what matters here is whether the
// cache still holds it, so its deleter counts the releases.
std::shared_ptr<Texture2D> counted_texture(int* released) {
  return std::shared_ptr<Texture2D>(static_cast<Texture2D*>(nullptr), [released](Texture2D*) { ++*released; });
}

TEST_CASE("photo thumbnails: held while their patient is shown, every texture let go when another one (or none) is") {
  PhotoThumbnails t;
  int released = 0;
  CHECK_FALSE(keep_thumbnails_of(t, 3));  // nothing held yet
  t.by_photo["2024-01-10-0a0b0c0d.jpg"].texture = counted_texture(&released);
  t.by_photo["2024-02-10-01020304.jpg"].texture = counted_texture(&released);
  CHECK_FALSE(keep_thumbnails_of(t, 3));  // the same patient: kept
  CHECK(t.by_photo.size() == 2);
  CHECK(released == 0);
  CHECK(keep_thumbnails_of(t, 4));  // another patient
  CHECK(t.by_photo.empty());
  CHECK(released == 2);
  CHECK(t.patient_id == 4);
  t.by_photo["2024-03-01-aabbccdd.jpg"].texture = counted_texture(&released);
  CHECK(keep_thumbnails_of(t, 0));  // the window closed, or the patient deleted
  CHECK(released == 3);
  // Shown 56 px high, a thumbnail keeps its shape.
  CHECK(thumbnail_width(256, 192, 56) == doctest::Approx(74.6667f));
  CHECK(thumbnail_width(192, 256, 56) == doctest::Approx(42.0f));
  CHECK(thumbnail_width(0, 0, 56) == doctest::Approx(56.0f));
}

TEST_CASE("photo viewer: a kept photo opens with its stored landmarks and their angle, and closes with its patient") {
  records::Measurement m;
  m.side = records::Side::kRight;
  m.movement = records::Movement::kInternalRotation;
  m.position = records::Position::kSeated;
  m.degrees = 17.4;
  m.method = records::Method::kPhoto;
  m.photo = "2024-02-10-01020304.jpg";
  m.landmarks = "320,100,220,420";
  PhotoViewer v = view_measurement(7, "2024-02-10", m);
  CHECK(v.open);
  CHECK(v.load);
  CHECK(v.photo == m.photo);
  CHECK(v.title == "2024-02-10: right internal rotation 17.4 deg, seated");
  REQUIRE(v.points.size() == 2);
  CHECK(v.points[1].x == 220);
  REQUIRE(v.angle.has_value());
  // The same angle as the measurement stored (and the command line gives for these points).
  CHECK(v.angle->degrees == doctest::Approx(m.degrees));
  CHECK(v.angle->movement == records::Movement::kInternalRotation);
  CHECK(v.error.empty());
  int released = 0;
  v.texture = counted_texture(&released);
  keep_viewer_of(v, 7);
  CHECK(v.open);
  CHECK(released == 0);
  keep_viewer_of(v, 8);
  CHECK_FALSE(v.open);
  CHECK_FALSE(v.texture);
  CHECK(released == 1);
  // Landmarks that cannot be read: the photo still opens, with the reason.
  m.landmarks = "320,100";
  PhotoViewer bad = view_measurement(7, "2024-02-10", m);
  CHECK(bad.open);
  CHECK(bad.points.empty());
  CHECK_FALSE(bad.angle.has_value());
  CHECK(bad.error.rfind("landmarks: ", 0) == 0);
  m.landmarks.clear();
  CHECK(view_measurement(7, "2024-02-10", m).error == "no landmarks were stored with this photo");
}

}  // namespace

}  // namespace hiplab
