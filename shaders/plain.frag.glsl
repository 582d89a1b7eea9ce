// plain.frag.glsl — the baseline for `hiplab bench`: the same meshes with a plain Lambert shader and
// none of the extra passes, to price what the full look costs.
#version 330 core
#include "encode_srgb.glsl"
in vec3 v_world;
in vec3 v_normal;
in vec2 v_uv;
uniform vec4 u_color;
out vec4 o_color;
void main() {
  vec3 n = normalize(v_normal);
  o_color = vec4(encode_srgb(u_color.rgb * (0.35 + 0.65 * abs(n.y))), u_color.a);
}
