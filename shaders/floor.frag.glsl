// floor.frag.glsl — the floor: a soft-edged disc with a blurred contact shadow (from shadow pass).
#version 330 core
in vec2 v_local;
in vec3 v_world;
uniform vec4 u_color;
uniform vec4 u_clear;            // the background colour the floor fades into
uniform sampler2D u_shadow;      // closeness, over the same square as the disc
uniform float u_shadow_strength;
uniform float u_blur_lod;        // mip level of the shadow map that gives the soft blur
out vec4 o_color;

void main() {
  // No discard and no blending: outside the disc the floor simply paints the background colour, which
  // keeps early depth testing and costs a software renderer far less than alpha blending.
  float r = length(v_local);
  vec2 uv = 0.5 * v_local + 0.5;
  // Two mip levels of the closeness map: a tight core and a wide penumbra, two texture reads.
  float shadow = 0.5 * textureLod(u_shadow, uv, u_blur_lod - 1.0).r + 0.5 * textureLod(u_shadow, uv, u_blur_lod + 1.0).r;
  float fade = 1.0 - smoothstep(0.45, 1.0, r);
  vec3 color = u_color.rgb * (1.0 - u_shadow_strength * shadow);
  o_color = vec4(mix(u_clear.rgb, color, fade), 1.0);
}
