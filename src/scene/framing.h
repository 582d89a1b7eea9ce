// framing.h — what the default views frame. For the HipLab body that is the pelvis and the legs (the
// working hips are what every drill is about), not the whole person: the skeleton's rigid meshes
// (hip bones, sacrum, femurs, tibias, fibulas, feet), padded by the soft tissue around them. For any
// other model it is the whole posed model. Units: metres, model space. Pure maths (no GL).
#pragma once
#include "assets/model.h"
#include "assets/pose.h"
#include "scene/camera.h"

namespace hiplab {

// Soft tissue around the bones that the framed box keeps in view (thigh and buttock skin lie up to
// about 8 cm outside the femur and the ilium).
inline constexpr float kFocusSoftTissuePad = 0.08f;

// The box the default views frame (see the file comment). Empty-model safe: falls back to posed_bounds.
Aabb focus_bounds(const Model& model, const Pose& pose);

// Points `cam` (keeping its yaw and pitch) at focus_bounds, and widens its depth range to the whole
// posed model so nothing outside the focus is clipped by the near or far plane.
void frame_focus(OrbitCamera& cam, const Model& model, const Pose& pose, float aspect);

}  // namespace hiplab
