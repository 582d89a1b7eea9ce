// pick.frag.glsl — writes the draw's pick id (0 = nothing) for picking under the cursor.
#version 330 core
in vec3 v_world;
in vec3 v_normal;
in vec2 v_uv;
uniform uint u_id;
out uint o_id;
void main() { o_id = u_id; }
