// background.vert.glsl — one full-screen triangle.
#version 330 core
out float v_t;
void main() {
  vec2 p = vec2((gl_VertexID == 1) ? 3.0 : -1.0, (gl_VertexID == 2) ? 3.0 : -1.0);
  v_t = 0.5 * p.y + 0.5;
  gl_Position = vec4(p, 1.0, 1.0);
}
