// settings.h — what the app remembers between runs (window, UI scale, highlight view, age group,
// last drill, ...), stored as JSON in $XDG_CONFIG_HOME/hiplab/settings.json and written atomically.
// A corrupt file is set aside (renamed to settings.json.corrupt, or .corrupt.1, .corrupt.2, ... when
// older copies are kept, never over one) with a warning and defaults are used, so one bad write
// never locks the user out and no earlier evidence is lost.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/result.h"

namespace hiplab {

struct Settings {
  int window_width = 1440, window_height = 900;
  float ui_scale = 1.0f;            // 1..2.5
  std::string highlight = "working";  // none | working | stretched
  std::string age_group = "adult";    // anatomy/rom_norms.h id
  std::string last_drill;             // drill id, empty for none
  std::string side = "right";
  bool overlay = true;
  bool show_skin = true;
  bool skin_outline = false;  // the skin as a silhouette outline instead of the faint surface
  bool name_muscles = true;   // the muscles that matter named in the view with leader lines
  double body_mass_kg = 70.0;  // the body the effort solve weighs (kBodyMass/Height limits below)
  double body_height_m = 1.75;
  bool show_labels = false;
  // The muscle peel (session/peel.h): level 0..2 per region (hip, thigh, leg), the muscles a preset
  // keeps (side-less Gait2392 names) and the preset's id ("" for none).
  std::array<int, 3> peel_levels{};
  std::vector<std::string> peel_keep;
  std::string peel_preset;
  // Where patients' records are kept (records/location.h): "" the default SQLite file, "off" for
  // none (a classroom install), a file path, or a PostgreSQL connection string — never with a
  // password (refused where it is used; libpq's ~/.pgpass or a service file holds that).
  std::string records;
};

// The body sizes the window and `activations --mass/--height` accept.
inline constexpr float kBodyMassMinKg = 20.0f, kBodyMassMaxKg = 300.0f;
inline constexpr float kBodyHeightMinM = 1.0f, kBodyHeightMaxM = 2.5f;

struct SettingsLoad {
  Settings settings;
  std::string warning;  // non-empty when the file was corrupt and set aside
};

// A missing file gives defaults and no warning. Unknown keys are ignored; out-of-range values are
// replaced by defaults (and named in the warning).
SettingsLoad load_settings(const std::string& path);
// The same from text (no file touched): `corrupt` is set when the text is not a JSON object, the
// case load_settings sets the file aside for. `label` names the source in the warning.
SettingsLoad parse_settings(std::string_view text, const std::string& label, bool* corrupt = nullptr);
Status save_settings(const Settings& settings, const std::string& path);

}  // namespace hiplab
