// bones.h — the generated bones: morphometry as named parameters (with their literature sources)
// and one signed-distance function per bone, in its Gait2392 body frame (metres, x anterior,
// y superior, z right). Right side only; the left bones are exact mirror images (mirror_z).
// Shapes are built from the teaching landmarks: each landmark is a named part blended into its
// neighbours with a smooth minimum whose radius is a parameter, so no part ends as a knob.
// Positions of landmarks were MEASURED on the Gait2392 reference meshes (same frames) and on the
// BodyParts3D bones for shape; no reference vertex is used by the generator.
#pragma once
#include <vector>

#include "mesh.h"

namespace hiplab::modelgen {

struct Morphometry {
  // --- femur ---
  // Neck-shaft angle 127 deg: adult mean 126-129 deg (Gilligan et al. 2013, Clin Anat 26:356;
  // Boese et al. 2016, J Orthop Trauma).
  double femur_neck_shaft_deg = 127.0;
  // Anteversion 13 deg: adult mean ~13 deg (Yoshioka et al. 1987, Clin Orthop 218:136; Toogood et al.
  // 2009, Clin Orthop 467:876 (9.7 +/- 9.3 deg)).
  double femur_anteversion_deg = 12.0;
  // Head diameter 46 mm: adult mean 45-48 mm (Toogood 2009: 45.7 mm male+female; gait2392 mesh ~45 mm).
  double femur_head_diameter_m = 0.046;
  // Neck length head centre -> shaft axis ~ 50 mm (offset ~ 41 mm horizontally; Toogood 2009 offset 40 mm)
  double femur_neck_length_m = 0.052;
  double femur_length_m = 0.432;          // head top to condyles (gait2392 generic 0.41-0.43 m)
  double femur_shaft_radius_m = 0.0113;   // mid-shaft AP ~23 mm (Noble et al. 1988: 22-27 mm)
  double femur_shaft_ml_excess_m = 0.004; // ML exceeds AP by ~4 mm at mid-shaft (Noble 1988)
  double femur_condyle_width_m = 0.080;   // bicondylar width 75-85 mm (Mahfouz 2012)
  // --- pelvis ---
  double acetabulum_radius_m = 0.0255;    // socket radius ~ head radius + cartilage (Kohnlein 2009)
  double acetabular_anteversion_deg = 18; // ~17-20 deg (Murray 1993; Tannast 2007)
  double acetabular_inclination_deg = 50; // ~40-55 deg radiographic (Tannast 2007)
  double iliac_wing_thickness_m = 0.004;  // thin fossa, 2-5 mm (Schmidt-Hebbel 2018)
  double iliac_rim_thickness_m = 0.011;   // crest 10-15 mm thick
  // --- tibia ---
  double tibia_length_m = 0.39;
  double tibial_plateau_width_m = 0.076;  // 70-80 mm (Gandhi 2016)
  double blend_m = 0.006;                 // default fillet width between parts
};

enum class BoneId { HipBone, Sacrum, Femur, Patella, Tibia, Fibula, Talus, Foot, Toes };

struct BoneSpec {
  const char* name;           // mesh name for the right side, e.g. "femur_r" ("sacrum" is unpaired)
  const char* body;           // Gait2392 body the bone is drawn in (right side)
  BoneId id;
  bool paired;                // has a left mirror image
  const char* reference_obj;  // Gait2392 mesh to compare with, or nullptr
};
const std::vector<BoneSpec>& bone_specs();

Sdf bone_sdf(BoneId id, const Morphometry& m);
// Sample, mesh, smooth and simplify one bone (right side, its body frame).
Mesh build_bone(BoneId id, const Morphometry& m);

}  // namespace hiplab::modelgen
