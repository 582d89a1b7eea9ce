// model.h — the app's runtime model: what every layer after the loader sees (Assimp stops at
// model_loader.cpp). Plain data, immutable after loading; poses are separate (see pose.h).
//
// Units: whatever the file uses, normally metres (glTF). Matrices are column-major glm, mapping a
// node's local space to its parent's. Invariants (checked by validate_model):
//   - nodes are ordered parents-first: nodes[i].parent < i, root(s) have parent -1;
//   - each vertex has at most kMaxWeightsPerVertex weights, summing to 1 (skinned meshes);
//   - a skinned mesh has joint_nodes.size() == inverse_bind.size() <= kMaxBonesPerMesh;
//   - indices form triangles and are < vertices.size(); all positions and weights are finite.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "assets/bone_field.h"

namespace hiplab {

constexpr int kMaxWeightsPerVertex = 4;
constexpr int kMaxBonesPerMesh = 256;  // one 16 KiB uniform block of mat4 (GL's guaranteed minimum)
// Textures a model may bring (issue 14): a side of at most this many pixels (the renderer also
// keeps to the GPU's own maximum), and at most this many bytes decoded (RGBA8) over all of them.
constexpr int kMaxTextureSide = 8192;
constexpr std::size_t kMaxTextureBytes = std::size_t{256} << 20;

struct ModelNode {
  std::string name;
  int parent = -1;
  glm::mat4 local_bind{1.0f};  // bind (rest) pose, local to parent
};

struct Vertex {
  glm::vec3 position{0.0f};
  glm::vec3 normal{0.0f, 1.0f, 0.0f};
  glm::vec2 uv{0.0f};
  glm::u16vec4 joints{0};   // indices into Mesh::joint_nodes
  glm::vec4 weights{0.0f};  // sum 1 for skinned meshes, all 0 for rigid ones
  float ao = 1.0f;          // baked ambient occlusion, 1 = open (assets/ambient_occlusion.h)
};

struct MorphTarget {
  std::string name;
  std::vector<glm::vec3> delta_positions;  // one per vertex
  std::vector<glm::vec3> delta_normals;    // one per vertex (may be zeros)
};

struct Material {
  std::string name;
  glm::vec4 base_color{0.8f, 0.8f, 0.8f, 1.0f};  // linear RGB + alpha
  int texture = -1;                              // index into Model::textures, or -1
  bool double_sided = false;
};

struct Texture {
  std::string name;
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // sRGB-encoded, row 0 at the top
};

// A lighter version of a mesh's triangles (same vertices) for when it is small on screen, with
// its geometric error: how far (mesh units) its surface may stray from the full mesh.
struct MeshLod {
  std::vector<std::uint32_t> indices;
  float error = 0.0f;
};

struct Mesh {
  std::string name;
  std::vector<Vertex> vertices;
  std::vector<std::uint32_t> indices;  // triangles
  int material = 0;
  int node = -1;  // the node the mesh hangs on (rigid meshes move with it)
  bool skinned = false;
  std::vector<int> joint_nodes;          // skinned: node index of each joint
  std::vector<glm::mat4> inverse_bind;   // skinned: mesh space -> joint space at bind
  std::vector<MorphTarget> morph_targets;
  std::vector<float> default_morph_weights;
  std::vector<MeshLod> lods;  // finer first, coarsest last; empty = the full mesh only (assets/model_lod.h)
};

// A muscle volume carried along its path (issue 11): every vertex as path coordinates against the
// muscle's path at the bind pose (anatomy/path_curve.h) — normalised arc length s, offsets along the
// path's tangent, normal and binormal (m) — and its unit normal in that frame. Read from the
// generated model's sidecar (assets/muscle_volumes.h); placed each frame by scene/muscle_volume.h.
struct MuscleVolume {
  std::string name;                     // "glut_max1_r"
  glm::dvec3 hint{1.0, 0.0, 0.0};       // frame-start hint, in the first path body's frame
  glm::dvec3 tangent{0.0, -1.0, 0.0};   // first path segment's direction at the bind pose, same frame
  double rest_length = 0.0;             // path spline length at the bind pose, m
  std::vector<double> rest_point_s;     // normalised arc length of each path point at the bind pose
  std::vector<glm::vec4> path_coord;    // per vertex (s, tangent, normal, binormal offset)
  std::vector<glm::vec3> frame_normal;  // per vertex
  std::vector<glm::vec3> bind_position; // per vertex, bind pose, pelvis frame of its side (m)
  // Per active path point at the bind pose: the placed curve's normal and tangent there, pelvis
  // frame of the side (anatomy/path_curve.h rest_point_normals; made at load, not stored). The
  // scene twists the posed frames so the normals turn with their points' bones. Empty: frames are
  // not twisted.
  std::vector<glm::vec3> rest_point_normal, rest_point_tangent;
  // Per active path point at the bind pose, its index among the muscle's points (MusclePath::spec;
  // made at load): a pose's points are matched to these (anatomy/path_curve.h match_rest_points).
  std::vector<std::int8_t> rest_point_spec;
  // Per vertex, the same bind-pose point and normal against the path's smoothed frames
  // (anatomy/path_curve.h smooth_station_frames; made at load, not stored): (s, tangent, normal,
  // binormal offset) with the same s as path_coord, and the normal as frame_normal. The scene
  // places the vertices far from their path on those frames (scene/muscle_volume.h). Empty: not.
  // smooth_level: the vertex's level (anatomy/path_curve.h volume_smooth_level; 0: on the path's
  // own frames, path_coord and frame_normal then used).
  std::vector<glm::vec4> smooth_coord;
  std::vector<glm::vec3> smooth_normal;
  std::vector<std::uint8_t> smooth_level;
  // Made at load with smooth_coord (not stored): the bind pose's curve at its stations (pelvis
  // frame of the side, PathCurve::kStations points) and each vertex's bind-pose normal (same
  // frame). The scene turns a hip muscle's sections as the soft tissue between pelvis and femur
  // turns, about these (scene/muscle_volume.h). Empty: not.
  std::vector<glm::vec3> rest_station;
  std::vector<glm::vec3> bind_normal;
  // The same bind-pose curve's station tangents and normals (binormal: their cross product), made
  // with rest_station: the scene carries a split muscle's part on its neighbours' station motion
  // from these (scene/muscle_volume.h blend_part_frames). Empty: not.
  std::vector<glm::vec3> rest_station_tangent, rest_station_normal;
  std::vector<std::uint32_t> indices;   // triangles, counter-clockwise from outside
  std::vector<std::uint32_t> lod_indices;  // far level over the same vertices (may be empty)
  float lod_error = 0.0f;                  // how far (m) the far level may stray from the full mesh
  // Enclosed volume (m^3) of the full mesh and of the far level at the bind pose (0: not known,
  // the placed volume is then not corrected): what scene/muscle_volume.h keeps at every pose.
  double rest_volume = 0.0, lod_rest_volume = 0.0;
  // Lighter levels made at load (assets/model_lod.h: build_lods), finer first, each about half the
  // triangles of the one before; vertices are ordered so each level uses only a prefix of them
  // (`vertex_count`), and only that prefix is placed each frame. Empty: the full mesh (and the far
  // level above) only.
  struct Level {
    std::vector<std::uint32_t> indices;
    float error = 0.0f;           // m, against the full mesh at the bind pose
    std::uint32_t vertex_count = 0;
    double rest_volume = 0.0;     // m^3 enclosed by this level at the bind pose
  };
  std::vector<Level> levels;
  // Made at load (assets/bone_field.h set_bone_fields; not stored): the bones this volume lies near
  // at the bind pose (indices into Model::bone_fields, at most 8) and per vertex a bit for each
  // (bit b: bone_fields[b]); the scene pushes those vertices out of those bones each frame
  // (scene/muscle_volume.h push_out_of_bones). Empty: not pushed.
  std::vector<std::int16_t> bone_fields;
  std::vector<std::uint8_t> bone_mask;
};

struct Aabb {
  glm::vec3 min{0.0f}, max{0.0f};
  glm::vec3 centre() const { return 0.5f * (min + max); }
  glm::vec3 size() const { return max - min; }
};

struct Model {
  std::string source;  // file it came from
  std::vector<ModelNode> nodes;
  std::vector<Mesh> meshes;
  std::vector<Material> materials;  // at least one
  std::vector<Texture> textures;
  std::vector<MuscleVolume> muscle_volumes;  // empty for models without the sidecar (tubes are drawn)
  std::vector<BoneField> bone_fields;        // made at load for a model with volumes (assets/bone_field.h)
  Aabb bind_bounds;      // of all meshes in bind pose, model space
  double load_ms = 0.0;  // wall time spent loading

  int find_node(const std::string& name) const;
  std::size_t triangle_count() const;
  std::size_t bone_count() const;  // distinct joint nodes over all meshes
};

}  // namespace hiplab
