// show_through.frag.glsl — a highlighted muscle seen through what covers it (scene_pass.cpp, the
// show-through pass): one even tint of its colour, unlit, so it reads as one muscle behind a veil
// rather than the lit facets and folds of its hidden surface (which, scattered over the buttock of
// a flexed hip, read as torn shards). The same program draws its outline (the muscle redrawn a
// little grown, mesh.vert.glsl u_grow, around its hidden silhouette). A band from the surface's
// own grazing angle was tried for the outline and not kept: it lines every fold inside as well.
#version 330 core
#include "encode_srgb.glsl"
uniform vec4 u_color;  // linear colour; alpha = the opacity
out vec4 o_color;
void main() {
  o_color = vec4(encode_srgb(u_color.rgb), u_color.a);
}
