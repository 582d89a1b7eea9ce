// mesh.frag.glsl — untextured meshes (bones, muscles): the colour lit per vertex (mesh.vert.glsl).
// Muscle bellies are shaded along their fibres: the sheen across them comes from the vertex
// shader, and a faint striation runs along them here (a cheap triangle wave around the path, so its
// lines follow the fibres). Tendons and aponeuroses (uv.y -> 0) get neither: they are pale and
// glossy from the vertex lighting.
#version 330 core
in vec2 v_uv;
in vec3 v_color;
in float v_sheen;
uniform vec4 u_color;
uniform float u_striation;  // 0 = none (bones), > 0 = muscle
out vec4 o_color;
void main() {
  float wave = abs(fract(v_uv.x * 9.0) - 0.5);  // 9 fibre bundles around the path
  float belly = clamp(v_uv.y * 1.8 - 0.1, 0.0, 1.0);
  o_color = vec4(v_color * (1.0 - u_striation * belly * wave) + vec3(v_sheen), u_color.a);
}
