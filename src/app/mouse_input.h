// mouse_input.h — the mouse and keyboard in the 3D view: click to select a muscle or bone,
// double-click for a close-up, drag to orbit (right/middle: pan, wheel: zoom), grab the thigh or
// shin to turn that hip, rest to see a name. The rules are app/pick_drag.h; this file reads GLFW
// and ImGui's "is the mouse over a panel" and acts on the App.
#pragma once
#include <cstdint>

#include "app/app_state.h"

namespace hiplab::app {

// Routes GLFW's scroll, key and drop callbacks of app.window into `app` (before ImGui's backend
// is installed, which chains to them); remove_input_callbacks() stops that before `app` goes.
void install_input_callbacks(App& app);
void remove_input_callbacks();

// The pick id under window position (x, y) (window coordinates, as GLFW reports the cursor).
std::uint32_t pick_at(App& app, double x, double y);

// Once per frame, between ImGui::NewFrame() and drawing the panels.
void handle_mouse(App& app);

}  // namespace hiplab::app
