#include "motion/floor_contacts.h"

#include <algorithm>
#include <limits>
#include <string>

#include "anatomy/kinematics.h"
#include "anatomy/skeleton.h"

namespace hiplab::motion {
namespace {
using anatomy::BodyId;
using anatomy::LegSegment;
using anatomy::Side;
using glm::dvec3;

// Where a contact sphere is carried.
enum class Carrier : std::uint8_t { kPelvis, kTorso, kHead, kFemur, kTibia, kCalcn, kToes, kHumerus, kForearm, kHand };

struct ContactDef {
  std::string_view name;  // without the side suffix
  Carrier carrier;
  dvec3 local;            // right-side body frame, m
  double radius;          // m
};

// Central contacts (pelvis, torso, head). Numbers: see the header (Gait2392 meshes; HipLab body skin).
constexpr ContactDef kCentral[kContactCentralCount] = {
    {"sacrum", Carrier::kPelvis, {-0.150, 0.000, 0.0}, 0.020},  // skin over the sacrum at x ~ -0.17
    {"upper_back", Carrier::kTorso, {-0.060, 0.330, 0.0}, 0.020},
    {"head", Carrier::kHead, {0.015, 0.130, 0.0}, 0.100},
};
// One side (right-side frames; the left uses the mirrored point).
constexpr ContactDef kSide[kContactPerSide] = {
    {"ischium", Carrier::kPelvis, {-0.092, -0.121, 0.036}, 0.020},
    {"iliac_crest", Carrier::kPelvis, {-0.018, 0.019, 0.133}, 0.025},
    {"trochanter", Carrier::kFemur, {-0.014, -0.018, 0.062}, 0.030},
    {"thigh_upper", Carrier::kFemur, {0.0, -0.120, 0.0}, 0.075},
    {"thigh_mid", Carrier::kFemur, {0.0, -0.250, 0.0}, 0.060},
    {"thigh_lower", Carrier::kFemur, {0.0, -0.350, 0.0}, 0.052},
    {"knee", Carrier::kTibia, {0.0, 0.0, 0.0}, 0.052},
    // The front of the knee: the patella at extension (HipLab's body node before it rode the femur,
    // anatomy/patella.h); kneeling, the patellar tendon and tibial tuberosity in front of the tibia.
    {"knee_front", Carrier::kTibia, {0.049, 0.018, 0.0}, 0.020},
    {"shin_upper", Carrier::kTibia, {-0.010, -0.100, 0.0}, 0.055},
    {"shin_mid", Carrier::kTibia, {-0.010, -0.220, 0.0}, 0.048},
    {"shin_lower", Carrier::kTibia, {-0.005, -0.340, 0.0}, 0.038},
    {"ankle", Carrier::kTibia, {0.0, -0.430, 0.0}, 0.035},
    {"heel", Carrier::kCalcn, {-0.005, 0.012, 0.0}, 0.022},       // heel pad 18 mm + bone
    {"forefoot", Carrier::kCalcn, {0.165, 0.005, 0.0}, 0.020},      // metatarsal heads (foot.obj to x 0.184)
    {"foot_lateral", Carrier::kCalcn, {0.120, 0.010, 0.035}, 0.012},
    {"foot_dorsum", Carrier::kCalcn, {0.080, 0.040, 0.0}, 0.018},
    {"toes", Carrier::kToes, {0.068, -0.003, -0.012}, 0.014},     // big-toe tip (bofoot.obj (0.077, -0.003, -0.016))
    {"shoulder", Carrier::kHumerus, {0.0, 0.0, 0.020}, 0.050},
    {"elbow", Carrier::kForearm, {0.0, 0.0, 0.0}, 0.040},
    {"hand", Carrier::kHand, {0.0, -0.130, 0.0}, 0.045},  // palm and fingers (the hand has no wrist joint: it lies in line with the forearm)
    // The side of the head over the ear, what rests on a hand or an arm when lying on the side: the
    // body skin's skull is an ellipsoid 0.10 x 0.12 x 0.08 m (semi-axes: front-back, up, across)
    // centred 0.11 m above the head base (tools/model_generator/body_skin.cpp), so a 4.5 cm sphere
    // 3.5 cm from the midline reaches its side at 0.08 m. (The "head" sphere, 10 cm round, is for
    // lying on the back: across it would reach 2 cm past the skin.)
    {"head_side", Carrier::kHead, {0.015, 0.110, 0.035}, 0.045},
    // The upper arm halfway to the elbow, what the head rests on when the bottom arm lies overhead
    // (side-lying): the arm's girth ~0.30 m at the biceps (Gordon et al. 1989, ANSUR, 50th
    // percentile male), a 4.5 cm radius round the humerus's line.
    {"upper_arm", Carrier::kHumerus, {0.0, -0.150, 0.0}, 0.045},
    // The side of the hip, where the drawn skin meets the mat when lying on the side: the lateral
    // hip between the greater trochanter and the iliac crest (over gluteus medius and minimus on the
    // outer face of the ilium), carried by the pelvis. Two points, the front and the back of that
    // patch, so that the pelvis is held against rolling forward or back by the mat itself (with the
    // trochanter alone, a point under the hip joint, only the bottom hip's muscles could hold it:
    // the clamshell's bottom gluteus medius 3 worked 33% while the top knee opened).
    // Read off the HipLab body skin (tools/model_generator/body_skin.cpp), posed in the rest poses
    // of the five side-lying drills (tests/app/drill_posture_test.cpp checks it stays so): the skin
    // rests on the mat over pelvis x -0.085 to -0.006 m, y -0.07 to -0.01 m, 0.169-0.183 m from the
    // midline (the skin's hip breadth, 0.35 m, is the sitting hip breadth of adult men, 50th
    // percentile 360 mm: Pheasant & Haslegrave 2006, Bodyspace, 3rd ed.). No padding is added: each
    // sphere is the skin's own curvature there, the radius of the skin's hip ellipsoid across the
    // body at its widest (0.115^2 / 0.175 = 0.076 m, semi-axes front-back and across), so its
    // centre lies 0.075 m in from the skin, on the bone's side: the skin is 0.174 m from the midline
    // at the front point and 0.179 m at the back one (x -0.015 and -0.068: toward the two ends of the patch) (the middle of what the five drills show).
    {"hip_side_front", Carrier::kPelvis, {-0.015, -0.035, 0.099}, 0.075},
    {"hip_side_back", Carrier::kPelvis, {-0.068, -0.035, 0.104}, 0.075},
};

constexpr dvec3 kBackJoint{-0.1007, 0.0815, 0.0};  // Gait2392 back joint, pelvis frame
constexpr dvec3 kHeadBase{-0.005, 0.445, 0.0};      // torso frame
constexpr dvec3 kShoulderR{-0.02, 0.395, 0.175};    // torso frame
constexpr dvec3 kElbowR{0.0, -0.29, 0.02};          // humerus frame
constexpr dvec3 kWristR{0.02, -0.255, 0.005};       // forearm frame

glm::dmat3 rz(double a) { return anatomy::rotation_about({0, 0, 1}, a); }
glm::dmat3 rx(double a) { return anatomy::rotation_about({1, 0, 0}, a); }
glm::dmat3 ry(double a) { return anatomy::rotation_about({0, 1, 0}, a); }

ContactPoint side_contact(Side s, int k) {
  return static_cast<ContactPoint>(kContactCentralCount + kContactPerSide * anatomy::side_index(s) + k);
}
}  // namespace

std::string_view contact_name(ContactPoint c) {
  static const std::array<std::string, kContactCount> names = [] {
    std::array<std::string, kContactCount> n;
    for (int i = 0; i < kContactCentralCount; ++i) n[i] = std::string(kCentral[i].name);
    for (Side s : {Side::kRight, Side::kLeft})
      for (int k = 0; k < kContactPerSide; ++k)
        n[contact_index(side_contact(s, k))] = std::string(kSide[k].name) + std::string(anatomy::side_suffix(s));
    return n;
  }();
  return names[contact_index(c)];
}

std::optional<ContactPoint> find_contact(std::string_view name) {
  for (int i = 0; i < kContactCount; ++i)
    if (contact_name(static_cast<ContactPoint>(i)) == name) return static_cast<ContactPoint>(i);
  return std::nullopt;
}

ContactPoint mirror_contact(ContactPoint c) {
  const int i = contact_index(c);
  if (i < kContactCentralCount) return c;
  const int k = (i - kContactCentralCount) % kContactPerSide;
  const bool right = i < kContactCentralCount + kContactPerSide;
  return side_contact(right ? Side::kLeft : Side::kRight, k);
}

namespace {
// upper_body_frames' frames, only those asked for (the torso's always: the others hang on it); each
// one computed is the same numbers upper_body_frames gives.
UpperFrames upper_frames(const anatomy::UpperBodyPose& u, bool head, bool right_arm, bool left_arm) {
  UpperFrames f;
  f.rotation[0] = rz(-u.lumbar_flexion) * rx(u.lumbar_bending) * ry(u.lumbar_rotation);
  f.origin[0] = kBackJoint;
  if (head) {
    f.rotation[1] = f.rotation[0] * rz(-u.neck_flexion) * rx(u.neck_bending) * ry(u.neck_rotation);
    f.origin[1] = f.origin[0] + f.rotation[0] * kHeadBase;
  }
  for (Side s : {Side::kRight, Side::kLeft}) {
    if (!(s == Side::kRight ? right_arm : left_arm)) continue;
    const anatomy::ArmPose& a = u.arms[anatomy::side_index(s)];
    // Right-arm rotations relative to the torso; the left arm is their mirror image.
    glm::dmat3 sh = rz(a.shoulder_flexion) * rx(-a.shoulder_abduction);
    glm::dmat3 el = rz(a.elbow_flexion);
    dvec3 p_sh = kShoulderR, p_el = kElbowR, p_wr = kWristR;
    if (s == Side::kLeft) {
      sh = anatomy::mirror_rotation(sh);
      el = anatomy::mirror_rotation(el);
      p_sh = anatomy::mirror_point(p_sh);
      p_el = anatomy::mirror_point(p_el);
      p_wr = anatomy::mirror_point(p_wr);
    }
    const int b = 2 + 3 * anatomy::side_index(s);
    f.rotation[b] = f.rotation[0] * sh;
    f.origin[b] = f.origin[0] + f.rotation[0] * p_sh;
    f.rotation[b + 1] = f.rotation[b] * el;
    f.origin[b + 1] = f.origin[b] + f.rotation[b] * p_el;
    f.rotation[b + 2] = f.rotation[b + 1];
    f.origin[b + 2] = f.origin[b + 1] + f.rotation[b + 1] * p_wr;
  }
  return f;
}

// Contact i's definition and side.
const ContactDef& contact_def(int i, Side& side) {
  if (i < kContactCentralCount) {
    side = Side::kRight;
    return kCentral[i];
  }
  side = i < kContactCentralCount + kContactPerSide ? Side::kRight : Side::kLeft;
  return kSide[(i - kContactCentralCount) % kContactPerSide];
}

// A contact's centre (pelvis frame) on its carrier, from the legs' and the upper body's frames.
dvec3 place_on(Carrier c, Side s, const dvec3& local_r, const anatomy::BodyFrames& bf, const UpperFrames& uf) {
  const dvec3 local = s == Side::kLeft ? anatomy::mirror_point(local_r) : local_r;
  const int sb = 2 + 3 * anatomy::side_index(s);
  switch (c) {
    case Carrier::kPelvis: return local;
    case Carrier::kTorso: return uf.origin[0] + uf.rotation[0] * local;
    case Carrier::kHead: return uf.origin[1] + uf.rotation[1] * local;
    case Carrier::kFemur: return bf[anatomy::leg_body(s, LegSegment::kFemur)].apply(local);
    case Carrier::kTibia: return bf[anatomy::leg_body(s, LegSegment::kTibia)].apply(local);
    case Carrier::kCalcn: return bf[anatomy::leg_body(s, LegSegment::kCalcn)].apply(local);
    case Carrier::kToes: return bf[anatomy::leg_body(s, LegSegment::kToes)].apply(local);
    case Carrier::kHumerus: return uf.origin[sb] + uf.rotation[sb] * local;
    case Carrier::kForearm: return uf.origin[sb + 1] + uf.rotation[sb + 1] * local;
    case Carrier::kHand: return uf.origin[sb + 2] + uf.rotation[sb + 2] * local;
  }
  return local;
}
}  // namespace

UpperFrames upper_body_frames(const anatomy::UpperBodyPose& u) { return upper_frames(u, true, true, true); }

biomech::ContactSite contact_site(ContactPoint c, const anatomy::UpperBodyPose& upper) {
  const int i = contact_index(c);
  const bool central = i < kContactCentralCount;
  const Side s = central || i < kContactCentralCount + kContactPerSide ? Side::kRight : Side::kLeft;
  const ContactDef& def = central ? kCentral[i] : kSide[(i - kContactCentralCount) % kContactPerSide];
  biomech::ContactSite site;
  site.radius_m = def.radius;
  const dvec3 local = s == Side::kLeft ? anatomy::mirror_point(def.local) : def.local;
  LegSegment seg = LegSegment::kFemur;
  switch (def.carrier) {
    case Carrier::kFemur: seg = LegSegment::kFemur; break;
    case Carrier::kTibia: seg = LegSegment::kTibia; break;
    case Carrier::kCalcn: seg = LegSegment::kCalcn; break;
    case Carrier::kToes: seg = LegSegment::kToes; break;
    default: {
      // Not on a leg: place it in the pelvis frame (legs do not move these).
      site.centre.body = BodyId::kPelvis;
      site.centre.local = contact_spheres(anatomy::LegAngles{}, upper).centre[i];
      return site;
    }
  }
  site.centre.body = anatomy::leg_body(s, seg);
  site.centre.local = local;
  return site;
}

ContactSpheres contact_spheres(const anatomy::LegAngles& legs, const anatomy::UpperBodyPose& upper) {
  return contact_spheres_from(anatomy::forward_kinematics(legs), upper);
}

ContactSpheres contact_spheres_from(const anatomy::BodyFrames& bf, const anatomy::UpperBodyPose& upper) {
  const UpperFrames uf = upper_body_frames(upper);
  ContactSpheres out;
  for (int i = 0; i < kContactCentralCount; ++i) {
    out.centre[i] = place_on(kCentral[i].carrier, Side::kRight, kCentral[i].local, bf, uf);
    out.radius[i] = kCentral[i].radius;
  }
  for (Side s : {Side::kRight, Side::kLeft})
    for (int k = 0; k < kContactPerSide; ++k) {
      const int i = contact_index(side_contact(s, k));
      out.centre[i] = place_on(kSide[k].carrier, s, kSide[k].local, bf, uf);
      out.radius[i] = kSide[k].radius;
    }
  return out;
}

void contact_centres_from(const anatomy::BodyFrames& bf, const anatomy::UpperBodyPose& upper, std::span<const int> which,
                          ContactSpheres& out) {
  bool head = false, arm[2] = {false, false};
  for (const int i : which) {
    Side s;
    const Carrier c = contact_def(i, s).carrier;
    head |= c == Carrier::kHead;
    arm[anatomy::side_index(s)] |= c == Carrier::kHumerus || c == Carrier::kForearm || c == Carrier::kHand;
  }
  const UpperFrames uf = upper_frames(upper, head, arm[0], arm[1]);
  for (const int i : which) {
    Side s;
    const ContactDef& def = contact_def(i, s);
    out.centre[i] = place_on(def.carrier, s, def.local, bf, uf);
    out.radius[i] = def.radius;
  }
}

glm::dmat3 pelvis_offset_rotation(double tilt, double obliquity, double rotation) {
  return rz(-tilt) * rx(obliquity) * ry(rotation);
}

std::array<double, kContactCount> contact_heights(const ContactSpheres& s, const glm::dmat4& pelvis_world) {
  std::array<double, kContactCount> h{};
  for (int i = 0; i < kContactCount; ++i) {
    const glm::dvec4 w = pelvis_world * glm::dvec4(s.centre[i], 1.0);
    h[i] = w.y - s.radius[i];
  }
  return h;
}

glm::dvec3 grounded_translation(const ContactSpheres& s, const glm::dmat3& rot, const glm::dvec3& shift) {
  double lowest = std::numeric_limits<double>::infinity();
  for (int i = 0; i < kContactCount; ++i) lowest = std::min(lowest, (rot * s.centre[i]).y - s.radius[i]);
  return {shift.x, -lowest, shift.z};
}

}  // namespace hiplab::motion
