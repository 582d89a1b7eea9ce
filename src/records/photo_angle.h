// photo_angle.h — the hip-rotation angle measured on a photo of the rotation test, from landmarks
// the user clicks (pure: no files, no pixels).
//
// Landmarks are pixel positions in the photo as stored (x to the right, y down, origin at the top
// left corner), 2 to 4 of them:
//   2  knee, ankle                    — the shin against the photo's vertical (a level camera)
//   3  a point on the reference axis, the knee, the ankle
//                                     — the shin against the line from that point through the knee
//                                       (a plumb line, the table's edge, the thigh's axis)
//   4  two points of the reference axis, then two of the shin (knee, ankle)
// The angle is the shin's deviation from the reference axis continued through the knee: 0 when
// the shin lies along it.
//
// Sign convention (stated once; the command line and the window both use it): looking at the photo
// as taken (not mirrored, as a front camera's "selfie" preview is), a shin turned CLOCKWISE from the
// reference is INTERNAL rotation of a RIGHT hip and external rotation of a left hip; counter-
// clockwise the opposite. This holds for the three standard views of the test, because in each the
// foot moves laterally in internal rotation:
//   seated, photographed from the front (knee above the ankle; the patient's right is the photo's
//     left, so the right foot moving out swings the ankle from 6 o'clock towards 9: clockwise);
//   supine with the legs over the table's end, photographed from the foot end (as seated);
//   prone with the knee bent 90°, photographed from the foot end (ankle above the knee; the
//     patient's right is the photo's right: the right foot moving out swings from 12 towards 3,
//     clockwise again).
// Hip rotation in these tests is the shin's angle (Kouyoumdjian et al. 2012, Orthop Traumatol Surg
// Res 98:17-23, measured rotation this way on photographs in all three positions).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "records/records.h"

namespace hiplab::records {

struct PhotoPoint {
  double x = 0.0, y = 0.0;  // pixels of the stored photo
};

struct PhotoAngle {
  double clockwise_deg = 0.0;  // signed, + clockwise in the photo as seen (-180..180)
  double degrees = 0.0;        // the size of the rotation (>= 0) to 0.1 deg, what a measurement stores
  Movement movement = Movement::kInternalRotation;  // internal or external, from the side and the sign
};

// Shin segments shorter than this (pixels) cannot give an angle to better than a few degrees.
inline constexpr double kMinSegmentPx = 8.0;
// A rotation test never turns the shin past the horizontal; more means the points are misplaced.
inline constexpr double kMaxPhotoAngleDeg = 90.0;

// "x1,y1,x2,y2[,x3,y3[,x4,y4]]": 2 to 4 points, each coordinate a number >= 0. Errors name the
// field ("landmarks: expected ...").
Result<std::vector<PhotoPoint>> parse_landmarks(std::string_view text);
// The inverse, exact (records.h exact_decimal): parse_landmarks(landmarks_text(p)) == p.
std::string landmarks_text(const std::vector<PhotoPoint>& points);

// The angle from 2–4 landmarks (above) of the `side` leg. `width`/`height` (> 0) are the photo's
// size: points outside it are refused; 0 skips that check. Errors: too few or many points, a
// segment shorter than kMinSegmentPx, a shin more than kMaxPhotoAngleDeg from the reference.
Result<PhotoAngle> photo_angle(const std::vector<PhotoPoint>& points, Side side, int width = 0, int height = 0);

}  // namespace hiplab::records
