// body_skin.cpp — see body_skin.h. Weights: each vertex is weighed against the bone segments
// (joint -> child joint) by inverse squared distance to the fourth power, the four largest kept
// and renormalised; weights under 5% are dropped. Near a joint the two segments are about equally
// close, which gives the smooth blend (linear blend skinning) across hip and knee.
#include "body_skin.h"

#include <algorithm>
#include <cmath>

#include "sdf.h"

namespace hiplab::modelgen {
using namespace sdf;
using glm::vec3;

namespace {
struct Segment {
  int joint;
  vec3 a, b;
};
float seg_dist(vec3 p, vec3 a, vec3 b) { return capsule(p, a, b, 0.0f); }
}  // namespace

Sdf body_skin_sdf(const std::vector<SkeletonNode>& nodes) {
  auto W = [nodes](const char* n) { return vec3(nodes[find_node(nodes, n)].world); };
  const vec3 pelvis = W("pelvis"), torso = W("torso"), head = W("head");
  struct LegArm {
    vec3 hip, knee, ankle, calcn, toes, sh, el, wr;
  };
  std::array<LegArm, 2> limbs{};
  for (int s = 0; s < 2; ++s) {
    const char* sfx = s == 0 ? "_r" : "_l";
    auto w = [&](const char* base) { return W((std::string(base) + sfx).c_str()); };
    limbs[s] = {w("femur"), w("tibia"), w("talus"), w("calcn"), w("toes"), w("humerus"), w("forearm"), w("hand")};
  }
  // Body surface. Proportions: a 1.8 m adult (Gait2392 generic subject); girths after
  // Gordon et al. 1989 (ANSUR, 50th percentile male): thigh ~58 cm, calf ~38 cm, waist ~85 cm.
  return [=](vec3 p) {
    float d = ellipsoid(p, {pelvis + vec3(-0.055f, -0.03f, 0), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.115f, 0.13f, 0.175f)});
    d = smin(d, ellipsoid(p, {torso + vec3(0.045f, 0.12f, 0), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.105f, 0.16f, 0.15f)}), 0.08f);
    d = smin(d, ellipsoid(p, {torso + vec3(0.05f, 0.32f, 0), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.115f, 0.15f, 0.175f)}), 0.08f);
    d = smin(d, round_cone(p, head + vec3(-0.01f, -0.06f, 0), head + vec3(0.0f, 0.03f, 0), 0.055f, 0.05f), 0.04f);
    d = smin(d, ellipsoid(p, {head + vec3(0.015f, 0.11f, 0), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.1f, 0.12f, 0.08f)}), 0.03f);
    for (int s = 0; s < 2; ++s) {
      const float zs = s == 0 ? 1.0f : -1.0f;
      const LegArm& L = limbs[static_cast<size_t>(s)];
      const vec3 hip = L.hip, knee = L.knee, ankle = L.ankle, calcn = L.calcn, toes = L.toes;
      const vec3 sh = L.sh, el = L.el, wr = L.wr;
      float leg = round_cone(p, hip + vec3(0.0f, -0.02f, 0.012f * zs), knee + vec3(0.0f, 0.06f, 0), 0.082f, 0.05f);
      leg = smin(leg, round_cone(p, knee + vec3(0, 0.04f, 0), knee + vec3(0, -0.04f, 0), 0.05f, 0.047f), 0.03f);
      leg = smin(leg, ellipsoid(p, {knee + vec3(-0.012f, -0.13f, 0), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.052f, 0.12f, 0.05f)}), 0.05f);
      leg = smin(leg, round_cone(p, knee + vec3(0, -0.08f, 0), ankle + vec3(-0.01f, 0.02f, 0), 0.045f, 0.03f), 0.04f);
      leg = smin(leg, ellipsoid(p, ellipsoid_between(calcn + vec3(-0.025f, 0.03f, 0), toes + vec3(0.055f, 0.005f, 0.004f * zs), vec3(0, 1, 0), 0.032f, 0.043f)), 0.03f);
      leg = smin(leg, round_cone(p, ankle + vec3(-0.01f, 0.0f, 0), calcn + vec3(0.0f, 0.025f, 0), 0.03f, 0.03f), 0.03f);
      d = smin(d, leg, 0.05f);
      float arm = round_cone(p, sh, el, 0.048f, 0.038f);
      arm = smin(arm, round_cone(p, el, wr, 0.038f, 0.026f), 0.02f);
      arm = smin(arm, ellipsoid(p, ellipsoid_between(wr + vec3(0, 0.01f, 0), wr + vec3(0.01f, -0.17f, 0.0f), vec3(1, 0, 0), 0.018f, 0.04f)), 0.02f);
      d = smin(d, arm, 0.05f);
      d = smin(d, round_cone(p, sh + vec3(0, 0.01f, -0.03f * zs), torso + vec3(0.02f, 0.4f, 0.05f * zs), 0.055f, 0.06f), 0.05f);
    }
    return d;
  };
}

