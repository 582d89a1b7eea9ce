#include "scene/muscle_volume.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

#include <glm/gtc/quaternion.hpp>

#include "anatomy/kinematics.h"
#include "anatomy/skeleton.h"
#include "core/units.h"

namespace hiplab {

namespace {
// Muscle volumes may stray two pixels from the full mesh (bones: one): they are smooth, lit per
// vertex and have no sharp edges, and side by side at 1280x720 two pixels look the same as one
// (compared in the clamshell's own view) while drawing about 40% fewer triangles.
constexpr double kVolumePixelError = 2.0;
// The volume correction's bounds (see append_muscle_volume): 40% thinner or 30% thicker
// than the per-segment scale says, no more.
constexpr double kMinCorrection = 0.6, kMaxCorrection = 1.3;
// How much a hip muscle's drawn sections take the soft tissue's orientation (AttachmentMotion::
// soft_turn) instead of the path's frames, in its free span. Measured over the gluteal and deep
// rotator volumes in the deep-flexion drills (tests/scene/muscle_volume_test.cpp, "neither tear nor
// fold"; triangle-samples past 0.2..3x of rest / creases past 90 degrees), one weight for all: 0
// (the path's frames alone) 1779 / 4172, 0.3 1217 / 1854, 0.4 589 / 1149, 0.5 372 / 876, 0.6 429 /
// 813, 0.7 393 / 2025, 1 5726 / 5451 (gluteus medius 1 over its neck-base sphere and quadratus
// femoris then tear: all of the turn is too much where the path itself bends the section round a
// wrap surface). That case places the volumes alone; as the scene draws them (the parts' shared
// frames, scene/body_scene.cpp kPartShare, and the push out of bone, "as drawn and pushed out of
// bone": creases / triangle-samples past 0.2..3x, 11,866 / 14,000 with 0.5 for all) one weight for
// all does best at 0.3 (10,899 / 13,648; 0 12,601 / 14,460, 0.2 11,510 / 13,845, 0.4 11,165 /
// 14,198, 0.6 12,204 / 14,890, 0.8 20,289 / 24,712), but gluteus maximus then folds in the case
// above (0.3: 293 / 202 against 2 / 105). So per muscle (hglut7; each muscle's weight swept over 0,
// 0.1, 0.2, 0.3, 0.4, 0.6 with the rest at 0.5, as drawn; the sums nearly add): gluteus medius 0.2
// (11,301 / 14,155), minimus 0.3 (11,627 / 13,887), piriformis 0 (11,394 / 13,409: its path, from
// the sacrum out through the greater sciatic notch, turns its sections less than the femur's turn
// does), adductor magnus 0.3 (11,463 / 13,743), adductor brevis 0.6 (11,645 / 13,918; 0.7 12,168
// / 14,269); gluteus maximus best at 0.5 (0.4 11,986 / 14,084, 0.6 12,023 / 14,066); the gemelli,
// quadratus femoris, adductor longus, iliacus, psoas and pectineus move the sums by under 70 either
// way (left at 0.5). Together: 9,966 / 13,112, and the case above unchanged (2 / 105). Then each
// part of the split muscles on its own (the rest as just said): gluteus maximus 1 0.6 (9,921 /
// 13,085; 0.4 9,952 / 13,251; maximus 2 and 3 best at 0.5), gluteus medius 1 0 (9,950 / 12,973)
// and 3 0 (9,784 / 12,888; medius 2 best at 0.2: 0 10,347 / 13,311, 0.5 10,147 / 13,007), adductor
// magnus 3 0.5 (9,862 / 13,042); gluteus minimus' parts best at 0.3. Together: 9,619 / 12,652, and
// the case above 0 / 103. But those weights at every pose put more of the gluteals into each other
// (muscle_poke_through_test: 136 vertex-samples inside another at the anatomical pose against 98,
// every drill's inside-another row up 0.2 .. 8%, all drills 8,266,824 against 8,197,573): the path's
// frames alone place them up to 11 mm off their packed places there, the soft target on them. So
// each muscle's own weight only as the femur turns far (kSoftTurnFrom .. kSoftTurnFull), 0.5 below:
// 10,024 / 12,765. Tried and
// left out: the two-joint muscles from the pelvis (rectus femoris, gracilis, the hamstrings,
// sartorius, tensor fasciae latae) turning with the femur over their first 8 or 15 cm and fading
// over 10 cm more: 11,861 / 14,002 and 11,957 / 14,081 (biceps femoris long head folds more).
// (kSoftTissueWeight, muscle_volume.h: the muscles not named here.)
struct SoftWeight {
  std::string_view prefix;  // of the volume's name (Gait2392's muscle, then _r / _l)
  float weight;
};
// The femur's turn (rad) from which a muscle's own weight takes over from kSoftTissueWeight, and by
// which it has (smoothly between).
constexpr double kSoftTurnFrom = 0.5, kSoftTurnFull = 1.2;
constexpr std::array<SoftWeight, 9> kSoftWeights = {{
    {"glut_max1", 0.6f}, {"glut_med1", 0.0f}, {"glut_med2", 0.2f}, {"glut_med3", 0.0f}, {"glut_min", 0.3f},
    {"peri", 0.0f},      {"add_mag1", 0.3f},  {"add_mag2", 0.3f},  {"add_brev", 0.6f},
}};

// The push out of bone (push_out_of_bones): each section's common shift smoothed along the path by
// this many [1 2 1] passes over the stations (about +-3 stations, 6% of the path, each side), and
// each vertex's own push carried to its neighbours, kCarryFade of it to the first ring and so on for
// kCarryRings rings. Measured over every volume as the scene draws it (full mesh) at 30 times of the
// 90/90 switch, the seated band, the supine and the 90/90 PAILs/RAILs, both legs
// (tests/scene/muscle_volume_test.cpp, "as drawn and pushed out of bone"): creases past 90 degrees /
// triangle-samples past 0.2..3x of rest: the push vertex by vertex 28,451 / 31,792 (not pushed at
// all: 2,259 / 3,349). Steps, with the step by the depth alone (no slope): 24,508 / 29,120; with
// the sections' shift 15,779 / 16,845; and the carry, 1 ring 13,128 / 14,859, 2 rings 11,567 /
// 14,470, 3 rings 11,438 / 14,432 (fade 0.4 or 0.8 with 2 rings: 12,100 / 14,465, 12,104 /
// 15,246; sections shifted twice 10,555 / 12,483 for twice the cost); only pushes of kSharedPush
// and more shared, 12,097 / 14,593. That step left vertices short of the clearance (gluteus
// minimus 3 2.1% in bone in the supine PAILs/RAILs, 1.4% before), so Newton's step with the slope
// taken as at least 0.5: 13,162 / 15,406, and 1.4% again.
// Pushes shorter than kSharedPush stay the vertex's own (neither given to its section nor
// carried): a step that small folds no triangle (edges of 5-10 mm), and at the anatomical pose the
// few vertices the generator left in bone (gluteus maximus 1, up to 1.8 mm) move alone as before.
constexpr float kSharedPush = 0.002f;  // m
constexpr int kSectionSmoothPasses = 3;
constexpr int kCarryRings = 2;
constexpr float kCarryFade = 0.6f;

// atan2 to within 0.01 degrees (a minimax polynomial on [0, 1] and the octant symmetries): the
// fibre striation only needs the angle about the path, and libm's atan2 was a tenth of the cost.
float fast_atan2(float y, float x) {
  const float ax = std::fabs(x), ay = std::fabs(y);
  const float mx = std::max(ax, ay);
  if (mx <= 0.0f) return 0.0f;
  const float a = std::min(ax, ay) / mx, s = a * a;
  float r = ((-0.0464964749f * s + 0.15931422f) * s - 0.327622764f) * s * a + a;
  if (ay > ax) r = 1.57079637f - r;
  if (x < 0.0f) r = 3.14159274f - r;
  return y < 0.0f ? -r : r;
}
}  // namespace

float soft_tissue_weight(std::string_view volume_name) {
  for (const SoftWeight& w : kSoftWeights)
    if (volume_name.substr(0, w.prefix.size()) == w.prefix) return w.weight;
  return kSoftTissueWeight;
}

double muscle_section_scale(double rest_length, double length) {
  return std::sqrt(std::max(rest_length, 1e-9) / std::max(length, 1e-9));
}

void attachment_motion(const anatomy::PathCurve& c, const anatomy::MusclePath& p, const anatomy::LegKinematics& kin,
                       anatomy::Side side, const glm::dmat4& pelvis_world, AttachmentMotion& out, std::span<const glm::vec3> rest_normal,
                       std::span<const glm::vec3> rest_tangent, std::span<const std::int8_t> rest_index, float soft_weight) {
  constexpr int K = anatomy::PathCurve::kStations;
  static const anatomy::LegKinematics bind = anatomy::leg_kinematics(anatomy::LegPose{});
  const glm::dmat3 pw(pelvis_world);
  const glm::dvec3 pt(pelvis_world[3]);
  // Each body's motion since the bind pose, pelvis frame of the side then world.
  auto motion = [&](anatomy::PathBody b, glm::mat3& turn, glm::vec3& shift) {
    glm::dmat3 r(1.0);
    glm::dvec3 o(0.0), o0(0.0);
    if (b != anatomy::PathBody::kPelvis) {
      anatomy::LegSegment seg = anatomy::LegSegment::kFemur;
      if (b == anatomy::PathBody::kTibia) seg = anatomy::LegSegment::kTibia;
      else if (b == anatomy::PathBody::kCalcn) seg = anatomy::LegSegment::kCalcn;
      else if (b == anatomy::PathBody::kToes) seg = anatomy::LegSegment::kToes;
      r = kin[seg].rotation * glm::transpose(bind[seg].rotation);
      o = kin[seg].origin;
      o0 = bind[seg].origin;
      if (side == anatomy::Side::kLeft) {
        r = anatomy::mirror_rotation(r);
        o = anatomy::mirror_point(o);
        o0 = anatomy::mirror_point(o0);
      }
    }
    turn = glm::mat3(pw * r);
    shift = glm::vec3(pw * (o - r * o0) + pt);
  };
  std::array<float, K> w{};
  for (int i = 0; i < K; ++i) {
    // Where the station lies among the posed points (with the bind pose's arc lengths, a station
    // keeps its place within its segment, not its share of the whole length).
    const double s = c.station_s[static_cast<std::size_t>(i)];
    int j = 0;
    while (j + 2 < p.count && c.point_s[static_cast<std::size_t>(j) + 1] <= s) ++j;
    const anatomy::PathBody a = p.body[static_cast<std::size_t>(j)], b = p.body[static_cast<std::size_t>(j) + 1];
    w[static_cast<std::size_t>(i)] = a == b ? 1.0f : 0.0f;
    const bool nearer_a = s - c.point_s[static_cast<std::size_t>(j)] < c.point_s[static_cast<std::size_t>(j) + 1] - s;
    motion(a == b || nearer_a ? a : b, out.turn[static_cast<std::size_t>(i)], out.shift[static_cast<std::size_t>(i)]);
  }
  // Ease the hand-over between bone and path over a few stations.
  for (int pass = 0; pass < 4; ++pass) {
    std::array<float, K> next = w;
    for (int i = 1; i + 1 < K; ++i) next[static_cast<std::size_t>(i)] = 0.25f * (w[i - 1] + 2.0f * w[i] + w[i + 1]);
    w = next;
  }
  out.weight = w;
  // The soft tissue between pelvis and femur (a muscle with points on those two bodies only, the
  // pelvis's first): the femur's turn since the bind pose, a share of it per station.
  out.soft_weight.fill(0.0f);
  {
    int last_pelvis = -1, first_femur = -1;
    bool hip_only = p.count >= 2 && p.body[0] == anatomy::PathBody::kPelvis;
    for (int j = 0; j < p.count && hip_only; ++j) {
      const anatomy::PathBody b = p.body[static_cast<std::size_t>(j)];
      if (b == anatomy::PathBody::kPelvis) {
        if (first_femur >= 0) hip_only = false;
        last_pelvis = j;
      } else if (b == anatomy::PathBody::kFemur) {
        if (first_femur < 0) first_femur = j;
      } else {
        hip_only = false;
      }
    }
    if (hip_only && first_femur > last_pelvis && last_pelvis >= 0) {
      glm::dmat3 r = kin[anatomy::LegSegment::kFemur].rotation * glm::transpose(bind[anatomy::LegSegment::kFemur].rotation);
      if (side == anatomy::Side::kLeft) r = anatomy::mirror_rotation(r);
      const glm::dquat q = glm::quat_cast(r), id(1.0, 0.0, 0.0, 0.0);
      // The muscle's own weight only as the femur turns far (kSoftTurnFrom .. kSoftTurnFull of its
      // turn since the bind pose); nearer the anatomical pose kSoftTissueWeight, whose target there is
      // the packed place itself (the path's frames alone put the gluteals up to 11 mm off it, into
      // their neighbours).
      const double turn = 2.0 * std::acos(std::min(1.0, std::fabs(q.w)));
      double g = std::clamp((turn - kSoftTurnFrom) / (kSoftTurnFull - kSoftTurnFrom), 0.0, 1.0);
      g = g * g * (3.0 - 2.0 * g);
      const auto weight = static_cast<float>(kSoftTissueWeight + g * (soft_weight - kSoftTissueWeight));
      const double s0 = c.point_s[static_cast<std::size_t>(last_pelvis)], s1 = c.point_s[static_cast<std::size_t>(first_femur)];
      for (int i = 0; i < K; ++i) {
        const double s = c.station_s[static_cast<std::size_t>(i)];
        double u = s1 - s0 > 1e-9 ? std::clamp((s - s0) / (s1 - s0), 0.0, 1.0) : (s < s0 ? 0.0 : 1.0);
        u = u * u * (3.0 - 2.0 * u);
        out.soft_turn[static_cast<std::size_t>(i)] = glm::mat3(pw * glm::mat3_cast(glm::slerp(id, q, u)));
        out.soft_weight[static_cast<std::size_t>(i)] = weight;
      }
    }
  }
  // The twist at each active point: its bind normal carried by its bone, against the posed
  // frame there (both about the posed tangent), unwrapped from point to point.
  out.twist.fill(glm::vec2(1.0f, 0.0f));
  const bool mapped = rest_index.size() >= static_cast<std::size_t>(p.count);
  if ((!mapped && rest_normal.size() != static_cast<std::size_t>(p.count)) || rest_tangent.size() != rest_normal.size() || p.count < 2) return;
  std::array<double, anatomy::kMaxPathPoints> angle{};
  std::array<bool, anatomy::kMaxPathPoints> known{};
  int last = -1;
  for (int j = 0; j < p.count; ++j) {
    const auto ju = static_cast<std::size_t>(j);
    const int r = mapped ? rest_index[ju] : j;
    if (r < 0 || static_cast<std::size_t>(r) >= rest_normal.size()) continue;
    const auto ru = static_cast<std::size_t>(r);
    glm::dvec3 t, n;
    anatomy::curve_frame_at_point(c, j, t, n);
    glm::mat3 turn;
    glm::vec3 shift;
    motion(p.body[ju], turn, shift);
    const glm::dvec3 h = glm::dmat3(turn) * glm::dvec3(rest_normal[ru]), a0 = glm::normalize(glm::dmat3(turn) * glm::dvec3(rest_tangent[ru]));
    // Rodrigues' smallest rotation from the carried tangent a0 to t, applied to h (as path_hint).
    const glm::dvec3 v = glm::cross(a0, t);
    const double cs = glm::dot(a0, t);
    glm::dvec3 carried = cs > -0.999 ? h + glm::cross(v, h) + glm::cross(v, glm::cross(v, h)) / (1.0 + cs) : h;
    carried -= t * glm::dot(t, carried);
    double a = glm::length(carried) > 1e-6 ? std::atan2(glm::dot(t, glm::cross(n, carried)), glm::dot(n, carried)) : 0.0;
    if (last >= 0) {
      const double prev = angle[static_cast<std::size_t>(last)];
      while (a - prev > kPi) a -= 2.0 * kPi;
      while (a - prev < -kPi) a += 2.0 * kPi;
    }
    angle[ju] = a;
    known[ju] = true;
    last = j;
  }
  if (last < 0) return;
  // A point the bind pose did not have: linearly by arc length between the known ones either side
  // (the nearer one's beyond the last).
  for (int j = 0; j < p.count; ++j) {
    const auto ju = static_cast<std::size_t>(j);
    if (known[ju]) continue;
    int a = j - 1, b = j + 1;
    while (a >= 0 && !known[static_cast<std::size_t>(a)]) --a;
    while (b < p.count && !known[static_cast<std::size_t>(b)]) ++b;
    if (a < 0) angle[ju] = angle[static_cast<std::size_t>(b)];
    else if (b >= p.count) angle[ju] = angle[static_cast<std::size_t>(a)];
    else {
      const double sa = c.point_s[static_cast<std::size_t>(a)], sb = c.point_s[static_cast<std::size_t>(b)];
      const double w = sb - sa > 1e-9 ? (c.point_s[ju] - sa) / (sb - sa) : 0.5;
      angle[ju] = angle[static_cast<std::size_t>(a)] + w * (angle[static_cast<std::size_t>(b)] - angle[static_cast<std::size_t>(a)]);
    }
  }
  // Linear in s within a segment, so from one station to the next the twist turns by a fixed step:
  // cos and sin where a segment starts, then that step by rotation (two trig calls per station
  // were 0.1 ms a frame over the 86 volumes).
  int j = 0, seg = -1;
  double cs = 1.0, sn = 0.0, step_c = 1.0, step_s = 0.0;
  for (int i = 0; i < K; ++i) {
    const double s = c.station_s[static_cast<std::size_t>(i)];
    while (j + 2 < p.count && c.point_s[static_cast<std::size_t>(j) + 1] <= s) ++j;
    const double s0 = c.point_s[static_cast<std::size_t>(j)], s1 = c.point_s[static_cast<std::size_t>(j) + 1];
    const double a0 = angle[static_cast<std::size_t>(j)], a1 = angle[static_cast<std::size_t>(j) + 1];
    const double raw = s1 - s0 > 1e-9 ? (s - s0) / (s1 - s0) : 1.0;
    const bool inside = raw >= 0.0 && raw <= 1.0;
    if (inside && seg == j) {
      const double next_c = cs * step_c - sn * step_s;
      sn = sn * step_c + cs * step_s;
      cs = next_c;
    } else {
      const double a = a0 + std::clamp(raw, 0.0, 1.0) * (a1 - a0);
      cs = std::cos(a);
      sn = std::sin(a);
      seg = inside && s1 - s0 > 1e-9 ? j : -1;
      if (seg >= 0 && i + 1 < K) {
        // Stations within one segment are evenly spaced along it.
        const double step = (a1 - a0) / (s1 - s0) * (c.station_s[static_cast<std::size_t>(i) + 1] - s);
        step_c = std::cos(step);
        step_s = std::sin(step);
      }
    }
    out.twist[static_cast<std::size_t>(i)] = glm::vec2(static_cast<float>(cs), static_cast<float>(sn));
  }
}

void posed_volume_curve(const MuscleVolume& v, const anatomy::MusclePath& p, const anatomy::LegKinematics& kin, anatomy::Side side,
                        const glm::dmat4& pelvis_world, std::span<const glm::dvec3> drawn_world, anatomy::PathCurve& curve,
                        AttachmentMotion& attached) {
  // The hint in the side's pelvis frame (where the paths are evaluated), then turned to world.
  const glm::dvec3 hint = anatomy::path_hint(kin, p.body[0], side, v.hint, v.tangent,
                                             anatomy::first_direction(std::span<const glm::dvec3>(p.point.data(), static_cast<std::size_t>(p.count))));
  std::array<std::int8_t, anatomy::kMaxPathPoints> rest_index{};
  std::span<const std::int8_t> index;
  if (!v.rest_point_spec.empty()) {
    anatomy::match_rest_points(p, v.rest_point_spec, rest_index);
    index = std::span<const std::int8_t>(rest_index.data(), static_cast<std::size_t>(p.count));
  }
  anatomy::build_path_curve(drawn_world, glm::dmat3(pelvis_world) * hint, curve, {v.rest_point_s, v.rest_length},
                            std::span<const std::int8_t>(p.drawn_anchor.data(), static_cast<std::size_t>(p.drawn_count)));
  attachment_motion(curve, p, kin, side, pelvis_world, attached, v.rest_point_normal, v.rest_point_tangent, index,
                    soft_tissue_weight(v.name));
}

void volume_station_frames(const anatomy::PathCurve& curve, const AttachmentMotion& attached, anatomy::StationFrames& out) {
  for (std::size_t i = 0; i < static_cast<std::size_t>(anatomy::PathCurve::kStations); ++i) {
    out.pos[i] = glm::vec3(curve.pos[i]);
    out.tangent[i] = glm::vec3(curve.tangent[i]);
    const glm::vec2 tw = attached.twist[i];
    const glm::vec3 n(curve.normal[i]), b(curve.binormal[i]);
    out.normal[i] = tw.x * n + tw.y * b;
    out.binormal[i] = tw.x * b - tw.y * n;
  }
}

bool blend_part_frames(const PartFrames& own, std::span<const PartFrames> neighbours, anatomy::StationFrames& out) {
  constexpr auto K = static_cast<std::size_t>(anatomy::PathCurve::kStations);
  auto has_rest = [](const PartFrames& p) {
    return p.volume && p.posed && p.volume->rest_station.size() == K && p.volume->rest_station_tangent.size() == K &&
           p.volume->rest_station_normal.size() == K;
  };
  if (!has_rest(own)) return false;
  float own_share = 1.0f;
  for (const PartFrames& p : neighbours) {
    if (!has_rest(p)) return false;
    own_share -= p.share;
  }
  // A part's motion at station s: the turn from its bind frame to its posed one, and where it
  // takes a bind-pose point x: turn (x - rest station) + posed station.
  auto motion = [](const PartFrames& p, std::size_t s, glm::quat& q) {
    const glm::vec3 t = p.volume->rest_station_tangent[s], n = p.volume->rest_station_normal[s];
    const glm::mat3 bind(t, n, glm::cross(t, n));
    const glm::mat3 posed(p.posed->tangent[s], p.posed->normal[s], p.posed->binormal[s]);
    q = glm::quat_cast(posed * glm::transpose(bind));
  };
  for (std::size_t s = 0; s < K; ++s) {
    glm::quat q_own;
    motion(own, s, q_own);
    const glm::vec3 x = own.volume->rest_station[s];
    glm::vec3 pos = own_share * own.posed->pos[s];
    glm::quat q = own_share * q_own;
    for (const PartFrames& p : neighbours) {
      glm::quat qn;
      motion(p, s, qn);
      if (glm::dot(qn, q_own) < 0.0f) qn = -qn;
      pos += p.share * (glm::mat3_cast(qn) * (x - p.volume->rest_station[s]) + p.posed->pos[s]);
      q += p.share * qn;
    }
    const glm::mat3 r = glm::mat3_cast(glm::normalize(q));
    const glm::vec3 t = own.volume->rest_station_tangent[s], n = own.volume->rest_station_normal[s];
    out.pos[s] = pos;
    out.tangent[s] = r * t;
    out.normal[s] = r * n;
    out.binormal[s] = r * glm::cross(t, n);
  }
  return true;
}

glm::ivec2 append_muscle_volume(const MuscleVolume& v, const anatomy::PathCurve& curve, const MuscleTubeProfile& profile,
                                const AttachmentMotion& attached, DynamicMesh& mesh, double px_per_m, const anatomy::StationFrames* frames) {
  constexpr int K = anatomy::PathCurve::kStations;
  anatomy::StationFrames raw, sm;
  const std::array<glm::vec3, K>& P = raw.pos;
  if (frames) raw = *frames;
  else volume_station_frames(curve, attached, raw);
  const bool smooth = v.smooth_coord.size() == v.path_coord.size() && v.smooth_normal.size() == v.path_coord.size() &&
                      v.smooth_level.size() == v.path_coord.size();
  std::array<anatomy::StationFrames, anatomy::kVolumeSmoothLevels> level;  // levels 1.. (0: raw)
  if (smooth) {
    anatomy::smooth_station_frames(raw, sm, anatomy::kVolumeSmoothHalfWidth);
    for (int l = 1; l <= anatomy::kVolumeSmoothLevels; ++l)
      anatomy::blend_station_frames(raw, sm, static_cast<float>(l) / anatomy::kVolumeSmoothLevels, level[static_cast<std::size_t>(l) - 1]);
  }
  const bool soft = v.rest_station.size() == static_cast<std::size_t>(K) && v.bind_normal.size() == v.path_coord.size();
  std::array<float, K> scale{};
  for (int i = 0; i < K; ++i) scale[i] = static_cast<float>(curve.scale[i]);
  // The belly weight as a function of s, tabulated at the stations (it is smooth there).
  std::array<float, K> belly{};
  for (int i = 0; i < K; ++i) {
    double w = 0.0;
    tube_radius(profile, static_cast<double>(i) / (K - 1), &w);
    belly[i] = static_cast<float>(w);
  }
  // The level: the coarsest whose error covers at most one pixel on screen (assets/model_lod.h), and
  // only the vertices it uses; without levels made at load, the model's own far level by the same rule.
  const std::vector<std::uint32_t>* tris = &v.indices;
  std::size_t vertex_count = v.path_coord.size();
  double rest_volume = v.rest_volume;
  if (px_per_m > 0.0) {
    if (!v.levels.empty()) {
      for (const MuscleVolume::Level& l : v.levels)
        if (l.error * px_per_m <= kVolumePixelError) {
          tris = &l.indices;
          vertex_count = l.vertex_count;
          rest_volume = l.rest_volume;
        }
    } else if (!v.lod_indices.empty() && v.lod_error * px_per_m <= 1.0) {
      tris = &v.lod_indices;
      rest_volume = v.lod_rest_volume;
    }
  }
  const auto first_vertex = static_cast<std::uint32_t>(mesh.vertices.size());
  const int first_index = static_cast<int>(mesh.indices.size());
  mesh.vertices.resize(mesh.vertices.size() + vertex_count);
  Vertex* out = mesh.vertices.data() + first_vertex;
  constexpr float kInvTwoPi = 0.15915494f;
  // Flesh also where the volume is much thicker than a tendon, whatever s says: Gait2392's tendon
  // slack lengths include aponeuroses that run along the belly.
  const float r0 = 1.5f * static_cast<float>(profile.tendon_radius), r1 = 3.0f * static_cast<float>(profile.tendon_radius);
  // Each vertex's cross-section offset as placed (the part that follows the path), kept for the
  // volume correction below.
  thread_local std::vector<glm::vec3> offset;
  offset.resize(vertex_count);
  for (std::size_t i = 0; i < vertex_count; ++i) {
    const glm::vec4 q = v.path_coord[i];
    const float x = std::clamp(q.x, 0.0f, 1.0f) * (K - 1);
    const int s = std::min(static_cast<int>(x), K - 2);
    const float f = x - static_cast<float>(s);
    Vertex& o = out[i];
    const float k = scale[s] + f * (scale[s + 1] - scale[s]), k3 = k * k * k;
    const float stretch = 1.0f / (k * k);  // length / rest length: the ends beyond the path stretch with it
    // The vertex on one set of frames: its point, its cross-section offset, normal and tangent.
    glm::vec3 along, across, n_along, fibre;
    auto on = [&](const anatomy::StationFrames& F, const glm::vec4& c, const glm::vec3& fn, glm::vec3& pos, glm::vec3& off_across,
                  glm::vec3& nrm, glm::vec3& tan) {
      tan = F.tangent[s] + f * (F.tangent[s + 1] - F.tangent[s]);
      const glm::vec3 n = F.normal[s] + f * (F.normal[s + 1] - F.normal[s]);
      const glm::vec3 b = F.binormal[s] + f * (F.binormal[s + 1] - F.binormal[s]);
      off_across = k * (c.z * n + c.w * b);
      pos = F.pos[s] + f * (F.pos[s + 1] - F.pos[s]) + stretch * c.y * tan + off_across;
      nrm = fn.x * k3 * tan + fn.y * n + fn.z * b;
    };
    const float off = std::sqrt(q.z * q.z + q.w * q.w);
    // Far from the path, on smoothed frames (the level made at load; placed there, the vertex is
    // at its bind position in the bind pose, as on the path's own frames).
    const int lv = smooth ? v.smooth_level[i] : 0;
    if (lv <= 0 || lv > anatomy::kVolumeSmoothLevels) on(raw, q, v.frame_normal[i], along, across, n_along, fibre);
    else on(level[static_cast<std::size_t>(lv) - 1], v.smooth_coord[i], v.smooth_normal[i], along, across, n_along, fibre);
    if (soft) {
      const float a = attached.soft_weight[static_cast<std::size_t>(s)] +
                      f * (attached.soft_weight[static_cast<std::size_t>(s) + 1] - attached.soft_weight[static_cast<std::size_t>(s)]);
      if (a > 0.0f) {
        // The bind-pose offset from the bind curve, turned as the tissue there turns, about the
        // posed path's point, with the section scale.
        const glm::vec3 centre = v.rest_station[static_cast<std::size_t>(s)] +
                                 f * (v.rest_station[static_cast<std::size_t>(s) + 1] - v.rest_station[static_cast<std::size_t>(s)]);
        const glm::mat3 turn = (1.0f - f) * attached.soft_turn[static_cast<std::size_t>(s)] + f * attached.soft_turn[static_cast<std::size_t>(s) + 1];
        const glm::vec3 d = k * (turn * (v.bind_position[i] - centre));
        const glm::vec3 p = P[s] + f * (P[s + 1] - P[s]);
        along += a * (p + d - along);
        across += a * (d - across);
        n_along = glm::normalize(n_along) + a * (turn * v.bind_normal[i] - glm::normalize(n_along));
      }
    }
    n_along = glm::normalize(n_along);
    const int near = f < 0.5f ? s : s + 1;
    const float wb = attached.weight[static_cast<std::size_t>(s)] + f * (attached.weight[static_cast<std::size_t>(s) + 1] - attached.weight[static_cast<std::size_t>(s)]);
    if (wb > 0.0f) {
      const glm::mat3& r = attached.turn[static_cast<std::size_t>(near)];
      const glm::vec3 on_bone = r * v.bind_position[i] + attached.shift[static_cast<std::size_t>(near)];
      // Normals stay those of the path-following placement (close to the carried ones here).
      o.position = along + wb * (on_bone - along);
      offset[i] = (1.0f - wb) * across;
    } else {
      o.position = along;
      offset[i] = across;
    }
    o.normal = n_along;
    // Placed volumes are not skinned (drawn with u_skinned off), so the weights carry the fibre
    // direction instead, the path's tangent here: mesh.vert.glsl shades the belly along it.
    o.weights = glm::vec4(fibre, 0.0f);
    const float thick = std::clamp((off - r0) / (r1 - r0), 0.0f, 1.0f);
    o.uv = {fast_atan2(q.w, q.z) * kInvTwoPi + 0.5f, std::max(belly[s] + f * (belly[s + 1] - belly[s]), thick * thick * (3.0f - 2.0f * thick))};
  }
  // Keep the volume. sqrt(rest / length) per segment keeps a straight belly's volume, but a bend
  // (the inside of the curve gives up more than the outside gains when the section sits off the
  // path), the ends beyond the path and the hand-over to the bones' own motion do not. So the
  // path-following offsets get one more common factor c, found so the placed triangles enclose
  // their bind-pose volume: with x_i = a_i + c d_i the enclosed volume is a cubic in c
  // (sum over triangles of det(x0, x1, x2) / 6), solved by Newton's method from c = 1. c stays within
  // [kMinCorrection, kMaxCorrection], so a fold (a path turned back on itself) never inflates the
  // whole muscle.
  if (rest_volume > 0.0 && vertex_count > 0) {
    // The fixed part of each vertex, about a point of the path (float keeps its precision there).
    const glm::vec3 o0 = P[K / 2];
    thread_local std::vector<glm::vec3> fixed;
    fixed.resize(vertex_count);
    for (std::size_t i = 0; i < vertex_count; ++i) fixed[i] = out[i].position - offset[i] - o0;
    double c0 = 0.0, c1 = 0.0, c2 = 0.0, c3 = 0.0;
    const std::uint32_t* id = tris->data();
    for (std::size_t t = 0; t + 2 < tris->size(); t += 3) {
      const std::uint32_t i0 = id[t], i1 = id[t + 1], i2 = id[t + 2];
      const glm::vec3 d0 = offset[i0], d1 = offset[i1], d2 = offset[i2];
      const glm::vec3 a0 = fixed[i0], a1 = fixed[i1], a2 = fixed[i2];
      const glm::vec3 x = glm::cross(a1, a2), y = glm::cross(a1, d2) + glm::cross(d1, a2), z = glm::cross(d1, d2);
      c0 += glm::dot(a0, x);
      c1 += glm::dot(d0, x) + glm::dot(a0, y);
      c2 += glm::dot(d0, y) + glm::dot(a0, z);
      c3 += glm::dot(d0, z);
    }
    const double target = 6.0 * rest_volume;
    double c = 1.0;
    for (int it = 0; it < 6; ++it) {
      const double val = ((c3 * c + c2) * c + c1) * c + c0 - target;
      const double slope = (3.0 * c3 * c + 2.0 * c2) * c + c1;
      if (slope <= 1e-3 * target) break;  // the offsets hardly change the volume (all on bone) or a fold
      c = std::clamp(c - val / slope, kMinCorrection, kMaxCorrection);
    }
    if (c != 1.0) {
      const auto dc = static_cast<float>(c - 1.0);
      for (std::size_t i = 0; i < vertex_count; ++i) out[i].position += dc * offset[i];
    }
  }
  mesh.indices.reserve(mesh.indices.size() + tris->size());
  for (std::uint32_t idx : *tris) mesh.indices.push_back(first_vertex + idx);
  return {first_index, static_cast<int>(mesh.indices.size()) - first_index};
}

std::size_t push_out_of_bones(const MuscleVolume& v, std::span<const BoneField> fields, std::span<const glm::mat4> bone_world,
                              std::span<const glm::mat4> world_to_bone, Vertex* out, std::size_t count, std::span<const std::uint32_t> tris,
                              std::uint32_t index_base) {
  if (v.bone_mask.size() < count || v.bone_fields.empty() || count == 0) return 0;
  // Only the bones whose inside, as posed, meets the volume's box.
  glm::vec3 lo = out[0].position, hi = lo;
  for (std::size_t i = 1; i < count; ++i) lo = glm::min(lo, out[i].position), hi = glm::max(hi, out[i].position);
  unsigned active = 0;
  std::array<glm::vec3, 8> box_lo{}, box_hi{};  // each bone's inside, posed (world box)
  for (std::size_t b = 0; b < v.bone_fields.size() && b < 8; ++b) {
    const auto fb = static_cast<std::size_t>(v.bone_fields[b]);
    if (fb >= fields.size() || fb >= bone_world.size() || fb >= world_to_bone.size()) continue;
    const BoneField& f = fields[fb];
    if (f.inside_hi.x < f.inside_lo.x) continue;
    glm::vec3 blo(std::numeric_limits<float>::max()), bhi(-std::numeric_limits<float>::max());
    for (int c = 0; c < 8; ++c) {
      const glm::vec3 q(bone_world[fb] * glm::vec4((c & 1) ? f.inside_hi.x : f.inside_lo.x, (c & 2) ? f.inside_hi.y : f.inside_lo.y,
                                                   (c & 4) ? f.inside_hi.z : f.inside_lo.z, 1.0f));
      blo = glm::min(blo, q), bhi = glm::max(bhi, q);
    }
    if (glm::all(glm::lessThanEqual(blo, hi)) && glm::all(glm::lessThanEqual(lo, bhi))) active |= 1u << b;
    box_lo[b] = blo, box_hi[b] = bhi;
  }
  if (active == 0) return 0;
  // One vertex out of the bones near it (those of `mask` whose posed box holds it); true if moved.
  auto push_one = [&](unsigned mask, glm::vec3& p) {
    // Only the bones whose posed box holds the vertex (a few compares before the transform).
    for (unsigned m = mask; m; m &= m - 1) {
      const int b = std::countr_zero(m);
      if (glm::any(glm::lessThan(p, box_lo[static_cast<std::size_t>(b)])) || glm::any(glm::greaterThan(p, box_hi[static_cast<std::size_t>(b)])))
        mask &= ~(1u << b);
    }
    if (mask == 0) return false;
    bool pushed = false;
    // Out of one bone can be into another where two close (the gemelli between femur and ischium
    // in deep flexion): the bones again, up to three times, until none holds the vertex.
    for (int pass = 0; pass < 3; ++pass) {
      bool again = false;
      for (std::size_t b = 0; b < v.bone_fields.size(); ++b) {
        if (!(mask & (1u << b))) continue;
        const auto fb = static_cast<std::size_t>(v.bone_fields[b]);
        if (fb >= fields.size() || fb >= bone_world.size() || fb >= world_to_bone.size()) continue;
        const BoneField& f = fields[fb];
        const glm::mat4& w2b = world_to_bone[fb];
        glm::vec3 q = glm::vec3(w2b[0]) * p.x + glm::vec3(w2b[1]) * p.y + glm::vec3(w2b[2]) * p.z + glm::vec3(w2b[3]);
        if (!f.may_be_inside(q) || f.sample(q) >= 0.0f) continue;
        glm::vec3 g;
        float d = f.sample(q, &g);
        for (int step = 0; step < 3 && d < 0.5f * kBoneClearance; ++step) {
          const float len = glm::length(g);
          if (len < 1e-6f) break;
          // Newton's step along the gradient, the slope taken as at least half a distance
          // field's: where the chamfer-carried field is flat (a bone's medial axis) the plain step
          // flung a vertex 146 mm (gluteus maximus 2 in the 90/90 switch).
          q += (kBoneClearance - d) / std::max(len, 0.5f) * (g / len);
          d = f.sample(q, &g);
        }
        p = glm::vec3(bone_world[fb] * glm::vec4(q, 1.0f));
        pushed = again = true;
      }
      if (!again) break;
    }
    return pushed;
  };
  // Each vertex near a bone pushed out of it alone, as placed; the pushes kept (vertex, push).
  thread_local std::vector<std::pair<std::uint32_t, glm::vec3>> pushes;
  pushes.clear();
  for (std::size_t i = 0; i < count; ++i) {
    const unsigned mask = v.bone_mask[i] & active;
    if (mask == 0) continue;
    glm::vec3& p = out[i].position;
    const glm::vec3 before = p;
    if (push_one(mask, p)) pushes.emplace_back(static_cast<std::uint32_t>(i), p - before);
  }
  if (std::none_of(pushes.begin(), pushes.end(), [](const auto& x) { return glm::dot(x.second, x.second) >= kSharedPush * kSharedPush; }))
    return pushes.size();
  // Then the sections: each station's pushes give that section of the belly a common shift (their
  // mean, smoothed along the path), which moves the part of the belly beside the bone off it as
  // one piece where the pushes alone flattened its inside against the bone; the pushes are undone
  // and every vertex near a bone is pushed out again from its shifted place.
  constexpr int K = anatomy::PathCurve::kStations;
  auto station = [&](std::size_t i, int& k, float& f) {
    const float x = std::clamp(v.path_coord[i].x, 0.0f, 1.0f) * (K - 1);
    k = std::min(static_cast<int>(x), K - 2);
    f = x - static_cast<float>(k);
  };
  if (v.path_coord.size() >= count) {
    std::array<glm::vec3, K> sum{}, sec{};
    std::array<float, K> n{};
    for (const auto& [i, d] : pushes) {
      if (glm::dot(d, d) < kSharedPush * kSharedPush) continue;
      int k;
      float f;
      station(i, k, f);
      sum[static_cast<std::size_t>(k)] += (1.0f - f) * d;
      sum[static_cast<std::size_t>(k) + 1] += f * d;
      n[static_cast<std::size_t>(k)] += 1.0f - f;
      n[static_cast<std::size_t>(k) + 1] += f;
    }
    for (std::size_t k = 0; k < static_cast<std::size_t>(K); ++k)
      if (n[k] > 0.0f) sec[k] = sum[k] / std::max(n[k], 1.0f);
    for (int pass = 0; pass < kSectionSmoothPasses; ++pass) {
      std::array<glm::vec3, K> next = sec;
      for (int k = 0; k < K; ++k)
        next[static_cast<std::size_t>(k)] = 0.25f * (sec[static_cast<std::size_t>(std::max(k - 1, 0))] + 2.0f * sec[static_cast<std::size_t>(k)] +
                                                     sec[static_cast<std::size_t>(std::min(k + 1, K - 1))]);
      sec = next;
    }
    for (const auto& [i, d] : pushes) out[i].position -= d;
    for (std::size_t i = 0; i < count; ++i) {
      int k;
      float f;
      station(i, k, f);
      out[i].position += sec[static_cast<std::size_t>(k)] + f * (sec[static_cast<std::size_t>(k) + 1] - sec[static_cast<std::size_t>(k)]);
    }
    // Only where a section moved or a vertex was pushed can one be in a bone now.
    thread_local std::vector<std::uint8_t> was;
    was.assign(count, 0);
    for (const auto& [i, d] : pushes) was[i] = 1;
    pushes.clear();
    for (std::size_t i = 0; i < count; ++i) {
      const unsigned mask = v.bone_mask[i] & active;
      if (mask == 0) continue;
      if (!was[i]) {
        int k;
        float f;
        station(i, k, f);
        if (sec[static_cast<std::size_t>(k)] == glm::vec3(0.0f) && sec[static_cast<std::size_t>(k) + 1] == glm::vec3(0.0f)) continue;
      }
      glm::vec3& p = out[i].position;
      const glm::vec3 before = p;
      if (push_one(mask, p)) pushes.emplace_back(static_cast<std::uint32_t>(i), p - before);
    }
  }
  const std::size_t moved = pushes.size();
  const bool carry = !tris.empty();
  thread_local std::vector<glm::vec3> shift;
  thread_local std::vector<std::uint8_t> ring;  // 0: not moved; 1: pushed; k > 1: carried, k - 1 edges from a pushed vertex
  if (carry && moved > 0) {
    shift.assign(count, glm::vec3(0.0f));
    ring.assign(count, 0);
    for (const auto& [i, d] : pushes) shift[i] = glm::dot(d, d) < kSharedPush * kSharedPush ? glm::vec3(0.0f) : d, ring[i] = 1;
    // Carry each push to the vertices around it, fading ring by ring (kCarryFade a ring, kCarryRings
    // rings): the belly beside the pushed patch follows it, where alone the patch stood off its
    // neighbours in a step with a crease at its rim.
    thread_local std::vector<glm::vec3> sum;
    thread_local std::vector<std::uint8_t> n;
    for (int r = 2; r <= kCarryRings + 1; ++r) {
      sum.assign(count, glm::vec3(0.0f));
      n.assign(count, 0);
      bool any = false;
      for (std::size_t t = 0; t + 2 < tris.size(); t += 3) {
        const std::uint32_t a = tris[t] - index_base, b = tris[t + 1] - index_base, c = tris[t + 2] - index_base;
        if (a >= count || b >= count || c >= count) continue;
        const std::array<std::uint32_t, 3> k{a, b, c};
        for (int e = 0; e < 3; ++e) {
          const std::uint32_t x = k[static_cast<std::size_t>(e)], y = k[static_cast<std::size_t>((e + 1) % 3)];
          if (ring[x] == r - 1 && ring[y] == 0) sum[y] += shift[x], ++n[y], any = true;
          if (ring[y] == r - 1 && ring[x] == 0) sum[x] += shift[y], ++n[x], any = true;
        }
      }
      if (!any) break;
      for (std::size_t i = 0; i < count; ++i)
        if (n[i] > 0) {
          shift[i] = (kCarryFade / static_cast<float>(n[i])) * sum[i];
          ring[i] = static_cast<std::uint8_t>(r);
          out[i].position += shift[i];
          // Carried towards another bone (the gemelli between femur and ischium): out of it again.
          if (const unsigned mask = v.bone_mask[i] & active) push_one(mask, out[i].position);
        }
    }
  }
  return moved;
}

}  // namespace hiplab
