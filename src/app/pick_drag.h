// pick_drag.h — what a click or a drag in the 3D view means, without the window: which muscle or
// bone a pick id names, which hip a grabbed thigh or shin turns, when a press is a click or a
// double click, and how far a drag turns the hip. app/mouse_input.cpp applies these to the mouse.
//
// Pick ids are the scene's (scene/body_scene.h): 0 nothing, kBonePickBase + mesh index for a mesh,
// kMusclePickBase + 100 * side index + muscle index for a muscle. Distances are window pixels.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "anatomy/skeleton.h"
#include "assets/model.h"
#include "assets/muscle_info.h"

namespace hiplab::app {

struct MusclePick {
  anatomy::Side side;
  int muscle;  // index into anatomy's muscle table; may be past its end for a stray id
};
// The muscle a pick id names, if it is a muscle id.
std::optional<MusclePick> muscle_of_pick(std::uint32_t id);
// The mesh index a pick id names, if it is a mesh id of `model`.
std::optional<std::size_t> mesh_of_pick(const Model& model, std::uint32_t id);

// The name shown when the mouse rests on a pick: the muscle's display name with its side, the
// bone's display name with its side (body model), the mesh's own name (any other model), or
// empty for nothing.
std::string pick_name(std::uint32_t id, const Model& model, bool body, const std::vector<MuscleInfo>& muscle_info,
                      const std::vector<BoneInfo>& bone_info);

// Which hip grabbing this pick turns: a muscle (the hip and thigh muscles are what is on the leg)
// or a femur, tibia, fibula or patella mesh (suffix _l left, else right). 0 right, 1 left, -1 none.
int hip_of_pick(const Model& model, std::uint32_t id);

// A press and release less than this far apart (each axis) is a click, not a drag.
constexpr double kClickSlopPx = 3.0;
// A second click within this time and distance of the first is a double click (a close-up).
constexpr double kDoubleClickS = 0.35;
constexpr double kDoubleClickSlopPx = 4.0;
// Hands-on drag: horizontal pixels to hip rotation.
constexpr double kHipRotationDegPerPx = 0.4;

bool is_click(double press_x, double press_y, double x, double y);
bool is_double_click(double last_click_s, double last_x, double last_y, double now_s, double x, double y);
// The hip rotation (radians, + internal for either leg) a mouse move of `dx` pixels adds while
// the thigh is held, the cursor now at `x` after pressing at `press_x`: none until the cursor has
// left the click slop, so a click on the thigh does not turn it.
double hip_drag_step(double press_x, double x, double dx);

}  // namespace hiplab::app
