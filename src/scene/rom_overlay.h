// rom_overlay.h — the joint-limit overlay as draw-list items: at each hip centre, an arc in the
// plane perpendicular to the femur's long axis spanning the normal range of external (−) to
// internal (+) rotation for the chosen norm, the patient's own limits if entered, a needle at the
// current rotation with its value in degrees, and the sign convention written on it. The arc is
// blue inside the range, amber within 5° of a limit and red past it. Flexion/extension and
// abduction/adduction arcs on request (in the pelvis's sagittal and frontal planes). Green ticks
// across the arcs, on request, mark what everyday activities take (anatomy/activity_demands.h).
//
// Angles: the arc point at rotation φ is the femur's anterior (x) axis when the hip is at the
// current flexion and adduction with rotation φ — so the needle (rotation = current) lies on the
// arc exactly where the pose is. Units: metres, radians; labels in degrees.
#pragma once
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "anatomy/activity_demands.h"
#include "anatomy/joint_coordinates.h"
#include "anatomy/rom_norms.h"
#include "scene/draw_list.h"

namespace hiplab {

struct RomOverlayOptions {
  anatomy::RomNorm norm = anatomy::default_rom_norm();
  anatomy::MeasuredLimits measured[2];  // per side index
  bool sides[2] = {true, true};         // right, left
  bool rotation = true;
  bool flexion = false;
  bool abduction = false;
  float radius_m = 0.12f;
  // Everyday activities' range (anatomy/activity_demands.h) as ticks across the arcs drawn.
  std::vector<anatomy::ActivityMark> activity_marks;
};

// The activity ticks' colour: green, apart from the arcs' blue, amber and red.
inline constexpr glm::vec4 kActivityTick{0.05f, 0.55f, 0.2f, 1.0f};

// Colours (linear RGB), colour-blind safe against each other: blue, amber, red; needle near-black.
inline constexpr glm::vec4 kArcInside{0.02f, 0.28f, 0.72f, 0.95f};
inline constexpr glm::vec4 kArcNear{1.0f, 0.48f, 0.0f, 0.95f};
inline constexpr glm::vec4 kArcPast{0.8f, 0.02f, 0.02f, 0.95f};
inline constexpr glm::vec4 kNeedle{0.01f, 0.01f, 0.01f, 1.0f};

// Arc colour for a rotation status.
glm::vec4 arc_color(anatomy::LimitStatus status);

// Direction (world) of the femur's anterior axis for `side` at the pose with hip rotation replaced
// by `rotation_rad`. The needle points along direction(current rotation).
glm::vec3 rotation_direction(const anatomy::LegAngles& pose, anatomy::Side side, double rotation_rad,
                             const glm::dmat4& pelvis_world);
// Hip centre in the world.
glm::vec3 hip_centre_world(anatomy::Side side, const glm::dmat4& pelvis_world);

void add_rom_overlay(const anatomy::LegAngles& pose, const glm::dmat4& pelvis_world, const RomOverlayOptions& options,
                     DrawList& out);

}  // namespace hiplab
