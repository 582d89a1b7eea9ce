// show_through.frag.glsl — a highlighted muscle seen through what covers it (scene_pass.cpp, the
// show-through pass): one even tint of its colour, unlit, so it reads as one muscle behind a
// veil rather than the lit facets and folds of its hidden surface (which, scattered over the
// buttock of a flexed hip, read as torn shards); and a stronger band along its own silhouette,
// found per pixel from the interpolated normal as the faint skin's outline (simple.frag.glsl), so
// the shape of each hidden muscle reads. u_color.a is the fill's opacity; the outline is drawn at
// u_edge times it (at most opaque).
#version 330 core
#include "encode_srgb.glsl"
uniform vec4 u_color;  // linear colour; alpha = the fill's opacity
uniform vec3 u_eye;
uniform float u_edge;  // the outline's opacity over the fill's
in vec3 v_world;
in vec3 v_normal;
out vec4 o_color;
void main() {
  float facing = abs(dot(normalize(v_normal), normalize(u_eye - v_world)));
  float edge = smoothstep(0.45, 0.15, facing);  // 1 where the surface turns away from the eye
  o_color = vec4(encode_srgb(u_color.rgb), min(u_color.a * mix(1.0, u_edge, edge), 1.0));
}
