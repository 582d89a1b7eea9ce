// mesh.frag.glsl — untextured meshes (bones, muscles): the colour lit per vertex (mesh.vert.glsl);
// muscle bellies get a faint striation running along their fibres (a hint of fibre direction, not
// a texture), a cheap triangle wave around the tube instead of a sine.
#version 330 core
in vec2 v_uv;
in vec3 v_color;
uniform vec4 u_color;
uniform float u_striation;  // 0 = none (bones), > 0 = muscle
out vec4 o_color;
void main() {
  float wave = abs(fract(v_uv.x * 9.0) - 0.5);  // 9 fibre bundles around the tube
  float belly = clamp(v_uv.y * 1.8 - 0.1, 0.0, 1.0);
  o_color = vec4(v_color * (1.0 - u_striation * belly * wave), u_color.a);
}
