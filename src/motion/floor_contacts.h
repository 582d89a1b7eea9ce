// floor_contacts.h — representative contact points on the body, for putting a posed body on the
// floor (world y = 0) and for checking which parts rest on it.
//
// Each contact is a sphere: a bony landmark (a point fixed in a body frame) plus the soft tissue
// between it and the skin as a radius, so the skin's lowest point is centre.y - radius whatever the
// body's orientation. Landmarks are read off the Gait2392 bone meshes (shared/reference/opensim-
// gait2392/meshes/*.obj, each in its own body frame; e.g. the sacrum's most posterior vertex is at
// pelvis (-0.180, 0.003, 0), the ischial tuberosity's lowest at (-0.092, -0.121, 0.036), the greater
// trochanter's most lateral at femur (-0.014, -0.018, 0.062), the tibial tuberosity at tibia
// (0.039, -0.082, -0.007)). Soft-tissue radii are representative adult values: heel pad 18 mm
// (Prichasuk 1994, Foot Ankle Int 15:153: 18 +/- 2 mm), over the sacrum and the tibial crest
// 5-12 mm, over the trochanter 25 mm, under the ischia 20 mm (seated, compressed). Upper body (not in
// Gait2392): the segment lengths of the HipLab body model (torso->shoulder (-0.02, 0.395, +/-0.175),
// upper arm 0.29 m, forearm 0.255 m, head base (-0.005, 0.445, 0)), i.e. Winter 2009 proportions
// (upper arm 0.186 H, forearm 0.146 H) for H = 1.75 m.
//
// Units: metres, radians. Frames: pelvis frame (x anterior, y superior, z right) unless stated.
// Upper-body kinematics (matching anatomy/upper_body.h and the Gait2392 back joint order): torso at
// the back joint (-0.1007, 0.0815, 0) rotated Rz(-lumbar_flexion) Rx(lumbar_bending)
// Ry(lumbar_rotation); the head at the head base turned by the neck the same way, Rz(-neck_flexion)
// Rx(neck_bending) Ry(neck_rotation); right shoulder Rz(shoulder_flexion) Rx(-shoulder_abduction); elbow
// Rz(elbow_flexion); the left arm is the mirror image.
#pragma once
#include <cstdint>
#include <optional>
#include <array>
#include <span>
#include <string_view>

#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include "anatomy/joint_coordinates.h"
#include "anatomy/kinematics.h"
#include "anatomy/upper_body.h"
#include "biomech/loads.h"

namespace hiplab::motion {

enum class ContactPoint : std::uint8_t {
  kSacrum, kUpperBack, kHead,
  // right side; the left side follows in the same order
  kIschiumR, kIliacCrestR, kTrochanterR, kThighUpperR, kThighMidR, kThighLowerR, kKneeR, kKneeFrontR,
  kShinUpperR, kShinMidR, kShinLowerR, kAnkleR, kHeelR, kForefootR, kFootLateralR, kFootDorsumR,
  kToesR, kShoulderR, kElbowR, kHandR, kHeadSideR, kUpperArmR, kHipSideFrontR, kHipSideBackR,
  kIschiumL, kIliacCrestL, kTrochanterL, kThighUpperL, kThighMidL, kThighLowerL, kKneeL, kKneeFrontL,
  kShinUpperL, kShinMidL, kShinLowerL, kAnkleL, kHeelL, kForefootL, kFootLateralL, kFootDorsumL,
  kToesL, kShoulderL, kElbowL, kHandL, kHeadSideL, kUpperArmL, kHipSideFrontL, kHipSideBackL,
};
inline constexpr int kContactCentralCount = 3;
inline constexpr int kContactPerSide = 24;
inline constexpr int kContactCount = kContactCentralCount + 2 * kContactPerSide;
constexpr int contact_index(ContactPoint c) { return static_cast<int>(c); }

// "sacrum", "heel_r", "knee_lateral_l", ...
std::string_view contact_name(ContactPoint c);
std::optional<ContactPoint> find_contact(std::string_view name);
ContactPoint mirror_contact(ContactPoint c);

// Centre (pelvis frame, m) and radius (m) of every contact sphere for a pose.
struct ContactSpheres {
  std::array<glm::dvec3, kContactCount> centre{};
  std::array<double, kContactCount> radius{};
};
ContactSpheres contact_spheres(const anatomy::LegAngles& legs, const anatomy::UpperBodyPose& upper);
// The same from the legs' frames already computed (anatomy::forward_kinematics(legs)): what an
// arm's reach calls on every step while the legs stay as they are (motion/hand_reach.cpp).
ContactSpheres contact_spheres_from(const anatomy::BodyFrames& legs, const anatomy::UpperBodyPose& upper);
// Only the contacts `which` (indices, contact_index) of `out`, the same numbers contact_spheres_from
// gives them, computing only the frames they hang on (the others in `out` are left as they were):
// an arm's reach reads one or two contacts on each of its 160 or so steps a frame.
void contact_centres_from(const anatomy::BodyFrames& legs, const anatomy::UpperBodyPose& upper, std::span<const int> which,
                          ContactSpheres& out);

// The contact sphere as a site for the effort solve (biomech/loads.h): a leg landmark stays on its
// body (body-frame centre, so it follows the leg wherever the solve poses it); the others (pelvis,
// torso, head, arms) are placed in the pelvis frame for `upper` on body kPelvis (fixed).
biomech::ContactSite contact_site(ContactPoint c, const anatomy::UpperBodyPose& upper);

// Torso, head-base, humerus, forearm and hand frames in the pelvis frame (rotation, origin), for the
// kinematics stated above. index: 0 torso, 1 head, then per side (right, left) humerus, forearm, hand.
struct UpperFrames {
  std::array<glm::dmat3, 8> rotation{};
  std::array<glm::dvec3, 8> origin{};
};
UpperFrames upper_body_frames(const anatomy::UpperBodyPose& upper);

// Rotation of the pelvis offsets (drill_channels.h: tilt, obliquity, rotation) in the pelvis frame.
glm::dmat3 pelvis_offset_rotation(double tilt, double obliquity, double rotation);

// Height (world y, m) of the lowest skin point of each contact for a pelvis placed by `pelvis_world`.
std::array<double, kContactCount> contact_heights(const ContactSpheres& spheres, const glm::dmat4& pelvis_world);

// The translation that rests the body on the floor: the horizontal part of `shift_world` is kept,
// the height is chosen so that the lowest contact touches y = 0. `pelvis_rotation_world` is the full
// pelvis orientation (posture base times offsets).
glm::dvec3 grounded_translation(const ContactSpheres& spheres, const glm::dmat3& pelvis_rotation_world,
                                const glm::dvec3& shift_world);

}  // namespace hiplab::motion
