// bones.cpp — see bones.h. Every bone is a smooth union of named parts; numbers are metres in the
// bone's Gait2392 body frame. Landmark positions were measured on the Gait2392 reference meshes
// (extreme points and slice extents, same frames); shapes follow the BodyParts3D bones.
#include "bones.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "detmath.h"
#include "sdf.h"

namespace hiplab::modelgen {
using namespace sdf;
using glm::vec2;
using glm::vec3;

namespace {

vec3 rot_about(vec3 v, vec3 axis, double angle_rad) {  // Rodrigues, deterministic trig
  const float c = static_cast<float>(dm::cos(angle_rad)), s = static_cast<float>(dm::sin(angle_rad));
  return v * c + glm::cross(axis, v) * s + axis * glm::dot(axis, v) * (1.0f - c);
}

// Signed distance to a closed polygon in 2D (Inigo Quilez), negative inside.
template <size_t N>
float polygon(vec2 p, const std::array<vec2, N>& v) {
  float d = glm::dot(p - v[0], p - v[0]);
  float s = 1.0f;
  for (size_t i = 0, j = N - 1; i < N; j = i, ++i) {
    vec2 e = v[j] - v[i], w = p - v[i];
    vec2 b = w - e * std::clamp(glm::dot(w, e) / glm::dot(e, e), 0.0f, 1.0f);
    d = std::min(d, glm::dot(b, b));
    bool c1 = p.y >= v[i].y, c2 = p.y < v[j].y, c3 = e.x * w.y > e.y * w.x;
    if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) s = -s;
  }
  return s * std::sqrt(d);
}

float catmull(const float* y, int n, float t) {  // uniform Catmull-Rom through y[0..n-1], t in [0, n-1]
  t = std::clamp(t, 0.0f, float(n - 1));
  int i = std::min(int(t), n - 2);
  float u = t - float(i);
  float p0 = y[std::max(i - 1, 0)], p1 = y[i], p2 = y[i + 1], p3 = y[std::min(i + 2, n - 1)];
  return 0.5f * ((2 * p1) + (-p0 + p2) * u + (2 * p0 - 5 * p1 + 4 * p2 - p3) * u * u + (-p0 + 3 * p1 - 3 * p2 + p3) * u * u * u);
}

// ---------------------------------------------------------------------------------------- femur
struct FemurFrame {
  vec3 up, neck_dir, neck_base, shaft_top, shaft_bottom;
};
FemurFrame femur_frame(const Morphometry& m) {
  FemurFrame f;
  // anatomical shaft axis: ~7 deg adducted from the vertical mechanical axis (Yoshioka 1987)
  f.up = glm::normalize(vec3(-0.02f, 1.0f, 0.125f));
  vec3 medial = glm::normalize(glm::cross(f.up, vec3(1, 0, 0)));  // points to -z
  const double a = dm::deg(180.0 - m.femur_neck_shaft_deg);
  vec3 d = f.up * float(dm::cos(a)) + medial * float(dm::sin(a));
  // anteversion: the neck turns forward about the shaft axis (head anterior to the condylar axis)
  f.neck_dir = glm::normalize(rot_about(d, f.up, -dm::deg(m.femur_anteversion_deg)));
  f.neck_base = -f.neck_dir * float(m.femur_neck_length_m);
  f.shaft_top = f.neck_base + f.up * 0.012f + vec3(-0.004f, 0, 0);
  f.shaft_bottom = vec3(0.02f, -0.365f, 0.006f);
  return f;
}

float femur(vec3 p, const Morphometry& m) {
  const FemurFrame f = femur_frame(m);
  const float R = float(m.femur_shaft_radius_m);
  const float rh = float(m.femur_head_diameter_m) * 0.5f;
  // head, with the fovea capitis as a small dimple
  float head = sphere(p, vec3(0), rh);
  head = ssub(head, sphere(p, f.neck_dir * (rh + 0.003f) + vec3(0, -0.006f, 0), 0.0045f), 0.002f);
  // neck: flattened (taller than deep), narrowing toward the head
  Ellipsoid neck = ellipsoid_between(f.neck_dir * 0.008f, f.neck_base + f.up * 0.004f - f.neck_dir * 0.01f, vec3(0, 1, 0), 0.016f, 0.013f);
  float d = smin(head, ellipsoid(p, neck), 0.012f);
  // shaft with an anterior bow (Harma 2005) and a lateral-to-medial lean: centreline through the
  // mid-shaft centres measured on the Gait2392 femur (side and front extents every 5 cm). Cross
  // section slightly wider than deep (mid-shaft ~27 x 23 mm ML x AP; Noble et al. 1988): two round
  // cones offset +-dz along z, blended.
  static const float clx[7] = {-0.012f, -0.003f, 0.0125f, 0.0195f, 0.0225f, 0.0215f, 0.02f};
  static const float cly[7] = {-0.04f, -0.087f, -0.157f, -0.207f, -0.257f, -0.307f, -0.345f};
  static const float clz[7] = {0.041f, 0.037f, 0.0305f, 0.0265f, 0.0205f, 0.0135f, 0.009f};
  static const float cr[7] = {1.2f, 1.05f, 1.0f, 0.94f, 0.95f, 1.0f, 1.06f};
  // distally the shaft widens side to side only, into the metaphysis (Mahfouz 2012)
  const vec3 dz(0, 0, float(m.femur_shaft_ml_excess_m) * 0.5f + 0.007f * smoothstep(-0.28f, -0.36f, p.y));
  // swept along a Catmull-Rom curve through the centres (3 short cones per span: no creases)
  constexpr int kSub = 3, kN = 6 * kSub + 1;
  struct Sweep { vec3 c[kN]; float r[kN]; };
  static const Sweep sw = [] {
    Sweep w{};
    for (int k = 0; k < kN; ++k) {
      const float tt = float(k) / kSub;
      w.c[k] = vec3(catmull(clx, 7, tt), catmull(cly, 7, tt), catmull(clz, 7, tt));
      w.r[k] = catmull(cr, 7, tt);
    }
    return w;
  }();
  float shaft = 1e9f;
  for (int k = 0; k + 1 < kN; ++k)
    shaft = std::min(shaft, smin(round_cone(p - dz, sw.c[k], sw.c[k + 1], R * sw.r[k], R * sw.r[k + 1]),
                                 round_cone(p + dz, sw.c[k], sw.c[k + 1], R * sw.r[k], R * sw.r[k + 1]), 0.004f));
  (void)f;
  d = smin(d, shaft, 0.02f);
  // greater trochanter: grows up from the lateral shaft, apex posterior-superior (its posterior
  // border overhangs the intertrochanteric crest; top ~1 cm below the head centre)
  Ellipsoid gt = ellipsoid_between(vec3(-0.014f, -0.06f, 0.045f), vec3(-0.024f, -0.004f, 0.048f), vec3(0, 0, 1), 0.0125f, 0.0135f);
  d = smin(d, ellipsoid(p, gt), 0.022f);
  Ellipsoid gt_tip = ellipsoid_between(vec3(-0.018f, -0.016f, 0.043f), vec3(-0.028f, -0.004f, 0.038f), vec3(0, 0, 1), 0.0075f, 0.0075f);
  d = smin(d, ellipsoid(p, gt_tip), 0.01f);
  // lesser trochanter: posteromedial, pointing back and in
  Ellipsoid lt = ellipsoid_between(vec3(-0.006f, -0.058f, 0.028f), vec3(-0.025f, -0.066f, 0.018f), vec3(0, 1, 0), 0.008f, 0.007f);
  d = smin(d, ellipsoid(p, lt), 0.014f);
  // intertrochanteric crest (posterior ridge GT -> LT) and line (anterior, faint)
  d = smin(d, capsule(p, vec3(-0.025f, -0.014f, 0.044f), vec3(-0.023f, -0.056f, 0.027f), 0.0065f), 0.016f);
  d = smin(d, capsule(p, vec3(0.0f, -0.03f, 0.046f), vec3(-0.002f, -0.064f, 0.03f), 0.003f), 0.008f);
  // linea aspera: posterior ridge along the middle third
  {  // a ridge that rises from the shaft and fades out at both ends (no ring where it stops)
    const vec3 back(-R * 0.78f, 0, 0);
    const vec3 la0 = sw.c[4] + back, la1 = sw.c[9] + back, la2 = sw.c[14] + back;
    d = smin(d, std::min(round_cone(p, la0, la1, 0.0008f, 0.0035f), round_cone(p, la1, la2, 0.0035f, 0.0008f)), 0.008f);
  }
  // distal metaphysis flaring into the condyles
  const float cw = float(m.femur_condyle_width_m);
  // (the shaft widens into it over its last 8 cm: Mahfouz 2012 distal femur ML/AP ratios)
  Ellipsoid meta{vec3(0.019f, -0.37f, 0.005f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.0115f, 0.04f, 0.026f)};
  d = smin(d, ellipsoid(p, meta), 0.03f);
  // condyles: posteriorly bulging (the profile seen from the side is nearly circular, Iwaki 2000),
  // the medial one lower and longer
  Ellipsoid mc{vec3(0.005f, -0.408f, -cw * 0.25f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.028f, 0.023f, 0.016f)};
  Ellipsoid lc{vec3(0.006f, -0.405f, cw * 0.26f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.028f, 0.021f, 0.017f)};
  float cond = smin(ellipsoid(p, mc), ellipsoid(p, lc), 0.01f);
  // anterior trochlear ridges (lateral one higher and more prominent)
  cond = std::min(cond, ellipsoid(p, ellipsoid_between(vec3(0.021f, -0.375f, 0.014f), vec3(0.023f, -0.405f, 0.016f), vec3(1, 0, 0), 0.0105f, 0.012f)));
  cond = std::min(cond, ellipsoid(p, ellipsoid_between(vec3(0.02f, -0.382f, -0.014f), vec3(0.021f, -0.408f, -0.016f), vec3(1, 0, 0), 0.0095f, 0.011f)));
  d = smin(d, cond, 0.026f);
  // epicondyles
  d = smin(d, ellipsoid(p, {vec3(0.0f, -0.402f, -0.031f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.012f, 0.012f, 0.006f)}), 0.01f);
  d = smin(d, ellipsoid(p, {vec3(0.0f, -0.4f, 0.032f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.011f, 0.011f, 0.005f)}), 0.01f);
  // patellar groove (trochlea) and intercondylar notch
  d = ssub(d, capsule(p, vec3(0.039f, -0.38f, 0.001f), vec3(0.032f, -0.414f, 0.001f), 0.009f), 0.01f);
  d = ssub(d, capsule(p, vec3(-0.036f, -0.432f, 0.0f), vec3(-0.008f, -0.429f, 0.0f), 0.0075f), 0.006f);
  return d;
}

// ----------------------------------------------------------------------------------- hip bone
// Iliac wing: a thickened curved shell z = f(x, y) (mid-surface, a Catmull-Rom patch) cut by the
// wing's outline in the sagittal plane; thicker at the rim and toward the acetabulum.
float wing_mid(float x, float y) {
  static const float zs[3][5] = {
      {0.112f, 0.098f, 0.086f, 0.066f, 0.06f},  // y = -0.03 (ilium body above the acetabulum)
      {0.124f, 0.124f, 0.094f, 0.064f, 0.055f},  // y =  0.03 (posterior end: auricular surface on the sacrum)
      {0.122f, 0.118f, 0.096f, 0.062f, 0.052f},  // y =  0.095 (crest: S-bend in the top view)
  };
  const float tx = (0.005f - x) / 0.0375f;  // x nodes 0.005, -0.0325, -0.07, -0.1075, -0.145
  float r[3];
  for (int i = 0; i < 3; ++i) r[i] = catmull(zs[i], 5, tx);
  const float u = (y + 0.03f) / 0.0625f;  // 0, 1, 2 at the rows
  float z = r[0] * (u - 1) * (u - 2) * 0.5f - r[1] * u * (u - 2) + r[2] * u * (u - 1) * 0.5f;
  // lateral bulge of the gluteal surface = hollow of the iliac fossa on the inside
  const float bx = (x + 0.065f) / 0.05f, by = (y - 0.045f) / 0.04f;
  const float bump = std::max(0.0f, 1.0f - bx * bx - by * by);
  z += 0.0055f * bump * bump * (3.0f - 2.0f * bump);  // (iliacus origin stays within ~10 mm of the fossa)
  return z;
}

float hip_bone(vec3 p, const Morphometry& m) {
  const vec3 C(-0.0707f, -0.0661f, 0.0835f);  // hip centre (Gait2392)
  // --- iliac wing shell ---
  static const std::array<vec2, 17> outline = {{
      {0.004f, -0.004f}, {-0.006f, 0.03f}, {-0.024f, 0.056f}, {-0.045f, 0.078f}, {-0.066f, 0.093f},
      {-0.088f, 0.097f}, {-0.108f, 0.09f}, {-0.125f, 0.072f}, {-0.137f, 0.05f}, {-0.14f, 0.034f},
      {-0.133f, 0.008f}, {-0.116f, -0.004f}, {-0.099f, -0.016f}, {-0.092f, -0.042f}, {-0.07f, -0.052f}, {-0.034f, -0.044f},
      {-0.015f, -0.016f},
  }};
  const vec2 q(p.x, p.y);
  const float o2 = polygon(q, outline) + 0.003f;
  const float h0 = wing_mid(p.x, p.y);
  const float e = 0.001f;
  const float fx = (wing_mid(p.x + e, p.y) - wing_mid(p.x - e, p.y)) / (2 * e);
  const float fy = (wing_mid(p.x, p.y + e) - wing_mid(p.x, p.y - e)) / (2 * e);
  const float rim = 1.0f - smoothstep(0.0f, 0.014f, -o2);
  float t = float(m.iliac_wing_thickness_m) + float(m.iliac_rim_thickness_m - m.iliac_wing_thickness_m) * rim;
  // the ilium body and the iliac tuberosity (SI joint) thicken the shell on its medial side only
  const float tm = 0.014f * smoothstep(0.02f, -0.035f, p.y) * smoothstep(-0.01f, -0.045f, p.x) +
                   0.008f * smoothstep(-0.105f, -0.13f, p.x) * smoothstep(-0.02f, 0.02f, p.y);
  t += tm;
  // arcuate line (pelvic brim): a low ridge on the inner surface from the auricular surface toward
  // the iliopubic eminence, made by thickening the shell medially along a band
  float brim = 0.0f;
  {
    const vec2 b0(-0.118f, 0.022f), b1(-0.062f, -0.042f), q2(p.x, p.y);
    const vec2 e = b1 - b0;
    const float h = std::clamp(glm::dot(q2 - b0, e) / glm::dot(e, e), 0.0f, 1.0f);
    brim = 0.0045f * smoothstep(0.0f, 0.3f, h) * (1.0f - smoothstep(0.0f, 0.008f, glm::length(q2 - b0 - e * h)));
  }
  t += brim;
  float wing = std::fabs(p.z - (h0 - 0.35f * tm - 0.5f * brim)) / std::sqrt(1 + fx * fx + fy * fy) - 0.5f * t;
  // the outline cut is rounded over the full thickness (no flat facet where the shell is thick)
  wing = smax(wing, o2, std::max(0.006f, 1.1f * t));
  float d = wing;
  // spines on the rim: tapered ellipsoids blended in
  d = smin(d, ellipsoid(p, ellipsoid_between(vec3(-0.022f, 0.022f, 0.123f), vec3(0.004f, -0.004f, 0.117f), vec3(0, 0, 1), 0.0055f, 0.005f)), 0.012f);  // ASIS
  d = smin(d, ellipsoid(p, ellipsoid_between(vec3(-0.034f, -0.004f, 0.104f), vec3(-0.024f, -0.026f, 0.104f), vec3(0, 0, 1), 0.005f, 0.005f)), 0.012f);   // AIIS
  d = smin(d, ellipsoid(p, ellipsoid_between(vec3(-0.12f, 0.054f, 0.062f), vec3(-0.142f, 0.03f, 0.058f), vec3(0, 0, 1), 0.0065f, 0.0065f)), 0.012f); // PSIS
  d = smin(d, ellipsoid(p, ellipsoid_between(vec3(-0.042f, 0.062f, 0.126f), vec3(-0.015f, 0.028f, 0.126f), vec3(0, 0, 1), 0.005f, 0.0035f)), 0.012f);    // iliac tubercle
  // --- acetabulum: a cup opening laterally, anteriorly and down ---
  const double inc = dm::deg(m.acetabular_inclination_deg), av = dm::deg(m.acetabular_anteversion_deg);
  vec3 o(float(dm::sin(inc) * dm::sin(av)), float(-dm::cos(inc)), float(dm::sin(inc) * dm::cos(av)));
  o = glm::normalize(o);
  const float ra = float(m.acetabulum_radius_m);
  float cup = smax(sphere(p, C - o * 0.004f, ra + 0.009f), glm::dot(p - C, o) - 0.003f, 0.006f);
  d = smin(d, cup, 0.012f);
  // --- pubis and ischium around the obturator foramen ---
  const vec3 iliopubic(-0.05f, -0.063f, 0.066f), pubic_top(-0.036f, -0.08f, 0.02f), pubic_bot(-0.054f, -0.104f, 0.012f);
  const vec3 ischial_tub(-0.116f, -0.104f, 0.046f), ischium_top(-0.114f, -0.072f, 0.06f);
  // superior ramus: a flattened bar (pectineal surface on top), ~18 x 16 mm, bent toward the symphysis
  float ring = smin(ellipsoid(p, ellipsoid_between(iliopubic + vec3(-0.004f, 0.004f, 0.012f), vec3(-0.044f, -0.078f, 0.026f), vec3(0.4f, 1, 0), 0.008f, 0.0095f)),
                    ellipsoid(p, ellipsoid_between(vec3(-0.048f, -0.074f, 0.044f), vec3(-0.034f, -0.08f, 0.01f), vec3(0.4f, 1, 0), 0.0085f, 0.009f)), 0.01f);
  ring = smin(ring, ellipsoid(p, ellipsoid_between(pubic_top + vec3(0.004f, 0.006f, -0.008f), pubic_bot + vec3(0, -0.002f, -0.004f), vec3(1, 0, 0), 0.011f, 0.0085f)), 0.01f);  // body, symphysis
  // ischiopubic ramus: a flat bar, broad in the plane of the foramen, thin across it
  ring = smin(ring, ellipsoid(p, ellipsoid_between(pubic_bot + vec3(0.008f, 0.002f, -0.004f), ischial_tub + vec3(0.006f, -0.006f, -0.004f), vec3(0, 1, 0), 0.0085f, 0.0055f)), 0.01f);
  ring = smin(ring, round_cone(p, ischium_top, ischial_tub, 0.014f, 0.0135f), 0.01f);    // ischium body
  ring = smin(ring, ellipsoid(p, ellipsoid_between(vec3(-0.1f, -0.111f, 0.046f), vec3(-0.13f, -0.086f, 0.056f), vec3(0, 0, 1), 0.012f, 0.0095f)), 0.016f);  // tuberosity
  d = smin(d, ring, 0.01f);
  // posterior column down from the sciatic notch, and the ischial spine
  d = smin(d, round_cone(p, vec3(-0.088f, -0.028f, 0.068f), vec3(-0.114f, -0.072f, 0.06f), 0.013f, 0.013f), 0.012f);
  d = smin(d, ellipsoid(p, ellipsoid_between(vec3(-0.11f, -0.062f, 0.062f), vec3(-0.13f, -0.066f, 0.05f), vec3(0, 1, 0), 0.0055f, 0.004f)), 0.01f);
  // socket: lunate surface, acetabular fossa (deeper floor) and the inferior notch
  d = ssub(d, sphere(p, C, ra), 0.003f);
  d = ssub(d, sphere(p, C - o * 0.016f, 0.0125f), 0.003f);
  vec3 down = glm::normalize(vec3(0, -1, 0) - o * glm::dot(vec3(0, -1, 0), o));
  vec3 nd = glm::normalize(down - o * 0.15f);  // in the rim plane, toward its lowest point
  d = ssub(d, capsule(p, C + nd * 0.026f, C + nd * 0.06f, 0.011f), 0.005f);  // acetabular notch (~22 mm wide), open to the foramen
  return d;
}

// ------------------------------------------------------------------------------------- sacrum
float sacrum(vec3 p, const Morphometry&) {
  // One smooth wedge, lofted along its kyphotic curve: at each height a cross-section (ellipse in
  // the transverse plane) whose half-width, front and back were measured on the Gait2392 sacrum
  // (extents every 16 mm from the S1 endplate at y 0.078 down to the coccyx). Wide alae at S1-S2
  // (~93 mm across; adult 95-110 mm, Peretz et al. 1998), deepest at S1 with the alae and the
  // posterior elements, tapering to the apex. The S1 endplate is cut flat, the pelvic surface is
  // hollowed and a median crest runs down the back.
  static const float hw[8] = {0.043f, 0.0465f, 0.0465f, 0.04f, 0.031f, 0.024f, 0.015f, 0.008f};
  static const float xa[8] = {-0.093f, -0.089f, -0.083f, -0.085f, -0.112f, -0.131f, -0.146f, -0.157f};
  static const float xp[8] = {-0.131f, -0.138f, -0.149f, -0.161f, -0.168f, -0.174f, -0.176f, -0.17f};
  const float t = (0.078f - p.y) / 0.016f;  // node index
  const float w = std::max(catmull(hw, 8, t), 0.003f), a = catmull(xa, 8, t), b = catmull(xp, 8, t);
  const float cx = 0.5f * (a + b), rx = std::max(0.5f * (a - b), 0.003f);
  const float u = p.z / w, v = (p.x - cx) / rx;
  float d = (std::sqrt(u * u + v * v) - 1.0f) * std::min(w, rx);
  // S1 superior endplate, with the alae sloping down on either side of the body
  d = smax(d, p.y - 0.077f + 0.25f * std::max(std::fabs(p.z) - 0.02f, 0.0f), 0.008f);
  d = smax(d, -(p.y + 0.04f) + 0.004f * (p.x + 0.165f), 0.006f);  // apex (coccyx joint)
  // pelvic (anterior) surface: shallow concavity below the promontory, between the alae
  d = ssub(d, ellipsoid(p, {vec3(-0.07f, 0.01f, 0.0f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.03f, 0.05f, 0.024f)}), 0.01f);
  // median sacral crest
  d = smin(d, round_cone(p, vec3(-0.134f, 0.05f, 0.0f), vec3(-0.171f, -0.01f, 0.0f), 0.002f, 0.0035f), 0.008f);
  return d;
}

// -------------------------------------------------------------------------------------- tibia
float tibia(vec3 p, const Morphometry& m) {
  // condyles: medial longer front to back, lateral overhanging the fibula; plateau top at y ~ -0.034.
  // Plateau ~67 mm wide and ~58 mm deep here (Gandhi 2016: 70-80 mm ML; Servien 2008: medial AP
  // 48-52 mm, lateral 42-46 mm, measured on the articular surfaces only).
  const float pw = float(m.tibial_plateau_width_m);
  // Seen from above both condyles converge posteriorly (their long axes splay ~15-20 deg forward).
  const vec3 um = glm::normalize(vec3(1.0f, 0.0f, -0.25f)), ul = glm::normalize(vec3(1.0f, 0.0f, 0.36f));
  Ellipsoid mc{vec3(0.0f, -0.049f, 0.0045f - pw * 0.22f), um, vec3(0, 1, 0), glm::cross(um, vec3(0, 1, 0)), vec3(0.029f, 0.016f, 0.0175f)};
  Ellipsoid lc{vec3(0.0f, -0.05f, 0.0035f + pw * 0.22f), ul, vec3(0, 1, 0), glm::cross(ul, vec3(0, 1, 0)), vec3(0.028f, 0.016f, 0.0165f)};
  float d = smin(ellipsoid(p, mc), ellipsoid(p, lc), 0.015f);
  // posterior intercondylar area between the condyles
  d = smin(d, ellipsoid(p, {vec3(-0.012f, -0.052f, 0.004f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.017f, 0.013f, 0.013f)}), 0.01f);
  // shallow plateau facets and the intercondylar eminence
  d = ssub(d, sphere(p, vec3(0.0f, -0.002f, 0.0045f - pw * 0.23f), 0.034f), 0.004f);
  d = ssub(d, sphere(p, vec3(-0.002f, -0.002f, 0.0045f + pw * 0.23f), 0.034f), 0.004f);
  d = smin(d, ellipsoid(p, {vec3(-0.002f, -0.037f, 0.004f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.01f, 0.006f, 0.007f)}), 0.006f);
  // shaft: triangular in section: a posterior body plus the anterior border (crest), which is
  // prominent below the tuberosity and fades distally
  const vec3 t0(0.0f, -0.07f, 0.003f), t1(0.002f, -0.2f, 0.003f), t2(0.004f, -0.3f, 0.004f), t3(0.004f, -0.395f, 0.003f);
  float shaft = std::min({round_cone(p, t0, t1, 0.021f, 0.012f), round_cone(p, t1, t2, 0.012f, 0.0115f), round_cone(p, t2, t3, 0.0115f, 0.017f)});
  // the anterior border: a thick rounded ridge overlapping the body, so the section is triangular
  // with no groove beside it
  const vec3 c0(0.022f, -0.1f, 0.003f), c1(0.0165f, -0.165f, 0.003f), c2(0.012f, -0.25f, 0.004f), c3(0.008f, -0.388f, 0.003f);
  float crest = std::min({round_cone(p, c0, c1, 0.014f, 0.0125f), round_cone(p, c1, c2, 0.0125f, 0.01f), round_cone(p, c2, c3, 0.01f, 0.0145f)});
  shaft = smin(shaft, crest, 0.01f);
  d = smin(d, shaft, 0.022f);
  // medial and lateral metaphysis flares (pes anserinus area medially, fibular facet laterally)
  d = smin(d, ellipsoid(p, {vec3(0.01f, -0.078f, -0.004f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.018f, 0.024f, 0.015f)}), 0.012f);
  d = smin(d, ellipsoid(p, {vec3(-0.002f, -0.072f, 0.017f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.018f, 0.02f, 0.013f)}), 0.012f);
  // Gerdy's tubercle (anterolateral, iliotibial tract insertion)
  d = smin(d, ellipsoid(p, {vec3(0.022f, -0.06f, 0.02f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.01f, 0.012f, 0.01f)}), 0.012f);
  // tibial tuberosity
  d = smin(d, ellipsoid(p, ellipsoid_between(vec3(0.029f, -0.062f, 0.005f), vec3(0.029f, -0.1f, 0.003f), vec3(1, 0, 0), 0.008f, 0.011f)), 0.012f);
  // distal end and the medial malleolus
  d = smin(d, ellipsoid(p, {vec3(0.004f, -0.403f, 0.003f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.026f, 0.014f, 0.022f)}), 0.02f);
  d = smin(d, ellipsoid(p, ellipsoid_between(vec3(0.006f, -0.385f, -0.018f), vec3(0.008f, -0.422f, -0.02f), vec3(0, 0, 1), 0.006f, 0.011f)), 0.01f);
  // fibular notch (lateral, distal)
  d = ssub(d, capsule(p, vec3(-0.008f, -0.38f, 0.032f), vec3(-0.008f, -0.42f, 0.032f), 0.009f), 0.004f);
  return d;
}

float fibula(vec3 p, const Morphometry&) {
  // head (with its apex), slender shaft, lateral malleolus reaching below the tibia
  float d = ellipsoid(p, ellipsoid_between(vec3(-0.006f, -0.056f, 0.036f), vec3(-0.005f, -0.082f, 0.038f), vec3(1, 0, 0), 0.010f, 0.011f));
  d = smin(d, round_cone(p, vec3(-0.005f, -0.075f, 0.036f), vec3(-0.002f, -0.22f, 0.028f), 0.0075f, 0.0055f), 0.012f);
  d = smin(d, round_cone(p, vec3(-0.002f, -0.22f, 0.028f), vec3(-0.006f, -0.385f, 0.033f), 0.0055f, 0.0075f), 0.01f);
  d = smin(d, ellipsoid(p, ellipsoid_between(vec3(-0.006f, -0.38f, 0.033f), vec3(-0.01f, -0.428f, 0.035f), vec3(0, 0, 1), 0.0085f, 0.012f)), 0.01f);
  return d;
}

float patella(vec3 p, const Morphometry&) {
  // patella frame: origin at its centre, x anterior. Inverted triangle: broad base up, apex down.
  float d = ellipsoid(p, {vec3(0, 0.004f, 0), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.011f, 0.02f, 0.021f)});
  d = smin(d, ellipsoid(p, ellipsoid_between(vec3(0.002f, 0.0f, 0), vec3(0.002f, -0.024f, 0), vec3(1, 0, 0), 0.008f, 0.01f)), 0.01f);
  // articular ridge behind (fits the trochlear groove)
  d = smin(d, ellipsoid(p, {vec3(-0.006f, 0.002f, 0.0f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.008f, 0.015f, 0.01f)}), 0.006f);
  return d;
}

