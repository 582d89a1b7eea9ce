#include "ui/viewer_ui.h"

#include <algorithm>
#include <filesystem>

#include <imgui.h>

namespace hiplab::ui {
namespace {

namespace fs = std::filesystem;

bool is_model_file(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".gltf" || ext == ".glb" || ext == ".fbx" || ext == ".dae";
}

void file_browser(ViewerUiState& s, ViewerUiActions& a) {
  if (!s.browser_open) return;
  ImGui::SetNextWindowSize(ImVec2(520, 420), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Open model", &s.browser_open)) {
    ImGui::End();
    return;
  }
  std::error_code ec;
  if (s.browser_dir.empty() || !fs::is_directory(s.browser_dir, ec)) s.browser_dir = fs::current_path(ec).string();
  ImGui::TextWrapped("%s", s.browser_dir.c_str());
  if (ImGui::Button("Up")) s.browser_dir = fs::path(s.browser_dir).parent_path().string();
  ImGui::SameLine();
  ImGui::TextDisabled("glTF / GLB / FBX / COLLADA — or drop a file on the window");
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
    if (e.is_directory(e1)) {
      if (ImGui::Selectable((name + "/").c_str())) s.browser_dir = e.path().string();
    } else if (is_model_file(e.path())) {
      if (ImGui::Selectable(name.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick) &&
          ImGui::IsMouseDoubleClicked(0)) {
        a.open_file = e.path().string();
        s.browser_open = false;
      } else if (ImGui::IsItemHovered() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
        a.open_file = e.path().string();
        s.browser_open = false;
      }
    }
  }
  ImGui::EndChild();
  if (ImGui::Button("Cancel")) s.browser_open = false;
  ImGui::End();
}

}  // namespace

ViewerUiActions draw_viewer_ui(ViewerUiState& s) {
  ViewerUiActions a;
  const ImGuiViewport* vp = ImGui::GetMainViewport();

  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10, vp->WorkPos.y + 10), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(300, 0), ImGuiCond_FirstUseEver);
  ImGui::Begin("HipLab", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::TextWrapped("%s", fs::path(s.model_path).filename().string().c_str());
  for (const std::string& line : s.model_lines) ImGui::TextDisabled("%s", line.c_str());
  if (ImGui::Button("Open model...")) {
    s.browser_open = true;
    if (s.browser_dir.empty()) s.browser_dir = fs::path(s.model_path).parent_path().string();
  }
  ImGui::Separator();
  ImGui::TextUnformatted("View");
  const ViewPreset presets[] = {ViewPreset::kFront, ViewPreset::kBack, ViewPreset::kLeft, ViewPreset::kRight,
                                ViewPreset::kTop};
  const char* labels[] = {"Front (1)", "Back (2)", "Left (3)", "Right (4)", "Top (5)"};
  for (int i = 0; i < 5; ++i) {
    if (i % 3) ImGui::SameLine();
    if (ImGui::Button(labels[i])) a.preset = presets[i];
  }
  if (ImGui::Button("Frame model (F)")) a.frame_model = true;
  ImGui::Separator();
  ImGui::TextUnformatted("Mouse");
  ImGui::TextDisabled("Left drag: orbit   Right/middle drag: pan");
  ImGui::TextDisabled("Wheel: zoom to cursor   Double-click: centre");
  ImGui::TextDisabled("Ctrl+Q: quit");
  ImGui::End();

  file_browser(s, a);

  if (!s.message.empty()) {
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 10), ImGuiCond_Always,
                            ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("##message", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PushStyleColor(ImGuiCol_Text, s.message_is_error ? ImVec4(1.0f, 0.45f, 0.4f, 1) : ImVec4(1, 0.85f, 0.4f, 1));
    ImGui::PushTextWrapPos(vp->WorkSize.x * 0.6f);
    ImGui::TextUnformatted(s.message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (ImGui::Button("Dismiss")) s.message.clear();
    ImGui::End();
  }

  // Status line along the bottom edge.
  const float h = ImGui::GetFrameHeight();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
  ImGui::Begin("##status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (s.gpu_ms >= 0)
    ImGui::Text("frame %.1f ms   GPU %.1f ms   %dx MSAA   %s", s.frame_ms, s.gpu_ms, s.samples, s.renderer_name.c_str());
  else
    ImGui::Text("frame %.1f ms   %dx MSAA   %s", s.frame_ms, s.samples, s.renderer_name.c_str());
  ImGui::End();
  return a;
}

}  // namespace hiplab::ui
