#include "scene/body_scene.h"

#include <limits>
#include <span>
#include <array>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <cctype>
#include <future>
#include <system_error>
#include <thread>
#include <string>
#include <string_view>
#include <vector>

#include "anatomy/kinematics.h"
#include "anatomy/muscle_path.h"
#include "scene/model_scene.h"
#include "scene/muscle_geometry.h"
#include "scene/muscle_volume.h"
#include "anatomy/path_curve.h"

namespace hiplab {

namespace {
// Gait2392's muscles split into three paths whose packed parts lie side by side (their names end
// in 1..3: gluteus maximus superior, middle, inferior; gluteus medius and minimus anterior, middle,
// posterior; adductor magnus superior, middle, inferior, Delp et al. 1990), and how much of each
// neighbouring part's motion a part's frames take (scene/muscle_volume.h blend_part_frames; the
// middle part takes it from both sides; 0: the part is placed on its own path's frames).
constexpr std::array<std::string_view, 4> kSplitMuscles = {"glut_max", "glut_med", "glut_min", "add_mag"};
// Measured (Release, full mesh; tests/scene: as drawn and pushed out of bone in deep hip flexion,
// creases / triangle-samples past 0.2..3x; muscle_poke_through_test, all drills, inside another /
// out of the skin; the bone share test's worst muscle):
// - no blend: 12,820 / 15,152; 8,257,329 inside another.
// - 0.25 for every part (hglut3; 0.15 .. 0.5 all tried there, 0.25 the fewest): 11,621 / 14,078;
//   8,140,540, but five drills' out-of-the-skin rows up 0.1 .. 0.9%, and gluteus minimus 3 2.1% in
//   bone (ilium and femur close on it in the supine pails and rails; 1.4% without its blend).
// - per muscle (the five drills' figures, share 0 against 0.25): the superior/anterior and middle
//   parts taking their neighbours' motion go out of the skin (gluteus medius 2 +3,386, adductor
//   magnus 1 +3,227, gluteus maximus 2 +2,932, gluteus medius 1 +1,593, maximus 1 +845 on the right),
//   the inferior/posterior parts come in (gluteus medius 3 -4,803, maximus 3 -1,943, adductor magnus
//   3 -349); gluteus minimus' parts move the skin figure by < 150.
// - kept: 11,978 / 13,987; 8,195,677 inside another, 5,540,898 out of the skin (every drill's row
//   within); bone share 85 of 86 within 1%, worst 1.4%. Tried: maximus and medius 0.1 0.1 0.25,
//   minimus 0.25 0.25 0, adductor magnus 0 0 0.25: 12,244 / 14,785, 8,198,509; the same with minimus
//   3 at 0.25 2.1% in bone; adductor magnus 0 0.125 0.25 or 0 0.25 0.25 with maximus and medius at
//   0.1: figure-4's inside-another row 375,793 / 375,857 (its row 375,770); parts 1 and 2 at 0 for
//   all but minimus: 12,627 / 15,232.
constexpr std::array<std::array<float, 3>, kSplitMuscles.size()> kPartShare = {{
    {0.15f, 0.15f, 0.25f},  // glut_max
    {0.15f, 0.15f, 0.25f},  // glut_med
    {0.25f, 0.25f, 0.0f},   // glut_min
    {0.0f, 0.25f, 0.25f},   // add_mag
}};
// Part k (0..2) of kSplitMuscles[g]: its muscle index (-1: not in the model).
int split_part(std::size_t g, std::size_t k) {
  static const std::array<std::array<int, 3>, kSplitMuscles.size()> index = [] {
    std::array<std::array<int, 3>, kSplitMuscles.size()> out{};
    for (std::size_t i = 0; i < kSplitMuscles.size(); ++i)
      for (std::size_t j = 0; j < 3; ++j) out[i][j] = anatomy::find_muscle(std::string(kSplitMuscles[i]) + static_cast<char>('1' + j)).value_or(-1);
    return out;
  }();
  return index[g][k];
}

// Halfway along an evaluated path (by length), in the pelvis frame of its side.
glm::dvec3 path_midpoint(const anatomy::MusclePath& p) {
  double total = 0.0;
  for (int k = 1; k < p.count; ++k) total += glm::length(p.point[static_cast<std::size_t>(k)] - p.point[static_cast<std::size_t>(k) - 1]);
  double walked = 0.0;
  for (int k = 1; k < p.count; ++k) {
    const glm::dvec3 a = p.point[static_cast<std::size_t>(k) - 1], b = p.point[static_cast<std::size_t>(k)];
    const double len = glm::length(b - a);
    if (walked + len >= 0.5 * total && len > 0.0) return a + (b - a) * ((0.5 * total - walked) / len);
    walked += len;
  }
  return p.point[0];
}
}  // namespace

glm::vec3 muscle_midpoint(const BodyPoseInput& input, anatomy::Side side, int muscle) {
  const anatomy::LegPose& leg = input.legs.leg(side);
  anatomy::MusclePath p;
  anatomy::evaluate_muscle_path(muscle, leg, anatomy::leg_kinematics(leg), side, p);
  return glm::vec3(input.pelvis_world * glm::dvec4(path_midpoint(p), 1.0));
}

glm::dmat4 bind_pelvis_world(const Model& model) {
  const int pelvis = model.find_node("pelvis");
  if (pelvis < 0) return glm::dmat4(1.0);
  return glm::dmat4(NodeTransforms::bind(model).world[static_cast<std::size_t>(pelvis)]);
}

std::string bone_label(const std::string& mesh_name) {
  const anatomy::SidedName sided = anatomy::split_side_suffix(mesh_name);
  std::string base(sided.base);
  std::replace(base.begin(), base.end(), '_', ' ');
  if (!sided.side) return base;
  return base + (*sided.side == anatomy::Side::kRight ? " (R)" : " (L)");
}

namespace {

// The pelvis or a bone of a leg (femur_r, tibia_l ...; the kneecap only if `patella`).
bool is_pelvis_or_leg(const std::string& n, bool patella) {
  if (n == "pelvis") return true;
  for (const char* base : {"femur_", "tibia_", "talus_", "calcn_", "toes_", "patella_"}) {
    if (!patella && std::strcmp(base, "patella_") == 0) continue;
    if (n.size() == std::strlen(base) + 1 && n.rfind(base, 0) == 0) return true;
  }
  return false;
}

// MeshDraw::fade_joints of a skinned mesh: every joint but the pelvis and the legs' (the trunk, head
// and arms), among the first 32.
std::uint32_t upper_body_joints(const Model& model, const Mesh& mesh) {
  std::uint32_t bits = 0;
  for (std::size_t j = 0; j < mesh.joint_nodes.size() && j < 32; ++j) {
    const int node = mesh.joint_nodes[j];
    if (node >= 0 && node < static_cast<int>(model.nodes.size()) && !is_pelvis_or_leg(model.nodes[static_cast<std::size_t>(node)].name, true))
      bits |= 1u << j;
  }
  return bits;
}

// What the legend must not cover (DrawList::keep_clear): the pelvis and legs as posed, points every
// sixth of the way along each bone from its parent joint (pelvis -> femur -> tibia -> talus -> calcn
// -> toes).
void add_leg_keep_clear(const Model& model, const NodeTransforms& pose, DrawList& out) {
  auto is_leg = [&](int i) { return is_pelvis_or_leg(model.nodes[static_cast<std::size_t>(i)].name, false); };
  for (int i = 0; i < static_cast<int>(model.nodes.size()); ++i) {
    if (!is_leg(i)) continue;
    const glm::vec3 at(pose.world[static_cast<std::size_t>(i)][3]);
    out.keep_clear.push_back(at);
    int p = model.nodes[static_cast<std::size_t>(i)].parent;
    while (p >= 0 && !is_leg(p)) p = model.nodes[static_cast<std::size_t>(p)].parent;
    if (p < 0) continue;
    const glm::vec3 from(pose.world[static_cast<std::size_t>(p)][3]);
    for (int k = 1; k < 6; ++k) out.keep_clear.push_back(from + (at - from) * (static_cast<float>(k) / 6.0f));
  }
}

}  // namespace

void add_body_to_scene(const Model& model, ModelHandle handle, const BodyPoseInput& input,
                       const BodySceneOptions& options, NodeTransforms& pose, DrawList& out) {
  pose_body_model(model, input, pose);
  add_leg_keep_clear(model, pose, out);
  const std::size_t first_draw = out.meshes.size();
  ModelSceneOptions mo;
  mo.floor = options.floor;
  mo.transparent_background = options.transparent_background;
  mo.first_pick_id = kBonePickBase;
  add_model_to_scene(model, handle, pose, mo, out);
  // Skin: faint and translucent (or hidden); bones as authored.
  // The skin encloses everything, so it alone casts the contact shadow (drawn shadow-only when the
  // user hides it): a third of the vertex work of shadowing bones and muscles separately.
  bool has_skin = false;
  for (std::size_t i = first_draw; i < out.meshes.size(); ++i)
    has_skin |= model.meshes[static_cast<std::size_t>(out.meshes[i].mesh)].name.rfind("skin", 0) == 0;
  std::vector<MeshDraw> kept;
  for (std::size_t i = first_draw; i < out.meshes.size(); ++i) {
    MeshDraw d = out.meshes[i];
    const std::string& name = model.meshes[static_cast<std::size_t>(d.mesh)].name;
    const bool is_skin = name.rfind("skin", 0) == 0;
    d.cull_back = true;  // generated bones and skin are closed and wound outward
    if (is_skin) {
      d.tint = glm::vec4(0.85f, 0.6f, 0.48f, options.skin_alpha);  // a warm skin tone that reads on the slate
      d.use_tint_only = true;
      d.simple_shading = true;
      d.casts_shadow = true;
      d.pick_id = 0;
      d.shadow_only = !options.show_skin;
      d.outline_only = options.skin_outline;
      d.fade_joints = upper_body_joints(model, model.meshes[static_cast<std::size_t>(d.mesh)]);
    } else {
      d.casts_shadow = !has_skin;
      if (!options.show_bones) continue;
      if (!options.selected_bone.empty() && name == options.selected_bone) {
        d.tint *= glm::vec4(1.0f, 0.86f, 0.55f, 1.0f);  // warmer, golden: the selected bone
        const Mesh& mesh = model.meshes[static_cast<std::size_t>(d.mesh)];
        glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
        for (const Vertex& v : mesh.vertices) {
          const glm::vec3 p(d.node_world * glm::vec4(v.position, 1.0f));
          lo = glm::min(lo, p);
          hi = glm::max(hi, p);
        }
        if (!mesh.vertices.empty()) {
          // On the bone: the surface point nearest the middle of its box (a box's middle can lie
          // beside a long bone with a bump, as the femur's trochanter makes).
          const glm::vec3 mid = 0.5f * (lo + hi);
          glm::vec3 on = mid;
          float best = std::numeric_limits<float>::max();
          for (const Vertex& v : mesh.vertices) {
            const glm::vec3 p(d.node_world * glm::vec4(v.position, 1.0f));
            const float d2 = glm::dot(p - mid, p - mid);
            if (d2 < best) {
              best = d2;
              on = p;
            }
          }
          OverlayLabel label;
          label.anchor = on;
          label.text = bone_label(name);
          label.size_px = 20.0f;
          label.offset_px = {0.0f, 28.0f};
          out.overlay_labels.push_back(label);
        }
      }
    }
    kept.push_back(d);
  }
  out.meshes.resize(first_draw);
  out.meshes.insert(out.meshes.end(), kept.begin(), kept.end());

  if (!options.show_muscles || !is_body_model(model)) return;
  const int dyn = static_cast<int>(out.dynamic_meshes.size());
  // The generated body's packed volumes by side and muscle; muscles without one are drawn as tubes.
  std::array<std::array<const MuscleVolume*, anatomy::kMuscleCount>, anatomy::kSideCount> volume{};
  if (options.muscle_volumes)
    for (const MuscleVolume& v : model.muscle_volumes) {
      std::optional<anatomy::Side> vs;
      const auto vm = anatomy::find_muscle(v.name, &vs);
      if (vm && vs) volume[static_cast<std::size_t>(anatomy::side_index(*vs))][static_cast<std::size_t>(*vm)] = &v;
    }
  // One leg's muscles into its own mesh and draws: the two legs are placed at once, the left on a
  // second thread where the machine has one (most of the scene's time is placing the volumes'
  // vertices, ~3 ms a leg on a laptop core), then joined right then left, so the result is the
  // same vertex for vertex as one thread's.
  // The bones' placements in this pose, for pushing the volumes out of them (push_out_of_bones).
  std::vector<glm::mat4> bone_world(model.bone_fields.size()), world_to_bone(model.bone_fields.size());
  for (std::size_t b = 0; b < model.bone_fields.size(); ++b) {
    const auto node = static_cast<std::size_t>(model.bone_fields[b].node);
    bone_world[b] = node < pose.world.size() ? pose.world[node] : glm::mat4(1.0f);
    world_to_bone[b] = glm::inverse(bone_world[b]);
  }
  // A split muscle's parts placed on frames that share their neighbours' motion
  // (blend_part_frames): the parts' posed curves first, each part's frames from all of them.
  struct PartBuild {
    int muscle = -1;
    bool made = false;    // curve, attached and posed made
    bool placed = false;  // blended made (a share of its neighbours' motion)
    anatomy::PathCurve curve;
    AttachmentMotion attached;
    anatomy::StationFrames posed, blended;
  };
  struct SideBuild {
    DynamicMesh mesh;
    std::vector<MeshDraw> draws;
    anatomy::PathCurve curve;
    AttachmentMotion attached;
    std::array<glm::dvec3, anatomy::kMaxDrawnPoints> world{};
    std::array<PartBuild, kSplitMuscles.size() * 3> part;
  };
  auto build_side = [&](anatomy::Side side, SideBuild& s) {
    std::size_t nv = 0, ni = 0;
    for (const MuscleVolume* v : volume[static_cast<std::size_t>(anatomy::side_index(side))])
      if (v) nv += v->path_coord.size(), ni += v->indices.size();
    s.mesh.vertices.reserve(nv + 2048);  // and room for a few tubes
    s.mesh.indices.reserve(ni + 4096);
    const anatomy::LegPose& leg = input.legs.leg(side);
    const anatomy::LegKinematics kin = anatomy::leg_kinematics(leg);
    anatomy::LegMusclePaths paths;
    anatomy::evaluate_leg_muscle_paths(leg, kin, side, paths);
    auto drawn_world = [&](const anatomy::MusclePath& p) {
      for (int k = 0; k < p.drawn_count; ++k)
        s.world[static_cast<std::size_t>(k)] = glm::dvec3(input.pelvis_world * glm::dvec4(p.drawn[static_cast<std::size_t>(k)], 1.0));
      return std::span<const glm::dvec3>(s.world.data(), static_cast<std::size_t>(p.drawn_count));
    };
    // Drawn in this scene: not hidden, not peeled away (MuscleLook).
    auto drawn = [&](int m) {
      const MuscleLook& look = options.muscles[static_cast<std::size_t>(anatomy::side_index(side))][static_cast<std::size_t>(m)];
      return look.visible && look.colour.a > 0.0f;
    };
    for (std::size_t g = 0; g < kSplitMuscles.size(); ++g) {
      const std::span<PartBuild> part(s.part.data() + 3 * g, 3);
      bool all = true, any_drawn = false;
      for (std::size_t k = 0; k < 3; ++k) {
        part[k] = PartBuild{};
        part[k].muscle = split_part(g, k);
        all = all && part[k].muscle >= 0 && volume[static_cast<std::size_t>(anatomy::side_index(side))][static_cast<std::size_t>(part[k].muscle)];
        any_drawn = any_drawn || (part[k].muscle >= 0 && drawn(part[k].muscle));
      }
      // A muscle peeled or hidden whole (gluteus maximus with the outer layer peeled) is not posed:
      // its parts' frames serve only its own parts' drawing.
      if (!all || !any_drawn) continue;
      std::array<const MuscleVolume*, 3> pv{};
      for (std::size_t k = 0; k < 3; ++k) {
        const auto mu = static_cast<std::size_t>(part[k].muscle);
        pv[k] = volume[static_cast<std::size_t>(anatomy::side_index(side))][mu];
        posed_volume_curve(*pv[k], paths[mu], kin, side, input.pelvis_world, drawn_world(paths[mu]), part[k].curve, part[k].attached);
        volume_station_frames(part[k].curve, part[k].attached, part[k].posed);
        part[k].made = true;
      }
      for (std::size_t k = 0; k < 3; ++k) {
        std::array<PartFrames, 2> nb{};
        std::size_t count = 0;
        for (std::size_t j = 0; j < 3; ++j)
          if (j + 1 == k || k + 1 == j) nb[count++] = PartFrames{pv[j], &part[j].posed, kPartShare[g][k]};
        part[k].placed = kPartShare[g][k] > 0.0f && blend_part_frames(PartFrames{pv[k], &part[k].posed, 0.0f},
                                                                      std::span<const PartFrames>(nb.data(), count), part[k].blended);
      }
    }
    for (int m = 0; m < anatomy::kMuscleCount; ++m) {
      if (!drawn(m)) continue;
      const MuscleLook& look = options.muscles[static_cast<std::size_t>(anatomy::side_index(side))][static_cast<std::size_t>(m)];
      const anatomy::MusclePath& p = paths[static_cast<std::size_t>(m)];
      // The path as it runs, over the wraps' arcs (anatomy/muscle_path.h).
      const std::span<const glm::dvec3> points = drawn_world(p);
      const anatomy::MuscleSpec& spec = anatomy::muscle(m);
      MuscleTubeProfile profile =
          muscle_tube_profile(spec.max_isometric_force_n, spec.optimal_fiber_length_m, spec.tendon_slack_length_m);
      // Parts of one fan-shaped muscle (names ending in a part number) spread along the line from
      // the first part's middle to the last's.
      const std::string_view base = spec.name.substr(0, spec.name.size() - 1);
      if (!spec.name.empty() && spec.name.back() >= '1' && spec.name.back() <= '3') {
        const auto first = anatomy::find_muscle(std::string(base) + "1"), last = anatomy::find_muscle(std::string(base) + "3");
        if (first && last) {
          // From the paths already evaluated for this leg (pelvis frame of the side, turned to world).
          profile.fan_direction = glm::dmat3(input.pelvis_world) * (path_midpoint(paths[static_cast<std::size_t>(*last)]) -
                                                                   path_midpoint(paths[static_cast<std::size_t>(*first)]));
          profile.fan_aspect = 2.6;
        }
      }
      glm::ivec2 range;
      if (const MuscleVolume* v = volume[static_cast<std::size_t>(anatomy::side_index(side))][static_cast<std::size_t>(m)]) {
        const auto pb = std::find_if(s.part.begin(), s.part.end(), [&](const PartBuild& x) { return x.muscle == m && x.made; });
        const std::size_t first_vertex = s.mesh.vertices.size();
        if (pb != s.part.end()) {
          range = append_muscle_volume(*v, pb->curve, profile, pb->attached, s.mesh, options.muscle_px_per_m,
                                       pb->placed ? &pb->blended : nullptr);
        } else {
          posed_volume_curve(*v, p, kin, side, input.pelvis_world, points, s.curve, s.attached);
          range = append_muscle_volume(*v, s.curve, profile, s.attached, s.mesh, options.muscle_px_per_m);
        }
        push_out_of_bones(*v, model.bone_fields, bone_world, world_to_bone, s.mesh.vertices.data() + first_vertex,
                          s.mesh.vertices.size() - first_vertex,
                          std::span<const std::uint32_t>(s.mesh.indices.data() + range.x, static_cast<std::size_t>(range.y)),
                          static_cast<std::uint32_t>(first_vertex));
      } else {
        const glm::ivec2 detail = muscle_tube_detail(points, profile, options.muscle_px_per_m);
        range = append_muscle_tube(points, profile, s.mesh, detail.x, detail.y);
      }
      MeshDraw d;
      d.dynamic_mesh = dyn;
      d.first_index = range.x;
      d.index_count = range.y;
      d.tint = look.colour;
      d.use_tint_only = true;
      d.muscle_shading = true;
      d.show_through = look.show_through && look.colour.a >= 0.999f;
      d.pick_id = muscle_pick_id(side, m);
      d.cull_back = true;
      d.casts_shadow = false;  // inside the skin, which casts the body's shadow
      s.draws.push_back(d);
    }
  };
  SideBuild right, left;
  std::future<void> left_job;
  if (options.threads && std::thread::hardware_concurrency() > 1) {
    try {
      left_job = std::async(std::launch::async, [&] { build_side(anatomy::Side::kLeft, left); });
    } catch (const std::system_error&) {  // no thread to be had: the left leg after the right, here
    }
  }
  build_side(anatomy::Side::kRight, right);
  if (left_job.valid()) left_job.get();
  else build_side(anatomy::Side::kLeft, left);
  DynamicMesh mesh = std::move(right.mesh);
  std::vector<MeshDraw> muscle_draws = std::move(right.draws);
  const auto vertex_base = static_cast<std::uint32_t>(mesh.vertices.size());
  const auto index_base = static_cast<int>(mesh.indices.size());
  mesh.vertices.insert(mesh.vertices.end(), left.mesh.vertices.begin(), left.mesh.vertices.end());
  mesh.indices.reserve(mesh.indices.size() + left.mesh.indices.size());
  for (const std::uint32_t i : left.mesh.indices) mesh.indices.push_back(i + vertex_base);
  for (MeshDraw d : left.draws) {
    d.first_index += index_base;
    muscle_draws.push_back(d);
  }
  out.dynamic_meshes.push_back(std::move(mesh));
  if (options.selected) {
    const auto [side, m] = *options.selected;
    if (m >= 0 && m < anatomy::kMuscleCount) {
      OverlayLabel label;
      label.anchor = muscle_midpoint(input, side, m);
      label.text = named_muscle_text(side, m, options.display_names.get());
      label.size_px = 20.0f;
      label.offset_px = {0.0f, 28.0f};
      out.overlay_labels.push_back(label);
    }
  }
  // Named muscles: a label out from the body along the line from the pelvis to the muscle, joined
  // to the muscle's middle by a line in its colour.
  const glm::vec3 centre(input.pelvis_world[3]);
  for (const auto& [side, m] : options.named) {
    if (m < 0 || m >= anatomy::kMuscleCount) continue;
    const MuscleLook& look = options.muscles[static_cast<std::size_t>(anatomy::side_index(side))][static_cast<std::size_t>(m)];
    if (!look.visible) continue;
    OverlayLabel label;
    label.anchor = muscle_midpoint(input, side, m);
    label.text = named_muscle_text(side, m, options.display_names.get());
    label.size_px = 18.0f;
    label.leader = true;
    label.away = label.anchor - centre;
    label.leader_color = glm::vec4(glm::vec3(look.colour), 1.0f);
    out.overlay_labels.push_back(label);
  }
  out.meshes.insert(out.meshes.end(), muscle_draws.begin(), muscle_draws.end());
}

std::string named_muscle_text(anatomy::Side side, int muscle, const MuscleDisplayNames* names) {
  std::string label = names && !(*names)[static_cast<std::size_t>(muscle)].empty() ? (*names)[static_cast<std::size_t>(muscle)]
                                                                                    : std::string(anatomy::muscle(muscle).label);
  if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label + (side == anatomy::Side::kRight ? " (R)" : " (L)");
}

}  // namespace hiplab
