// mesh.frag.glsl — soft studio lighting in linear RGB (encoded to sRGB on output): hemispheric
// sky/ground ambient, one key light with a broad highlight, a faint rim so silhouettes read.
#version 330 core
#include "encode_srgb.glsl"
in vec3 v_world;
in vec3 v_normal;
in vec2 v_uv;
in float v_ao;  // baked ambient occlusion (1 = open)

uniform vec4 u_color;
uniform bool u_has_texture;
uniform sampler2D u_texture;
uniform vec3 u_eye;
uniform vec3 u_key_dir;
uniform vec3 u_key_color;
uniform vec3 u_sky_color;
uniform vec3 u_ground_color;
uniform bool u_muscle;  // uv.y = belly weight (0 tendon .. 1 belly), uv.x = around the tube (0..1)

out vec4 o_color;

void main() {
  vec4 base = u_color;
  if (u_has_texture) base *= texture(u_texture, v_uv);
  if (u_muscle) {
    // Tendons: pale, glossy connective tissue; the belly keeps its colour with a faint striation
    // running along the fibres (a hint of fibre direction, not a texture).
    vec3 tendon = vec3(0.86, 0.82, 0.72);
    float belly = smoothstep(0.05, 0.6, v_uv.y);
    float stria = 0.93 + 0.07 * sin(v_uv.x * 6.2831 * 9.0);
    base.rgb = mix(tendon, base.rgb * stria, belly);
  }
  vec3 n = normalize(v_normal);
  vec3 v = normalize(u_eye - v_world);
  if (dot(n, v) < 0.0) n = -n;  // two-sided: models from the wild have mixed winding
  vec3 l = -normalize(u_key_dir);
  float wrap = 0.25;  // wrapped diffuse: softer terminator, like skin and bone under a softbox
  float diffuse = max((dot(n, l) + wrap) / (1.0 + wrap), 0.0);
  vec3 h = normalize(l + v);
  // Powers by repeated multiplication: pow() is an exp2/log2 pair per pixel on a software renderer.
  float nh = max(dot(n, h), 0.0), nh2 = nh * nh, nh4 = nh2 * nh2, nh8 = nh4 * nh4, nh32 = nh8 * nh8 * nh8 * nh8;
  float spec = nh32 * nh8 * 0.12;  // ~ (n.h)^40
  float fr = 1.0 - max(dot(n, v), 0.0);
  float rim = fr * fr * fr * 0.12;
  vec3 ambient = mix(u_ground_color, u_sky_color, 0.5 + 0.5 * n.y);
  // Occlusion darkens the ambient fully and the key light a little (soft contact shadows in creases).
  vec3 color = base.rgb * (ambient * v_ao + u_key_color * diffuse * mix(1.0, v_ao, 0.5)) + u_key_color * spec * v_ao + vec3(rim);
  color = color / (1.0 + 0.12 * color);  // gentle shoulder instead of hard clipping
  o_color = vec4(encode_srgb(color), base.a);
}
