// Tests src/ui/key_bindings.h: every shortcut the README's input table documents does what it says,
// no key and modifiers are bound twice, every action has a key, and the key codes are GLFW's.
#include <doctest/doctest.h>

// Only GLFW's key names: no OpenGL header of its own, which would come before glad's where the
// layer's tests compile together (tests/CMakeLists.txt).
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <set>
#include <string>
#include <utility>

#include "ui/key_bindings.h"

using namespace hiplab;
using ui::KeyAction;
using ui::Modifiers;

namespace {

constexpr Modifiers kNone{}, kCtrl{true, false}, kShift{false, true}, kCtrlShift{true, true};

struct Expected {
  int key;
  Modifiers mods;
  KeyAction action;
};

}  // namespace

TEST_CASE("key bindings: every shortcut in the README's input table maps to its action") {
  // README.md, "| input | action |": Space / Left, Right / Page Up, Page Down; S, W, O, K, L,
  // M, P; R, Ctrl+Z, Ctrl+Shift+Z; 1 2 3 4 5, C, F, Home; Ctrl+P, Ctrl+O, F5, F1, Esc, Ctrl+Q.
  const Expected readme[] = {
      {GLFW_KEY_SPACE, kNone, KeyAction::kPlayPause},
      {GLFW_KEY_LEFT, kNone, KeyAction::kStepBack},
      {GLFW_KEY_RIGHT, kNone, KeyAction::kStepForward},
      {GLFW_KEY_PAGE_UP, kNone, KeyAction::kPreviousPhase},
      {GLFW_KEY_PAGE_DOWN, kNone, KeyAction::kNextPhase},
      {GLFW_KEY_S, kNone, KeyAction::kSwitchSide},
      {GLFW_KEY_W, kNone, KeyAction::kToggleHighlight},
      {GLFW_KEY_O, kNone, KeyAction::kToggleOverlay},
      {GLFW_KEY_K, kNone, KeyAction::kToggleSkin},
      {GLFW_KEY_L, kNone, KeyAction::kToggleLabels},
      {GLFW_KEY_M, kNone, KeyAction::kToggleMirror},
      {GLFW_KEY_P, kNone, KeyAction::kPeel},
      {GLFW_KEY_R, kNone, KeyAction::kResetPose},
      {GLFW_KEY_Z, kCtrl, KeyAction::kUndo},
      {GLFW_KEY_Z, kCtrlShift, KeyAction::kRedo},
      {GLFW_KEY_1, kNone, KeyAction::kViewFront},
      {GLFW_KEY_2, kNone, KeyAction::kViewBack},
      {GLFW_KEY_3, kNone, KeyAction::kViewLeft},
      {GLFW_KEY_4, kNone, KeyAction::kViewRight},
      {GLFW_KEY_5, kNone, KeyAction::kViewTop},
      {GLFW_KEY_C, kNone, KeyAction::kViewWorkingHip},
      {GLFW_KEY_F, kNone, KeyAction::kViewFrame},
      {GLFW_KEY_HOME, kNone, KeyAction::kViewReset},
      {GLFW_KEY_P, kCtrl, KeyAction::kScreenshot},
      {GLFW_KEY_O, kCtrl, KeyAction::kOpenModel},
      {GLFW_KEY_F5, kNone, KeyAction::kPresentation},
      {GLFW_KEY_F1, kNone, KeyAction::kHelp},
      {GLFW_KEY_F12, kNone, KeyAction::kDeveloper},
      {GLFW_KEY_ESCAPE, kNone, KeyAction::kEscape},
      {GLFW_KEY_Q, kCtrl, KeyAction::kQuit},
  };
  for (const Expected& e : readme) {
    INFO("key " << e.key << (e.mods.ctrl ? " ctrl" : "") << (e.mods.shift ? " shift" : ""));
    const auto got = ui::action_for_key(e.key, e.mods);
    REQUIRE(got.has_value());
    CHECK(static_cast<int>(*got) == static_cast<int>(e.action));
  }
  // The table holds these and nothing else (a binding the README does not document fails here).
  CHECK(ui::key_bindings().size() == std::size(readme));
}

TEST_CASE("key bindings: no key with the same modifiers is bound twice, and every action has a key") {
  std::set<std::pair<int, int>> seen;
  std::set<int> actions;
  for (const ui::KeyBinding& b : ui::key_bindings()) {
    INFO(ui::key_label(b));
    CHECK(seen.insert({b.key, (b.mods.ctrl ? 2 : 0) | (b.mods.shift ? 1 : 0)}).second);
    actions.insert(static_cast<int>(b.action));
    CHECK(b.help != nullptr);
    CHECK(std::string(b.help).size() > 2);
  }
  for (int a = 0; a <= static_cast<int>(KeyAction::kQuit); ++a) {
    INFO("action " << a);
    CHECK(actions.count(a) == 1);
  }
}

TEST_CASE("key bindings: Shift falls back to the key without it, Ctrl never does") {
  CHECK(ui::action_for_key(GLFW_KEY_S, kShift) == KeyAction::kSwitchSide);
  CHECK(ui::action_for_key(GLFW_KEY_SPACE, kShift) == KeyAction::kPlayPause);
  CHECK(ui::action_for_key(GLFW_KEY_Q, kCtrlShift) == KeyAction::kQuit);
  CHECK(ui::action_for_key(GLFW_KEY_O, kCtrlShift) == KeyAction::kOpenModel);
  CHECK_FALSE(ui::action_for_key(GLFW_KEY_S, kCtrl).has_value());
  CHECK_FALSE(ui::action_for_key(GLFW_KEY_F1, kCtrl).has_value());
  CHECK_FALSE(ui::action_for_key(GLFW_KEY_Z, kNone).has_value());  // undo needs Ctrl
  CHECK_FALSE(ui::action_for_key(GLFW_KEY_Z, kShift).has_value());
  CHECK_FALSE(ui::action_for_key(GLFW_KEY_Q, kNone).has_value());  // quitting needs Ctrl
  CHECK_FALSE(ui::action_for_key(GLFW_KEY_X, kNone).has_value());
}

TEST_CASE("key bindings: the help writes keys as the README does") {
  auto label_of = [](KeyAction a) {
    for (const ui::KeyBinding& b : ui::key_bindings())
      if (b.action == a) return ui::key_label(b);
    return std::string();
  };
  CHECK(label_of(KeyAction::kRedo) == "Ctrl+Shift+Z");
  CHECK(label_of(KeyAction::kNextPhase) == "Page Down");
  CHECK(label_of(KeyAction::kViewTop) == "5");
  CHECK(label_of(KeyAction::kEscape) == "Esc");
  CHECK(label_of(KeyAction::kPresentation) == "F5");
  CHECK(label_of(KeyAction::kQuit) == "Ctrl+Q");
}
