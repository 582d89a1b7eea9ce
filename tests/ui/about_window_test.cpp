// Tests src/ui/about_window.cpp: the About box is drawn only when opened (from the F1 help), and
// its statement says what HipLab is for and that its measurements are estimates.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/app_ui.h"
#include "ui/panels.h"

using namespace hiplab;

namespace {
// The names of the windows drawn in a frame of the help and the About box.
// Two frames: Dear ImGui hides an auto-sized window in its first frame while it measures it.
std::vector<std::string> frame_windows(ui::UiState& state) {
  for (int f = 0; f < 2; ++f) {
    ImGui::NewFrame();
    ui::help_window(state);
    ui::about_window(state);
    ImGui::Render();
  }
  std::vector<std::string> names;
  const ImDrawData* d = ImGui::GetDrawData();
  for (int i = 0; i < d->CmdListsCount; ++i) names.emplace_back(d->CmdLists[i]->_OwnerName ? d->CmdLists[i]->_OwnerName : "");
  return names;
}
bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }
}  // namespace

TEST_CASE("About box: drawn only when opened, over the help, with the intended-use statement") {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 720);
  io.Fonts->AddFontDefault();
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);

  ui::UiState state;
  state.version = "hiplab 9.9.9 (commit abc)";
  CHECK_FALSE(has(frame_windows(state), "About HipLab"));
  state.show_help = true;
  const auto with_help = frame_windows(state);
  CHECK(has(with_help, "Keyboard and mouse (F1)"));
  CHECK_FALSE(has(with_help, "About HipLab"));
  state.show_about = true;
  CHECK(has(frame_windows(state), "About HipLab"));
  ImGui::DestroyContext();

  const std::string use = ui::kIntendedUse;
  CHECK(use.find("education and exercise guidance") != std::string::npos);
  CHECK(use.find("not for diagnosis") != std::string::npos);
  CHECK(use.find("estimates") != std::string::npos);
}
