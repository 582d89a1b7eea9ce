// path_curve.h — a muscle path as a smooth curve with twist-free frames, shared by the model
// generator (which stores each muscle-volume vertex as path coordinates at the bind pose) and the
// scene (which places those vertices on the posed path every frame), so both agree exactly.
//
// The curve is a Catmull-Rom spline through the path points (ends mirrored), eased by a few
// binomial smoothing passes (ends fixed) so a volume's offset stays inside the bend's radius where
// a path turns sharply over bone, then resampled at
// kStations points evenly spaced by arc length. Frames are parallel-transported from the origin:
// the first normal is `hint` made orthogonal to the first tangent, and each next normal is the
// previous one with its tangent part removed, so the frame never spins about the path.
// A point is written as path coordinates (s, a, u, v): normalised arc length s in [0, 1] and an
// offset a along the tangent, u along the normal and v along the binormal at s (frames linearly
// interpolated between stations). Units: metres, in whatever frame the points are given.
#pragma once
#include <array>
#include <cstdint>
#include <span>

#include <glm/glm.hpp>

#include "anatomy/kinematics.h"
#include "anatomy/muscle_data.h"
#include "anatomy/muscle_path.h"

namespace hiplab::anatomy {

struct PathCurve {
  static constexpr int kStations = 48;
  std::array<glm::dvec3, kStations> pos{}, tangent{}, normal{}, binormal{};
  double length = 0.0;  // arc length of the spline, m
  // Normalised arc length at each of the given points (a repeated point shares its twin's); with
  // anchors, at each active point of the path.
  std::array<double, kMaxPathPoints> point_s{};
  // Section scale at each station: sqrt(rest length / length) of the path segment it lies on
  // (see build_path_curve's `rest`), else of the whole path; 1 when no rest is given.
  std::array<double, kStations> scale{};
  // Normalised arc length of each station along this curve (r / (kStations - 1) without `rest`;
  // with it, where the station's place in its segment puts it), comparable with point_s.
  std::array<double, kStations> station_s{};
};

// The same path at the bind pose: its point_s and length. With it, stations keep their place
// within each segment between two path points (a station 40% along the third segment at rest
// stays 40% along it), and each segment's section scales with its own stretch: a segment that
// shortens (the belly between origin and insertion) thickens, one that rides on a bone keeps its
// shape. Used when the pose has the same active points as the bind pose.
struct PathRest {
  std::span<const double> point_s;
  double length = 0.0;
};

// For each active point of `p`, its index among the bind pose's active points, whose spec indices
// (MusclePath::spec at the bind pose) are `rest_spec`; -1 where it was not active then.
void match_rest_points(const MusclePath& p, std::span<const std::int8_t> rest_spec, std::array<std::int8_t, kMaxPathPoints>& out);

// `points` >= 1 (repeated points are dropped; a single point gets a 1 mm stub downward).
// `anchor` (empty, or one per point): MusclePath::drawn_anchor — the curve runs through every
// point (over the wraps' arcs), while point_s and the rest mapping are of the path's active points
// only (an arc point has -1), so the volume keeps its place along the muscle whether or not a wrap
// acts, and stations spread over the arc instead of jumping across it.
void build_path_curve(std::span<const glm::dvec3> points, const glm::dvec3& hint, PathCurve& out, const PathRest& rest = {},
                      std::span<const std::int8_t> anchor = {});

// Point at path coordinates (s, a, u, v), the cross-section offset (u, v) scaled by `section_scale`.
glm::dvec3 place_on_curve(const PathCurve& c, const glm::dvec4& coord, double section_scale = 1.0);

// Path coordinates of `p`: s of the nearest point of the station polyline, the offset in the frame
// there (exact inverse of place_on_curve at scale 1).
glm::dvec4 path_coordinates(const PathCurve& c, const glm::dvec3& p);

// The frame-start hint of a muscle at a pose, in the pelvis frame of `side`. `hint_local` and
// `tangent_local` are the hint and the first path segment's direction at the bind pose, in the
// frame of the path's first body (for that side; all body frames are parallel to the pelvis in the
// anatomical position). The hint turns with that body and then by the smallest rotation that takes
// the bound first direction onto `tangent_now` (the posed first segment's direction), so it stays
// across the path however the first segment swings.
glm::dvec3 path_hint(const LegKinematics& kin, PathBody first_body, Side side, const glm::dvec3& hint_local,
                     const glm::dvec3& tangent_local, const glm::dvec3& tangent_now);
// Direction of the first segment of a path (unit; straight down for a degenerate one).
glm::dvec3 first_direction(std::span<const glm::dvec3> points);

// The curve's unit tangent and normal at the active path point `j` (at point_s[j], between the two
// stations around it, linearly).
void curve_frame_at_point(const PathCurve& c, int j, glm::dvec3& tangent, glm::dvec3& normal);

// The placed curve's normal and tangent at each active path point of `muscle` on `side` in the
// anatomical (bind) pose, in the pelvis frame of the side: the curve built as the scene builds it (the drawn
// points over the wraps, the volume's hint and `rest`). The scene turns each with its point's body
// to find how far the posed frames have twisted against the bones (scene/muscle_volume.h). Writes
// the number of active points, or 0 for an unknown muscle.
int rest_point_normals(int muscle, Side side, const glm::dvec3& hint_local, const glm::dvec3& tangent_local, const PathRest& rest,
                       std::array<glm::dvec3, kMaxPathPoints>& normal, std::array<glm::dvec3, kMaxPathPoints>& tangent,
                       std::array<std::int8_t, kMaxPathPoints>* spec = nullptr);

// The rest curve itself, as rest_point_normals builds it (false for an unknown muscle).
bool rest_path_curve(int muscle, Side side, const glm::dvec3& hint_local, const glm::dvec3& tangent_local, const PathRest& rest,
                     PathCurve& out);

// A curve's station frames in single precision, as the scene places volumes on them.
struct StationFrames {
  std::array<glm::vec3, PathCurve::kStations> pos{}, tangent{}, normal{}, binormal{};
};
// Station frames smoothed along the curve, for the parts of a volume that lie far from their path:
// where the path turns sharply (over a wrap surface's arc, round the knee, over the pelvic brim) a
// section offset d from it by more than the turn's radius folds on the inside of the turn and
// stretches on the outside; on frames averaged over a stretch of the curve the same section turns
// gently. Positions, tangents and normals are averaged over a window of 2 h + 1 stations (h =
// `half_width`, narrowed near the ends so the end stations keep their place and a straight run
// stays as it is), twice over (a triangular kernel of 4 h + 1 stations); tangents are normalised,
// normals made orthogonal to them. Linear in its input but for those normalisations, so the same
// function of the bind pose's frames and of a posed curve's agree where the curve moves rigidly.
void smooth_station_frames(const StationFrames& in, StationFrames& out, int half_width);
// The window the muscle volumes use (scene/muscle_volume.h; the rest coordinates on the smoothed
// frames are made at load with the same, assets/muscle_volumes.h).
constexpr int kVolumeSmoothHalfWidth = 3;
// Frames part way from `a` to `b` (w 0..1): positions and axes mixed linearly.
void blend_station_frames(const StationFrames& a, const StationFrames& b, float w, StationFrames& out);
// The volumes' smoothing levels: a vertex at offset d (m) from its path is placed on the frames
// blend_station_frames(path's, smoothed, level / kVolumeSmoothLevels), its level the nearest to a
// smoothstep of d from kVolumeSmoothFrom to kVolumeSmoothFull (one placement per vertex, as
// cheap as on the path's own frames; neighbouring vertices on neighbouring levels).
constexpr int kVolumeSmoothLevels = 3;
constexpr float kVolumeSmoothFrom = 0.012f, kVolumeSmoothFull = 0.030f;
int volume_smooth_level(float offset_m);

// A hint for a first tangent `t` (unit): the coordinate axis most nearly perpendicular to it.
glm::dvec3 default_path_hint(const glm::dvec3& t);

}  // namespace hiplab::anatomy
