// video_window.cpp — the Export video dialog: the options of `hiplab export-video` for the drill
// shown (side, reps, view, highlight, overlay, captions, size, frame rate, format, file), a preview
// frame of the clip at a chosen moment, and while it exports a progress bar with the time left and
// Cancel. The app does the work (app/window_video.cpp); the window stays responsive meanwhile.
// See ui/panels.h.
#include "ui/panels.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "ui/widgets.h"

namespace hiplab::ui {

namespace {

const char* const kFormatNames[] = {"MP4 (H.264)", "WebM (VP9)", "GIF"};
const char* const kFormatExtensions[] = {".mp4", ".webm", ".gif"};
const char* const kPresetViews[] = {"front", "back", "left", "right", "top"};
const char* const kHighlights[] = {"The drill's own", "Working", "Stretched", "None"};

}  // namespace

std::string video_dialog_file(const VideoDialog& v) {
  return v.path + kFormatExtensions[std::clamp(v.format, 0, 2)];
}

std::string video_dialog_view(const VideoDialog& v) {
  const int own = static_cast<int>(v.view_names.size());
  if (v.view < own) return "drill:" + std::to_string(v.view + 1);
  return kPresetViews[std::clamp(v.view - own, 0, 4)];
}

std::string video_dialog_highlight(const VideoDialog& v) {
  switch (v.highlight) {
    case 1: return "working";
    case 2: return "stretched";
    case 3: return "none";
    default: return "";
  }
}

void video_window(session::Session& s, UiState& ui, UiActions& a) {
  VideoDialog& v = ui.video;
  if (!v.open) return;
  if (!s.drill()) {
    v.open = false;
    return;
  }
  ImGui::SetNextWindowSize(ImVec2(460 * ui.ui_scale, 0), ImGuiCond_Appearing);
  ImGui::Begin("Export video", &v.open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::Text("%s", s.drill()->name.c_str());
  bool changed = false;
  ImGui::BeginDisabled(v.running);
  changed |= ImGui::RadioButton("right", &v.side, 0);
  ImGui::SameLine();
  changed |= ImGui::RadioButton("left", &v.side, 1);
  ImGui::SameLine();
  ImGui::TextUnformatted("working side");
  if (ImGui::InputInt("Reps", &v.reps)) v.reps = std::clamp(v.reps, 1, 100), changed = true;
  std::string view_label = v.view < static_cast<int>(v.view_names.size()) ? v.view_names[static_cast<std::size_t>(v.view)]
                                                                           : video_dialog_view(v);
  if (ImGui::BeginCombo("View", view_label.c_str())) {
    const int own = static_cast<int>(v.view_names.size());
    for (int i = 0; i < own + 5; ++i) {
      const std::string label = i < own ? v.view_names[static_cast<std::size_t>(i)] : kPresetViews[i - own];
      if (ImGui::Selectable(label.c_str(), v.view == i)) v.view = i, changed = true;
    }
    ImGui::EndCombo();
  }
  changed |= ImGui::Combo("Highlight", &v.highlight, kHighlights, 4);
  changed |= ImGui::Checkbox("Joint-limit overlay", &v.overlay);
  ImGui::SameLine();
  changed |= ImGui::Checkbox("Captions", &v.captions);
  if (ImGui::Combo("Format", &v.format, kFormatNames, 3)) {
    changed = true;
    // A GIF is small (at most 800 pixels wide) and 15 frames a second; a video HD at 30.
    if (v.format == 2) v.size = 4, v.fps = 15;
    else if (v.size == 4) v.size = 0, v.fps = 30;
  }
  if (ImGui::BeginCombo("Size", kVideoSizes[v.size].label)) {
    for (int i = 0; i < static_cast<int>(std::size(kVideoSizes)); ++i)
      if (ImGui::Selectable(kVideoSizes[i].label, v.size == i)) v.size = i, changed = true;
    ImGui::EndCombo();
  }
  if (ImGui::InputInt("Frames a second", &v.fps)) v.fps = std::clamp(v.fps, 1, 60), changed = true;
  char path[512];
  std::snprintf(path, sizeof path, "%s", v.path.c_str());
  if (ImGui::InputText("File", path, sizeof path)) v.path = path;
  ImGui::SameLine();
  ImGui::TextUnformatted(kFormatExtensions[v.format]);
  if (v.clip_s > 0.0)
    ImGui::Text("%.0f s: set-up once, then %d rep%s%s", v.clip_s, v.reps, v.reps == 1 ? "" : "s",
                v.format == 2 ? " (long holds shortened; the caption says how long)" : "");
  ImGui::EndDisabled();
  if (v.preview_texture != 0 && v.preview_w > 0) {
    const float w = 420.0f * ui.ui_scale, h = w * static_cast<float>(v.preview_h) / static_cast<float>(v.preview_w);
    ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(v.preview_texture)), ImVec2(w, h));
  }
  ImGui::BeginDisabled(v.running);
  if (ImGui::SliderFloat("Preview at", &v.preview_s, 0.0f, std::max(static_cast<float>(v.clip_s), 0.1f), "%.1f s")) changed = true;
  ImGui::EndDisabled();
  if (v.running) {
    const float fraction = v.total > 0 ? static_cast<float>(v.done) / static_cast<float>(v.total) : 0.0f;
    char overlay[96];
    if (v.finishing) std::snprintf(overlay, sizeof overlay, "Finishing the file...");
    else std::snprintf(overlay, sizeof overlay, "%d / %d frames, %.0f s left", v.done, v.total, std::ceil(v.seconds_left));
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), overlay);
    if (ImGui::Button("Cancel")) a.video_cancel = true;
  } else if (ImGui::Button("Export")) {
    a.video_export = true;
  }
  if (!v.status.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, v.status_error ? ImVec4(1.0f, 0.5f, 0.45f, 1) : ImVec4(0.6f, 0.9f, 0.6f, 1));
    ImGui::PushTextWrapPos(440.0f * ui.ui_scale);
    ImGui::TextUnformatted(v.status.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  ImGui::End();
  if (!v.open && v.running) a.video_cancel = true;  // closing the dialog stops the export
  if (changed) a.video_options_changed = true;
}

}  // namespace hiplab::ui
