// key_bindings.h — the window's keyboard shortcuts as one table: which key does what, and the words
// the F1 help shows for it. The keyboard handler (ui/shortcuts.cpp) and the help (ui/help_window.cpp)
// both read this table, so a key cannot do one thing and be listed as another. Pure: no ImGui, no
// GLFW; key codes are GLFW's (its letters and digits are their ASCII capitals and digits), which the
// window passes on unchanged.
//
// Matching: a binding names whether Ctrl and Shift are held. A key pressed with Shift that has no
// binding of its own with Shift does what it does without Shift (Shift+S switches the side,
// Ctrl+Shift+Q quits), as the keys always have; a key with Ctrl held never falls back to the
// binding without Ctrl (Ctrl+S does nothing).
#pragma once
#include <optional>
#include <span>
#include <string>

namespace hiplab::ui {

// GLFW's key codes for the keys the table uses (GLFW_KEY_*; tests/ui/key_bindings_test.cpp checks
// them against GLFW's header).
namespace keys {
constexpr int kSpace = 32, kEscape = 256, kRight = 262, kLeft = 263, kPageUp = 266, kPageDown = 267, kHome = 268;
constexpr int kF1 = 290, kF5 = 294, kF12 = 301;
constexpr int letter(char c) { return static_cast<int>(c); }  // 'A'..'Z', '0'..'9'
}  // namespace keys

enum class KeyAction {
  kPlayPause,
  kStepBack,
  kStepForward,
  kPreviousPhase,
  kNextPhase,
  kSwitchSide,
  kToggleHighlight,  // working <-> stretched
  kToggleOverlay,
  kToggleSkin,
  kToggleLabels,
  kToggleMirror,
  kPeel,  // one more muscle layer off everywhere; after the deepest, all back
  kResetPose,
  kUndo,
  kRedo,
  kViewFront,
  kViewBack,
  kViewLeft,
  kViewRight,
  kViewTop,
  kViewWorkingHip,
  kViewFrame,
  kViewReset,
  kScreenshot,
  kOpenModel,
  kPresentation,
  kHelp,
  kDeveloper,  // frame time and renderer details in the status line
  kEscape,  // close the help, else the screenshot dialog, else deselect
  kQuit,
};

struct Modifiers {
  bool ctrl = false, shift = false;
  friend bool operator==(const Modifiers&, const Modifiers&) = default;
};

struct KeyBinding {
  int key;           // GLFW key code
  Modifiers mods;    // held exactly (see Matching above)
  KeyAction action;
  // The F1 help's words for it. Neighbouring bindings with the same words are one line of the help,
  // their keys joined ("Left / Right": "step one frame").
  const char* help;
};

// Every binding, in the order the help lists them.
std::span<const KeyBinding> key_bindings();

// What pressing `key` with `mods` does, or nothing.
std::optional<KeyAction> action_for_key(int key, Modifiers mods);

// How the help writes a binding's keys: "Space", "Page Up", "Ctrl+Shift+Z", "F5", "1".
std::string key_label(const KeyBinding& b);

}  // namespace hiplab::ui