SkinMesh build_body_skin(const std::vector<SkeletonNode>& nodes) {
  auto W = [&](const char* n) { return vec3(nodes[find_node(nodes, n)].world); };
  const vec3 pelvis = W("pelvis"), torso = W("torso"), head = W("head");
  std::vector<Segment> segs;
  auto J = [&](const char* n) { return find_node(nodes, n); };
  segs.push_back({J("pelvis"), pelvis + vec3(-0.06f, -0.06f, 0.0f), torso + vec3(0.04f, -0.02f, 0)});
  segs.push_back({J("torso"), torso + vec3(0.03f, 0.05f, 0), head - vec3(0, 0.03f, 0)});
  segs.push_back({J("head"), head, head + vec3(0.02f, 0.2f, 0)});
  for (const char* s : {"_r", "_l"}) {
    auto w = [&](const char* base) { return std::string(base) + s; };
    const vec3 hip = W(w("femur").c_str()), knee = W(w("tibia").c_str()), ankle = W(w("talus").c_str());
    const vec3 calcn = W(w("calcn").c_str()), toes = W(w("toes").c_str());
    const vec3 sh = W(w("humerus").c_str()), el = W(w("forearm").c_str()), wr = W(w("hand").c_str());
    segs.push_back({J(w("femur").c_str()), hip, knee});
    segs.push_back({J(w("tibia").c_str()), knee, ankle});
    segs.push_back({J(w("calcn").c_str()), calcn + vec3(-0.01f, 0.02f, 0), toes});
    segs.push_back({J(w("toes").c_str()), toes, toes + vec3(0.05f, 0, 0)});
    segs.push_back({J(w("humerus").c_str()), sh, el});
    segs.push_back({J(w("forearm").c_str()), el, wr});
    segs.push_back({J(w("hand").c_str()), wr, wr + vec3(0.01f, -0.16f, 0.0f)});
  }
  const Sdf body = body_skin_sdf(nodes);
  SkinMesh out;
  Mesh raw = mesh_sdf(body, vec3(-0.25f, -0.05f, -0.4f), vec3(0.35f, 1.95f, 0.4f), 0.006f);
  taubin_smooth(raw, 6);
  out.mesh = simplify(raw, 24000, 0.002f);
  out.joints.resize(out.mesh.pos.size());
  out.weights.resize(out.mesh.pos.size());
  for (size_t v = 0; v < out.mesh.pos.size(); ++v) {
    const vec3 p = out.mesh.pos[v];
    std::vector<std::pair<float, int>> w;
    for (auto& s : segs) {
      const float d = std::max(seg_dist(p, s.a, s.b), 0.01f);
      const float d2 = d * d;
      w.emplace_back(1.0f / (d2 * d2), s.joint);
    }
    std::sort(w.begin(), w.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    float sum = 0;
    for (int i = 0; i < 4; ++i) sum += w[i].first;
    std::array<float, 4> ww{};
    std::array<uint8_t, 4> jj{};
    float kept = 0;
    for (int i = 0; i < 4; ++i) {
      float f = w[i].first / sum;
      if (f < 0.05f) f = 0;
      ww[i] = f;
      jj[i] = f > 0 ? static_cast<uint8_t>(w[i].second) : 0;
      kept += f;
    }
    for (auto& f : ww) f /= kept;
    out.joints[v] = jj;
    out.weights[v] = ww;
  }
  return out;
}

}  // namespace hiplab::modelgen
