// shadow.frag.glsl — contact-shadow pass: seen from straight above, each mesh writes how close it
// comes to the floor (1 touching, 0 at u_reach above it); MAX blending keeps the closest.
#version 330 core
in vec3 v_world;
in vec3 v_normal;
in vec2 v_uv;
uniform float u_floor_height;
uniform float u_reach;
out vec4 o_color;
void main() {
  float closeness = 1.0 - clamp((v_world.y - u_floor_height) / u_reach, 0.0, 1.0);
  o_color = vec4(closeness * closeness, 0.0, 0.0, 1.0);
}
