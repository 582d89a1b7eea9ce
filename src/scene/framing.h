// framing.h — what the default views frame. For the HipLab body that is the pelvis and the legs (the
// working hips are what every drill is about), not the whole person: the skeleton's rigid meshes
// (hip bones, sacrum, femurs, tibias, fibulas, feet), padded by the soft tissue around them. For any
// other model it is the whole posed model. Units: metres, model space. Pure maths (no GL).
#pragma once
#include <vector>

#include "assets/model.h"
#include "assets/node_transforms.h"
#include "scene/body_pose.h"
#include "scene/camera.h"

namespace hiplab {

// Soft tissue around the bones that the framed box keeps in view (thigh and buttock skin lie up to
// about 8 cm outside the femur and the ilium).
inline constexpr float kFocusSoftTissuePad = 0.08f;

// The box the default views frame (see the file comment). Empty-model safe: falls back to posed_bounds.
Aabb focus_bounds(const Model& model, const NodeTransforms& pose);

// What focus_bounds is the box of, as points (a sample of the bones' vertices, every 8th; padded by
// kFocusSoftTissuePad when framed); for another model, the corners of its posed bounds.
std::vector<glm::vec3> focus_points(const Model& model, const NodeTransforms& pose);

// Points `cam` (keeping its yaw and pitch) at focus_points, centred, and widens its depth range to the whole
// posed model so nothing outside the focus is clipped by the near or far plane.
void frame_focus(OrbitCamera& cam, const Model& model, const NodeTransforms& pose, float aspect,
                 const glm::vec4& ndc_rect = glm::vec4(-1.0f, -1.0f, 1.0f, 1.0f));

// As frame_focus, over the body in every one of `poses` together: the still camera of a clip, which
// keeps the whole motion in view (a body model; any other model is framed in its bind pose).
// `ndc_rect` as in frame_focus (a picture with captions keeps their bands free).
void frame_focus_over(OrbitCamera& cam, const Model& model, const std::vector<BodyPoseInput>& poses, float aspect,
                      const glm::vec4& ndc_rect = glm::vec4(-1.0f, -1.0f, 1.0f, 1.0f));

// A therapist's view frames the whole person instead (scene/framing.h's default is the pelvis and
// legs): a sample of the posed body surface (every 8th skin vertex) and every bone, so the head,
// hands and feet are all in the picture. For another model, the corners of its posed bounds.
std::vector<glm::vec3> person_points(const Model& model, const NodeTransforms& pose);
void frame_person(OrbitCamera& cam, const Model& model, const NodeTransforms& pose, float aspect,
                  const glm::vec4& ndc_rect = glm::vec4(-1.0f, -1.0f, 1.0f, 1.0f));

// Widens cam.scene_radius (which sets the near and far planes) so that every corner of `whole` lies
// within it from cam.target: a view framed on a part of the model still draws all of it.
void cover_depth(OrbitCamera& cam, const Aabb& whole);

// Points `cam` (yaw and pitch only) from a direction given relative to the person: `from_body` is the
// direction from the body toward the eye in the pelvis frame (OpenSim: x anterior, y superior,
// z right), so "front" means facing the person whatever their posture; `pelvis_world` places the
// pelvis in the scene (y up). The pitch is clamped to what the orbit camera allows. A zero
// direction leaves the camera as it is.
void look_from_body_direction(OrbitCamera& cam, const glm::dmat4& pelvis_world, const glm::dvec3& from_body);

// The part of a window its panels leave free for the scene, in pixels (x0, y0, x1, y1; y down):
// panels along the left and right edges narrow it, panels along the top and bottom (the cue, the
// playback bar) shorten it. `panels` are (x, y, width, height) in the same pixels. When what is
// left would be too small to frame anything in (under 20% of the window or 160 px either way),
// the whole window.
glm::vec4 free_view_rect(glm::vec2 viewport, const std::vector<glm::vec4>& panels);
// A pixel rectangle (x0, y0, x1, y1; y down) in NDC (x0, y0, x1, y1; y up) for OrbitCamera::frame.
glm::vec4 ndc_rect_of(const glm::vec4& px, glm::vec2 viewport);

}  // namespace hiplab
