// window_video.h — the window's Export video dialog (ui/video_window.cpp) carried out: the dialog's
// choices checked into a plan as `hiplab export-video` checks its options (app/video_export.h), a
// preview frame of the clip, and the export itself with the window's own renderer and the model it
// has uploaded, one frame of the clip per window frame, so the window keeps drawing and answering
// while it exports (the encoder works on its own thread; the last step, which for a GIF encodes
// every frame with the clip's palette, runs on another). Cancel, or closing the dialog, stops it
// and leaves no file.
#pragma once
#include "app/app_state.h"

namespace hiplab::app {

// The dialog's options changed: the clip's length and a new preview frame (or the reason the
// options cannot be used, shown in the dialog).
void video_options_changed(App& app);
void start_video_export(App& app);
void cancel_video_export(App& app);
// Once per window frame: draws the next frame(s) of the clip (about 40 ms' worth at most), reports
// progress to the dialog, and when the file is complete says where it was saved.
void video_export_tick(App& app);
// Ends an export still running (the window is closing) and frees the preview's texture while the
// GL context is still current.
void end_video_export(App& app);

}  // namespace hiplab::app
