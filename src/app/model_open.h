// model_open.h — opening a model in the window (the start-up model, File > Open, a dropped file).
// A failed load keeps the current model and puts the message in the panels' message line.
// A file from outside is parsed in the sandboxed import child (app/import_sandbox.h); the shipped
// body loads in process.
#pragma once
#include <future>
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

// Start-up (issue 14: start to first frame): the shipped body is read and its occlusion baked on a
// worker thread while the window and its GL context open; its levels of detail
// (assets/model_lod.h) are made on another worker after the first frame and swapped in, so the
// first frame draws the full meshes.
struct PreloadedModel {
  Result<Model> model = make_error("");
  LoadReport report;
};
std::future<PreloadedModel> preload_model(const std::string& path);
// Makes the preloaded model current (as open_model); false with the message when it failed.
bool open_preloaded_model(App& app, PreloadedModel&& preloaded);
// After the first frame: starts making the levels of the current model when it has none yet.
void start_deferred_lods(App& app);
// Once a frame: when the levels are made (or, with `wait`, once they are), uploads the model with
// them and makes it current in place of the same model without them. True when it did.
bool poll_deferred_lods(App& app, bool wait);
// Once the levels are in: starts making the bones' distance fields of the current model
// (assets/bone_field.h) on one worker thread, when it has muscle volumes and no fields yet.
void start_deferred_bone_fields(App& app);
// Once a frame: when the fields are made (or, with `wait`, once they are), gives them to the
// current model, whose volumes are pushed out of bone from the next frame on. True when it did.
bool poll_deferred_bone_fields(App& app, bool wait);

}  // namespace hiplab::app