float talus(vec3 p, const Morphometry&) {
  // trochlea (dome under the tibia), body, neck and head pointing forward and medially
  float d = ellipsoid(p, {vec3(0.004f, -0.002f, 0), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.02f, 0.014f, 0.017f)});
  d = ssub(d, capsule(p, vec3(-0.02f, 0.016f, 0.0f), vec3(0.025f, 0.016f, 0.0f), 0.006f), 0.005f);  // trochlear groove
  d = smin(d, ellipsoid(p, ellipsoid_between(vec3(0.008f, -0.004f, 0.0f), vec3(0.03f, -0.008f, -0.006f), vec3(0, 1, 0), 0.01f, 0.012f)), 0.008f);
  d = smin(d, ellipsoid(p, {vec3(-0.014f, -0.008f, 0.004f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.006f, 0.006f, 0.006f)}), 0.006f);  // posterior process
  return d;
}

float foot(vec3 p, const Morphometry&) {
  // calcaneus: heel tuberosity behind, sustentaculum medially, then the midfoot and five metatarsals
  float d = ellipsoid(p, ellipsoid_between(vec3(-0.006f, 0.016f, 0.002f), vec3(0.075f, 0.025f, 0.006f), vec3(0, 1, 0), 0.019f, 0.015f));
  d = smin(d, ellipsoid(p, {vec3(0.0f, 0.012f, 0.002f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.012f, 0.019f, 0.014f)}), 0.01f);
  d = smin(d, ellipsoid(p, {vec3(0.035f, 0.03f, -0.016f), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.012f, 0.006f, 0.008f)}), 0.008f);  // sustentaculum tali
  // midfoot: navicular, cuneiforms, cuboid as one arch block
  d = smin(d, ellipsoid(p, ellipsoid_between(vec3(0.07f, 0.028f, 0.004f), vec3(0.118f, 0.026f, 0.0f), vec3(0, 1, 0), 0.015f, 0.028f)), 0.012f);
  // metatarsals: bases fused into the midfoot, heads apart (so the foot stays genus 0)
  static const float base_z[5] = {-0.024f, -0.01f, 0.002f, 0.014f, 0.026f};
  static const float head_z[5] = {-0.03f, -0.011f, 0.004f, 0.018f, 0.032f};
  static const float head_x[5] = {0.178f, 0.181f, 0.176f, 0.168f, 0.158f};
  static const float r_head[5] = {0.0095f, 0.0065f, 0.006f, 0.006f, 0.006f};
  for (int i = 0; i < 5; ++i) {
    const vec3 b(0.112f + (i == 4 ? -0.006f : 0.0f), 0.028f - 0.002f * i, base_z[i]);
    const vec3 h(head_x[i], 0.005f, head_z[i]);
    d = smin(d, round_cone(p, b, h, r_head[i] * 0.95f, r_head[i]), i == 0 ? 0.01f : 0.006f);
    d = std::min(d, ellipsoid(p, {h, vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(r_head[i] * 1.1f, r_head[i] * 1.25f, r_head[i])}));
  }
  return d;
}

