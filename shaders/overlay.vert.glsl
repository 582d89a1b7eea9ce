// overlay.vert.glsl — overlay geometry arrives already projected (clip space, built on the CPU so
// line widths and label sizes are exact in pixels).
#version 330 core
#include "encode_srgb.glsl"
layout(location = 0) in vec4 a_clip;
layout(location = 1) in vec2 a_uv;     // font atlas uv; x < 0 means solid colour
layout(location = 2) in vec4 a_color;
out vec2 v_uv;
out vec4 v_color;
void main() {
  v_uv = a_uv;
  v_color = vec4(encode_srgb(a_color.rgb), a_color.a);
  gl_Position = a_clip;
}
