// Tests src/ui/muscles_panel.cpp's "Working now" rows: with the app's own font and style, every
// muscle's name as the list shows it ("Adductor magnus (hamstring part) (R)", the longest) fits
// beside its activation in the right panel at its first width, at the normal and the presentation
// scale (issue 12: "muscle names not cut off"). The names come from the shipped muscles.json.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include <imgui.h>

#include "anatomy/muscle_data.h"
#include "assets/muscle_info.h"
#include "ui/panels.h"
#include "ui/style.h"
#include "ui/widgets.h"

using namespace hiplab;

TEST_CASE("muscles panel: the longest muscle name fits beside its activation in the Working now list") {
  auto info = load_muscle_info(std::string(HIPLAB_SOURCE_DIR) + "/assets/anatomy/muscles.json");
  REQUIRE_MESSAGE(info.ok(), (info.ok() ? "" : info.error().message));
  for (const float scale : {1.0f, 1.75f}) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    ui::apply_style();
    ImGui::GetStyle().ScaleAllSizes(scale);
    ui::setup_fonts(scale);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    io.DisplaySize = ImVec2(1920, 1080);
    ImGui::NewFrame();
    const ImGuiStyle& st = ImGui::GetStyle();
    // The row's room: the panel less its padding and scrollbar, less the colour swatch before it.
    const float avail = ui::kMusclesPanelWidth * scale - 2.0f * st.WindowPadding.x - st.ScrollbarSize - 12.0f - st.ItemSpacing.x;
    const float room = ui::working_row_name_width(avail);
    float widest = 0.0f;
    std::string widest_name;
    for (int m = 0; m < anatomy::kMuscleCount; ++m) {
      const std::string name = ui::display_name(info.value(), m) + " (R)";
      const float tw = ImGui::CalcTextSize(name.c_str()).x;
      if (tw > widest) widest = tw, widest_name = name;
      CHECK_MESSAGE(tw <= room, name << " is " << tw << " px wide, the row leaves " << room << " px at scale " << scale);
    }
    std::printf("Working now at scale %.2f: the widest name, %s, %.0f px of %.0f px\n", scale, widest_name.c_str(), widest, room);
    ImGui::EndFrame();
    ImGui::DestroyContext();
  }
}
