#include "motion/rom_limits.h"

#include <algorithm>
#include <array>

#include "core/units.h"

namespace hiplab::motion {
namespace {
constexpr std::string_view kAaos = "AAOS 1965";
constexpr std::string_view kAaosRm = "AAOS 1965 (limit); Roach & Miles 1991 (typical)";
constexpr std::string_view kPlaus = "plausibility bound (not a joint)";

RomLimit deg(double min, double max, double tmin, double tmax, std::string_view src) {
  return {deg_to_rad(min), deg_to_rad(max), deg_to_rad(tmin), deg_to_rad(tmax), src};
}

std::array<RomLimit, kChannelCount> make_table() {
  std::array<RomLimit, kChannelCount> t{};
  for (anatomy::Side s : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
    using anatomy::LegCoord;
    // Roach & Miles flexion 121 is clipped to the AAOS limit 120.
    t[channel_index(leg_channel(s, LegCoord::kHipFlexion))] = deg(-30, 120, -19, 120, kAaosRm);
    t[channel_index(leg_channel(s, LegCoord::kHipAdduction))] = deg(-45, 30, -42, 30, kAaosRm);
    t[channel_index(leg_channel(s, LegCoord::kHipRotation))] = deg(-45, 45, -32, 32, kAaosRm);
    t[channel_index(leg_channel(s, LegCoord::kKneeFlexion))] = deg(-5, 135, 0, 135, kAaos);
    t[channel_index(leg_channel(s, LegCoord::kAnkle))] = deg(-50, 20, -50, 20, kAaos);
    t[channel_index(leg_channel(s, LegCoord::kSubtalar))] = deg(-15, 35, -15, 35, kAaos);
    t[channel_index(leg_channel(s, LegCoord::kMtp))] = deg(-45, 70, -45, 70, kAaos);
  }
  t[channel_index(Channel::kLumbarFlexion)] = deg(-25, 80, -25, 80, kAaos);
  t[channel_index(Channel::kLumbarBending)] = deg(-35, 35, -35, 35, kAaos);
  t[channel_index(Channel::kLumbarRotation)] = deg(-45, 45, -45, 45, kAaos);
  // Cervical spine (AAOS 1965): flexion 45, extension 45, lateral bending 45, rotation 60 each way.
  t[channel_index(Channel::kNeckFlexion)] = deg(-45, 45, -45, 45, kAaos);
  t[channel_index(Channel::kNeckBending)] = deg(-45, 45, -45, 45, kAaos);
  t[channel_index(Channel::kNeckRotation)] = deg(-60, 60, -60, 60, kAaos);
  for (Channel c : {Channel::kShoulderFlexionR, Channel::kShoulderFlexionL})
    t[channel_index(c)] = deg(-60, 180, -60, 180, kAaos);
  // Below 0: the arm brought across the front of the body (a hand on the other thigh or the
  // floor in front when side-lying); AAOS 1965 gives 135 deg of horizontal flexion from 90 deg of
  // abduction, i.e. 45 deg past the sagittal plane, which bounds it here.
  for (Channel c : {Channel::kShoulderAbductionR, Channel::kShoulderAbductionL})
    t[channel_index(c)] = deg(-45, 180, -45, 180, kAaos);
  for (Channel c : {Channel::kElbowFlexionR, Channel::kElbowFlexionL})
    t[channel_index(c)] = deg(0, 150, 0, 150, kAaos);
  t[channel_index(Channel::kPelvisTilt)] = deg(-30, 30, -30, 30, kPlaus);
  t[channel_index(Channel::kPelvisObliquity)] = deg(-40, 40, -40, 40, kPlaus);
  t[channel_index(Channel::kPelvisRotation)] = deg(-45, 45, -45, 45, kPlaus);
  for (Channel c : {Channel::kPelvisX, Channel::kPelvisY, Channel::kPelvisZ})
    t[channel_index(c)] = {-0.5, 0.5, -0.5, 0.5, kPlaus};
  return t;
}
}  // namespace

const RomLimit& rom_limit(Channel c) {
  static const std::array<RomLimit, kChannelCount> table = make_table();
  return table[channel_index(c)];
}

double clamp_to_rom(Channel c, double value) {
  const RomLimit& l = rom_limit(c);
  return std::clamp(value, l.min, l.max);
}

}  // namespace hiplab::motion
