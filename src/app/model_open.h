// model_open.h — opening a model in the window (the start-up model, File > Open, a dropped file).
// A failed load keeps the current model and puts the message in the panels' message line.
#pragma once
#include <string>

#include "app/app_state.h"

namespace hiplab::app {

// Loads `path`, bakes its ambient occlusion and levels of detail, uploads it and makes it the
// current model (its bone attachments, the bind pose, a front view framing it, the model lines of
// the panel). On failure returns false with the reason in app.ui.message, nothing else changed.
bool open_model(App& app, const std::string& path);

}  // namespace hiplab::app
