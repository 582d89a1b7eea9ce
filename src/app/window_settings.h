// window_settings.h — what the window remembers between runs (assets/settings.h): put on the
// session at start, the command line over it, and written back when a setting changes and on exit.
#pragma once
#include "app/app_state.h"
#include "app/window_app.h"

namespace hiplab::app {

// The remembered view (highlight, age group, overlay, skin, labels, peel) and side onto the
// session; --side over the remembered side, --peel over the remembered peel.
void apply_settings(App& app, const Settings& settings, const WindowOptions& options);

// Opens the drill named on the command line (else the last one), paused at --time or playing.
// Returns false when --drill names no drill (the caller reports it); a remembered drill that is
// gone is dropped quietly.
bool open_start_drill(App& app, const WindowOptions& options);

// Saves the window size, the view settings, the drill and the side to app.settings_path (a failed
// save is logged, not fatal).
void store_settings(App& app);

}  // namespace hiplab::app
