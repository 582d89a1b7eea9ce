// camera.h — the orbit camera: pure maths (no GL), shared by the window and headless rendering.
//
// World frame: y up (the floor is a plane y = const), x and z horizontal. Angles in radians.
// The eye sits at target + distance * (cos(pitch) sin(yaw), sin(pitch), cos(pitch) cos(yaw)), so
// yaw = 0 looks from +z toward -z. For a body in OpenSim's frame (x anterior, z right) the presets
// are: front = from +x, back = from -x, right = from +z, left = from -z, top = from +y.
// Screen coordinates are pixels from the top-left corner; NDC is [-1, 1] with y up.
#pragma once
#include <optional>
#include <span>
#include <string>

#include <glm/glm.hpp>

#include "assets/model.h"

namespace hiplab {

enum class ViewPreset { kFront, kBack, kLeft, kRight, kTop };

// Parses "front", "back", "left", "right", "top" (also "side" = right). Empty on anything else.
std::optional<ViewPreset> parse_view_preset(const std::string& name);
const char* view_preset_name(ViewPreset v);

struct OrbitCamera {
  glm::vec3 target{0.0f};
  float yaw = 0.0f;
  float pitch = 0.2f;
  float distance = 3.0f;
  float fov_y = 0.6f;        // vertical field of view, radians
  float scene_radius = 1.0f;  // for near/far planes
  // Where the target appears in the picture, in NDC (0,0 = the centre): a lens shift, so a view can
  // centre the body in the part of a window its panels leave free and still orbit about the body.
  glm::vec2 lens_shift{0.0f};
  // A mirror view for following along: left and right swapped in the picture (about the lens-shift
  // centre). Triangles then wind the other way on screen (the renderer flips its front face), and
  // dragging keeps its feel (orbit, pan and zoom read the cursor mirrored).
  bool mirrored = false;

  static constexpr float kMaxPitch = 1.5533f;  // 89°, keeps the up vector well defined
  static constexpr float kMinDistance = 0.02f;

  glm::vec3 eye() const;
  glm::vec3 forward() const;  // unit, eye → target
  glm::vec3 right() const;    // unit, screen +x
  glm::vec3 up() const;       // unit, screen +y
  glm::mat4 view() const;
  glm::mat4 projection(float aspect) const;
  // Pixels one metre spans at the target's distance in a view `viewport_h_px` pixels tall.
  float pixels_per_metre(float viewport_h_px) const;
  float near_plane() const;
  float far_plane() const;

  // Left-drag: pixels to angles (0.3° per pixel).
  void orbit(float dx_px, float dy_px);
  // Right/middle drag: the point under the cursor stays under the cursor (at the target's depth).
  void pan(float dx_px, float dy_px, float viewport_h_px);
  // Wheel: distance *= factor (factor < 1 zooms in), moving toward the point under the cursor.
  void zoom_toward(float factor, glm::vec2 cursor_ndc, float aspect);
  // Fits a box in view, keeping yaw and pitch: inside `ndc_rect` (x0, y0, x1, y1 in NDC, y up; the
  // whole viewport by default), centred there by the lens shift.
  void frame(const Aabb& box, float aspect, const glm::vec4& ndc_rect = glm::vec4(-1.0f, -1.0f, 1.0f, 1.0f));
  // Fits points, each with a margin of `pad` metres around it, inside `ndc_rect` (as frame does),
  // centring what they cover there: tighter than a box, whose corners stick out of a slanted limb.
  void frame_points(std::span<const glm::vec3> points, float pad, float aspect,
                    const glm::vec4& ndc_rect = glm::vec4(-1.0f, -1.0f, 1.0f, 1.0f));
  void set_preset(ViewPreset preset);

  // World point of an NDC position at NDC depth z (-1 near .. 1 far).
  glm::vec3 unproject(glm::vec3 ndc, float aspect) const;
  // Ray from the eye through an NDC position (unit direction).
  void ray(glm::vec2 ndc, float aspect, glm::vec3& origin, glm::vec3& dir) const;
};

}  // namespace hiplab
