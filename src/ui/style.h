// style.h — the look of the app's panels: Dear ImGui's style and the fonts, for the window and for
// `hiplab bench` (which draws the same panels).
#pragma once

namespace hiplab::ui {

// The app's panel style (dark, opaque square windows, rounded frames).
void apply_style();
// Loads DejaVu Sans (normal, and large for cues and card titles) at the UI scale; falls back to
// ImGui's own font when DejaVu is not installed.
void setup_fonts(float scale);

}  // namespace hiplab::ui
