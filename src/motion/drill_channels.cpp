#include "motion/drill_channels.h"

namespace hiplab::motion {
namespace {
constexpr std::string_view kNames[kChannelCount] = {
    "hip_flexion_r", "hip_adduction_r", "hip_rotation_r", "knee_r", "ankle_r", "subtalar_r", "mtp_r",
    "hip_flexion_l", "hip_adduction_l", "hip_rotation_l", "knee_l", "ankle_l", "subtalar_l", "mtp_l",
    "lumbar_flexion", "lumbar_bending", "lumbar_rotation",
    "shoulder_flexion_r", "shoulder_abduction_r", "elbow_flexion_r",
    "shoulder_flexion_l", "shoulder_abduction_l", "elbow_flexion_l",
    "pelvis_tilt", "pelvis_obliquity", "pelvis_rotation", "pelvis_x", "pelvis_y", "pelvis_z",
    "neck_flexion", "neck_bending", "neck_rotation",
};
}  // namespace

std::string_view channel_name(Channel c) { return kNames[channel_index(c)]; }

bool channel_is_length(Channel c) {
  return c == Channel::kPelvisX || c == Channel::kPelvisY || c == Channel::kPelvisZ;
}

std::optional<anatomy::LegCoord> leg_coord_of(Channel c) {
  const int i = channel_index(c);
  if (i < 0 || i >= anatomy::kLegCoordCount * anatomy::kSideCount) return std::nullopt;
  return static_cast<anatomy::LegCoord>(i % anatomy::kLegCoordCount);
}

anatomy::Side side_of(Channel c) {
  const int i = channel_index(c);
  return i >= anatomy::kLegCoordCount && i < anatomy::kLegCoordCount * anatomy::kSideCount ? anatomy::Side::kLeft
                                                                                           : anatomy::Side::kRight;
}

std::optional<Channel> find_channel(std::string_view name) {
  if (name == "knee_flexion_r") return Channel::kKneeR;
  if (name == "knee_flexion_l") return Channel::kKneeL;
  for (int i = 0; i < kChannelCount; ++i)
    if (kNames[i] == name) return channel_at(i);
  return std::nullopt;
}

Channel mirror_channel(Channel c) {
  const int i = channel_index(c);
  if (i < anatomy::kLegCoordCount) return channel_at(i + anatomy::kLegCoordCount);
  if (i < 2 * anatomy::kLegCoordCount) return channel_at(i - anatomy::kLegCoordCount);
  switch (c) {
    case Channel::kShoulderFlexionR: return Channel::kShoulderFlexionL;
    case Channel::kShoulderAbductionR: return Channel::kShoulderAbductionL;
    case Channel::kElbowFlexionR: return Channel::kElbowFlexionL;
    case Channel::kShoulderFlexionL: return Channel::kShoulderFlexionR;
    case Channel::kShoulderAbductionL: return Channel::kShoulderAbductionR;
    case Channel::kElbowFlexionL: return Channel::kElbowFlexionR;
    default: return c;
  }
}

double mirror_sign(Channel c) {
  switch (c) {
    case Channel::kPelvisObliquity:
    case Channel::kPelvisRotation:
    case Channel::kPelvisZ:
    case Channel::kLumbarBending:
    case Channel::kLumbarRotation:
    case Channel::kNeckBending:
    case Channel::kNeckRotation: return -1.0;
    default: return 1.0;
  }
}

ChannelValues mirrored(const ChannelValues& values) {
  ChannelValues out;
  for (int i = 0; i < kChannelCount; ++i) {
    const Channel c = channel_at(i);
    out[mirror_channel(c)] = mirror_sign(c) * values[c];
  }
  return out;
}

anatomy::LegAngles leg_pose(const ChannelValues& values) {
  anatomy::LegAngles pose;
  for (anatomy::Side s : {anatomy::Side::kRight, anatomy::Side::kLeft})
    for (int k = 0; k < anatomy::kLegCoordCount; ++k) {
      const auto c = static_cast<anatomy::LegCoord>(k);
      pose.leg(s)[c] = values[leg_channel(s, c)];
    }
  return pose;
}

void set_leg_pose(ChannelValues& values, const anatomy::LegAngles& pose) {
  for (anatomy::Side s : {anatomy::Side::kRight, anatomy::Side::kLeft})
    for (int k = 0; k < anatomy::kLegCoordCount; ++k) {
      const auto c = static_cast<anatomy::LegCoord>(k);
      values[leg_channel(s, c)] = pose.leg(s)[c];
    }
}

anatomy::UpperBodyPose upper_body_pose(const ChannelValues& values) {
  anatomy::UpperBodyPose u;
  u.lumbar_flexion = values[Channel::kLumbarFlexion];
  u.lumbar_bending = values[Channel::kLumbarBending];
  u.lumbar_rotation = values[Channel::kLumbarRotation];
  u.neck_flexion = values[Channel::kNeckFlexion];
  u.neck_bending = values[Channel::kNeckBending];
  u.neck_rotation = values[Channel::kNeckRotation];
  auto& r = u.arms[anatomy::side_index(anatomy::Side::kRight)];
  r.shoulder_flexion = values[Channel::kShoulderFlexionR];
  r.shoulder_abduction = values[Channel::kShoulderAbductionR];
  r.elbow_flexion = values[Channel::kElbowFlexionR];
  auto& l = u.arms[anatomy::side_index(anatomy::Side::kLeft)];
  l.shoulder_flexion = values[Channel::kShoulderFlexionL];
  l.shoulder_abduction = values[Channel::kShoulderAbductionL];
  l.elbow_flexion = values[Channel::kElbowFlexionL];
  return u;
}

void set_upper_body_pose(ChannelValues& values, const anatomy::UpperBodyPose& u) {
  values[Channel::kLumbarFlexion] = u.lumbar_flexion;
  values[Channel::kLumbarBending] = u.lumbar_bending;
  values[Channel::kLumbarRotation] = u.lumbar_rotation;
  values[Channel::kNeckFlexion] = u.neck_flexion;
  values[Channel::kNeckBending] = u.neck_bending;
  values[Channel::kNeckRotation] = u.neck_rotation;
  const auto& r = u.arms[anatomy::side_index(anatomy::Side::kRight)];
  values[Channel::kShoulderFlexionR] = r.shoulder_flexion;
  values[Channel::kShoulderAbductionR] = r.shoulder_abduction;
  values[Channel::kElbowFlexionR] = r.elbow_flexion;
  const auto& l = u.arms[anatomy::side_index(anatomy::Side::kLeft)];
  values[Channel::kShoulderFlexionL] = l.shoulder_flexion;
  values[Channel::kShoulderAbductionL] = l.shoulder_abduction;
  values[Channel::kElbowFlexionL] = l.elbow_flexion;
}

}  // namespace hiplab::motion
