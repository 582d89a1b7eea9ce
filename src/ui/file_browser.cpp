// file_browser.cpp — the Open model window (Ctrl+O), and the same for a photo to measure on (the
// Patients window's "Measure from photo...") and for a records backup (the Patients window's
// Records menu): folders and the files of that kind in one folder; a click picks one and Open
// (or a double-click) opens it; for a backup to write, a file name typed (or taken from a file
// clicked) and Save. See ui/panels.h.
#include "ui/panels.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include <imgui.h>

namespace hiplab::ui {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string x) {
  std::transform(x.begin(), x.end(), x.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return x;
}

}  // namespace

void file_browser(UiState& s, UiActions& a) {
  if (!s.browser_open) return;
  ImGui::SetNextWindowSize(ImVec2(520, 420), ImGuiCond_FirstUseEver);
  const BrowserPurpose purpose = s.browser_purpose;
  const bool photo = purpose == BrowserPurpose::kPhoto, save = purpose == BrowserPurpose::kBackupSave,
             backup = purpose == BrowserPurpose::kBackupOpen || save;
  const char* title = photo ? "Open photo###browser"
                      : save ? "Back up the records to###browser"
                      : backup ? "Restore the records from###browser"
                               : "Open model###browser";
  if (!ImGui::Begin(title, &s.browser_open)) {
    ImGui::End();
    return;
  }
  std::error_code ec;
  if (s.browser_dir.empty() || !fs::is_directory(s.browser_dir, ec)) s.browser_dir = fs::current_path(ec).string();
  ImGui::TextWrapped("%s", s.browser_dir.c_str());
  if (ImGui::Button("Up")) s.browser_dir = fs::path(s.browser_dir).parent_path().string();
  ImGui::SameLine();
  ImGui::TextDisabled(photo ? "JPEG / PNG photos of the rotation test"
                      : save ? "every patient and photo, into one file"
                      : backup ? "a backup written by Records > Back up (or hiplab patients backup)"
                               : "glTF / GLB / FBX / COLLADA - or drop a file on the window");
  ImGui::BeginChild("files", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), true);
  bool open_pick = false;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(s.browser_dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec))
    entries.push_back(*it);
  std::sort(entries.begin(), entries.end(), [](const auto& x, const auto& y) {
    std::error_code e1, e2;
    const bool dx = x.is_directory(e1), dy = y.is_directory(e2);
    return dx != dy ? dx : x.path().filename() < y.path().filename();
  });
  for (const auto& e : entries) {
    std::error_code e1;
    const std::string name = e.path().filename().string();
    if (!name.empty() && name[0] == '.') continue;
    const std::string ext = lower(e.path().extension().string());
    if (e.is_directory(e1)) {
      if (ImGui::Selectable((name + "/").c_str())) s.browser_dir = e.path().string();
      continue;
    }
    // A backup can have any name (hiplab patients backup takes one), so every file is offered.
    const bool offered = photo ? (ext == ".jpg" || ext == ".jpeg" || ext == ".png")
                         : backup ? e.is_regular_file(e1)
                                  : (ext == ".gltf" || ext == ".glb" || ext == ".fbx" || ext == ".dae");
    if (!offered) continue;
    const bool picked = save ? name == s.browser_name : e.path().string() == s.browser_pick;
    if (!ImGui::Selectable(name.c_str(), picked, ImGuiSelectableFlags_AllowDoubleClick)) continue;
    if (save) {
      s.browser_name = name;
      continue;
    }
    // A click picks the file (Open then opens it), a double-click opens it at once.
    s.browser_pick = e.path().string();
    if (ImGui::IsMouseDoubleClicked(0)) open_pick = true;
  }
  ImGui::EndChild();
  if (save) {
    const fs::path target = fs::path(s.browser_dir) / s.browser_name;
    const bool exists = !s.browser_name.empty() && fs::exists(target, ec);
    const bool named = !s.browser_name.empty() && s.browser_name.find('/') == std::string::npos;
    if (!named) ImGui::BeginDisabled();  // a name, in this folder (go to another with its entry)
    const bool chosen = ImGui::Button(exists ? "Replace" : "Save");
    if (!named) ImGui::EndDisabled();
    if (chosen && named) {
      s.patients.backup_to = target.string();
      s.browser_open = false;
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) s.browser_open = false;
    ImGui::SameLine();
    char buf[256] = {};
    s.browser_name.copy(buf, std::min<std::size_t>(s.browser_name.size(), sizeof buf - 1));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##name", "file name", buf, sizeof buf)) s.browser_name = buf;
  } else {
    std::error_code e1;
    const bool can_open = !s.browser_pick.empty() && fs::path(s.browser_pick).parent_path() == fs::path(s.browser_dir) && fs::is_regular_file(s.browser_pick, e1);
    if (!can_open) ImGui::BeginDisabled();
    if (ImGui::Button(backup ? "Restore..." : "Open")) open_pick = true;
    if (!can_open) ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) s.browser_open = false;
    if (open_pick && can_open) {
      if (photo) {
        s.patients.photo.path = s.browser_pick;
        s.patients.photo.load = true;
        s.patients.photo.open = true;
      } else if (backup) {
        s.patients.restore_from = s.browser_pick;
      } else {
        a.open_file = s.browser_pick;
      }
      s.browser_pick.clear();
      s.browser_open = false;
    }
  }
  ImGui::End();
}

}  // namespace hiplab::ui
