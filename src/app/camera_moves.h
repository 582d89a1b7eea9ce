// camera_moves.h — the window's camera on the window's clock: glides to presets and close-ups
// (the interpolation is app/camera_glide.h), the working hip the close-up and "follow" aim at.
#pragma once
#include <glm/glm.hpp>

#include "app/app_state.h"

namespace hiplab::app {

// Starts a glide from the current camera to `target` now.
void glide_to(App& app, const OrbitCamera& target);
// Moves the camera along the running glide, if any (once per frame).
void update_camera_glide(App& app);
// The working hip's centre in world space, at the current pose.
glm::vec3 working_hip(const App& app);
// A camera button or key from the panels: glides there, or jumps when `jump` (nothing without a model).
void camera_request(App& app, ui::CameraRequest request, bool jump = false);
// The current drill's view number `index` (its file's "views", for the working side): the camera
// looks from that direction relative to the person at the current pose and frames the pelvis and
// legs (a therapist's view: the whole person); glides there, or jumps when `jump`. False (nothing done) when there is no such view.
// `keep_direction`: look from that camera's direction instead (the view made again for a resized
// window keeps the direction it was first made from, though the person has moved since).
bool go_to_drill_view(App& app, int index, bool jump, const OrbitCamera* keep_direction = nullptr);
// The pelvis and legs framed from the camera's direction (a new model or a drill without views).
void frame_pelvis_and_legs(App& app, bool jump);
// Once a frame, after the panels are laid out: the window's framebuffer is `fw` x `fh`. Where that
// size or the part of the view the panels leave free differs from what the last framing was made
// for (App::framing), and the camera is still that framing's (or gliding to it), the framing is
// made again: at once for a new window size, gliding when only the panels moved. Once the user has
// moved the camera, it is left where they put it. True when it framed again.
bool reframe_if_view_changed(App& app, int fw, int fh);

}  // namespace hiplab::app
