// loads.h — what acts on the legs besides the muscles: elastic bands, cables with weights,
// contacts (the floor, a support or the other leg pushing on a point of a leg), intentional
// isometric efforts and braces.
// A contact is a force the solve chooses (frame_analysis.h): a push along the contact normal,
// never a pull, with friction up to mu times the push. Friction coefficient: dry human skin, on
// skin or on textiles and mats, "relatively low and pressure-independent (greater than 0.2 and
// typically around 0.5)" — Derler & Gerhardt 2012, Tribol Lett 45:1-27 (review of the published
// skin friction coefficients); moist skin is higher (> 1), so 0.5 is the cautious figure.
//
// Units: metres, newtons, kilograms, N/m. Positions: a point on a body is given in THAT body's own
// frame (anatomy/skeleton.h; for a left body, left-frame coordinates, i.e. z mirrored); anchors and
// pulleys are world points (world origin = pelvis origin, axes as in posture.h, Y up).
// Sign of an effort: fraction in [-1, 1] of the largest torque the muscles can make about the
// coordinate in that direction; + toward + coordinate (joint_coordinates.h), e.g.
// {kHipRotation, -0.6} = "push into external rotation at 60%".
#pragma once
#include <string>
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

inline constexpr double kSkinFrictionCoefficient = 0.5;  // Derler & Gerhardt 2012, dry skin

// A contact site: a sphere on a body (a bony landmark plus the soft tissue over it as its radius),
// or the centre of mass of a leg segment (femur_*, tibia_* or calcn_*; radius 0). Sites on the
// pelvis (kPelvis) are fixed: `local` is then in the pelvis frame (the drill layer places torso,
// arm and head landmarks there), and the force on them reaches no leg coordinate.
struct ContactSite {
  BodyPoint centre;
  double radius_m = 0.0;
  bool centre_of_mass = false;  // use the segment's centre of mass (anthropometry.h) as the centre
};

// What a contact presses against: the floor (normal: world up, y), a support that is not drawn
// (a bench, a bolster, the other leg in a model that does not follow it — normal: world up), or a
// site on another body (normal: from that site's centre to this one's, so the spheres push apart;
// the other body feels the opposite force).
enum class ContactSurface : unsigned char { kFloor, kSupport, kBody };

struct Contact {
  ContactSite at;
  ContactSurface on = ContactSurface::kFloor;
  ContactSite other;  // when on == kBody
  double friction = kSkinFrictionCoefficient;
  std::string label;  // for reports, e.g. "ankle_r on ankle_l"
};
inline constexpr int kMaxContacts = 24;  // per frame; the solve ignores any beyond

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
  std::vector<Contact> contacts;
  std::vector<Effort> efforts;
  std::vector<Brace> braces;
  // The contacts carry the whole body (frame_analysis.h, "Whole-body balance"): its weight, pelvis
  // and trunk included, must be balanced by them. False: only the legs are balanced, the pelvis is
  // held by something not named (version-1 drills, the command line's own loads).
  bool whole_body = false;
};

}  // namespace hiplab::biomech
