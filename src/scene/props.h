// props.h — what a drill uses, drawn with the body (issue 12, "Props"): the exercise mat under a
// body lying, sitting or kneeling on the floor (drawn flat by the floor: DrawList::floor.mat); the bench a seated drill sits on (its top where the
// effort solve's seat contacts are); the elastic band from the ankle to its anchor, thinning as it
// stretches (its cross-section keeps the band's volume: radius ∝ 1/sqrt(length / rest length)); the
// cable from the ankle over its pulley down to the weight stack. The band and the cable are drawn
// along the very line the effort solve pulls along (biomech::PullResult), so the picture and the
// torques share one anchor and one direction. A partner's hand, where a drill phase names one, rests
// on the landmark's skin on the side it resists from (e.g. a PAILs contraction's). A handle a hand
// holds (the cable machine's, "hold the machine") is drawn where the drill's grip puts the hand.
// World frame: metres, y up, floor at y = 0.
#pragma once
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "scene/draw_list.h"

namespace hiplab {

struct PropPull {
  glm::vec3 attachment{0.0f};  // on the leg
  glm::vec3 target{0.0f};      // the band's anchor or the cable's pulley
  float stretch = 1.0f;        // band: length / rest length
  bool elastic = true;         // band (true) or cable (false)
};

struct Props {
  // The mat: a rectangle on the floor, its centre, long axis (unit, horizontal) and size.
  bool mat = false;
  glm::vec3 mat_centre{0.0f};
  glm::vec3 mat_axis{1.0f, 0.0f, 0.0f};
  glm::vec2 mat_size{1.8f, 0.65f};  // length along the axis, width across it, m
  // The bench: the top's centre (its height = where the seat contacts act) and its size.
  std::optional<glm::vec3> seat_top;
  glm::vec2 seat_size{0.45f, 0.45f};
  glm::vec3 seat_axis{1.0f, 0.0f, 0.0f};  // its front, horizontal
  std::vector<PropPull> pulls;
  // A partner's hand (motion::PartnerHand): the palm's centre, the unit direction it presses in
  // (toward the landmark it rests on) and where the partner's forearm ends.
  struct Hand {
    glm::vec3 palm{0.0f};
    glm::vec3 press{1.0f, 0.0f, 0.0f};
    glm::vec3 forearm_end{0.0f};
  };
  std::optional<Hand> partner_hand;
  // The handle a hand holds (motion::Grip: the middle of the grip, world): drawn as a vertical
  // handle on an arm from the cable machine's column (the first cable's pulley) when the drill has
  // a cable, else on a post of its own.
  std::optional<glm::vec3> grip;
};

inline constexpr float kBandRadius = 0.006f;     // a flat band drawn round, at its rest length
inline constexpr float kCableRadius = 0.002f;

// Appends the props as one dynamic mesh (opaque, lit, not pickable); nothing when there are none.
void add_props(const Props& props, DrawList& out);

// Radius a band is drawn with at this stretch (>= 1; slack bands keep the rest radius).
float band_radius(float stretch);

}  // namespace hiplab
