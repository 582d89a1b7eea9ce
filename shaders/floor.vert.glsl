// floor.vert.glsl — a disc-shaped floor quad at y = u_height, centred under the model.
#version 330 core
layout(location = 0) in vec2 a_corner;  // [-1, 1]^2
uniform mat4 u_view_proj;
uniform vec2 u_centre;   // world x, z
uniform float u_radius;
uniform float u_height;
out vec2 v_local;        // [-1, 1]^2 across the disc
out vec3 v_world;
void main() {
  v_local = a_corner;
  v_world = vec3(u_centre.x + a_corner.x * u_radius, u_height, u_centre.y + a_corner.y * u_radius);
  gl_Position = u_view_proj * vec4(v_world, 1.0);
}
