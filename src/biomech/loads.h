// loads.h — what acts on the legs besides the muscles: elastic bands, cables with weights, floor
// contacts that carry a segment's weight, and intentional isometric efforts.
//
// Units: metres, newtons, kilograms, N/m. Positions: a point on a body is given in THAT body's own
// frame (anatomy/skeleton.h; for a left body, left-frame coordinates, i.e. z mirrored); anchors and
// pulleys are world points (world origin = pelvis origin, axes as in posture.h, Y up).
// Sign of an effort: fraction in [-1, 1] of the largest torque the muscles can make about the
// coordinate in that direction; + toward + coordinate (joint_coordinates.h), e.g.
// {kHipRotation, -0.6} = "push into external rotation at 60%".
#pragma once
#include <vector>

#include <glm/vec3.hpp>

#include "anatomy/joint_coordinates.h"
#include "anatomy/skeleton.h"

namespace hiplab::biomech {

struct BodyPoint {
  anatomy::BodyId body = anatomy::BodyId::kTibiaR;
  glm::dvec3 local{0.0};  // m, in the body's own frame
};

// Tension = stiffness * max(0, distance - rest_length), pulling the attachment toward the anchor.
struct ElasticBand {
  BodyPoint attachment;
  glm::dvec3 anchor_world{0.0};
  double stiffness_n_per_m = 100.0;
  double rest_length_m = 0.0;
};

// A weight hanging over a pulley: constant tension m g toward the pulley.
struct Cable {
  BodyPoint attachment;
  glm::dvec3 pulley_world{0.0};
  double mass_kg = 0.0;
};

// The floor (or a bench) carries this leg segment's weight: femur_*, tibia_* or calcn_* (the foot).
struct FloorSupport {
  anatomy::BodyId body = anatomy::BodyId::kCalcnR;
};

struct Effort {
  anatomy::Side side = anatomy::Side::kRight;
  anatomy::LegCoord coord = anatomy::LegCoord::kHipRotation;
  double fraction = 0.0;  // [-1, 1]
};

// A hand, strap, bench edge or friction holds this coordinate still: it supplies whatever torque
// about it the rest does not balance, so the muscles are not asked for it (its row is dropped
// from the static optimisation). E.g. the knee held in place while the shin pushes against a band.
struct Brace {
  anatomy::Side side = anatomy::Side::kRight;
  anatomy::LegCoord coord = anatomy::LegCoord::kHipAdduction;
};

struct Loads {
  std::vector<ElasticBand> bands;
  std::vector<Cable> cables;
  std::vector<FloorSupport> supports;
  std::vector<Effort> efforts;
  std::vector<Brace> braces;
};

}  // namespace hiplab::biomech