float toes(vec3 p, const Morphometry&) {
  // toes frame origin at the MTP joint; five toes of 2-3 phalanges, each a separate chain
  static const float z0[5] = {-0.031f, -0.012f, 0.003f, 0.017f, 0.031f};
  static const float x0[5] = {0.0f, 0.003f, -0.002f, -0.01f, -0.02f};
  static const float len[5] = {0.052f, 0.042f, 0.036f, 0.032f, 0.028f};
  static const float rad[5] = {0.0085f, 0.0055f, 0.005f, 0.0048f, 0.0045f};
  float d = 1e9f;
  for (int i = 0; i < 5; ++i) {
    const vec3 a(x0[i] + 0.006f, 0.0f, z0[i]);
    const vec3 b = a + vec3(len[i] * 0.55f, -0.002f, 0.003f * (i - 2) * 0.3f);
    const vec3 c = a + vec3(len[i], -0.006f, 0.0f);
    float t = smin(round_cone(p, a, b, rad[i], rad[i] * 0.85f), round_cone(p, b, c, rad[i] * 0.85f, rad[i] * 0.8f), 0.004f);
    d = std::min(d, t);
  }
  return d;
}

struct Domain {
  vec3 lo, hi;
  float h;
  size_t target_tris;
};
Domain domain(BoneId id) {
  switch (id) {
    case BoneId::Femur: return {{-0.05f, -0.45f, -0.055f}, {0.055f, 0.035f, 0.08f}, 0.001f, 12000};
    case BoneId::HipBone: return {{-0.165f, -0.145f, -0.02f}, {0.025f, 0.115f, 0.16f}, 0.001f, 16000};
    case BoneId::Sacrum: return {{-0.2f, -0.065f, -0.07f}, {-0.06f, 0.1f, 0.07f}, 0.001f, 6000};
    case BoneId::Tibia: return {{-0.045f, -0.445f, -0.05f}, {0.055f, -0.015f, 0.055f}, 0.001f, 8000};
    case BoneId::Fibula: return {{-0.03f, -0.45f, 0.005f}, {0.015f, -0.035f, 0.06f}, 0.0008f, 3000};
    case BoneId::Patella: return {{-0.025f, -0.04f, -0.03f}, {0.02f, 0.035f, 0.03f}, 0.0007f, 1500};
    case BoneId::Talus: return {{-0.03f, -0.03f, -0.035f}, {0.05f, 0.03f, 0.035f}, 0.0007f, 2500};
    case BoneId::Foot: return {{-0.03f, -0.02f, -0.055f}, {0.2f, 0.06f, 0.06f}, 0.0008f, 8000};
    case BoneId::Toes: return {{-0.03f, -0.02f, -0.05f}, {0.07f, 0.02f, 0.05f}, 0.0007f, 4000};
  }
  return {};
}

}  // namespace

