// composite.frag.glsl — resolves the multisampled scene (bones and muscles, drawn over transparent
// black, so its colours are premultiplied by coverage) and lays it over the background and floor
// already in the target (blend: one, one minus source alpha). Anti-aliased edges against the floor
// come out as they would had the floor been multisampled too, without multisampling the floor.
#version 330 core
uniform sampler2DMS u_scene;
uniform int u_samples;
out vec4 o_color;
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  vec4 sum = vec4(0.0);
  for (int i = 0; i < u_samples; ++i) sum += texelFetch(u_scene, p, i);
  o_color = sum / float(u_samples);
}
