// style.cpp — the app's panel style and fonts. See ui/style.h.
#include "ui/style.h"

#include <cmath>
#include <filesystem>

#include <imgui.h>

#include "ui/widgets.h"

namespace hiplab::ui {

namespace fs = std::filesystem;

void apply_style() {
  ImGui::StyleColorsDark();
  ImGuiStyle& st = ImGui::GetStyle();
  // Panels are opaque rectangles: an unchanged panel is then left in the image from the last frame
  // and the scene is not drawn under it (ui/ui_layers.h), which halves what the UI costs a
  // software renderer.
  st.WindowRounding = 0.0f;
  st.Colors[ImGuiCol_WindowBg].w = 1.0f;
  st.WindowBorderSize = 0.0f;
  st.Colors[ImGuiCol_ResizeGrip].w = 0.0f;  // shown on hover (its anti-aliased edge reaches past the panel)
  st.FrameRounding = 3.0f;
}

void setup_fonts(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const char* regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  const char* bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
  // Glyphs baked one texel per pixel at the UI scale and snapped to whole pixels: the atlas can
  // then be sampled nearest (UiDraw::upload_fonts, ui/ui_draw.h), which gives the same text and
  // costs a software renderer much less than bilinear filtering of oversampled glyphs.
  ImFontConfig cfg;
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  std::error_code ec;
  if (fs::exists(regular, ec)) {
    io.Fonts->AddFontFromFileTTF(regular, std::round(16.0f * scale), &cfg);
    set_large_font(io.Fonts->AddFontFromFileTTF(fs::exists(bold, ec) ? bold : regular, std::round(30.0f * scale), &cfg));
  } else {
    cfg.SizePixels = std::round(13.0f * scale);
    io.Fonts->AddFontDefault(&cfg);
    set_large_font(nullptr);
  }
  io.FontGlobalScale = 1.0f;
  // Anti-aliased lines from geometry, not from the atlas (which needs bilinear sampling).
  ImGui::GetStyle().AntiAliasedLinesUseTex = false;
}

}  // namespace hiplab::ui