const std::vector<BoneSpec>& bone_specs() {
  static const std::vector<BoneSpec> specs = {
      {"hip_bone_r", "pelvis", BoneId::HipBone, true, "pelvis.obj"},
      {"sacrum", "pelvis", BoneId::Sacrum, false, "sacrum.obj"},
      {"femur_r", "femur_r", BoneId::Femur, true, "femur_r.obj"},
      {"patella_r", "patella_r", BoneId::Patella, true, nullptr},
      {"tibia_r", "tibia_r", BoneId::Tibia, true, "tibia_r.obj"},
      {"fibula_r", "tibia_r", BoneId::Fibula, true, "fibula.obj"},
      {"talus_r", "talus_r", BoneId::Talus, true, "talus.obj"},
      {"foot_r", "calcn_r", BoneId::Foot, true, "foot.obj"},
      {"toes_r", "toes_r", BoneId::Toes, true, "bofoot.obj"},
  };
  return specs;
}

Sdf bone_sdf(BoneId id, const Morphometry& m) {
  switch (id) {
    case BoneId::Femur: return [m](vec3 p) { return femur(p, m); };
    case BoneId::HipBone: return [m](vec3 p) { return hip_bone(p, m); };
    case BoneId::Sacrum: return [m](vec3 p) { return sacrum(p, m); };
    case BoneId::Tibia: return [m](vec3 p) { return tibia(p, m); };
    case BoneId::Fibula: return [m](vec3 p) { return fibula(p, m); };
    case BoneId::Patella: return [m](vec3 p) { return patella(p, m); };
    case BoneId::Talus: return [m](vec3 p) { return talus(p, m); };
    case BoneId::Foot: return [m](vec3 p) { return foot(p, m); };
    case BoneId::Toes: return [m](vec3 p) { return toes(p, m); };
  }
  return {};
}

Mesh build_bone(BoneId id, const Morphometry& m) {
  const Domain dom = domain(id);
  Sdf f = bone_sdf(id, m);
  Mesh mesh = mesh_sdf(f, dom.lo, dom.hi, dom.h);
  taubin_smooth(mesh, 4);
  if (std::getenv("HIPLAB_GEN_DEBUG")) {
    Topology t = topology(mesh);
    std::fprintf(stderr, "  raw: tris %zu euler %ld comp %d boundary %ld nonmanifold %ld\n", mesh.triangles(), t.euler, t.components, t.boundary_edges, t.nonmanifold_edges);
  }
  return simplify(mesh, dom.target_tris, 0.004f);
}

}  // namespace hiplab::modelgen
