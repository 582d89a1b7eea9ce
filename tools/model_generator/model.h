// model.h — assembles the HipLab body model (issue 3) and writes it as binary glTF 2.0.
// Content: skeleton nodes in Gait2392 body frames (pelvis root placed so the feet stand on y = 0,
// then torso/head/arms and both legs), generated bones as node meshes named after the bone
// ("femur_r", "hip_bone_l", "sacrum", ...) under nodes "bone.<name>" parented to their body, muscle
// path points as empty nodes "muscle.<muscle>_<side>.p<i>" parented to their body, and one skinned
// translucent body surface mesh "skin" (material "skin") at the scene root; and the packed muscle
// volumes (muscle_volumes.h) as a sidecar the app reads itself (Assimp drops custom attributes):
// root extras "hiplab_muscle_volumes" = {version 2, vertex_view, index_view, muscles: [{name, hint, tangent, point_s,
// rest_length, first_vertex, vertex_count, first_index, index_count, lod_first_index, lod_index_count,
// lod_error}]} (the far level: fewer triangles over the same vertices, its error in m); the vertex view holds 10
// float32 per vertex (s, tangent, normal, binormal offsets; the unit normal in the path frame;
// the bind position in the pelvis frame of the side), the index view uint32 triangles local to each muscle's vertices.
// Deterministic: same bytes on every run (see detmath.h).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "anatomy/muscle_data.h"
#include "bones.h"
#include "muscle_volumes.h"

namespace hiplab::modelgen {

struct ModelReport {
  struct BoneInfo {
    std::string name;
    size_t triangles;
    Topology topo;
  };
  std::vector<BoneInfo> bones;
  size_t total_triangles = 0;
  size_t skin_triangles = 0;
  size_t muscle_nodes = 0;
  size_t muscle_volume_triangles = 0;
  VolumeReport volumes;
  // How far (m) the posed bones of each knee (right, left) reach into the skin's kneecap cover at
  // the knee-front shape's key pose (skin_bone_cover.h): without the shape and with it.
  std::array<double, 2> knee_front_shortfall_without{}, knee_front_shortfall_with{};
};

struct BuiltModel {
  std::vector<uint8_t> glb;
  ModelReport report;
  std::vector<std::pair<std::string, Mesh>> bone_meshes;  // body-frame meshes, both sides
  Mesh skin;                                // model space, bind pose
  std::vector<MuscleVolume> muscle_volumes;  // both sides, model space, bind pose
};

BuiltModel build_model(const Morphometry& morph, const VolumeSettings& volumes = {});

// Height of the pelvis origin above the floor in the bind pose (feet flat on y = 0), m.
double standing_pelvis_height();

// The skeleton node a muscle path point of `body` hangs from: "pelvis", "femur_r", "tibia_l",
// "calcn_r", "toes_l" (side_suffix "_r" or "_l"; the pelvis is shared).
std::string path_body_node(anatomy::PathBody body, std::string_view side_suffix);

// The skeleton node names in glTF node order (also the skin's joints).
std::vector<std::string> skeleton_node_names();

}  // namespace hiplab::modelgen
