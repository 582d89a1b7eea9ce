// floor.vert.glsl — the floor: a grid over a disc centred under the model at y = u_height. The soft
// contact shadow and the fade into the background are looked up per vertex (vertex texture fetch)
// — both vary slowly across the floor — so each floor pixel costs only an interpolation, which
// matters on a software renderer where the floor covers half the screen. With a mat (u_mat), the
// mat's colour is shaded the same way, and the fragment shader picks floor or mat by where the
// pixel lies (floor.frag.glsl).
#version 330 core
#include "encode_srgb.glsl"
layout(location = 0) in vec2 a_corner;  // [-1, 1]^2
uniform mat4 u_view_proj;
uniform vec2 u_centre;   // world x, z
uniform float u_radius;
uniform float u_height;
uniform vec4 u_color;
uniform vec4 u_clear;            // the background colour the floor fades into
uniform sampler2D u_shadow;      // closeness, over the same square as the disc
uniform float u_shadow_strength;
uniform float u_texel;           // one texel of the closeness map, in uv
uniform bool u_mat;
uniform vec2 u_mat_centre;       // world x, z
uniform vec2 u_mat_axis;         // unit, world x, z
uniform vec4 u_mat_color;
out vec3 v_color;
out vec3 v_mat_color;
out vec2 v_mat;                  // the point in the mat's frame (along, across), metres
void main() {
  vec3 world = vec3(u_centre.x + a_corner.x * u_radius, u_height, u_centre.y + a_corner.y * u_radius);
  vec2 uv = 0.5 * a_corner + 0.5;
  // A tight core (one bilinear tap) and a wide penumbra (four taps two texels out: a soft box about
  // six texels, 9 cm on a 3 m disc, across).
  float core = textureLod(u_shadow, uv, 0.0).r;
  float wide = 0.25 * (textureLod(u_shadow, uv + vec2(2.0, 2.0) * u_texel, 0.0).r +
                       textureLod(u_shadow, uv + vec2(-2.0, 2.0) * u_texel, 0.0).r +
                       textureLod(u_shadow, uv + vec2(2.0, -2.0) * u_texel, 0.0).r +
                       textureLod(u_shadow, uv + vec2(-2.0, -2.0) * u_texel, 0.0).r);
  float shadow = 0.5 * core + 0.5 * wide;
  float fade = 1.0 - smoothstep(0.45, 1.0, length(a_corner));
  float lit = 1.0 - u_shadow_strength * shadow;
  v_color = encode_srgb(mix(u_clear.rgb, u_color.rgb * lit, fade));
  v_mat_color = u_mat ? encode_srgb(mix(u_clear.rgb, u_mat_color.rgb * lit, fade)) : v_color;
  vec2 d = world.xz - u_mat_centre;
  v_mat = vec2(dot(d, u_mat_axis), dot(d, vec2(-u_mat_axis.y, u_mat_axis.x)));
  gl_Position = u_view_proj * vec4(world, 1.0);
}
