// key_bindings.cpp — see key_bindings.h.
#include "ui/key_bindings.h"

#include <array>

namespace hiplab::ui {

namespace {

using keys::letter;
constexpr Modifiers kNone{}, kCtrl{true, false}, kCtrlShift{true, true};

constexpr const char* kFrameStep = "step one frame";
constexpr const char* kPhaseStep = "previous / next phase";
constexpr const char* kUndoRedo = "undo / redo a pose edit";
constexpr const char* kPresetViews = "front, back, left, right, top view";
constexpr const char* kCloseUps = "close-up of the working hip / frame / reset view";

constexpr std::array kBindings{
    KeyBinding{keys::kSpace, kNone, KeyAction::kPlayPause, "play / pause the drill"},
    KeyBinding{keys::kLeft, kNone, KeyAction::kStepBack, kFrameStep},
    KeyBinding{keys::kRight, kNone, KeyAction::kStepForward, kFrameStep},
    KeyBinding{keys::kPageUp, kNone, KeyAction::kPreviousPhase, kPhaseStep},
    KeyBinding{keys::kPageDown, kNone, KeyAction::kNextPhase, kPhaseStep},
    KeyBinding{letter('S'), kNone, KeyAction::kSwitchSide, "switch the working side"},
    KeyBinding{letter('W'), kNone, KeyAction::kToggleHighlight, "highlight: working / stretched"},
    KeyBinding{letter('O'), kNone, KeyAction::kToggleOverlay, "joint-limit overlay on / off"},
    KeyBinding{letter('K'), kNone, KeyAction::kToggleSkin, "skin: faint / outline / off"},
    KeyBinding{letter('L'), kNone, KeyAction::kToggleLabels, "landmark labels on / off"},
    KeyBinding{letter('M'), kNone, KeyAction::kToggleMirror, "mirror view on / off (follow along as in a mirror)"},
    KeyBinding{letter('P'), kNone, KeyAction::kPeel, "peel muscle layers: superficial off / intermediate off / all back"},
    KeyBinding{letter('R'), kNone, KeyAction::kResetPose, "reset the pose to the anatomical position"},
    KeyBinding{letter('Z'), kCtrl, KeyAction::kUndo, kUndoRedo},
    KeyBinding{letter('Z'), kCtrlShift, KeyAction::kRedo, kUndoRedo},
    KeyBinding{letter('1'), kNone, KeyAction::kViewFront, kPresetViews},
    KeyBinding{letter('2'), kNone, KeyAction::kViewBack, kPresetViews},
    KeyBinding{letter('3'), kNone, KeyAction::kViewLeft, kPresetViews},
    KeyBinding{letter('4'), kNone, KeyAction::kViewRight, kPresetViews},
    KeyBinding{letter('5'), kNone, KeyAction::kViewTop, kPresetViews},
    KeyBinding{letter('C'), kNone, KeyAction::kViewWorkingHip, kCloseUps},
    KeyBinding{letter('F'), kNone, KeyAction::kViewFrame, kCloseUps},
    KeyBinding{keys::kHome, kNone, KeyAction::kViewReset, kCloseUps},
    KeyBinding{letter('P'), kCtrl, KeyAction::kScreenshot, "screenshot"},
    KeyBinding{letter('O'), kCtrl, KeyAction::kOpenModel, "open a model"},
    KeyBinding{keys::kF5, kNone, KeyAction::kPresentation, "presentation mode"},
    KeyBinding{keys::kF1, kNone, KeyAction::kHelp, "this help"},
    KeyBinding{keys::kF12, kNone, KeyAction::kDeveloper, "frame time and renderer in the status line (for developers)"},
    KeyBinding{keys::kEscape, kNone, KeyAction::kEscape, "deselect / close"},
    KeyBinding{letter('Q'), kCtrl, KeyAction::kQuit, "quit"},
};

const KeyBinding* find(int key, Modifiers mods) {
  for (const KeyBinding& b : kBindings)
    if (b.key == key && b.mods == mods) return &b;
  return nullptr;
}

}  // namespace

std::span<const KeyBinding> key_bindings() { return kBindings; }

std::optional<KeyAction> action_for_key(int key, Modifiers mods) {
  const KeyBinding* b = find(key, mods);
  if (!b && mods.shift) b = find(key, Modifiers{mods.ctrl, false});
  if (!b) return std::nullopt;
  return b->action;
}

std::string key_label(const KeyBinding& b) {
  std::string s = b.mods.ctrl ? "Ctrl+" : "";
  if (b.mods.shift) s += "Shift+";
  switch (b.key) {
    case keys::kSpace: return s + "Space";
    case keys::kEscape: return s + "Esc";
    case keys::kRight: return s + "Right";
    case keys::kLeft: return s + "Left";
    case keys::kPageUp: return s + "Page Up";
    case keys::kPageDown: return s + "Page Down";
    case keys::kHome: return s + "Home";
    case keys::kF1: return s + "F1";
    case keys::kF5: return s + "F5";
    case keys::kF12: return s + "F12";
    default: return s + static_cast<char>(b.key);
  }
}

}  // namespace hiplab::ui
