// muscle_volumes.h — packed muscle volumes (issue 11, section 3): the soft tissue of each leg,
// between the bones and a subcutaneous fat layer under the body surface, split among the 43
// muscles of that leg and meshed one closed surface per muscle (the belly in front of the iliac
// spines is left out: abdominal wall, not leg). Each vertex also gets its path
// coordinates (anatomy/path_curve.h) against the muscle's path at the bind pose, so the app can
// carry the volume along the posed path (scene/muscle_volume.h).
//
// Split: a multiplicatively weighted Voronoi diagram of the paths. A tissue sample goes to the
// muscle whose bind-pose path is nearest by d / R(s), R(s) being the muscle's section radius at that
// point of the path (belly radius from the PCSA, tapering into the tendons as the tubes do:
// scene/muscle_geometry.h; adductor magnus' three lines each with the whole muscle's PCSA, the three
// hamstrings from the ischium sharing theirs by fascicle over muscle length: muscle_volumes.cpp,
// split_scale), so each muscle's share of a section grows with its PCSA, provided
// d <= kReach R(s) + kReachMin; tissue out of every muscle's reach stays unassigned (fat and
// connective tissue). (An additive power weight, d^2 - (2.2 R)^2, let the biggest muscles take
// whole quadrants: vastus lateralis the back of the thigh, vastus medialis its front.) For the
// split only, the lines of the thigh muscles pass through where their bellies lie round the femur
// at mid-thigh (muscle_volumes.cpp, kMidThigh), and the vasti and adductor longus run along their
// fleshy attachments on the femur; the gluteal muscles take no tissue in front of the line from the anterior
// superior iliac spine to the front of the greater trochanter (the tensor fasciae latae's place). In the trunk — medial to the hip bone (the greater and lesser pelvis),
// above the iliac crests in front of the spine, and in front above the inguinal ligament — lie the
// viscera and the abdominal wall, not leg muscle: there a sample goes
// only to a muscle whose path runs within kCavityReach R(s) of it (kFossaReach for the iliacus, a fan that lines its fossa; psoas
// beside the spine, obturator internus and piriformis on the pelvic walls), so the iliopsoas keeps
// its own shape instead of filling the lower abdomen up to the abdominal wall. Each muscle's indicator is smoothed and meshed at its half level, the
// largest piece kept, Taubin-smoothed and simplified, and any vertex that leaves within
// VolumeSettings::bone_clearance_m of a bone moved back out along the bone's SDF. Deterministic (single thread, fixed order).
// Units: metres; meshes in model space (bind pose), paths in the pelvis frame of their side.
#pragma once
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "anatomy/muscle_data.h"
#include "bones.h"
#include "skeleton_layout.h"

namespace hiplab::modelgen {

struct VolumeSettings {
  float grid_m = 0.003f;     // sample spacing
  float fat_m = 0.001f;      // subcutaneous layer left free under the body surface (SDF); and a
                             // grid cell under the skin as drawn (build_muscle_volumes)
  float bone_gap_m = 0.0f;   // tissue starts this far off the bone surface
  float bone_clearance_m = 0.0005f;  // each meshed volume's vertices end at least this far off
                                     // the bones' SDFs (muscle_volumes.cpp, push_out_of_bones)
};

struct MuscleVolume {
  std::string name;                  // "glut_max1_r"
  int muscle = 0;                    // anatomy index
  anatomy::Side side = anatomy::Side::kRight;
  Mesh mesh;                         // model space, bind pose, closed
  std::vector<uint32_t> lod_idx;     // a lighter triangle list over the same vertices, for far views
  float lod_error = 0.0f;            // how far (m) its surface may stray from the full mesh
  std::vector<glm::vec4> path_coord; // per vertex: s, tangent, normal, binormal offsets (m)
  std::vector<glm::vec3> frame_normal;  // per vertex: unit normal in the path frame (t, n, b)
  glm::dvec3 hint{1, 0, 0};          // frame-start hint in the first path body's frame (this side)
  glm::dvec3 tangent{0, -1, 0};      // first path segment's direction at the bind pose, same frame
  double rest_length = 0.0;          // spline length at the bind pose, m
  std::vector<double> point_s;       // normalised arc length of each path point at the bind pose
};

struct VolumeReport {
  size_t tissue_samples = 0, assigned_samples = 0;
  std::vector<std::string> empty;  // muscles that claimed no tissue (drawn as tubes)
};

// `bones`: the right-side bones' SDFs with their body-frame origin in model space.
struct PlacedBone {
  std::string name;        // bone_specs() name ("hip_bone_r", "femur_r", ...)
  Sdf sdf;                 // body frame
  glm::vec3 origin;        // body origin in model space (bind pose: frames parallel)
  glm::vec3 lo, hi;        // model-space bounds of the bone mesh
};

// `skin`: the body surface as drawn at the bind pose (the skinned mesh turned back to it, closed,
// model space); tissue also lies a grid cell inside it, so no volume pokes through the skin the app
// draws where that is thinner than the skin's SDF (the buttock, the top of the thigh).
std::vector<MuscleVolume> build_muscle_volumes(const std::vector<SkeletonNode>& skel,
                                               const std::vector<PlacedBone>& right_bones, const Mesh& skin,
                                               const VolumeSettings& settings, VolumeReport* report = nullptr);

// Section radius profile used for the split: belly radius sqrt(PCSA / pi) (PCSA = F_max / 60 N/cm^2)
// and tendon shares (slack / (slack + fibre), 40% at the origin, 60% at the insertion), as the tubes.
double muscle_section_radius(int muscle, double s);

}  // namespace hiplab::modelgen
