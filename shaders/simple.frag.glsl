// simple.frag.glsl — a cheap look for large translucent surfaces (the faint skin): brighter toward
// the silhouette, so the body outline reads without costing a full lighting model per fragment.
#version 330 core
#include "encode_srgb.glsl"
in vec3 v_world;
in vec3 v_normal;
in vec2 v_uv;
uniform vec4 u_color;
uniform vec3 u_eye;
out vec4 o_color;
void main() {
  vec3 n = normalize(v_normal);
  float facing = abs(dot(n, normalize(u_eye - v_world)));
  float rim = 1.0 - facing;
  o_color = vec4(encode_srgb(u_color.rgb * (0.7 + 0.35 * n.y)), clamp(u_color.a * (0.6 + 2.2 * rim * rim), 0.0, 1.0));
}
