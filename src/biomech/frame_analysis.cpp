#include "biomech/frame_analysis.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include <glm/geometric.hpp>

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
static_assert(kRows <= kMaxRows && anatomy::kMuscleCount <= kMaxMuscles,
              "the activation problem must hold every coordinate and muscle of a leg");

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

void analyze_frame(const BiomechInput& in, BiomechResult& out) {
  const glm::dmat3 p2w = pelvis_to_world(in.posture);
  const glm::dmat3 w2p = glm::transpose(p2w);
  const glm::dvec3 g_pelvis = gravity_in_pelvis(in.posture);
  const LegSegmentParameters segs = leg_segment_parameters(in.body);

  for (Side side : {Side::kRight, Side::kLeft}) {
    LegResult& r = out.leg[anatomy::side_index(side)];
    const anatomy::LegPose& q = in.pose.leg(side);
    r.kinematics = anatomy::leg_kinematics(q);
    const anatomy::LegKinematics& k = r.kinematics;
    anatomy::evaluate_leg_muscle_paths(q, k, side, r.paths);

    // Muscles: lengths, stretch, available force.
    ActivationProblem pb;
    pb.rows = kRows;
    pb.muscles = anatomy::kMuscleCount;
    r.capacity_positive.fill(0.0);
    r.capacity_negative.fill(0.0);
    for (int i = 0; i < anatomy::kMuscleCount; ++i) {
      const anatomy::MusclePath& path = r.paths[i];
      MuscleState& m = r.muscle[i];
      const anatomy::Stretch st = anatomy::stretch(i, path.length);
      const FibreState fs = fibre_state(anatomy::muscle(i), path.length);
      m.length_m = path.length;
      m.stretch_vs_anatomical = st.vs_anatomical;
      m.stretch_vs_optimal = st.vs_optimal_plus_slack;
      m.normalized_fibre_length = fs.normalized_length;
      m.force_length = fs.force_length;
      m.available_force_n = fs.available_force_n;
      m.moment_arm_m = path.moment_arm;
      for (int c = 0; c < kRows; ++c) {
        const double t = fs.available_force_n * path.moment_arm[c];
        pb.column[i][c] = t;
        (t > 0 ? r.capacity_positive[c] : r.capacity_negative[c]) += t;
      }
    }

    // Gravity on the unsupported segments.
    r.gravity_torque.fill(0.0);
    const glm::dvec3 g_right = to_right(g_pelvis, side);
    for (const SegmentParameters& s : segs.segment) {
      const BodyId body = anatomy::leg_body(side, s.body);
      const bool supported = std::any_of(in.loads.supports.begin(), in.loads.supports.end(),
                                         [&](const FloorSupport& f) { return f.body == body; });
      if (supported) continue;
      const glm::dvec3 x = k[s.body].apply(s.com_right);
      add_generalised(k, s.body, x, s.mass_kg * g_right, r.gravity_torque);
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
      const glm::dvec3 f_right = to_right(w2p * (d * (tension / len)), side);
      add_generalised(k, seg, x_right, f_right, r.external_torque);
    };
    for (const ElasticBand& b : in.loads.bands)
      apply_pull(b.attachment, b.anchor_world, b.stiffness_n_per_m, true, b.rest_length_m);
    for (const Cable& c : in.loads.cables)
      apply_pull(c.attachment, c.pulley_world, c.mass_kg * kGravity, false, 0.0);

    // Intentional efforts.
    r.effort_torque.fill(0.0);
    for (const Effort& e : in.loads.efforts) {
      const int c = anatomy::coord_index(e.coord);
      if (e.side != side || c >= kRows) continue;
      const double f = std::clamp(e.fraction, -1.0, 1.0);
      r.effort_torque[c] += f >= 0 ? f * r.capacity_positive[c] : -f * r.capacity_negative[c];
    }

    // Braced coordinates drop out of the problem: rows are packed, then unpacked.
    std::array<int, kRows> row_of{};
    int rows = 0;
    for (int c = 0; c < kRows; ++c) {
      r.braced[c] = std::any_of(in.loads.braces.begin(), in.loads.braces.end(), [&](const Brace& b) {
        return b.side == side && anatomy::coord_index(b.coord) == c;
      });
      r.required_torque[c] =
          r.braced[c] ? 0.0 : -(r.gravity_torque[c] + r.external_torque[c]) + r.effort_torque[c];
      if (!r.braced[c]) row_of[rows++] = c;
    }
    pb.rows = rows;
    for (int j = 0; j < rows; ++j) {
      pb.torque[j] = r.required_torque[row_of[j]];
      for (int i = 0; i < anatomy::kMuscleCount; ++i) pb.column[i][j] = pb.column[i][row_of[j]];
    }
    const ActivationSolution sol = rows > 0 ? solve_activations(pb) : ActivationSolution{};
    for (int i = 0; i < anatomy::kMuscleCount; ++i) {
      r.muscle[i].activation = sol.activation[i];
      r.muscle[i].force_n = sol.activation[i] * r.muscle[i].available_force_n;
    }
    for (int c = 0; c < kRows; ++c) {
      double t = 0.0;  // the muscles' torque about every coordinate, braced or not
      for (int i = 0; i < anatomy::kMuscleCount; ++i)
        t += r.muscle[i].force_n * r.muscle[i].moment_arm_m[c];
      r.achieved_torque[c] = t;
      r.saturated[c] = false;
    }
    for (int j = 0; j < rows; ++j) r.saturated[row_of[j]] = sol.saturated[j];
    r.feasible = sol.feasible;
    r.solver_iterations = sol.iterations;
  }
}

double biomech_bench_median_ms(int frames) {
  frames = std::max(frames, 1);
  BiomechInput in;
  in.posture = Posture::kSeated;
  for (Side s : {Side::kRight, Side::kLeft}) {
    in.pose.leg(s)[LegCoord::kHipFlexion] = deg_to_rad(90.0);
    in.pose.leg(s)[LegCoord::kKneeFlexion] = deg_to_rad(90.0);
  }
  in.loads.supports.push_back({BodyId::kFemurR});
  in.loads.supports.push_back({BodyId::kFemurL});
  in.loads.bands.push_back({{BodyId::kTibiaR, {0.0, -0.38, 0.0}}, {0.25, -0.75, -0.5}, 150.0, 0.2});
  in.loads.efforts.push_back({Side::kLeft, LegCoord::kHipRotation, -0.6});
  static BiomechResult result;  // large; keep it off the stack
  std::vector<double> ms(static_cast<std::size_t>(frames));
  for (int f = 0; f < frames; ++f) {
    const double phase = static_cast<double>(f % 120) / 120.0;
    in.pose.leg(Side::kRight)[LegCoord::kHipRotation] = deg_to_rad(35.0 * phase);
    in.pose.leg(Side::kLeft)[LegCoord::kHipRotation] = deg_to_rad(30.0 * phase);
    const auto t0 = std::chrono::steady_clock::now();
    analyze_frame(in, result);
    const auto t1 = std::chrono::steady_clock::now();
    ms[static_cast<std::size_t>(f)] = std::chrono::duration<double, std::milli>(t1 - t0).count();
  }
  std::nth_element(ms.begin(), ms.begin() + frames / 2, ms.end());
  return ms[static_cast<std::size_t>(frames / 2)];
}

}  // namespace hiplab::biomech
