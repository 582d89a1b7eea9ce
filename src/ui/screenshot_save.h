// screenshot_save.h — what the screenshot dialog's buttons do, as plain logic without Dear ImGui, so
// the rule "a file that exists is replaced only after the user says so" is testable: Save on a new
// file saves at once; Save on an existing one asks (Replace / Cancel), and the question lapses when
// the file name is edited.
#pragma once
#include <optional>

#include "ui/app_ui.h"

namespace hiplab::ui {

enum class ScreenshotButton { kSave, kReplace, kCancel };

// The request for the app to carry out now (the dialog then closes), or nothing. target_exists:
// whether ui.screenshot.path names an existing file, looked up by the caller when Save is pressed.
std::optional<ScreenshotRequest> press_screenshot_button(UiState& ui, ScreenshotButton button, bool target_exists);

// Whether the dialog is asking about replacing the file its name field holds now.
bool screenshot_asking_to_replace(const UiState& ui);

}  // namespace hiplab::ui
