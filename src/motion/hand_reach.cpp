#include "motion/hand_reach.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

#include <glm/glm.hpp>

#include "motion/rom_limits.h"

namespace hiplab::motion {
namespace {

// The landmarks an arm carries (floor_contacts.h): its upper arm, its elbow and its hand.
bool is_hand(ContactPoint p) {
  return p == ContactPoint::kHandR || p == ContactPoint::kHandL || p == ContactPoint::kElbowR || p == ContactPoint::kElbowL ||
         p == ContactPoint::kUpperArmR || p == ContactPoint::kUpperArmL;
}
anatomy::Side hand_side(ContactPoint p) {
  return p == ContactPoint::kHandR || p == ContactPoint::kElbowR || p == ContactPoint::kUpperArmR ? anatomy::Side::kRight
                                                                                                   : anatomy::Side::kLeft;
}

std::array<double, 3> angles(const anatomy::ArmPose& a) { return {a.shoulder_flexion, a.shoulder_abduction, a.elbow_flexion}; }
anatomy::ArmPose arm_of(const std::array<double, 3>& p) { return {p[0], p[1], p[2]}; }

}  // namespace

std::optional<double> contact_gap(const DrillContact& c, const ContactSpheres& s, const glm::dmat4& pelvis_world) {
  if (!c.at) return std::nullopt;
  const int a = contact_index(*c.at);
  switch (c.on) {
    case biomech::ContactSurface::kFloor: return (pelvis_world * glm::dvec4(s.centre[a], 1.0)).y - s.radius[a];
    case biomech::ContactSurface::kBody: {
      const int b = contact_index(c.other);
      return glm::length(s.centre[a] - s.centre[b]) - s.radius[a] - s.radius[b];
    }
    case biomech::ContactSurface::kSupport: break;
  }
  return std::nullopt;
}

std::optional<anatomy::Side> reaching_hand(const DrillContact& c) {
  if (c.at && is_hand(*c.at)) return hand_side(*c.at);
  if (c.at && c.on == biomech::ContactSurface::kBody && is_hand(c.other)) return hand_side(c.other);
  return std::nullopt;
}

namespace {

// The arm of `hand` changed as little as possible from upper.arms[hand] so that `residual` (up to
// three numbers, metres, that the arm's pose sets) is zero: damped least squares, see the header.
template <class Residual>
anatomy::ArmPose solve_arm(anatomy::Side hand, const anatomy::UpperBodyPose& upper, std::size_t n, Residual residual) {
  const std::size_t h = static_cast<std::size_t>(anatomy::side_index(hand));
  const bool right = hand == anatomy::Side::kRight;
  const std::array<Channel, 3> ch = right ? std::array{Channel::kShoulderFlexionR, Channel::kShoulderAbductionR, Channel::kElbowFlexionR}
                                          : std::array{Channel::kShoulderFlexionL, Channel::kShoulderAbductionL, Channel::kElbowFlexionL};
  anatomy::UpperBodyPose u = upper;
  auto gaps = [&](const std::array<double, 3>& p) {
    u.arms[h] = arm_of(p);
    return residual(u);
  };
  std::array<double, 3> p = angles(upper.arms[h]);
  constexpr double kStep = 1e-5;     // rad, for the numerical derivative
  constexpr double kDamping = 0.02;  // m: keeps steps small where the arm is nearly stretched out
  for (int it = 0; it < 40 && n > 0; ++it) {
    const glm::dvec3 g = gaps(p);
    if (glm::length(g) < 1e-4) break;
    glm::dmat3 j(0.0);  // j[k][i] = d gap_i / d angle_k (column k)
    for (int k = 0; k < 3; ++k) {
      std::array<double, 3> q = p;
      q[static_cast<std::size_t>(k)] += kStep;
      j[k] = (gaps(q) - g) / kStep;
    }
    // The smallest change that closes the gaps: dp = -J^T (J J^T + lambda^2 I)^-1 g (unused rows are
    // zero; their identity keeps the matrix invertible).
    glm::dmat3 jjt = j * glm::transpose(j) + kDamping * kDamping * glm::dmat3(1.0);
    for (std::size_t i = n; i < 3; ++i) jjt[static_cast<int>(i)][static_cast<int>(i)] = 1.0;
    const glm::dvec3 dp = -(glm::transpose(j) * (glm::inverse(jjt) * g));
    for (int k = 0; k < 3; ++k) {
      const RomLimit& lim = rom_limit(ch[static_cast<std::size_t>(k)]);
      p[static_cast<std::size_t>(k)] = std::clamp(p[static_cast<std::size_t>(k)] + dp[k], lim.min, lim.max);
    }
  }
  return arm_of(p);
}

}  // namespace

anatomy::ArmPose reach(std::span<const DrillContact> contacts, anatomy::Side hand, const anatomy::LegAngles& legs,
                       const anatomy::UpperBodyPose& upper, const glm::dmat4& pelvis_world) {
  const std::size_t n = std::min<std::size_t>(contacts.size(), 3);
  const anatomy::BodyFrames leg_frames = anatomy::forward_kinematics(legs);  // the legs stay: once, not each step
  // Only the contacts the gaps read are placed each step (contact_centres_from: the same numbers).
  std::array<int, 6> which{};
  std::size_t n_which = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!contacts[i].at) continue;
    which[n_which++] = contact_index(*contacts[i].at);
    if (contacts[i].on == biomech::ContactSurface::kBody) which[n_which++] = contact_index(contacts[i].other);
  }
  ContactSpheres s;
  return solve_arm(hand, upper, n, [&](const anatomy::UpperBodyPose& u) {
    contact_centres_from(leg_frames, u, std::span<const int>(which.data(), n_which), s);
    glm::dvec3 g(0.0);
    for (std::size_t i = 0; i < n; ++i) g[static_cast<int>(i)] = contact_gap(contacts[i], s, pelvis_world).value_or(0.0);
    return g;
  });
}

double grip_gap(const Grip& grip, const ContactSpheres& spheres) {
  const ContactPoint hand = grip.hand == anatomy::Side::kRight ? ContactPoint::kHandR : ContactPoint::kHandL;
  return glm::length(spheres.centre[static_cast<std::size_t>(contact_index(hand))] - grip.at);
}

anatomy::ArmPose reach_grip(const Grip& grip, const anatomy::LegAngles& legs, const anatomy::UpperBodyPose& upper) {
  const ContactPoint hand = grip.hand == anatomy::Side::kRight ? ContactPoint::kHandR : ContactPoint::kHandL;
  const anatomy::BodyFrames leg_frames = anatomy::forward_kinematics(legs);
  const int which[] = {contact_index(hand)};
  ContactSpheres s;
  return solve_arm(grip.hand, upper, 3, [&](const anatomy::UpperBodyPose& u) {
    contact_centres_from(leg_frames, u, which, s);
    return s.centre[static_cast<std::size_t>(contact_index(hand))] - grip.at;
  });
}

}  // namespace hiplab::motion
