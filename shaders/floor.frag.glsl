// floor.frag.glsl — the floor: a soft-edged disc with a blurred contact shadow (from shadow pass).
#version 330 core
in vec2 v_local;
in vec3 v_world;
uniform vec4 u_color;
uniform sampler2D u_shadow;      // closeness, over the same square as the disc
uniform float u_shadow_strength;
uniform float u_blur;            // blur radius in shadow-texture uv
out vec4 o_color;

const vec2 kDisk[12] = vec2[](vec2(-0.326, -0.406), vec2(-0.840, -0.074), vec2(-0.696, 0.457),
                              vec2(-0.203, 0.621), vec2(0.962, -0.195), vec2(0.473, -0.480),
                              vec2(0.519, 0.767), vec2(0.185, -0.893), vec2(0.507, 0.064),
                              vec2(0.896, 0.412), vec2(-0.322, -0.933), vec2(-0.792, -0.598));
void main() {
  float r = length(v_local);
  if (r > 1.0) discard;
  vec2 uv = 0.5 * v_local + 0.5;
  float shadow = texture(u_shadow, uv).r * 0.4;
  for (int i = 0; i < 12; ++i) shadow += texture(u_shadow, uv + kDisk[i] * u_blur).r * 0.05;
  float fade = 1.0 - smoothstep(0.55, 1.0, r);
  vec3 color = u_color.rgb * (1.0 - u_shadow_strength * shadow);
  o_color = vec4(color, u_color.a * fade);
}
