// handout_window.cpp — the Handout dialog (opened from the Drills panel): tick the drills, put them
// in order, set each one's sets, reps and hold for this patient, the cover's text, the side and the
// paper, then Save: the app makes the PDF beside the window (app/handout_job.h). The logic is in
// ui/handout_list.h. See ui/panels.h.
#include "ui/panels.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include <imgui.h>

#include "ui/handout_list.h"
#include "ui/widgets.h"

namespace hiplab::ui {

namespace {
void text_field(const char* label, std::string& value, bool multiline = false) {
  char buf[1024];
  std::snprintf(buf, sizeof buf, "%s", value.c_str());
  const bool changed = multiline ? ImGui::InputTextMultiline(label, buf, sizeof buf, ImVec2(0, ImGui::GetTextLineHeight() * 4))
                                 : ImGui::InputText(label, buf, sizeof buf);
  if (changed) value = buf;
}
}  // namespace

void handout_window(UiState& ui, UiActions& a) {
  HandoutDialog& d = ui.handout;
  if (!d.open) return;
  ImGui::SetNextWindowSize(ImVec2(620 * ui.ui_scale, 0), ImGuiCond_FirstUseEver);
  ImGui::Begin("Handout", &d.open, ImGuiWindowFlags_NoSavedSettings);
  hint("Tick the drills for this patient, put them in order and set their dosage.");
  if (ImGui::BeginTable("drills", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Drill", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Sets", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Reps", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Hold s", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Order", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    int move_from = -1, move_by = 0;
    for (std::size_t i = 0; i < d.entries.size(); ++i) {
      HandoutEntry& e = d.entries[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Checkbox(e.name.c_str(), &e.include);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.name.c_str());  // long names are cut in the column
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      if (ImGui::InputInt("##sets", &e.sets, 0)) e.sets = std::clamp(e.sets, 1, 20);
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      if (ImGui::InputInt("##reps", &e.reps, 0)) e.reps = std::clamp(e.reps, 1, 200);
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      if (ImGui::InputDouble("##hold", &e.hold_s, 0.0, 0.0, "%.0f")) e.hold_s = std::clamp(e.hold_s, 0.0, 600.0);
      ImGui::TableNextColumn();
      if (ImGui::ArrowButton("##up", ImGuiDir_Up)) move_from = static_cast<int>(i), move_by = -1;
      ImGui::SameLine();
      if (ImGui::ArrowButton("##down", ImGuiDir_Down)) move_from = static_cast<int>(i), move_by = 1;
      ImGui::PopID();
    }
    ImGui::EndTable();
    if (move_from >= 0) move_handout_entry(d, move_from, move_by);
  }
  text_field("Patient", d.patient);
  text_field("Therapist", d.therapist);
  text_field("Clinic", d.clinic);
  text_field("Notes", d.notes, true);
  int side = d.left ? 1 : 0;
  ImGui::TextUnformatted("Side:");
  ImGui::SameLine();
  if (ImGui::RadioButton("right", &side, 0)) d.left = false;
  ImGui::SameLine();
  if (ImGui::RadioButton("left", &side, 1)) d.left = true;
  int paper = d.letter ? 1 : 0;
  ImGui::SameLine();
  ImGui::TextUnformatted("   Paper:");
  ImGui::SameLine();
  if (ImGui::RadioButton("A4", &paper, 0)) d.letter = false;
  ImGui::SameLine();
  if (ImGui::RadioButton("US Letter", &paper, 1)) d.letter = true;
  text_field("File", d.path);
  if (d.running) {
    ImGui::TextUnformatted(d.previewing ? "Drawing the page..." : "Making the handout...");
  } else {
    // Preview: the chosen page drawn exactly as it will print.
    ImGui::SetNextItemWidth(90 * ui.ui_scale);
    if (ImGui::InputInt("##page", &d.preview_page)) d.preview_page = std::max(1, d.preview_page);
    ImGui::SameLine();
    if (ImGui::Button("Preview page")) {
      auto args = handout_preview_arguments(d, "preview.png");  // the app picks the file (app/window_app.cpp)
      if (args) {
        a.handout = std::move(args.value());
        a.handout_preview = true;
      } else {
        ui.message = args.error().message;
        ui.message_is_error = true;
      }
    }
    ImGui::SameLine();
  }
  if (d.running) {
  } else if (ImGui::Button("Save PDF")) {
    auto args = handout_arguments(d);
    if (args) {
      a.handout = std::move(args.value());
    } else {
      ui.message = args.error().message;
      ui.message_is_error = true;
    }
  }
  const ImVec2 dialog_pos = ImGui::GetWindowPos(), dialog_size = ImGui::GetWindowSize();
  ImGui::End();
  if (d.preview_texture != 0 && d.preview_w > 0 && d.preview_h > 0) {
    // The page beside the dialog, as tall as the window allows (a page is taller than wide).
    const ImVec2 work = ImGui::GetMainViewport()->WorkSize;
    const float h = std::max(200.0f, work.y - 60.0f * ui.ui_scale);
    const float w = h * static_cast<float>(d.preview_w) / static_cast<float>(d.preview_h);
    ImGui::SetNextWindowPos(ImVec2(std::min(dialog_pos.x + dialog_size.x + 8.0f, std::max(0.0f, work.x - w - 24.0f)), 10.0f),
                            ImGuiCond_Appearing);
    bool show = true;
    char title[64];
    std::snprintf(title, sizeof title, "Handout page %d (as printed)###handout_preview", d.preview_page);
    ImGui::Begin(title, &show, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(d.preview_texture)), ImVec2(w, h));
    ImGui::End();
    if (!show) d.preview_texture = 0;  // closed: the app keeps the texture until the next preview
  }
}

}  // namespace hiplab::ui
