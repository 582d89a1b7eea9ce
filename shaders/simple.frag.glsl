// simple.frag.glsl — a cheap look for large translucent surfaces (the faint skin), computed per
// vertex (mesh.vert.glsl: brighter and more opaque toward the silhouette, so the outline reads).
// As an outline (u_outline), the band along the silhouette is found per pixel from the
// interpolated normal: a coarse skin's vertices are too far apart to draw a thin line.
#version 330 core
uniform bool u_outline;
uniform vec3 u_eye;
in vec3 v_world;
in vec3 v_normal;
in vec4 v_faint;
in float v_fade;  // the trunk's and arms' fade in front of what the camera looks at (mesh.vert.glsl)
out vec4 o_color;
void main() {
  if (!u_outline) {
    o_color = v_faint;
    return;
  }
  float facing = abs(dot(normalize(v_normal), normalize(u_eye - v_world)));
  // Strongest where the surface turns away, fading out over the silhouette's last stretch; nothing
  // over the front of the body, so the hips stay in plain view.
  float a = 0.9 * smoothstep(0.5, 0.2, facing) * smoothstep(0.0, 0.04, facing) * v_fade;
  o_color = vec4(v_faint.rgb, a);
}
