// force_arrows.h — contact forces drawn as arrows over the scene (the effort solve's pushes and
// friction at each contact: session/view_state.h ContactArrow). Each arrow ends at the contact
// point, where the force acts, and starts outside it along the force, 2 mm per newton (a resting
// shank's ~40 N is 8 cm), at least 2 cm and at most 35 cm; forces under 1 N are left out. Its
// size in newtons is written at its tail. World frame: metres, y up.
#pragma once
#include <vector>

#include <glm/glm.hpp>

#include "scene/draw_list.h"

namespace hiplab {

struct ForceArrow {
  glm::vec3 point{0.0f};  // m, where the force acts
  glm::vec3 force{0.0f};  // N
};

inline constexpr float kArrowMetresPerNewton = 0.002f;

// Appends the arrows as overlay lines, heads and labels; returns how many were drawn.
int add_force_arrows(const std::vector<ForceArrow>& arrows, DrawList& out);

}  // namespace hiplab
