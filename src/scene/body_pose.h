// body_pose.h — poses a loaded body model (nodes named after the Gait2392 bodies: pelvis, torso,
// femur_r, tibia_r, talus_r, calcn_r, toes_r, ..._l, plus patella_*, head, humerus_*, forearm_*,
// hand_*) from joint coordinates: the bridge between the pure anatomy layer and the runtime model.
//
// Units: metres, radians. World frame: y up. `pelvis_world` places the pelvis body frame in the
// world (rotation from biomech::pelvis_to_world plus tilt and translation); every leg body's world
// transform is pelvis_world * (its anatomy forward-kinematics frame); other nodes keep their bind
// offset from their parent, turned by the upper-body angles where they name a joint; the patellae
// ride their femur's trochlea and condyles by the knee's flexion (anatomy/patella.h).
// A model without these node names is left in its bind pose (any rig still renders).
#pragma once
#include <glm/glm.hpp>

#include "anatomy/joint_coordinates.h"
#include "anatomy/upper_body.h"
#include "assets/model.h"
#include "assets/node_transforms.h"

namespace hiplab {

struct BodyPoseInput {
  anatomy::LegAngles legs;                // hip, knee, ankle... of both legs
  anatomy::UpperBodyPose upper;      // lumbar, neck, shoulders, elbows
  glm::dmat4 pelvis_world{1.0};      // pelvis body frame → world
};

// True when the model has the Gait2392 body nodes (pelvis and both femurs at least).
bool is_body_model(const Model& model);

// Fills out.local / out.world (out must come from NodeTransforms::bind(model) or an earlier call),
// and out.morph_weights: the skin's arm-overhead corrective shapes (targets 'arm_overhead_r'/'_l')
// weighted by each shoulder's elevation (anatomy/upper_body.h), its hip-flexion ones
// ('hip_flexion_r'/'_l', 'hip_flexion_out_r'/'_l') by each hip's flexion and turn-out, the 90/90
// back-hip ones ('hip_back_r'/'_l') by each hip's abduction and internal rotation at low flexion,
// the crotch's with both hips flexed ('hip_flexion_pair') by both hips' flexion, the 90/90 hold's
// ('hip_ninety_r'/'_l', named for the back hip) by how far the hips are held as the 90/90's back
// and front hip, and the knee ones ('knee_flexion_r'/'_l') by each knee's flexion
// (anatomy/hip_corrective.h), every other target at its default.
void pose_body_model(const Model& model, const BodyPoseInput& input, NodeTransforms& out);

}  // namespace hiplab
