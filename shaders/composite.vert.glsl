// composite.vert.glsl — a quad over the whole view (the scissor keeps the pass to the scene's
// rectangle); drawn as a 4-vertex triangle strip without vertex data.
#version 330 core
void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1)) * 2.0 - 1.0;
  gl_Position = vec4(corner, 0.0, 1.0);
}
