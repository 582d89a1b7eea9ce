// Tests src/assets/settings.h: settings round-trip, and a corrupt file leads to defaults and a
// warning, with the bad file set aside rather than lost.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "assets/settings.h"
#include "test_support.h"

using namespace hiplab;

TEST_CASE("settings round-trip through an atomic write") {
  const auto path = (test::scratch_dir("settings_rt") / "hiplab" / "settings.json").string();
  Settings s;
  s.window_width = 1000;
  s.ui_scale = 1.75f;
  s.highlight = "stretched";
  s.age_group = "older";
  s.last_drill = "clamshell";
  s.side = "left";
  s.overlay = false;
  REQUIRE(save_settings(s, path).ok());
  SettingsLoad back = load_settings(path);
  CHECK(back.warning.empty());
  CHECK(back.settings.window_width == 1000);
  CHECK(back.settings.ui_scale == doctest::Approx(1.75f));
  CHECK(back.settings.highlight == "stretched");
  CHECK(back.settings.age_group == "older");
  CHECK(back.settings.last_drill == "clamshell");
  CHECK(back.settings.side == "left");
  CHECK_FALSE(back.settings.overlay);
}

TEST_CASE("a corrupt settings file leads to defaults and a warning and is set aside") {
  const auto dir = test::scratch_dir("settings_corrupt");
  const auto path = (dir / "settings.json").string();
  std::ofstream(path) << "{\"ui_scale\": 1.5, \"highlight\": ";  // truncated
  SettingsLoad loaded = load_settings(path);
  CHECK(loaded.warning.find(path) == 0);
  CHECK(loaded.warning.find("defaults") != std::string::npos);
  CHECK(loaded.settings.ui_scale == doctest::Approx(Settings{}.ui_scale));
  CHECK(loaded.settings.highlight == Settings{}.highlight);
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK(std::filesystem::exists(path + ".corrupt"));
}

TEST_CASE("out-of-range values fall back to defaults and are named") {
  const auto path = (test::scratch_dir("settings_range") / "settings.json").string();
  std::ofstream(path) << R"({"ui_scale": 9, "window_width": -5, "highlight": "rainbow", "side": "left"})";
  SettingsLoad loaded = load_settings(path);
  CHECK(loaded.settings.ui_scale == doctest::Approx(1.0f));
  CHECK(loaded.settings.window_width == Settings{}.window_width);
  CHECK(loaded.settings.highlight == "working");
  CHECK(loaded.settings.side == "left");
  CHECK(loaded.warning.find("ui_scale") != std::string::npos);
  CHECK(loaded.warning.find("highlight") != std::string::npos);
}
