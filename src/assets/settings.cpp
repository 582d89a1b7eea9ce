#include "assets/settings.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "core/atomic_file.h"

namespace hiplab {

namespace {

// Moves a corrupt settings file to the first free name of path.corrupt, path.corrupt.1, .2, ...,
// never over a copy kept before: link() refuses a name that exists, then the original name is
// removed. On filesystems without hard links a rename to a name just seen free does the same.
// Returns the name it is kept under, or why it could not be kept.
Result<std::string> set_aside(const std::string& path) {
  for (int n = 0; n < 1000; ++n) {
    // Built by appending (GCC 12 warns falsely, -Wrestrict, on chained + with to_string at -O3).
    std::string aside = path;
    aside += ".corrupt";
    if (n > 0) {
      aside += '.';
      aside += std::to_string(n);
    }
    if (::link(path.c_str(), aside.c_str()) == 0) {
      ::unlink(path.c_str());
      return aside;
    }
    if (errno == EEXIST) continue;
    if (errno != EPERM && errno != EOPNOTSUPP && errno != EMLINK) return make_error(std::strerror(errno));
    std::error_code ec;
    if (std::filesystem::exists(aside, ec)) continue;
    if (std::rename(path.c_str(), aside.c_str()) == 0) return aside;
    return make_error(std::strerror(errno));
  }
  return make_error("1000 corrupt copies are kept already");
}

}  // namespace

SettingsLoad load_settings(const std::string& path) {
  SettingsLoad out;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return out;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    // Unreadable is not corrupt: the file stays as it is (a save may still replace it).
    out.warning = path + ": cannot be read (" + std::strerror(errno) + "); using defaults";
    return out;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  bool corrupt = false;
  out = parse_settings(ss.str(), path, &corrupt);
  if (corrupt) {
    auto aside = set_aside(path);
    out.warning = path + ": not valid settings (expected a JSON object); " +
                  (aside ? "set aside as " + aside.value()
                         : "could not be set aside (" + aside.error().message + ") and will be replaced") +
                  ", using defaults";
  }
  return out;
}

SettingsLoad parse_settings(std::string_view text, const std::string& label, bool* corrupt) {
  SettingsLoad out;
  if (corrupt) *corrupt = false;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    if (corrupt) *corrupt = true;
    out.warning = label + ": not valid settings (expected a JSON object); using defaults";
    return out;
  }
  Settings& s = out.settings;
  std::string bad;
  auto note = [&](const char* key) { bad += (bad.empty() ? "" : ", ") + std::string(key); };
  auto read_int = [&](const char* key, int& v, int lo, int hi) {
    if (!j.contains(key)) return;
    if (j[key].is_number_integer() && j[key].get<long long>() >= lo && j[key].get<long long>() <= hi) v = j[key].get<int>();
    else note(key);
  };
  auto read_str = [&](const char* key, std::string& v) {
    if (!j.contains(key)) return;
    if (j[key].is_string()) v = j[key].get<std::string>();
    else note(key);
  };
  auto read_bool = [&](const char* key, bool& v) {
    if (!j.contains(key)) return;
    if (j[key].is_boolean()) v = j[key].get<bool>();
    else note(key);
  };
  read_int("window_width", s.window_width, 320, 16384);
  read_int("window_height", s.window_height, 240, 16384);
  if (j.contains("ui_scale")) {
    if (j["ui_scale"].is_number() && std::isfinite(j["ui_scale"].get<double>()) && j["ui_scale"].get<double>() >= 1.0 &&
        j["ui_scale"].get<double>() <= 2.5)
      s.ui_scale = j["ui_scale"].get<float>();
    else
      note("ui_scale");
  }
  read_str("highlight", s.highlight);
  if (s.highlight != "none" && s.highlight != "working" && s.highlight != "stretched") {
    note("highlight");
    s.highlight = Settings{}.highlight;
  }
  read_str("age_group", s.age_group);
  read_str("last_drill", s.last_drill);
  read_str("side", s.side);
  if (s.side != "left" && s.side != "right") {
    note("side");
    s.side = "right";
  }
  read_bool("overlay", s.overlay);
  read_bool("show_skin", s.show_skin);
  read_bool("skin_outline", s.skin_outline);
  read_bool("name_muscles", s.name_muscles);
  auto read_number = [&](const char* key, double& v, double lo, double hi) {
    if (!j.contains(key)) return;
    if (j[key].is_number() && std::isfinite(j[key].get<double>()) && j[key].get<double>() >= lo && j[key].get<double>() <= hi)
      v = j[key].get<double>();
    else
      note(key);
  };
  read_number("body_mass_kg", s.body_mass_kg, kBodyMassMinKg, kBodyMassMaxKg);
  read_number("body_height_m", s.body_height_m, kBodyHeightMinM, kBodyHeightMaxM);
  read_bool("show_labels", s.show_labels);
  read_int("peel_hip", s.peel_levels[0], 0, 2);
  read_int("peel_thigh", s.peel_levels[1], 0, 2);
  read_int("peel_leg", s.peel_levels[2], 0, 2);
  if (j.contains("peel_keep")) {
    bool ok = j["peel_keep"].is_array();
    if (ok)
      for (const auto& n : j["peel_keep"]) ok = ok && n.is_string();
    if (ok) s.peel_keep = j["peel_keep"].get<std::vector<std::string>>();
    else note("peel_keep");
  }
  read_str("peel_preset", s.peel_preset);
  read_str("records", s.records);
  if (!bad.empty()) out.warning = label + ": ignored out-of-range or mistyped settings (" + bad + "); defaults used for them";
  return out;
}

Status save_settings(const Settings& s, const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  nlohmann::json j = {{"window_width", s.window_width}, {"window_height", s.window_height}, {"ui_scale", s.ui_scale},
                      {"highlight", s.highlight},       {"age_group", s.age_group},         {"last_drill", s.last_drill},
                      {"side", s.side},                 {"overlay", s.overlay},             {"show_skin", s.show_skin},
                      {"skin_outline", s.skin_outline}, {"name_muscles", s.name_muscles}, {"body_mass_kg", s.body_mass_kg}, {"body_height_m", s.body_height_m}, {"show_labels", s.show_labels},
                      {"peel_hip", s.peel_levels[0]},   {"peel_thigh", s.peel_levels[1]},   {"peel_leg", s.peel_levels[2]},
                      {"peel_keep", s.peel_keep},       {"peel_preset", s.peel_preset},
                      {"records", s.records}};
  return write_file_atomic(path, j.dump(2) + "\n");
}

}  // namespace hiplab
