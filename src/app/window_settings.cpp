// window_settings.cpp — see window_settings.h.
#include "app/window_settings.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>

#include "anatomy/muscle_data.h"
#include "anatomy/rom_norms.h"
#include "core/log.h"
#include "scene/highlight.h"

namespace hiplab::app {

void apply_settings(App& app, const Settings& st, const WindowOptions& options) {
  session::ViewSettings& v = app.session.view;
  parse_highlight_mode(st.highlight, v.highlight);
  if (auto n = anatomy::find_rom_norm(st.age_group)) v.norm = *n;
  v.overlay = st.overlay;
  v.show_skin = st.show_skin;
  v.skin_outline = st.skin_outline;
  v.name_muscles = st.name_muscles;
  v.body.mass_kg = st.body_mass_kg;
  v.body.height_m = st.body_height_m;
  app.ui.show_labels = st.show_labels;
  // The peel as it was left; a kept muscle whose name is unknown is dropped (muscles renamed).
  for (std::size_t r = 0; r < v.peel.level.size(); ++r) v.peel.level[r] = std::clamp(st.peel_levels[r], 0, session::kMaxPeelLevel);
  v.peel.keep.reset();
  for (const std::string& name : st.peel_keep)
    if (auto m = anatomy::find_muscle(name)) v.peel.keep.set(static_cast<std::size_t>(*m));
  v.peel.preset = st.peel_preset;
  if (!options.peel.empty())
    if (auto p = session::parse_peel(options.peel)) v.peel = *p;
  const std::string side = options.side.empty() ? st.side : options.side;
  app.session.set_side(side == "left" ? anatomy::Side::kLeft : anatomy::Side::kRight);
}

bool open_start_drill(App& app, const WindowOptions& options) {
  const std::string drill = options.drill.empty() ? app.settings.last_drill : options.drill;
  if (drill.empty()) return true;
  const int index = app.session.find_drill(drill);
  if (index >= 0 && app.session.select_drill(index)) {
    if (options.time_s >= 0) app.session.playback().scrub(options.time_s);
    else app.session.playback().play();
    return true;
  }
  return options.drill.empty();
}

void store_settings(App& app) {
  Settings& s = app.settings;
  int ww = 0, wh = 0;
  glfwGetWindowSize(app.window, &ww, &wh);
  if (ww > 0 && wh > 0) s.window_width = ww, s.window_height = wh;
  s.highlight = highlight_mode_name(app.session.view.highlight);
  s.age_group = std::string(app.session.view.norm.id);
  s.last_drill = app.session.drill() ? app.session.drill()->id : "";
  s.side = app.session.side() == anatomy::Side::kLeft ? "left" : "right";
  s.overlay = app.session.view.overlay;
  s.show_skin = app.session.view.show_skin;
  s.skin_outline = app.session.view.skin_outline;
  s.name_muscles = app.session.view.name_muscles;
  s.body_mass_kg = app.session.view.body.mass_kg;
  s.body_height_m = app.session.view.body.height_m;
  s.show_labels = app.ui.show_labels;
  const session::Peel& peel = app.session.view.peel;
  for (std::size_t r = 0; r < peel.level.size(); ++r) s.peel_levels[r] = peel.level[r];
  s.peel_keep.clear();
  for (int m = 0; m < anatomy::kMuscleCount; ++m)
    if (peel.keep.test(static_cast<std::size_t>(m))) s.peel_keep.emplace_back(anatomy::muscle(m).name);
  s.peel_preset = peel.preset;
  Status saved = save_settings(s, app.settings_path);
  if (!saved) log_warning(saved.error().message);
}

}  // namespace hiplab::app
