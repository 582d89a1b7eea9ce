// landmarks.h — teaching landmarks (ASIS, greater trochanter, acetabulum, ...) as points on the
// bodies, for the labels a lecture names. Positions are in Gait2392 body frames (x anterior,
// y superior, z right; metres), right side (the left is mirrored), placed on the generated bones
// (tools/model_generator/bones.cpp) and the Gait2392 muscle attachments near them (for example the
// gluteus medius insertion on the greater trochanter, the iliacus insertion at the lesser trochanter).
#pragma once
#include <span>
#include <string_view>

#include <glm/glm.hpp>

#include "anatomy/skeleton.h"
#include "scene/body_pose.h"
#include "scene/draw_list.h"

namespace hiplab {

struct Landmark {
  std::string_view name;
  anatomy::BodyId body;  // right-side body (left: mirrored)
  glm::dvec3 local;      // m, right-side body frame
};

std::span<const Landmark> landmarks();

// Labels for every landmark on `side` (with a small leader line), at the posed body.
void add_landmark_labels(const BodyPoseInput& input, anatomy::Side side, DrawList& out);

}  // namespace hiplab
