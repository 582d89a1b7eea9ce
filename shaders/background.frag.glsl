// background.frag.glsl — vertical gradient behind everything.
#version 330 core
in float v_t;
uniform vec4 u_top;
uniform vec4 u_bottom;
out vec4 o_color;
void main() { o_color = mix(u_bottom, u_top, clamp(v_t, 0.0, 1.0)); }
