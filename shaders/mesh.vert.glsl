// mesh.vert.glsl — every mesh: rigid (u_model) or linear-blend skinned (up to 4 weights per vertex,
// up to 256 joint matrices in the Bones uniform block). World-space position and normal out.
#version 330 core
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in vec2 a_uv;
layout(location = 3) in uvec4 a_joints;
layout(location = 4) in vec4 a_weights;
layout(location = 5) in float a_ao;

uniform mat4 u_view_proj;
uniform mat4 u_model;
uniform bool u_skinned;
layout(std140) uniform Bones { mat4 u_bones[256]; };

out vec3 v_world;
out vec3 v_normal;
out vec2 v_uv;
out float v_ao;

void main() {
  mat4 m = u_model;
  if (u_skinned) {
    m = a_weights.x * u_bones[a_joints.x] + a_weights.y * u_bones[a_joints.y] +
        a_weights.z * u_bones[a_joints.z] + a_weights.w * u_bones[a_joints.w];
  }
  vec4 world = m * vec4(a_position, 1.0);
  v_world = world.xyz;
  // Bones and skin carry rigid (rotation + translation) transforms, so mat3(m) turns normals correctly
  // and saves a per-vertex matrix inverse (which matters on a software renderer).
  v_normal = mat3(m) * a_normal;
  v_uv = a_uv;
  v_ao = a_ao;
  gl_Position = u_view_proj * world;
}
