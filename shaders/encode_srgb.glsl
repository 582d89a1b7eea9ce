// encode_srgb.glsl — included by every shader that writes a colour target. The targets are plain
// RGBA8 holding sRGB-encoded bytes: on a software renderer (llvmpipe) every sample written to an
// sRGB-format target is converted, which made multisampled drawing about 2.8x slower than into
// RGBA8 (measured: 5.5 vs 2.0 ns per pixel at 4x MSAA). So shaders light in linear RGB and encode
// once per pixel here; blending and the multisample resolve then work on encoded values (as most
// real-time renderers did before sRGB framebuffers), which only softens translucent edges slightly.
// IEC 61966-2-1 transfer function.
vec3 encode_srgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  vec3 lo = 12.92 * c;
  vec3 hi = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
  return mix(lo, hi, step(vec3(0.0031308), c));
}
