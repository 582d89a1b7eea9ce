// photo_measure.h — the "Measure from photo" window's state and what a click on the photo does,
// without ImGui or GL (tested in tests/ui/photo_measure_test.cpp); ui/patients_panel.cpp draws it.
//
// The photo is shown scaled to fit the window; points are kept in the photo's own pixels (what
// `hiplab patients measure --landmarks` takes and what the record stores), so the angle does not
// depend on the window's size. A press on the photo picks up the nearest point within the grab
// radius and drags it; elsewhere it places the next point until the chosen landmarks are all
// there (records/photo_angle.h: 2 = knee, ankle; 3 = reference, knee, ankle; 4 = two of the
// reference, then knee, ankle).
//
// Also the photos already kept with a patient's measurements: their thumbnails in the Patients
// window's visit list (PhotoThumbnails, held only while that patient is shown, so their textures
// go when another one is selected) and the viewer a click on one opens (PhotoViewer: the photo
// with the landmarks stored with the measurement and its angle drawn).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "records/photo_angle.h"

namespace hiplab {
class Texture2D;
}

namespace hiplab::ui {

struct PhotoMeasure {
  bool open = false;
  std::string path;        // the photo chosen; empty: none yet
  bool load = false;       // path changed: read it and make the texture this frame
  int width = 0, height = 0;  // the photo's pixels (the landmarks' grid)
  std::shared_ptr<Texture2D> texture;  // the photo scaled for display (render/texture.h)
  int count = 2;           // landmarks wanted: 2, 3 or 4
  std::vector<records::PhotoPoint> points;
  int dragging = -1;       // index of the point being moved, -1 none
  std::string error;
};

// The thumbnails of one patient's photo measurements, by the kept photo's name (records/photo.h),
// each read when first shown.
struct PhotoThumbnail {
  std::shared_ptr<Texture2D> texture;  // null when it could not be read (`error` says why)
  int width = 0, height = 0;
  std::string error;
};
struct PhotoThumbnails {
  std::int64_t patient_id = 0;  // whose they are; 0 none
  std::map<std::string, PhotoThumbnail> by_photo;
};
// Keeps the thumbnails while they are patient `id`'s (0: none shown); for anyone else every one is
// dropped with its texture. Returns true when some were dropped.
bool keep_thumbnails_of(PhotoThumbnails& t, std::int64_t id);
// The size a w x h thumbnail is shown at, `height` screen pixels high (a missing size: square).
float thumbnail_width(int w, int h, float height);

// A kept photo opened from the visit list: what the measurement stored, drawn over the photo.
struct PhotoViewer {
  bool open = false;
  std::int64_t patient_id = 0;
  std::string photo;   // the kept photo's name in the patient's folder
  std::string title;   // "2024-02-10: right internal rotation 31 deg, seated"
  records::Side side = records::Side::kRight;
  std::vector<records::PhotoPoint> points;  // the stored landmarks (2-4), empty when unreadable
  std::optional<records::PhotoAngle> angle; // from them, as photo_angle reads them
  std::shared_ptr<Texture2D> texture;
  bool load = false;   // photo changed: read it and make the texture this frame
  int width = 0, height = 0;
  std::string error;
};
// The viewer for measurement `m` of the visit on `date` of patient `patient_id` (it must have a
// photo): its title, the stored landmarks and the angle they give; `load` set.
PhotoViewer view_measurement(std::int64_t patient_id, const std::string& date, const records::Measurement& m);
// Closes the viewer (dropping its texture) unless it shows patient `id`'s photo.
void keep_viewer_of(PhotoViewer& v, std::int64_t id);

// The view of the photo on screen: its top-left corner and screen pixels per photo pixel.
struct PhotoView {
  float x0 = 0.0f, y0 = 0.0f, scale = 1.0f;
  records::PhotoPoint to_photo(float sx, float sy) const { return {(sx - x0) / scale, (sy - y0) / scale}; }
  float screen_x(double px) const { return x0 + static_cast<float>(px) * scale; }
  float screen_y(double py) const { return y0 + static_cast<float>(py) * scale; }
};

// The scale that fits a w x h photo into avail_w x avail_h screen pixels (never above 1:1 x `max_zoom`).
float fit_scale(int w, int h, float avail_w, float avail_h, float max_zoom = 2.0f);

// A press at photo position `at` (grab radius in photo pixels): picks up a point near it or adds
// the next one. Returns true when something changed.
bool press(PhotoMeasure& m, records::PhotoPoint at, double grab_px);
// While the button is held: moves the picked-up point to `at` (clamped to the photo).
void drag(PhotoMeasure& m, records::PhotoPoint at);
void release(PhotoMeasure& m);

// The angle once the chosen landmarks are all placed (the error when they cannot give one), none
// while some are missing.
std::optional<Result<records::PhotoAngle>> measured(const PhotoMeasure& m, records::Side side);

// What the window says the next click places, e.g. "Click the ankle".
std::string next_landmark_hint(const PhotoMeasure& m);

}  // namespace hiplab::ui
