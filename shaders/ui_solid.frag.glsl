// ui_solid.frag.glsl — the panels' plain shapes (backgrounds, frames, lines): vertex colour only,
// no atlas read (app/ui_draw.cpp sorts them out from the text).
#version 330 core
in vec4 v_color;
out vec4 o_color;
void main() { o_color = v_color; }
