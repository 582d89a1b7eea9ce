// floor.frag.glsl — the floor's colour, shaded per vertex (see floor.vert.glsl). Opaque, no
// blending: outside the disc the floor simply paints the background colour.
#version 330 core
in vec3 v_color;
out vec4 o_color;
void main() { o_color = vec4(v_color, 1.0); }
