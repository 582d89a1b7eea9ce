// file_browser.cpp — the Open model window (Ctrl+O), and the same for a photo to measure on (the
// Patients window's "Measure from photo..."): folders and the files of that kind in one folder, a
// double-click opens one. See ui/panels.h.
#include "ui/panels.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include <imgui.h>

namespace hiplab::ui {

namespace fs = std::filesystem;

void file_browser(UiState& s, UiActions& a) {
  if (!s.browser_open) return;
  ImGui::SetNextWindowSize(ImVec2(520, 420), ImGuiCond_FirstUseEver);
  const bool photo = s.browser_purpose == BrowserPurpose::kPhoto;
  if (!ImGui::Begin(photo ? "Open photo###browser" : "Open model###browser", &s.browser_open)) {
    ImGui::End();
    return;
  }
  std::error_code ec;
  if (s.browser_dir.empty() || !fs::is_directory(s.browser_dir, ec)) s.browser_dir = fs::current_path(ec).string();
  ImGui::TextWrapped("%s", s.browser_dir.c_str());
  if (ImGui::Button("Up")) s.browser_dir = fs::path(s.browser_dir).parent_path().string();
  ImGui::SameLine();
  ImGui::TextDisabled(photo ? "JPEG / PNG photos of the rotation test" : "glTF / GLB / FBX / COLLADA - or drop a file on the window");
  ImGui::BeginChild("files", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), true);
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
    std::string ext = e.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (e.is_directory(e1)) {
      if (ImGui::Selectable((name + "/").c_str())) s.browser_dir = e.path().string();
    } else if (photo ? (ext == ".jpg" || ext == ".jpeg" || ext == ".png") : (ext == ".gltf" || ext == ".glb" || ext == ".fbx" || ext == ".dae")) {
      if (ImGui::Selectable(name.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick) && ImGui::IsMouseDoubleClicked(0)) {
        if (photo) {
          s.patients.photo.path = e.path().string();
          s.patients.photo.load = true;
          s.patients.photo.open = true;
        } else {
          a.open_file = e.path().string();
        }
        s.browser_open = false;
      }
    }
  }
  ImGui::EndChild();
  if (ImGui::Button("Cancel")) s.browser_open = false;
  ImGui::End();
}

}  // namespace hiplab::ui
