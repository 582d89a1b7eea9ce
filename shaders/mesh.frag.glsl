// mesh.frag.glsl — untextured meshes (bones, muscles): the colour lit per vertex (mesh.vert.glsl).
// Muscle bellies are shaded along their fibres: a faint striation (a cheap triangle wave around
// the path, so its lines run along the fibres) and a narrow sheen that runs across the fibres, as
// light catches parallel fibre bundles (the Kajiya-Kay highlight for fibres, 1989: strongest where
// the half vector is perpendicular to the fibre, sin(fibre, h)^32). The fibre direction is the
// surface direction along which the angle about the path (uv.x) stays constant, found from the
// screen-space derivatives, so the vertices need no tangent. Tendons and aponeuroses (uv.y -> 0)
// get no striation or sheen: they are pale and glossy from the vertex lighting.
#version 330 core
in vec3 v_world;
in vec2 v_uv;
in vec3 v_color;
uniform vec4 u_color;
uniform float u_striation;  // 0 = none (bones), > 0 = muscle
uniform vec3 u_eye;
uniform vec3 u_key_dir;
out vec4 o_color;
void main() {
  vec3 c = v_color;
  if (u_striation > 0.0) {
    float belly = clamp(v_uv.y * 1.8 - 0.1, 0.0, 1.0);
    float wave = abs(fract(v_uv.x * 9.0) - 0.5);  // 9 fibre bundles around the path
    // The angle's gradient on screen, from whichever of uv.x and uv.x + 1/2 has no seam here.
    float ua = v_uv.x, ub = fract(v_uv.x + 0.5);
    vec2 ga = vec2(dFdx(ua), dFdy(ua)), gb = vec2(dFdx(ub), dFdy(ub));
    vec2 g = dot(ga, ga) < dot(gb, gb) ? ga : gb;
    vec3 fibre = dFdx(v_world) * g.y - dFdy(v_world) * g.x;  // along it the angle does not change
    float len2 = dot(fibre, fibre);
    float sheen = 0.0;
    if (len2 > 0.0) {
      vec3 h = normalize(normalize(u_eye - v_world) - normalize(u_key_dir));
      float th = dot(fibre, h) * inversesqrt(len2);
      float s = 1.0 - th * th;
      s *= s; s *= s; s *= s; s *= s;  // sin^32
      sheen = 0.09 * s * belly;
    }
    c = c * (1.0 - u_striation * belly * wave) + vec3(sheen);
  }
  o_color = vec4(c, u_color.a);
}
