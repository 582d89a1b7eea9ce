// textured.frag.glsl — meshes with a base-colour texture (models from the wild): the texture is
// read per pixel, the lighting comes per vertex (mesh.vert.glsl); tone-mapped and sRGB-encoded here.
#version 330 core
#include "encode_srgb.glsl"
in vec2 v_uv;
in vec3 v_light;
in vec3 v_add;
uniform vec4 u_color;
uniform sampler2D u_texture;
out vec4 o_color;
void main() {
  vec4 base = u_color * texture(u_texture, v_uv);
  vec3 color = base.rgb * v_light + v_add;
  color = color / (1.0 + 0.12 * color);
  o_color = vec4(encode_srgb(color), base.a);
}
