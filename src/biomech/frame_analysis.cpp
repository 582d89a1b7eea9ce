#include "biomech/frame_analysis.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

#include <glm/geometric.hpp>

#include "anatomy/muscle_calibration.h"
#include "biomech/muscle_force.h"
#include "biomech/static_optimization.h"
#include "core/units.h"

namespace hiplab::biomech {
namespace {

using anatomy::BodyId;
using anatomy::LegCoord;
using anatomy::LegSegment;
using anatomy::Side;
constexpr int kRows = anatomy::kMuscleCoordCount;
static_assert(2 * kRows <= kMaxRows, "the activation problem must hold every coordinate of both legs");

// Which leg and segment a body is; pelvis/torso bodies carry no leg torque.
bool leg_segment_of(BodyId b, Side& side, LegSegment& seg) {
  const int i = anatomy::body_index(b) - 2;
  if (i < 0) return false;
  side = i >= anatomy::kLegSegmentCount ? Side::kLeft : Side::kRight;
  seg = static_cast<LegSegment>(i % anatomy::kLegSegmentCount);
  return true;
}

glm::dvec3 to_right(const glm::dvec3& v, Side s) {
  return s == Side::kLeft ? anatomy::mirror_point(v) : v;
}

// Generalised force of force F (pelvis frame of `side`, already mapped into the right-leg frame)
// at right-frame point x fixed on `seg`.
void add_generalised(const anatomy::LegKinematics& k, LegSegment seg, const glm::dvec3& x,
                     const glm::dvec3& f, Torques& q) {
  for (int c = 0; c < kRows; ++c) q[c] += glm::dot(f, k.point_velocity(c, seg, x));
}

}  // namespace

namespace {

// Where a contact site's centre is (true pelvis frame) and what it is fixed on.
struct SiteGeometry {
  glm::dvec3 centre{0.0};
  double radius = 0.0;
  bool on_leg = false;
  Side side = Side::kRight;
  LegSegment seg = LegSegment::kFemur;
};

SiteGeometry site_geometry(const ContactSite& site, const BiomechResult& out, const LegSegmentParameters& segs) {
  SiteGeometry g;
  g.radius = site.radius_m;
  if (!leg_segment_of(site.centre.body, g.side, g.seg)) {
    g.centre = site.centre.local;  // fixed in the pelvis frame
    return g;
  }
  g.on_leg = true;
  glm::dvec3 local_right = to_right(site.centre.local, g.side);
  if (site.centre_of_mass)
    for (const SegmentParameters& sp : segs.segment)
      if (sp.body == g.seg) local_right = sp.com_right;
  const glm::dvec3 x_right = out.leg[anatomy::side_index(g.side)].kinematics[g.seg].apply(local_right);
  g.centre = to_right(x_right, g.side);
  return g;
}

// Generalised force (both legs' coordinates, stacked right then left) of pelvis-frame force f at
// pelvis-frame point x fixed on the site's segment.
void add_site_force(const BiomechResult& out, const SiteGeometry& g, const glm::dvec3& x, const glm::dvec3& f,
                    std::array<Torques, anatomy::kSideCount>& q) {
  if (!g.on_leg) return;
  const int si = anatomy::side_index(g.side);
  add_generalised(out.leg[si].kinematics, g.seg, to_right(x, g.side), to_right(f, g.side), q[si]);
}

// A force and its moment about the pelvis origin (pelvis frame): the whole body's balance rows.
struct Wrench {
  glm::dvec3 force{0.0}, moment{0.0};
  void add(const glm::dvec3& x, const glm::dvec3& f) {
    force += f;
    moment += glm::cross(x, f);
  }
  double row(int c) const { return c < 3 ? force[c] : moment[c - 3]; }
};

// Centre of mass of the pelvis with the trunk, head and arms (Gait2392 masses; frame_analysis.h).
glm::dvec3 upper_body_com(const anatomy::UpperBodyPose& u) {
  const glm::dvec3 back_joint{-0.1007, 0.0815, 0.0};  // Gait2392 back joint (motion/floor_contacts.h)
  const glm::dmat3 torso = anatomy::rotation_about({0, 0, 1}, -u.lumbar_flexion) *
                           anatomy::rotation_about({1, 0, 0}, u.lumbar_bending) *
                           anatomy::rotation_about({0, 1, 0}, u.lumbar_rotation);
  const glm::dvec3 torso_com = back_joint + torso * glm::dvec3(-0.03, 0.32, 0.0);
  const glm::dvec3 pelvis_com{-0.0707, 0.0, 0.0};
  return (kGait2392PelvisKg * pelvis_com + kGait2392TorsoKg * torso_com) / (kGait2392PelvisKg + kGait2392TorsoKg);
}

struct ContactFrame {
  SiteGeometry at, other;
  bool has_other = false;
  bool external = false;             // whole-body balance: a push from outside the body
  std::array<Wrench, kFrictionEdges> root{};      // per unit edge force, on the whole body
  glm::dvec3 normal{0.0}, point_at{0.0}, point_other{0.0};
  std::array<glm::dvec3, kFrictionEdges> edge{};  // pyramid edges n + mu (cos a_k t1 + sin a_k t2) (unit normal part)
  std::array<std::array<Torques, anatomy::kSideCount>, kFrictionEdges> column{};  // generalised force per unit edge force
  bool in_solve = false;
  bool touches[anatomy::kSideCount] = {false, false};
};

}  // namespace

void analyze_frame(const BiomechInput& in, BiomechResult& out) {
  static_assert(2 * anatomy::kMuscleCount + kFrictionEdges * kMaxContacts + 12 <= kMaxVariables,
                "static_optimization.h: raise kMaxVariables for this many muscles and contacts");
  const glm::dmat3 p2w = pelvis_to_world(in.posture) * in.pelvis_offset;
  const glm::dmat3 w2p = glm::transpose(p2w);
  const glm::dvec3 g_pelvis = w2p * glm::dvec3(0.0, -kGravity, 0.0);
  const bool whole = in.loads.whole_body;
  out.whole_body = whole;
  out.body_weight_n = in.body.mass_kg * kGravity;
  Wrench root_load;  // gravity, bands and cables on the whole body (pelvis frame, about its origin)
  out.pull_count = 0;
  const LegSegmentParameters segs = leg_segment_parameters(in.body);

  // [1] Each leg: kinematics, muscles, gravity, bands and cables, efforts.
  for (Side side : {Side::kRight, Side::kLeft}) {
    LegResult& r = out.leg[anatomy::side_index(side)];
    const anatomy::LegPose& q = in.pose.leg(side);
    r.kinematics = anatomy::leg_kinematics(q);
    const anatomy::LegKinematics& k = r.kinematics;
    anatomy::evaluate_leg_muscle_paths(q, k, side, r.paths);

    r.capacity_positive.fill(0.0);
    r.capacity_negative.fill(0.0);
    r.passive_torque.fill(0.0);
    for (int i = 0; i < anatomy::kMuscleCount; ++i) {
      const anatomy::MusclePath& path = r.paths[i];
      MuscleState& m = r.muscle[i];
      const anatomy::Stretch st = anatomy::stretch(i, path.length);
      // Gait2392's l_o and l_ts, re-fitted where HipLab's path differs (muscle_calibration.h);
      // the stretch against l_o + l_ts uses the same.
      // Passive strain at F_max fitted to measured passive joint moments (the same header).
      const anatomy::MuscleSpec& spec = anatomy::force_muscle(i);
      const MuscleCapacity cap = muscle_capacity(spec, path.length, anatomy::passive_strain_at_fmax(i));
      m.length_m = path.length;
      m.stretch_vs_anatomical = st.vs_anatomical;
      m.stretch_vs_optimal = path.length / (spec.optimal_fiber_length_m + spec.tendon_slack_length_m);
      m.normalized_fibre_length = cap.relaxed.normalized_length;
      m.normalized_fibre_length_full = cap.full.normalized_length;
      m.tendon_strain_full = cap.full.tendon_strain;
      m.force_length = cap.full.force_length;
      m.available_force_n = cap.available_force_n;
      m.passive_force_n = cap.passive_force_n;
      m.moment_arm_m = path.moment_arm;
      for (int c = 0; c < kRows; ++c) {
        const double t = cap.available_force_n * path.moment_arm[c];
        (t > 0 ? r.capacity_positive[c] : r.capacity_negative[c]) += t;
        r.passive_torque[c] += cap.passive_force_n * path.moment_arm[c];
      }
    }

    // Gravity on every segment (what carries it are the contacts, chosen below).
    r.gravity_torque.fill(0.0);
    const glm::dvec3 g_right = to_right(g_pelvis, side);
    for (const SegmentParameters& s : segs.segment) {
      const glm::dvec3 x = k[s.body].apply(s.com_right);
      add_generalised(k, s.body, x, s.mass_kg * g_right, r.gravity_torque);
      root_load.add(to_right(x, side), s.mass_kg * g_pelvis);
    }

    // Bands and cables attached to this leg.
    r.external_torque.fill(0.0);
    auto apply_pull = [&](const BodyPoint& at, const glm::dvec3& target_world, double tension_of_length,
                          bool elastic, double rest) {
      Side s2;
      LegSegment seg;
      if (!leg_segment_of(at.body, s2, seg) || s2 != side) return;
      const glm::dvec3 x_right = k[seg].apply(to_right(at.local, side));
      const glm::dvec3 x_world = p2w * to_right(x_right, side);
      const glm::dvec3 d = target_world - x_world;
      const double len = glm::length(d);
      if (len <= 0.0) return;
      const double tension =
          elastic ? tension_of_length * std::max(0.0, len - rest) : tension_of_length;
      if (out.pull_count < kMaxPulls) {
        PullResult& pr = out.pull[static_cast<std::size_t>(out.pull_count++)];
        pr.attachment_pelvis = to_right(x_right, side);
        pr.target_pelvis = w2p * target_world;
        pr.tension_n = tension;
        pr.stretch = elastic && rest > 0.0 ? len / rest : 1.0;
        pr.elastic = elastic;
      }
      const glm::dvec3 f_pelvis = w2p * (d * (tension / len));
      add_generalised(k, seg, x_right, to_right(f_pelvis, side), r.external_torque);
      root_load.add(to_right(x_right, side), f_pelvis);
    };
    for (const ElasticBand& b : in.loads.bands)
      apply_pull(b.attachment, b.anchor_world, b.stiffness_n_per_m, true, b.rest_length_m);
    for (const Cable& c : in.loads.cables)
      apply_pull(c.attachment, c.pulley_world, c.mass_kg * kGravity, false, 0.0);

    // Intentional efforts.
    r.effort_torque.fill(0.0);
    std::array<bool, kRows> effort_on{};
    for (const Effort& e : in.loads.efforts) {
      const int c = anatomy::coord_index(e.coord);
      if (e.side != side || c >= kRows) continue;
      const double f = std::clamp(e.fraction, -1.0, 1.0);
      r.effort_torque[c] += f >= 0 ? f * r.capacity_positive[c] : -f * r.capacity_negative[c];
      effort_on[static_cast<std::size_t>(c)] = true;
    }
    // With the passive pull counted, what resists an effort feels the share plus the passive pull
    // about that coordinate, so the activations still make exactly the share.
    if (in.count_passive)
      for (int c = 0; c < kRows; ++c)
        if (effort_on[static_cast<std::size_t>(c)]) r.effort_torque[c] += r.passive_torque[c];
    for (int c = 0; c < kRows; ++c) {
      r.braced[c] = std::any_of(in.loads.braces.begin(), in.loads.braces.end(), [&](const Brace& b) {
        return b.side == side && anatomy::coord_index(b.coord) == c;
      });
    }
  }

  // The pelvis, trunk, head and arms: the rest of the body's mass at its centre of mass.
  double leg_mass = 0.0;
  for (const SegmentParameters& sp : segs.segment) leg_mass += 2.0 * sp.mass_kg;
  const double upper_mass = std::max(0.0, in.body.mass_kg - leg_mass);
  root_load.add(upper_body_com(in.upper), upper_mass * g_pelvis);

  // [2] Contacts: where they are now, their pyramid edges and what each edge does to the legs.
  const glm::dvec3 up = -glm::normalize(g_pelvis);
  // Per edge: a push shared evenly by the pyramid's edges costs what it cost with four edges
  // (kContactCostWeight's figures), whatever the number of edges.
  const double force_scale =
      in.body.mass_kg * kGravity / std::sqrt(kContactCostWeight * kFrictionEdges / 4.0);
  out.contact_count = std::min<int>(static_cast<int>(in.loads.contacts.size()), kMaxContacts);
  static thread_local std::array<ContactFrame, kMaxContacts> cf;  // large; no allocation per frame
  bool coupled = false;
  for (int j = 0; j < out.contact_count; ++j) {
    const Contact& c = in.loads.contacts[static_cast<std::size_t>(j)];
    ContactFrame& f = cf[j];
    f = ContactFrame{};
    f.at = site_geometry(c.at, out, segs);
    f.has_other = c.on == ContactSurface::kBody;
    if (f.has_other) f.other = site_geometry(c.other, out, segs);
    f.normal = up;
    if (f.has_other) {
      const glm::dvec3 d = f.at.centre - f.other.centre;
      if (glm::length(d) > 1e-9) f.normal = glm::normalize(d);
    }
    f.point_at = f.at.centre - f.at.radius * f.normal;
    f.point_other = f.other.centre + f.other.radius * f.normal;
    const glm::dvec3 a = std::abs(f.normal.x) < 0.9 ? glm::dvec3(1, 0, 0) : glm::dvec3(0, 1, 0);
    const glm::dvec3 t1 = glm::normalize(glm::cross(f.normal, a));
    const glm::dvec3 t2 = glm::cross(f.normal, t1);
    const double mu = std::max(0.0, c.friction);
    for (int e = 0; e < kFrictionEdges; ++e) {
      const double a = 2.0 * kPi * e / kFrictionEdges;
      f.edge[e] = f.normal + mu * (std::cos(a) * t1 + std::sin(a) * t2);
    }
    for (int e = 0; e < kFrictionEdges; ++e) {
      add_site_force(out, f.at, f.point_at, f.edge[e], f.column[e]);
      if (f.has_other) add_site_force(out, f.other, f.point_other, -f.edge[e], f.column[e]);
      // On the whole body: a push from outside (floor, support); one body part on another is internal.
      f.root[e] = Wrench{};
      if (whole && !f.has_other) f.root[e].add(f.point_at, f.edge[e]);
    }
    if (f.at.on_leg) f.touches[anatomy::side_index(f.at.side)] = true;
    if (f.has_other && f.other.on_leg) f.touches[anatomy::side_index(f.other.side)] = true;
    f.external = whole && !f.has_other;
    f.in_solve = f.touches[0] || f.touches[1] || f.external;
    if (f.touches[0] && f.touches[1]) coupled = true;
  }

  // [3] The solve: one problem per leg, or one for both when a contact couples them or the whole
  // body is balanced. Rows: the right leg's, then the body's six (force, moment), then the left
  // leg's, so a muscle's non-zeros stay in one block and a contact's in two neighbouring ones.
  Torques load_required[anatomy::kSideCount];
  for (int si = 0; si < anatomy::kSideCount; ++si) {
    const LegResult& r = out.leg[si];
    for (int c = 0; c < kRows; ++c)
      load_required[si][c] = -(r.gravity_torque[c] + r.external_torque[c] + (in.count_passive ? r.passive_torque[c] : 0.0)) +
                             r.effort_torque[c];
  }
  const double weight = std::max(out.body_weight_n, 1e-9);
  const double residual_unit[6] = {kResidualForceUnit * weight, kResidualForceUnit * weight,
                                   kResidualForceUnit * weight, kResidualForceUnit * weight * kResidualLeverM,
                                   kResidualForceUnit * weight * kResidualLeverM,
                                   kResidualForceUnit * weight * kResidualLeverM};
  static thread_local ActivationProblem pb;  // large; keep it off the stack
  std::array<double, kMaxContacts * kFrictionEdges> edge_force{};
  std::array<double, 6> residual{};
  if (whole) coupled = true;
  const int group_count = coupled ? 1 : 2;
  for (int g = 0; g < group_count; ++g) {
    bool member[anatomy::kSideCount] = {coupled || g == 0, coupled || g == 1};
    struct Row { int side, coord; };  // side 2: the whole body's row `coord` (0-2 force, 3-5 moment)
    std::array<Row, kMaxRows> rows{};
    int m = 0;
    for (int part : {0, 2, 1}) {
      if (part == 2) {
        if (whole)
          for (int c = 0; c < 6; ++c) rows[m++] = {2, c};
        continue;
      }
      if (member[part])
        for (int c = 0; c < kRows; ++c)
          if (!out.leg[part].braced[c]) rows[m++] = {part, c};
    }
    pb.rows = m;
    int n = 0;
    for (int k = 0; k < m; ++k)
      pb.torque[k] = rows[k].side == 2 ? -root_load.row(rows[k].coord) : load_required[rows[k].side][rows[k].coord];
    for (int si = 0; si < anatomy::kSideCount; ++si) {
      if (!member[si]) continue;
      const LegResult& r = out.leg[si];
      for (int i = 0; i < anatomy::kMuscleCount; ++i, ++n) {
        pb.unbounded[n] = false;
        for (int k = 0; k < m; ++k)
          pb.column[n][k] = rows[k].side == si ? r.muscle[i].available_force_n * r.muscle[i].moment_arm_m[rows[k].coord] : 0.0;
      }
    }
    std::array<int, kMaxContacts> contact_of_var_base{};
    for (int j = 0; j < out.contact_count; ++j) {
      contact_of_var_base[j] = -1;
      const ContactFrame& f = cf[j];
      if (!f.in_solve || !((f.touches[0] && member[0]) || (f.touches[1] && member[1]) || f.external)) continue;
      contact_of_var_base[j] = n;
      for (int e = 0; e < kFrictionEdges; ++e, ++n) {
        pb.unbounded[n] = true;
        for (int k = 0; k < m; ++k)
          pb.column[n][k] = force_scale * (rows[k].side == 2 ? f.root[e].row(rows[k].coord)
                                                             : f.column[e][rows[k].side][rows[k].coord]);
      }
    }
    int residual_base = -1;
    if (whole) {  // +/- a residual load on each body row
      residual_base = n;
      for (int c = 0; c < 12; ++c, ++n) {
        pb.unbounded[n] = true;
        for (int k = 0; k < m; ++k)
          pb.column[n][k] = rows[k].side == 2 && rows[k].coord == c / 2 ? (c % 2 ? -1.0 : 1.0) * residual_unit[c / 2] : 0.0;
      }
    }
    pb.variables = n;
    BiomechResult::WarmStart& ws = out.warm[static_cast<std::size_t>(g)];
    bool near = true;
    for (int si = 0; si < anatomy::kSideCount; ++si) {
      if (!member[si]) continue;
      const anatomy::LegPose& q = in.pose.legs[static_cast<std::size_t>(si)];
      for (int c = 0; c < kRows; ++c)
        if (std::abs(q.q[c] - ws.pose[si][c]) > kWarmStartMaxStepRad) near = false;
    }
    if (ws.rows == m) {
      double dmax = 0.0, tmax = 1.0;
      for (int k = 0; k < m; ++k) {
        dmax = std::max(dmax, std::abs(pb.torque[k] - ws.torque[k]));
        tmax = std::max(tmax, std::abs(pb.torque[k]));
      }
      if (dmax > kWarmStartMaxLoadChange * tmax) near = false;
    }
    pb.reference = in.reference_solve;
    pb.warm = ws.rows == m && ws.variables == n && near;
    if (pb.warm) {
      std::copy(ws.x.begin(), ws.x.begin() + n, pb.start.begin());
      pb.start_multiplier = ws.multiplier;
    }
    ActivationSolution sol;
    if (m > 0) sol = solve_activations(pb);
    ws.rows = m;
    ws.variables = n;
    std::copy(pb.torque.begin(), pb.torque.begin() + m, ws.torque.begin());
    for (int si = 0; si < anatomy::kSideCount; ++si) {
      const anatomy::LegPose& q = in.pose.legs[static_cast<std::size_t>(si)];
      for (int c = 0; c < kRows; ++c) ws.pose[si][c] = q.q[c];
    }
    std::copy(sol.activation.begin(), sol.activation.begin() + n, ws.x.begin());
    ws.multiplier = sol.multiplier;
    int v = 0;
    for (int si = 0; si < anatomy::kSideCount; ++si) {
      if (!member[si]) continue;
      LegResult& r = out.leg[si];
      for (int i = 0; i < anatomy::kMuscleCount; ++i, ++v) {
        r.muscle[i].activation = m > 0 ? sol.activation[v] : 0.0;
        r.muscle[i].force_n = r.muscle[i].activation * r.muscle[i].available_force_n;
      }
      r.saturated.fill(false);
      for (int k = 0; k < m; ++k)
        if (rows[k].side == si) r.saturated[rows[k].coord] = sol.saturated[k];
      r.feasible = std::none_of(r.saturated.begin(), r.saturated.end(), [](bool b) { return b; });
      r.solver_converged = sol.converged;
      r.solver_iterations = sol.iterations;
    }
    for (int j = 0; j < out.contact_count; ++j)
      if (contact_of_var_base[j] >= 0)
        for (int e = 0; e < kFrictionEdges; ++e)
          edge_force[kFrictionEdges * j + e] = force_scale * sol.activation[contact_of_var_base[j] + e];
    if (residual_base >= 0)
      for (int c = 0; c < 6; ++c)
        residual[c] = residual_unit[c] * (sol.activation[residual_base + 2 * c] - sol.activation[residual_base + 2 * c + 1]);
  }
  out.residual_force_pelvis = {residual[0], residual[1], residual[2]};
  out.residual_moment_pelvis = {residual[3], residual[4], residual[5]};
  out.residual_force_world = p2w * out.residual_force_pelvis;
  out.residual_moment_world = p2w * out.residual_moment_pelvis;

  // [4] Contact forces, their torques, and what is left for the muscles.
  std::array<Torques, anatomy::kSideCount> contact_q{};
  for (int j = 0; j < out.contact_count; ++j) {
    const ContactFrame& f = cf[j];
    ContactResult& cr = out.contact[j];
    cr = ContactResult{};
    cr.point_pelvis = f.point_at;
    cr.normal_pelvis = f.normal;
    cr.in_solve = f.in_solve;
    for (int e = 0; e < kFrictionEdges; ++e) cr.force_pelvis += edge_force[kFrictionEdges * j + e] * f.edge[e];
    cr.force_world = p2w * cr.force_pelvis;
    cr.push_n = std::max(0.0, glm::dot(cr.force_pelvis, f.normal));
    cr.friction_n = glm::length(cr.force_pelvis - glm::dot(cr.force_pelvis, f.normal) * f.normal);
    add_site_force(out, f.at, f.point_at, cr.force_pelvis, contact_q);
    if (f.has_other) add_site_force(out, f.other, f.point_other, -cr.force_pelvis, contact_q);
  }
  for (int si = 0; si < anatomy::kSideCount; ++si) {
    LegResult& r = out.leg[si];
    r.contact_torque = contact_q[si];
    for (int c = 0; c < kRows; ++c) {
      r.required_torque[c] = r.braced[c] ? 0.0 : load_required[si][c] - r.contact_torque[c];
      double t = 0.0;  // the muscles' torque about every coordinate, braced or not
      for (int i = 0; i < anatomy::kMuscleCount; ++i) t += r.muscle[i].force_n * r.muscle[i].moment_arm_m[c];
      r.achieved_torque[c] = t;
    }
  }
}

double biomech_bench_median_ms(int frames) {
  frames = std::max(frames, 1);
  // The costliest kind of frame the shipped drills ask for: a clamshell lift, the bottom leg on the
  // floor at three landmarks, the trunk at two and the top ankle resting on the bottom one, the
  // whole body balanced — both legs and the body solved as one problem (18 rows, 86 muscles, 48
  // contact edges, 12 residuals).
  BiomechInput in;
  in.posture = Posture::kSideLying;
  for (Side s : {Side::kRight, Side::kLeft}) {
    in.pose.leg(s)[LegCoord::kHipFlexion] = deg_to_rad(45.0);
    in.pose.leg(s)[LegCoord::kKneeFlexion] = deg_to_rad(90.0);
  }
  auto floor = [&](BodyId b, glm::dvec3 local, double radius) {
    Contact c;
    c.at = {{b, local}, radius, false};
    in.loads.contacts.push_back(c);
  };
  floor(BodyId::kFemurL, {-0.014, -0.018, -0.062}, 0.030);  // trochanter (left frame: z mirrored)
  floor(BodyId::kTibiaL, {0.0, 0.0, 0.0}, 0.052);           // knee
  floor(BodyId::kCalcnL, {-0.005, 0.012, 0.0}, 0.022);      // heel
  // The trunk on the mat (whole-body balance: 18 rows): the left shoulder and elbow, pelvis frame
  // (torso -> shoulder (-0.02, 0.395, -0.175) from the back joint; motion/floor_contacts.h).
  floor(BodyId::kPelvis, {-0.12, 0.48, -0.175}, 0.04);
  floor(BodyId::kPelvis, {0.05, 0.30, -0.20}, 0.02);
  in.loads.whole_body = true;
  Contact feet;
  feet.at = {{BodyId::kTibiaR, {0.0, -0.43, 0.0}}, 0.035, false};
  feet.on = ContactSurface::kBody;
  feet.other = {{BodyId::kTibiaL, {0.0, -0.43, 0.0}}, 0.035, false};
  in.loads.contacts.push_back(feet);
  static BiomechResult result;  // large; keep it off the stack
  std::vector<double> ms(static_cast<std::size_t>(frames));
  for (int f = 0; f < frames; ++f) {
    const double phase = static_cast<double>(f % 120) / 120.0;
    in.pose.leg(Side::kRight)[LegCoord::kHipRotation] = deg_to_rad(-5.0 - 25.0 * phase);
    in.pose.leg(Side::kRight)[LegCoord::kHipAdduction] = deg_to_rad(8.0 - 18.0 * phase);
    const auto t0 = std::chrono::steady_clock::now();
    analyze_frame(in, result);
    const auto t1 = std::chrono::steady_clock::now();
    ms[static_cast<std::size_t>(f)] = std::chrono::duration<double, std::milli>(t1 - t0).count();
  }
  std::nth_element(ms.begin(), ms.begin() + frames / 2, ms.end());
  return ms[static_cast<std::size_t>(frames / 2)];
}

}  // namespace hiplab::biomech
