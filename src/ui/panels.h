// panels.h — the panels the window's UI is made of, one file each (ui/app_ui.cpp lays them out).
// Internal to ui/: every function here draws with Dear ImGui inside the current frame, changes the
// session where that is all there is to it, and puts what only the app can do into UiActions.
#pragma once
#include <vector>

#include "motion/drill_channels.h"
#include "ui/app_ui.h"

namespace hiplab::ui {

// Called between a docked panel's Begin and End: records its rectangle in ui.panel_rects, so the
// app frames the scene in the part of the window the panels leave free.
void note_panel(UiState& ui);

// Left panel ("HipLab" window).
void model_and_view(session::Session& s, UiState& ui, UiActions& a);                  // ui/model_view_panel.cpp
void drills_panel(session::Session& s, UiState& ui, UiActions& a);  // ui/drills_panel.cpp
void overlay_panel(session::Session& s, UiActions& a);              // ui/overlay_panel.cpp
void pose_panel(session::Session& s);                               // ui/pose_panel.cpp
// The Pose panel's sliders, in the order shown: each drives one drill channel through the session
// (Session::begin_pose_edit / set_channel / end_pose_edit: a drill pauses and keeps its loads).
struct PoseSlider {
  motion::Channel channel;
  const char* label;
};
struct PoseSliderGroup {
  const char* title;
  std::vector<PoseSlider> sliders;
};
const std::vector<PoseSliderGroup>& pose_slider_groups();

// Right panel ("Muscles" window) and the cards it ends with.
void muscles_panel(session::Session& s, UiState& ui, UiActions& a, const session::ComputedFrame& frame,
                   const std::vector<MuscleInfo>& info, const Model* model, const BoneCards* bones);  // ui/muscles_panel.cpp
// The right ("Muscles") panel's first width, before the UI scale (app_ui.cpp), and the width its
// "Working now" rows leave for a muscle's name beside the activation (muscles_panel.cpp) in a
// row `avail` wide: the longest names must fit (issue 12: "muscle names not cut off"; tested).
inline constexpr float kMusclesPanelWidth = 372.0f;
float working_row_name_width(float avail);
// Isolate / fade / hide one muscle on both sides (in the muscle list's right-click menu and on the
// muscle card); `menu` draws them as menu items, else as small buttons on one line.
void muscle_view_buttons(session::ViewSettings& v, int muscle, bool menu);  // ui/muscles_panel.cpp
void muscle_card(session::Session& s, UiActions& a, const session::ComputedFrame& frame, const std::vector<MuscleInfo>& info);  // ui/muscle_card.cpp
void bone_card(session::Session& s, const Model& model, const std::vector<MuscleInfo>& info, const BoneCards* bones);  // ui/bone_card.cpp

// Windows of their own.
void playback_panel(session::Session& s, UiState& ui);  // ui/playback_bar.cpp
void cue_banner(session::Session& s, UiState& ui);      // ui/cue_banner.cpp
void help_window(UiState& ui);                          // ui/help_window.cpp
void about_window(UiState& ui);                         // ui/about_window.cpp (opened from the help)
extern const char* const kIntendedUse;                  // ui/about_window.cpp
void screenshot_window(UiState& ui, UiActions& a);      // ui/screenshot_window.cpp
void handout_window(UiState& ui, UiActions& a);         // ui/handout_window.cpp
void file_browser(UiState& ui, UiActions& a);           // ui/file_browser.cpp
void video_window(session::Session& s, UiState& ui, UiActions& a);  // ui/video_window.cpp
void status_line(UiState& ui);                          // ui/status_line.cpp
void patients_window(session::Session& s, UiState& ui);  // ui/patients_panel.cpp

}  // namespace hiplab::ui
