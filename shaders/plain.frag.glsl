// plain.frag.glsl — the baseline for `hiplab bench`: the same meshes with a plain shader (a shade
// from the normal's height, gamma-2 encoded) and none of the extra passes, to price what the full
// look costs.
#version 330 core
in vec3 v_normal;
uniform vec4 u_color;
out vec4 o_color;
void main() {
  o_color = vec4(sqrt(u_color.rgb * (0.35 + 0.65 * abs(normalize(v_normal).y))), u_color.a);
}
