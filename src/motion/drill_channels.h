// drill_channels.h — the named, animatable channels of a drill pose: every joint coordinate of
// both legs, the simplified upper body, and the pelvis placement offsets. A keyframe sets some of
// them; a ChannelValues holds all of them. A drill file that names none of a channel (an older file
// without the neck channels) leaves it at 0 throughout: every channel is optional.
//
// Units: radians for angles, metres for the pelvis translation. Signs of the leg channels: those of
// anatomy/joint_coordinates.h (+ flexion, + adduction, + internal rotation, + knee flexion, for both
// legs); upper body: anatomy/upper_body.h. Pelvis offsets (applied to the posture's base placement,
// see pelvis_placement.h), signs stated once here:
//   pelvis_tilt      + anterior tilt (ASIS forward and down): rotation by -angle about pelvis z
//   pelvis_obliquity + the RIGHT iliac crest drops: rotation by +angle about pelvis x
//   pelvis_rotation  + the front of the pelvis turns to the LEFT: rotation by +angle about pelvis y
//   pelvis_x/y/z     shift along the posture's base pelvis axes (x anterior, y superior, z right), m
// File names: the channel name plus "_deg" (angles) or "_m" (translations), e.g. "hip_rotation_r_deg".
// Mirroring (the same drill on the other side): _r and _l channels swap; pelvis_obliquity,
// pelvis_rotation, pelvis_z, lumbar_bending, lumbar_rotation, neck_bending and neck_rotation change sign (rotations about x and y
// and translations along z flip under z -> -z); everything else is unchanged.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "anatomy/joint_coordinates.h"
#include "anatomy/skeleton.h"
#include "anatomy/upper_body.h"

namespace hiplab::motion {

enum class Channel : std::uint8_t {
  // right leg (anatomy::LegCoord order), then left leg
  kHipFlexionR, kHipAdductionR, kHipRotationR, kKneeR, kAnkleR, kSubtalarR, kMtpR,
  kHipFlexionL, kHipAdductionL, kHipRotationL, kKneeL, kAnkleL, kSubtalarL, kMtpL,
  kLumbarFlexion, kLumbarBending, kLumbarRotation,
  kShoulderFlexionR, kShoulderAbductionR, kElbowFlexionR,
  kShoulderFlexionL, kShoulderAbductionL, kElbowFlexionL,
  kPelvisTilt, kPelvisObliquity, kPelvisRotation, kPelvisX, kPelvisY, kPelvisZ,
  // Added after the pelvis (not beside the lumbar channels) so that every older channel keeps its
  // index.
  kNeckFlexion, kNeckBending, kNeckRotation,
};
inline constexpr int kChannelCount = 32;
constexpr int channel_index(Channel c) { return static_cast<int>(c); }
constexpr Channel channel_at(int i) { return static_cast<Channel>(i); }

// Channel of one leg coordinate on one side.
constexpr Channel leg_channel(anatomy::Side side, anatomy::LegCoord c) {
  return channel_at(anatomy::kLegCoordCount * anatomy::side_index(side) + anatomy::coord_index(c));
}

// "hip_rotation_r", "knee_l", "lumbar_flexion", "pelvis_x", ...
std::string_view channel_name(Channel c);
// True for pelvis_x/y/z (metres; files use "_m"), false for angles (radians; files use "_deg").
bool channel_is_length(Channel c);
// Accepts channel_name() values and "knee_flexion_r"/"knee_flexion_l".
std::optional<Channel> find_channel(std::string_view name);
// The leg joint coordinate a channel drives (either side), or none for the pelvis, trunk and arms.
std::optional<anatomy::LegCoord> leg_coord_of(Channel c);
// The side of a leg channel (right for any other channel).
anatomy::Side side_of(Channel c);
// The channel that plays this one's part on the other side, and the sign its value takes there.
Channel mirror_channel(Channel c);
double mirror_sign(Channel c);

struct ChannelValues {
  std::array<double, kChannelCount> v{};
  double& operator[](Channel c) { return v[channel_index(c)]; }
  double operator[](Channel c) const { return v[channel_index(c)]; }
};

ChannelValues mirrored(const ChannelValues& values);

// The joint-angle parts of a ChannelValues.
anatomy::LegAngles leg_pose(const ChannelValues& values);
anatomy::UpperBodyPose upper_body_pose(const ChannelValues& values);
// Writes an UpperBodyPose into the lumbar, neck, shoulder and elbow channels.
void set_upper_body_pose(ChannelValues& values, const anatomy::UpperBodyPose& pose);
// Writes a LegAngles's leg coordinates into the leg channels (the others are left as they are).
void set_leg_pose(ChannelValues& values, const anatomy::LegAngles& pose);

}  // namespace hiplab::motion
