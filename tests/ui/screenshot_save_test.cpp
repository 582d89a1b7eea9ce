// Tests src/ui/screenshot_save.h: the screenshot dialog saves a new file at once, asks before it
// replaces an existing one, and the question is about the name it was asked for only.
#include "ui/screenshot_save.h"

#include <doctest/doctest.h>

using namespace hiplab;
using ui::ScreenshotButton;

namespace {
ui::UiState dialog(const std::string& path) {
  ui::UiState s;
  s.screenshot_open = true;
  s.screenshot.path = path;
  s.screenshot.width = 800;
  s.screenshot.height = 600;
  return s;
}
}  // namespace

TEST_CASE("screenshot dialog: Save on a new file saves at once and closes") {
  ui::UiState s = dialog("new.png");
  const auto r = press_screenshot_button(s, ScreenshotButton::kSave, /*target_exists=*/false);
  REQUIRE(r.has_value());
  CHECK(r->path == "new.png");
  CHECK(r->width == 800);
  CHECK_FALSE(s.screenshot_open);
  CHECK_FALSE(screenshot_asking_to_replace(s));
}

TEST_CASE("screenshot dialog: Save on an existing file asks, Replace then saves, Cancel keeps the dialog") {
  ui::UiState s = dialog("old.png");
  CHECK_FALSE(press_screenshot_button(s, ScreenshotButton::kSave, true).has_value());
  CHECK(screenshot_asking_to_replace(s));
  CHECK(s.screenshot_open);

  // Cancel: nothing saved, the dialog stays open and no longer asks.
  CHECK_FALSE(press_screenshot_button(s, ScreenshotButton::kCancel, true).has_value());
  CHECK_FALSE(screenshot_asking_to_replace(s));
  CHECK(s.screenshot_open);

  // Asked again, Replace saves that file and closes.
  CHECK_FALSE(press_screenshot_button(s, ScreenshotButton::kSave, true).has_value());
  const auto r = press_screenshot_button(s, ScreenshotButton::kReplace, true);
  REQUIRE(r.has_value());
  CHECK(r->path == "old.png");
  CHECK_FALSE(s.screenshot_open);
  CHECK_FALSE(screenshot_asking_to_replace(s));
}

TEST_CASE("screenshot dialog: a name edited after the question is not replaced without asking again") {
  ui::UiState s = dialog("old.png");
  CHECK_FALSE(press_screenshot_button(s, ScreenshotButton::kSave, true).has_value());
  s.screenshot.path = "other.png";  // typed into the File field while the question showed
  CHECK_FALSE(screenshot_asking_to_replace(s));
  CHECK_FALSE(press_screenshot_button(s, ScreenshotButton::kReplace, true).has_value());
  CHECK(s.screenshot_open);
}
