// overlay.frag.glsl — solid colour, or a glyph from the font atlas (coverage in the red channel).
// Drawn once per pixel over the finished scene, so shapes bring their own anti-aliasing: a one-pixel
// fade at their outline (overlay_pass.cpp).
#version 330 core
in vec2 v_uv;
in vec4 v_color;
in vec2 v_aa;
uniform sampler2D u_font;
uniform float u_alpha_scale;  // < 1 for the parts hidden behind the scene (depth-aware fading)
out vec4 o_color;
void main() {
  float a = v_uv.x < 0.0 ? 1.0 : texture(u_font, v_uv).r;
  float coverage = clamp(v_aa.y + 0.5 - abs(v_aa.x), 0.0, 1.0);
  o_color = vec4(v_color.rgb, v_color.a * a * coverage * u_alpha_scale);
}
