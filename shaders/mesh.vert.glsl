// mesh.vert.glsl — every mesh: rigid (u_model) or linear-blend skinned (up to 4 weights per vertex,
// up to 256 joint matrices in the Bones uniform block). World-space position and normal out, and
// the soft studio lighting evaluated here, per vertex (Gouraud): on a software renderer a frame's
// cost is mostly per-pixel work, and the meshes are fine enough (levels of detail keep their
// triangles a few pixels wide) that lighting per vertex looks the same as per pixel.
//
// Lighting, in linear RGB: hemispheric sky/ground ambient, one key light with wrapped diffuse and
// a broad highlight, a faint rim so silhouettes read; baked ambient occlusion darkens the ambient
// fully and the key light a little (soft contact shadows in creases).
#version 330 core
#include "encode_srgb.glsl"
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

uniform vec4 u_color;      // linear base colour (material × tint)
uniform vec3 u_eye;
uniform vec3 u_key_dir;
uniform vec3 u_key_color;
uniform vec3 u_sky_color;
uniform vec3 u_ground_color;
uniform vec3 u_target;    // faint look: what the camera looks at (FrameView::target)
uniform uint u_fade_joints;  // faint look: bit i set = joint i's part fades in front of u_target (MeshDraw::fade_joints)
uniform bool u_outline;    // faint look: only a band along the silhouette (the skin as an outline)
uniform bool u_muscle;     // uv.y = belly weight (0 tendon .. 1 belly), uv.x = around the tube (0..1)

out vec3 v_world;
out vec3 v_normal;
out vec2 v_uv;
out vec3 v_light;  // multiplies the (textured) base colour
out vec3 v_add;    // added on top: highlight and rim
out vec3 v_color;  // untextured meshes: the final colour, tone-mapped and sRGB-encoded
out vec4 v_faint;  // the faint translucent look (simple.frag.glsl): encoded colour and alpha
out float v_fade;  // the faint look's fade in front of the target (1 = none), also for the outline
out float v_sheen; // muscle bellies: the highlight across the fibres, added to the encoded colour

void main() {
  mat4 m = u_model;
  if (u_skinned) {
    m = a_weights.x * u_bones[a_joints.x] + a_weights.y * u_bones[a_joints.y] +
        a_weights.z * u_bones[a_joints.z] + a_weights.w * u_bones[a_joints.w];
  }
  vec4 world = m * vec4(a_position, 1.0);
  v_world = world.xyz;
  // Bones and skin carry rigid (rotation + translation) transforms, so mat3(m) turns normals correctly
  // and saves a per-vertex matrix inverse.
  v_normal = mat3(m) * a_normal;
  v_uv = a_uv;
  gl_Position = u_view_proj * world;

  vec3 n = normalize(v_normal);
  vec3 v = normalize(u_eye - world.xyz);
  if (dot(n, v) < 0.0) n = -n;  // two-sided: models from the wild have mixed winding
  vec3 l = -normalize(u_key_dir);
  float wrap = 0.25;  // wrapped diffuse: softer terminator, like skin and bone under a softbox
  float diffuse = max((dot(n, l) + wrap) / (1.0 + wrap), 0.0);
  vec3 h = normalize(l + v);
  float nh = max(dot(n, h), 0.0), nh2 = nh * nh, nh4 = nh2 * nh2, nh8 = nh4 * nh4;
  float spec = nh8 * nh8 * 0.10;  // (n.h)^16: broad enough to sample per vertex
  float fr = 1.0 - max(dot(n, v), 0.0);
  float rim = fr * fr * fr * 0.12;
  vec3 ambient = mix(u_ground_color, u_sky_color, 0.5 + 0.5 * n.y);
  v_light = ambient * a_ao + u_key_color * diffuse * mix(1.0, a_ao, 0.5);
  vec3 base = u_color.rgb;
  float gloss = 1.0;
  if (u_muscle) {
    // Tendons and aponeuroses: pale, glossy connective tissue (three times the belly's highlight);
    // the belly keeps its colour, so working and stretched highlights still read (the fragment
    // shader shades it along its fibres).
    float belly = smoothstep(0.05, 0.6, a_uv.y);
    vec3 tendon = vec3(0.86, 0.82, 0.72);
    base = mix(tendon, base, belly);
    gloss = mix(3.0, 1.0, belly);
  }
  // Muscle bellies are shaded along their fibres: a narrow sheen across them, as light catches
  // parallel fibre bundles (Kajiya & Kay 1989: strongest where the half vector is perpendicular to
  // the fibre, sin(fibre, h)^16 here, broad enough to sample per vertex). The fibre direction comes
  // in a_weights.xyz (a placed muscle volume is not skinned: scene/muscle_volume.cpp); per vertex,
  // because the same sheen per pixel (from screen-space derivatives) cost a fifth of the frame on
  // a software renderer.
  v_sheen = 0.0;
  if (u_muscle && !u_skinned) {
    float len2 = dot(a_weights.xyz, a_weights.xyz);
    if (len2 > 0.0) {
      float th = dot(mat3(m) * a_weights.xyz, h) * inversesqrt(len2);
      float s = 1.0 - th * th;
      s *= s; s *= s; s *= s;  // sin^16
      v_sheen = 0.08 * s * smoothstep(0.05, 0.6, a_uv.y);
    }
  }
  v_add = u_key_color * spec * gloss * a_ao + vec3(rim);
  vec3 color = base * v_light + v_add;
  color = color / (1.0 + 0.12 * color);  // gentle shoulder instead of hard clipping
  v_color = encode_srgb(color);

  // The faint look for large translucent surfaces (the skin): more opaque toward the outline, so
  // the body's shape reads without a full lighting model, then fading out over the last stretch to
  // the silhouette itself. The skin is drawn once per pixel over the multisampled scene, and a soft
  // silhouette needs no anti-aliasing.
  float facing = abs(dot(normalize(v_normal), v));
  float faint_rim = 1.0 - facing;
  float faint_alpha = clamp(u_color.a * (0.6 + 2.2 * faint_rim * faint_rim), 0.0, 1.0) * smoothstep(0.03, 0.3, facing);
  // The trunk, head and arms fade out where they stand in front of what the camera looks at (the
  // hips): seen from the side of a seated drill, an arm between the eye and the hips would stand
  // as a large ghost over the working hip. By how far the vertex lies in front of the target along
  // the view: whole up to 12 cm (the arms beside the body seen from the front, the trunk's
  // outline), gone from 30 cm. The legs and pelvis never fade: they are what the view is about.
  v_fade = 1.0;
  if (u_skinned && u_fade_joints != 0u) {
    float upper = 0.0;
    for (int k = 0; k < 4; ++k)
      if (a_joints[k] < 32u && ((u_fade_joints >> a_joints[k]) & 1u) != 0u) upper += a_weights[k];
    vec3 to_target = u_target - u_eye;
    float target_depth = length(to_target);
    if (target_depth > 1e-6) {
      float ahead = dot(u_target - world.xyz, to_target) / target_depth;
      v_fade = 1.0 - upper * smoothstep(0.12, 0.30, ahead);
    }
  }
  faint_alpha *= v_fade;
  v_faint = vec4(encode_srgb(u_color.rgb * (0.7 + 0.35 * n.y)), faint_alpha);
}
