// muscle_wrap.h — wrap surfaces that keep muscle paths out of HipLab's bones (issue 11, section 2),
// as OpenSim's wrap objects do (WrapSphere, WrapCylinder): a surface fixed in a body frame, the
// muscles it acts on, and for each the stretch of path (between which Gait2392 path points) it
// applies to. Gait2392 itself has none (it uses conditional and moving points), so where its
// straight lines cut HipLab's bones the path goes round a surface fitted to those bones.
//
// Geometry (exact shortest paths, so the envelope theorem holds and moment arms stay analytic):
//   - sphere: the path A -> B, when the straight segment enters the sphere, runs along the tangent
//     from A, the great-circle arc in the plane through A, B and the centre, and the tangent to B;
//   - cylinder (infinite, radius r about an axis): the same in the plane across the axis, the arc a
//     helix — unrolled, the path is one straight line, so the height along the axis changes in
//     proportion to the unrolled length. A cylinder may be limited to one side (`side`, a unit
//     vector across the axis): it acts only when the path would wrap over that half, as OpenSim's
//     quadrant keeps a path on one face of a bone.
//   Ellipsoids are not used: their shortest paths have no closed form, and the usual scaled-sphere
//   approximation is not locally shortest, so its moment arms would not equal -dL/dq.
// A wrap acts when the straight segment between its two neighbouring active points passes into the
// surface (tangent angles overlap); at the switch the arc has zero length, so the length is
// continuous (and its derivative too: the tangent points meet where the line touches).
// Units: metres, in the frame of the wrap's body (right side; the left is mirrored like every
// right-side point, skeleton.h).
// Sources of the numbers: fitted here to HipLab's bone meshes (Gait2392's bone meshes in the same
// body frames: shared/reference/opensim-gait2392/meshes/*.obj), method beside each surface in
// muscle_wrap.cpp. The kinds and places of the surfaces follow Rajagopal et al. 2016 (IEEE TBME
// 63:2068) and Lai, Arnold & Uhlrich 2017/2023 models' use of wrap surfaces at the hip and knee;
// of their numbers only the places (and axes) of Rajagopal's Gmax2/Gmax3_at_pelvis_r and
// KnExt_at_fem_r are used, as the starts of searches that refit them to HipLab's bones (and the
// axis of AMdist_at_femshaft_r in a search whose cylinders were not used; AL_at_femshaft_r's axis
// also carries adductor magnus 1's and biceps femoris long head's shaft cylinders, at HipLab's
// own centres and radii). The
// spheres over the femoral shaft, behind the femoral neck, in the back of the femoral head, in
// the superior pubic ramus and over the front of the hip joint (rectus femoris'), and those behind the lesser trochanter (quadratus femoris';
// adductor magnus 3's, which adductor magnus 1 and 2 share; semitendinosus'), are HipLab's own.
// A wrap also lets go when an end of its stretch comes inside the surface; there the length jumps,
// so a surface is chosen whose stretch ends stay outside (tests/anatomy/muscle_wrap_test.cpp).
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

#include <glm/mat3x3.hpp>
#include <glm/vec3.hpp>

#include "anatomy/muscle_data.h"

namespace hiplab::anatomy {

enum class WrapShape : std::uint8_t { kSphere, kCylinder };

struct WrapSurface {
  std::string_view name;     // e.g. "femoral_head"
  PathBody body;             // the body frame it is fixed in (pelvis, femur, tibia or calcaneus)
  WrapShape shape;
  glm::dvec3 centre;         // m, right side, in `body`'s frame
  glm::dvec3 axis;           // cylinder: unit axis; sphere: unused
  double radius;             // m
  glm::dvec3 side;           // cylinder: unit vector across the axis the path may wrap over; 0 = either
  std::string_view fitted;   // how the numbers were found (which bone, which vertices)
};

// One muscle on one surface: the surface acts on the path between active points whose Gait2392
// point indices (0 = origin) lie in [first_point, last_point].
// `then_next`: this surface and the next entry (the same muscle and stretch) act on a segment in
// sequence — the path may go round this one, then the next (wrap_chain below), as OpenSim applies
// a path's wrap objects one after another. A run of entries with it set, ended by one without,
// chains up to kMaxChain surfaces (the stretch is the first entry's); without it, the first
// surface (or chain) that acts on a segment is the only one.
struct MuscleWrap {
  std::string_view muscle;  // side-less Gait2392 name, as muscle_data.h
  int surface;              // index into wrap_surfaces()
  int first_point;
  int last_point;
  bool then_next = false;
};

std::span<const WrapSurface> wrap_surfaces();
std::span<const MuscleWrap> muscle_wraps();
// The wraps of one muscle (a slice of muscle_wraps(), in order; muscle_wraps() is grouped by muscle).
std::span<const MuscleWrap> wraps_of(int muscle);

// At most this many points inside an arc (besides its two tangent points) are given for drawing.
inline constexpr int kMaxArcInnerPoints = 5;

// The shortest path from a to b round one surface, all in the surface's body frame.
struct WrapResult {
  bool active = false;
  glm::dvec3 t1{0.0}, t2{0.0};   // tangent points (leave a / reach b)
  double length_in = 0.0;        // |t1 - a|
  double arc = 0.0;              // length of the path on the surface, t1 -> t2
  double length_out = 0.0;       // |b - t2|
  int inner = 0;                 // points on the arc between t1 and t2 (for drawing)
  glm::dvec3 inner_point[kMaxArcInnerPoints]{};
};
void wrap_segment(const WrapSurface& s, const glm::dvec3& a, const glm::dvec3& b, WrapResult& out);

// A surface moved into another frame: x' = rotation * x + origin (its centre, axis and side).
WrapSurface moved_surface(const WrapSurface& s, const glm::dmat3& rotation, const glm::dvec3& origin);

// The most surfaces one segment may go round in sequence (MuscleWrap::then_next runs).
inline constexpr int kMaxChain = 4;

// The shortest path from a to b round surfaces[0], then surfaces[1], ... (all in the frame of a and
// b; at most kMaxChain): each surface's wrap is solved from the tangent point where the path leaves
// the nearest acting surface before it (a when none) to where it reaches the nearest acting one
// after it (b when none), as OpenSim applies a path's wrap objects in sequence, surface after
// surface, in rounds until no tangent point moves (by 1e-13 m in all; at most 200 rounds). Where
// several act the result has the tangent-continuity of a locally shortest path (each straight
// piece between two of them leaves one and reaches the next along their tangents), so the
// envelope theorem still gives the moment arms with every tangent point held on its body. Between
// two acting surfaces j < k, out[j].length_out and out[k].length_in both hold the straight piece
// between them (count it once); any may be inactive (with one acting the result is
// wrap_segment's). out must hold surfaces.size() results.
// Returns false when the rounds did not settle (surfaces that crowd each other can send the path
// round them in turn, a cycle): then the result is the last round's and not a shortest path;
// surfaces are chosen so that this never happens over the slider grid and the drills
// (tests/scene/muscle_wrap_bone_test.cpp counts it in the fit, tests/anatomy/muscle_wrap_test.cpp
// checks it).
bool wrap_chain(std::span<const WrapSurface> surfaces, const glm::dvec3& a, const glm::dvec3& b, std::span<WrapResult> out);
// Two surfaces: wrap_chain({s1, s2}, a, b, {first, second}).
bool wrap_chain(const WrapSurface& s1, const WrapSurface& s2, const glm::dvec3& a, const glm::dvec3& b, WrapResult& first,
                WrapResult& second);

}  // namespace hiplab::anatomy
