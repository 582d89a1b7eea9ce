// Tests src/assets/settings.h: settings round-trip, and a corrupt file leads to defaults and a
// warning, with the bad file set aside rather than lost (older kept copies too), and saving keeps the
// file's permissions.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

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
  s.peel_levels = {2, 1, 0};
  s.peel_keep = {"peri", "gem"};
  s.peel_preset = "deep-rotators";
  s.name_muscles = false;
  s.body_mass_kg = 58.5;
  s.body_height_m = 1.62;
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
  CHECK(back.settings.peel_levels == std::array<int, 3>{2, 1, 0});
  CHECK(back.settings.peel_keep == std::vector<std::string>{"peri", "gem"});
  CHECK(back.settings.peel_preset == "deep-rotators");
  CHECK_FALSE(back.settings.name_muscles);
  CHECK(back.settings.body_mass_kg == doctest::Approx(58.5));
  CHECK(back.settings.body_height_m == doctest::Approx(1.62));
}

TEST_CASE("a body mass or height out of range falls back to the default and is named") {
  const SettingsLoad s = parse_settings(R"({"body_mass_kg": 5, "body_height_m": "tall"})", "settings.json");
  CHECK(s.settings.body_mass_kg == doctest::Approx(70.0));
  CHECK(s.settings.body_height_m == doctest::Approx(1.75));
  CHECK(s.warning.find("body_mass_kg") != std::string::npos);
  CHECK(s.warning.find("body_height_m") != std::string::npos);
}

TEST_CASE("a peel level outside 0..2 or a mistyped kept list falls back to no peel and is named") {
  const auto path = (test::scratch_dir("settings_peel") / "settings.json").string();
  std::ofstream(path) << R"({"peel_hip": 3, "peel_thigh": 1, "peel_leg": -1, "peel_keep": ["peri", 4]})";
  SettingsLoad loaded = load_settings(path);
  CHECK(loaded.settings.peel_levels == std::array<int, 3>{0, 1, 0});
  CHECK(loaded.settings.peel_keep.empty());
  for (const char* key : {"peel_hip", "peel_leg", "peel_keep"}) CHECK_MESSAGE(loaded.warning.find(key) != std::string::npos, key);
  CHECK(loaded.warning.find("peel_thigh") == std::string::npos);
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

TEST_CASE("a second corrupt settings file is kept as .corrupt.1, the first kept copy is not overwritten") {
  const auto dir = test::scratch_dir("settings_corrupt_twice");
  const auto path = (dir / "settings.json").string();
  std::ofstream(path) << "first bad write";
  CHECK(load_settings(path).warning.find("set aside as " + path + ".corrupt,") != std::string::npos);
  std::ofstream(path) << "second bad write";
  const SettingsLoad again = load_settings(path);
  CHECK(again.warning.find("set aside as " + path + ".corrupt.1,") != std::string::npos);
  std::ofstream(path) << "[\"third\"]";  // valid JSON, but not an object
  CHECK(load_settings(path).warning.find("set aside as " + path + ".corrupt.2,") != std::string::npos);
  auto slurp = [](const std::string& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  CHECK(slurp(path + ".corrupt") == "first bad write");
  CHECK(slurp(path + ".corrupt.1") == "second bad write");
  CHECK(slurp(path + ".corrupt.2") == "[\"third\"]");
  CHECK_FALSE(std::filesystem::exists(path));
  // Saving afterwards writes a fresh file beside the kept copies.
  REQUIRE(save_settings(Settings{}, path).ok());
  CHECK(load_settings(path).warning.empty());
  CHECK(slurp(path + ".corrupt") == "first bad write");
}

TEST_CASE("saving settings keeps the file's permissions") {
  const auto path = (test::scratch_dir("settings_perms") / "settings.json").string();
  REQUIRE(save_settings(Settings{}, path).ok());
  const auto private_rw = std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;
  std::filesystem::permissions(path, private_rw);
  Settings s;
  s.ui_scale = 2.0f;
  REQUIRE(save_settings(s, path).ok());
  CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::mask) == private_rw);
  CHECK(load_settings(path).settings.ui_scale == doctest::Approx(2.0f));
}
