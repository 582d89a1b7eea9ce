#include "app/cmd_activations.h"

#include "assets/settings.h"

#include "app/cli_values.h"

#include <optional>

#include "app/cmd_drill_moment.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "anatomy/joint_coordinates.h"
#include "anatomy/muscle_data.h"
#include "biomech/frame_analysis.h"
#include "core/result.h"
#include "core/units.h"
#include "motion/posture_frames.h"

namespace hiplab::app {
namespace {

using namespace hiplab::anatomy;
using namespace hiplab::biomech;

constexpr const char* kLoadHelp =
    "floor:BODY (a support under the centre of mass of femur_r/tibia_r/calcn_r... can carry it) | brace:DOF[_r|_l] (a hand/seat holds "
    "that coordinate) | band:BODY:X,Y,Z:AX,AY,AZ:K[:REST] (point on BODY in its frame, m; anchor in "
    "the world, m, Y up, origin at the pelvis; stiffness N/m; rest length m) | "
    "cable:BODY:X,Y,Z:PX,PY,PZ:KG (weight over a pulley)";

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

std::optional<glm::dvec3> to_vec3(const std::string& s) {
  const auto p = split(s, ',');
  if (p.size() != 3) return std::nullopt;
  const auto x = parse_finite_number(p[0]), y = parse_finite_number(p[1]), z = parse_finite_number(p[2]);
  if (!x || !y || !z) return std::nullopt;
  return glm::dvec3{*x, *y, *z};
}

// "hip_rotation_l" -> (kHipRotation, left); no suffix -> nullopt side.
std::optional<std::pair<LegCoord, std::optional<Side>>> parse_dof(const std::string& name) {
  std::string base = name;
  std::optional<Side> side;
  if (name.size() > 2 && name.compare(name.size() - 2, 2, "_r") == 0) side = Side::kRight;
  if (name.size() > 2 && name.compare(name.size() - 2, 2, "_l") == 0) side = Side::kLeft;
  if (side) base = name.substr(0, name.size() - 2);
  const auto c = find_coord(base);
  if (!c) return std::nullopt;
  return std::make_pair(*c, side);
}

Error bad(const std::string& option, const std::string& value, const std::string& expected) {
  return make_error("activations " + option + ": '" + value + "' (expected " + expected + ")");
}

std::optional<BodyId> leg_body_named(const std::string& name) {
  const auto b = find_body(name);
  if (!b || body_index(*b) < 2) return std::nullopt;
  return b;
}

Status parse_load(const std::string& text, Loads& loads) {
  const auto p = split(text, ':');
  if (p.empty()) return bad("--load", text, kLoadHelp);
  if (p[0] == "floor" && p.size() == 2) {
    const auto b = leg_body_named(p[1]);
    const int seg = body_index(b.value_or(BodyId::kPelvis)) - 2;
    if (!b || !(seg % kLegSegmentCount == 0 || seg % kLegSegmentCount == 1 || seg % kLegSegmentCount == 3))
      return bad("--load", text, "floor:BODY with BODY a leg segment such as femur_r, tibia_l, calcn_r");
    Contact c;  // the v1 "support": a push through the segment's centre of mass
    c.at.centre.body = *b;
    c.at.centre_of_mass = true;
    c.on = ContactSurface::kSupport;
    c.label = p[1] + " on support";
    loads.contacts.push_back(c);
    return Ok{};
  }
  if (p[0] == "brace" && p.size() == 2) {
    const auto d = parse_dof(p[1]);
    if (!d || coord_index(d->first) >= kMuscleCoordCount)
      return bad("--load", text, "brace:DOF with DOF hip_flexion, hip_adduction, hip_rotation, knee, ankle or subtalar, optional _r/_l");
    loads.braces.push_back({d->second.value_or(Side::kRight), d->first});
    return Ok{};
  }
  if ((p[0] == "band" && (p.size() == 5 || p.size() == 6)) || (p[0] == "cable" && p.size() == 5)) {
    const auto b = leg_body_named(p[1]);
    const auto at = to_vec3(p[2]);
    const auto anchor = to_vec3(p[3]);
    const auto k = parse_finite_number(p[4]);
    const auto rest = p.size() == 6 ? parse_finite_number(p[5]) : std::optional<double>(0.0);
    if (!b || !at || !anchor || !k || *k < 0.0 || !rest || *rest < 0.0) return bad("--load", text, kLoadHelp);
    if (p[0] == "band") loads.bands.push_back({{*b, *at}, *anchor, *k, *rest});
    else loads.cables.push_back({{*b, *at}, *anchor, *k});
    return Ok{};
  }
  return bad("--load", text, kLoadHelp);
}

Status parse_effort(const std::string& text, Loads& loads) {
  const char* expected =
      "DOF=PERCENT with DOF hip_flexion, hip_adduction, hip_rotation, knee, ankle or subtalar (optional _r/_l, default "
      "right) and PERCENT in -100..100 (+ toward + coordinate, e.g. hip_rotation=-60 = external rotation "
      "at 60%)";
  const auto eq = text.find('=');
  if (eq == std::string::npos) return bad("--effort", text, expected);
  const auto d = parse_dof(text.substr(0, eq));
  const auto pct = parse_finite_number(text.substr(eq + 1));
  if (!d || coord_index(d->first) >= kMuscleCoordCount || !pct || std::abs(*pct) > 100.0)
    return bad("--effort", text, expected);
  loads.efforts.push_back({d->second.value_or(Side::kRight), d->first, *pct / 100.0});
  return Ok{};
}

std::string number_text(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

nlohmann::json torques_json(const Torques& t) {
  nlohmann::json j;
  for (int c = 0; c < kMuscleCoordCount; ++c) j[std::string(coord_name(static_cast<LegCoord>(c)))] = t[c];
  return j;
}

}  // namespace

Command add_activations_command(CLI::App& app) {
  struct Opts {
    std::vector<std::string> pose;
    std::string posture = "standing";
    std::vector<std::string> loads;
    std::vector<std::string> efforts;
    double mass = 70.0;
    double height = 1.75;
    std::string side = "both";
    bool json = false;
    std::string drill, phase, drill_side = "right";
    std::optional<double> time_s;
    bool count_passive = false;  // accepted for scripts written before passive was the default
    bool no_passive = false;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* sub = app.add_subcommand(
      "activations", "Muscle activations, forces, lengths, stretch and moment arms for a pose and load");
  sub->add_option("--pose", o->pose, "DOF=DEG,... (hip_flexion, hip_adduction, hip_rotation, knee, ankle, "
                                     "subtalar, mtp; suffix _r/_l for one leg, none for both)");
  sub->add_option("--posture", o->posture,
                  "standing | seated | floor_sitting | kneeling | supine | prone | side_lying (on the left "
                  "side, right leg on top) | side_lying_on_right");
  sub->add_option("--load", o->loads, kLoadHelp);
  sub->add_option("--effort", o->efforts, "DOF=PERCENT isometric effort, e.g. hip_rotation=-60 (external rotation at 60%)");
  sub->add_option("--mass", o->mass, "Body mass, kg (default 70)");
  sub->add_option("--height", o->height, "Body height, m (default 1.75)");
  sub->add_option("--side", o->side, "left | right | both (default both): which legs to print");
  sub->add_option("--drill", o->drill, "Analyse a moment of a drill (id, name or file): its pose, posture and loads");
  sub->add_option("--time", o->time_s, "Seconds into the drill");
  sub->add_option("--phase", o->phase, "... or the middle of this phase");
  sub->add_option("--working-side", o->drill_side, "The drill's working side: left or right (default right)");
  sub->add_flag("--json", o->json, "Print JSON instead of text");
  auto* count = sub->add_flag("--count-passive", o->count_passive,
                              "Count the muscles' passive pull in the torque balance (the default; kept for older scripts)");
  sub->add_flag("--no-passive", o->no_passive,
                "Leave the muscles' passive pull out of the torque balance (shown only, as before it was counted)")
      ->excludes(count);
  auto run = [o]() -> int {
    auto fail = [](const Error& e) {
      std::fprintf(stderr, "error: %s\n", e.message.c_str());
      return 2;
    };
    BiomechInput in;
    if (!o->drill.empty()) {
      // The drill sets pose, posture and loads; --pose, --load and --effort add to them.
      auto side = parse_side(o->drill_side);
      if (!side) return fail(side.error());
      auto moment = resolve_drill_moment(o->drill, o->time_s, o->phase.empty() ? std::nullopt : std::optional(o->phase),
                                         side.value());
      if (!moment) return fail(moment.error());
      in.pose = moment->legs;
      in.loads = moment->loads;
      in.pelvis_offset = motion::pelvis_offset_of(moment->posture, moment->pelvis_world);
      in.upper = moment->upper;
      o->posture = std::string(posture_name(moment->posture));
    } else if (o->time_s || !o->phase.empty()) {
      return fail(make_error("activations --time/--phase: expected --drill NAME with them"));
    }
    // The same --pose grammar as render (app/cmd_drill_moment.h): leg joints, _r/_l or both legs.
    for (const std::string& p : o->pose) {
      auto values = parse_pose_assignments(p);
      if (!values) return fail(make_error("activations " + values.error().message));
      for (const auto& [ch, v] : values.value()) {
        const auto coord = motion::leg_coord_of(ch);
        if (!coord)
          return fail(make_error("activations --pose: '" + std::string(motion::channel_name(ch)) +
                                 "' is not a leg joint (expected hip_flexion, hip_adduction, hip_rotation, knee, ankle, "
                                 "subtalar or mtp, with _r or _l or for both legs)"));
        in.pose.leg(motion::side_of(ch))[*coord] = v;
      }
    }
    const auto posture = find_posture(o->posture);
    if (!posture)
      return fail(bad("--posture", o->posture,
                      "standing, seated, floor_sitting, kneeling, supine, prone, side_lying or side_lying_on_right"));
    in.posture = *posture;
    for (const std::string& l : o->loads)
      if (Status s = parse_load(l, in.loads); !s) return fail(s.error());
    for (const std::string& e : o->efforts)
      if (Status s = parse_effort(e, in.loads); !s) return fail(s.error());
    if (!std::isfinite(o->mass) || o->mass < kBodyMassMinKg || o->mass > kBodyMassMaxKg)
      return fail(bad("--mass", number_text(o->mass), "a body mass between 20 and 300 kg"));
    if (!std::isfinite(o->height) || o->height < kBodyHeightMinM || o->height > kBodyHeightMaxM)
      return fail(bad("--height", number_text(o->height), "a height between 1.0 and 2.5 m"));
    in.body.mass_kg = o->mass;
    in.body.height_m = o->height;
    std::vector<Side> sides;
    if (o->side == "both") sides = {Side::kRight, Side::kLeft};
    else if (o->side == "right") sides = {Side::kRight};
    else if (o->side == "left") sides = {Side::kLeft};
    else return fail(bad("--side", o->side, "left, right or both"));

    in.count_passive = !o->no_passive;
    auto result = std::make_unique<BiomechResult>();
    analyze_frame(in, *result);

    if (o->json) {
      nlohmann::json j;
      j["posture"] = std::string(posture_name(in.posture));
      j["mass_kg"] = in.body.mass_kg;
      j["height_m"] = in.body.height_m;
      j["units"] = {{"torque", "N m"}, {"force", "N"}, {"length", "m"}, {"moment_arm", "mm"},
                    {"signs", "+ flexion, + adduction, + internal rotation, + knee flexion, + ankle dorsiflexion, "
                              "+ subtalar inversion"}};
      for (Side s : sides) {
        const LegResult& r = (*result)[s];
        nlohmann::json leg;
        for (int c = 0; c < kLegCoordCount; ++c)
          leg["pose_deg"][std::string(coord_name(static_cast<LegCoord>(c)))] = rad_to_deg(in.pose.leg(s).q[c]);
        leg["torque"] = {{"gravity", torques_json(r.gravity_torque)},
                         {"external", torques_json(r.external_torque)},
                         {"contacts", torques_json(r.contact_torque)},
                         {"effort", torques_json(r.effort_torque)},
                         {"required", torques_json(r.required_torque)},
                         {"achieved", torques_json(r.achieved_torque)},
                         {"capacity_positive", torques_json(r.capacity_positive)},
                         {"capacity_negative", torques_json(r.capacity_negative)},
                         {in.count_passive ? "passive" : "passive_not_in_balance", torques_json(r.passive_torque)}};
        leg["feasible"] = r.feasible;
        leg["solver_converged"] = r.solver_converged;
        leg["saturated"] = nlohmann::json::array();
        leg["braced"] = nlohmann::json::array();
        for (int c = 0; c < kMuscleCoordCount; ++c) {
          if (r.saturated[c]) leg["saturated"].push_back(std::string(coord_name(static_cast<LegCoord>(c))));
          if (r.braced[c]) leg["braced"].push_back(std::string(coord_name(static_cast<LegCoord>(c))));
        }
        leg["muscles"] = nlohmann::json::array();
        for (int i = 0; i < kMuscleCount; ++i) {
          const MuscleState& m = r.muscle[i];
          nlohmann::json arms;
          for (int c = 0; c < kMuscleCoordCount; ++c)
            arms[std::string(coord_name(static_cast<LegCoord>(c)))] = 1000.0 * m.moment_arm_m[c];
          leg["muscles"].push_back({{"name", muscle_name(i, s)},
                                    {"label", std::string(muscle(i).label)},
                                    {"activation", m.activation},
                                    {"force_n", m.force_n},
                                    {"available_force_n", m.available_force_n},
                                    {"passive_force_n", m.passive_force_n},
                                    {"length_m", m.length_m},
                                    {"stretch_vs_anatomical", m.stretch_vs_anatomical},
                                    {"stretch_vs_optimal_plus_slack", m.stretch_vs_optimal},
                                    {"normalized_fibre_length", m.normalized_fibre_length},
                                    {"normalized_fibre_length_full", m.normalized_fibre_length_full},
                                    {"tendon_strain_full", m.tendon_strain_full},
                                    {"moment_arm_mm", arms}});
        }
        j[s == Side::kRight ? "right" : "left"] = leg;
      }
      j["contacts"] = nlohmann::json::array();
      for (int k = 0; k < result->contact_count; ++k) {
        const ContactResult& c = result->contact[k];
        const glm::dvec3 fw = c.force_world;
        j["contacts"].push_back({{"name", in.loads.contacts[static_cast<size_t>(k)].label},
                                 {"push_n", c.push_n},
                                 {"friction_n", c.friction_n},
                                 {"force_world_n", {fw.x, fw.y, fw.z}},
                                 {"in_solve", c.in_solve}});
      }
      if (result->whole_body) {
        const glm::dvec3 rf = result->residual_force_world, rm = result->residual_moment_world;
        j["balance"] = {{"whole_body", true},
                        {"body_weight_n", result->body_weight_n},
                        {"residual_force_world_n", {rf.x, rf.y, rf.z}},
                        {"residual_moment_world_nm", {rm.x, rm.y, rm.z}}};
      } else {
        j["balance"] = {{"whole_body", false}};
      }
      std::printf("%s\n", j.dump(2).c_str());
      return 0;
    }

    std::printf("posture %s, body %.1f kg %.2f m; signs: + flexion, + adduction, + internal rotation, + knee flexion, "
                "+ ankle dorsiflexion, + subtalar inversion\n",
                std::string(posture_name(in.posture)).c_str(), in.body.mass_kg, in.body.height_m);
    for (Side s : sides) {
      const LegResult& r = (*result)[s];
      const LegPose& q = in.pose.leg(s);
      std::printf("\n%s leg: hip flexion %.1f, adduction %.1f, rotation %.1f, knee %.1f, ankle %.1f, subtalar %.1f deg\n",
                  s == Side::kRight ? "RIGHT" : "LEFT", rad_to_deg(q[LegCoord::kHipFlexion]),
                  rad_to_deg(q[LegCoord::kHipAdduction]), rad_to_deg(q[LegCoord::kHipRotation]),
                  rad_to_deg(q[LegCoord::kKneeFlexion]), rad_to_deg(q[LegCoord::kAnkle]),
                  rad_to_deg(q[LegCoord::kSubtalar]));
      std::printf("  torque (N m)   %12s %12s %12s %12s %12s %12s\n", "hip_flexion", "hip_adduct", "hip_rotation", "knee",
                  "ankle", "subtalar");
      static_assert(kMuscleCoordCount == 6, "one column per muscle coordinate");
      auto row = [](const char* name, const Torques& t) {
        std::printf("  %-14s %12.2f %12.2f %12.2f %12.2f %12.2f %12.2f\n", name, t[0], t[1], t[2], t[3], t[4], t[5]);
      };
      row("gravity", r.gravity_torque);
      row("external", r.external_torque);
      row("contacts", r.contact_torque);
      row("effort", r.effort_torque);
      row("required", r.required_torque);
      row("muscles", r.achieved_torque);
      row("capacity +", r.capacity_positive);
      row("capacity -", r.capacity_negative);
      row(in.count_passive ? "passive" : "passive (info)", r.passive_torque);  // in the balance unless --no-passive
      std::string sat, braced;
      for (int c = 0; c < kMuscleCoordCount; ++c) {
        if (r.saturated[c]) sat += " " + std::string(coord_name(static_cast<LegCoord>(c)));
        if (r.braced[c]) braced += " " + std::string(coord_name(static_cast<LegCoord>(c)));
      }
      if (!braced.empty()) std::printf("  braced (held by a support):%s\n", braced.c_str());
      std::printf("  %s\n", r.feasible ? "feasible: the muscles meet every required torque"
                                       : ("INFEASIBLE: beyond the muscles; closest solution; saturated:" + sat).c_str());
      if (!r.solver_converged)
        std::printf("  NOT CONVERGED: the solver stopped at its iteration cap; the activations are its last point\n");
      // force_N: the active force (activation x available); passive_N: the relaxed muscle's pull;
      // lM/lo relaxed and fully active (compliant tendon, biomech/muscle_force.h).
      std::printf("  %-13s %6s %8s %9s %8s %7s %7s %6s %6s %7s %7s %7s %7s %7s %7s\n", "muscle", "act", "force_N",
                  "passive_N", "len_mm", "L/L0", "L/(lo+ls)", "lM/lo", "@full", "r_flex", "r_add", "r_rot", "r_knee",
                  "r_ankle", "r_subt");
      for (int i = 0; i < kMuscleCount; ++i) {
        const MuscleState& m = r.muscle[i];
        std::printf("  %-13s %6.3f %8.1f %9.1f %8.1f %7.3f %9.3f %6.2f %6.2f %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f\n",
                    muscle_name(i, s).c_str(), m.activation, m.force_n, m.passive_force_n, 1000.0 * m.length_m,
                    m.stretch_vs_anatomical, m.stretch_vs_optimal, m.normalized_fibre_length, m.normalized_fibre_length_full,
                    1000.0 * m.moment_arm_m[0], 1000.0 * m.moment_arm_m[1], 1000.0 * m.moment_arm_m[2],
                    1000.0 * m.moment_arm_m[3], 1000.0 * m.moment_arm_m[4], 1000.0 * m.moment_arm_m[5]);
      }
    }
    if (result->contact_count > 0) {
      std::printf("\ncontacts (force on the named part, N; world axes, y up)\n");
      std::printf("  %-28s %8s %9s %8s %8s %8s\n", "contact", "push_N", "friction", "Fx", "Fy", "Fz");
      for (int k = 0; k < result->contact_count; ++k) {
        const ContactResult& c = result->contact[k];
        std::printf("  %-28s %8.1f %9.1f %8.1f %8.1f %8.1f%s\n", in.loads.contacts[static_cast<size_t>(k)].label.c_str(),
                    c.push_n, c.friction_n, c.force_world.x, c.force_world.y, c.force_world.z,
                    c.in_solve ? "" : "  (places the body; no leg joint)");
      }
    }
    if (result->whole_body) {
      // What the contacts could not balance (frame_analysis.h: residual loads on the pelvis).
      const glm::dvec3 rf = result->residual_force_world, rm = result->residual_moment_world;
      glm::dvec3 sum{0.0};
      for (int k = 0; k < result->contact_count; ++k)
        if (in.loads.contacts[static_cast<size_t>(k)].on != ContactSurface::kBody) sum += result->contact[k].force_world;
      std::printf("\nwhole-body balance: body weight %.1f N; the floor and supports push %.1f N up (%.0f%%); "
                  "residual force %.1f N (%.1f%% of the weight), moment %.1f N m\n",
                  result->body_weight_n, sum.y, 100.0 * sum.y / result->body_weight_n, glm::length(rf),
                  100.0 * glm::length(rf) / result->body_weight_n, glm::length(rm));
    } else if (result->contact_count > 0) {
      std::printf("\nlegs-only balance: the pelvis is held by something not named (a version-1 drill or the command line's loads)\n");
    }
    return 0;
  };
  return Command{sub, run};
}

}  // namespace hiplab::app
