// overlay.vert.glsl — overlay geometry arrives already projected (clip space, built on the CPU so
// line widths and label sizes are exact in pixels).
#version 330 core
#include "encode_srgb.glsl"
layout(location = 0) in vec4 a_clip;
layout(location = 1) in vec2 a_uv;     // font atlas uv; x < 0 means solid colour
layout(location = 2) in vec4 a_color;  // linear RGB + alpha
layout(location = 3) in vec2 a_aa;     // anti-aliasing: distance from the core (px), core half width
out vec2 v_uv;
out vec4 v_color;
out vec2 v_aa;
void main() {
  v_uv = a_uv;
  v_color = vec4(encode_srgb(a_color.rgb), a_color.a);
  v_aa = a_aa;
  gl_Position = a_clip;
}
