// floor.frag.glsl — the floor's colour, shaded per vertex (see floor.vert.glsl). Opaque, no
// blending: outside the disc the floor simply paints the background colour. A mat is a rounded
// rectangle in the floor: its signed distance picks the mat's colour, with a one-pixel soft edge.
#version 330 core
in vec3 v_color;
in vec3 v_mat_color;
in vec2 v_mat;
uniform bool u_mat;
uniform vec2 u_mat_half;  // half length, half width, metres
out vec4 o_color;
void main() {
  if (!u_mat) {
    o_color = vec4(v_color, 1.0);
    return;
  }
  const float corner = 0.04;  // metres
  vec2 q = abs(v_mat) - (u_mat_half - vec2(corner));
  float sd = length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - corner;  // < 0 inside
  float inside = clamp(0.5 - sd / max(fwidth(sd), 1e-6), 0.0, 1.0);
  o_color = vec4(mix(v_color, v_mat_color, inside), 1.0);
}
