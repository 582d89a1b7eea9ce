// model_open.h — opening a model in the window (the start-up model, File > Open, a dropped file).
// A failed load keeps the current model and puts the message in the panels' message line.
// A file from outside is parsed in the sandboxed import child (app/import_sandbox.h); the shipped
// body loads in process.
#pragma once
#include <string>

#include "app/app_state.h"

namespace hiplab::app {

// Loads `path` now (the start-up model: nothing is drawn yet), bakes its ambient occlusion and
// levels of detail, uploads it and makes it the current model (its bone attachments, the bind
// pose, a front view framing it, the model lines of the panel). On failure returns false with the
// reason in app.ui.message, nothing else changed.
bool open_model(App& app, const std::string& path);

// The same, on a worker thread (app/model_load_job.h): the window keeps drawing and shows
// "Loading NAME..." with a Cancel button. A load already running is cancelled.
void start_model_open(App& app, const std::string& path);
// Once a frame on the UI thread: mirrors the running load into the UI state and, when it has
// finished, makes its model current (or shows why not, keeping the current one). Returns true
// when a model was made current this call.
bool poll_model_open(App& app);

}  // namespace hiplab::app
