#include "motion/timeline.h"

#include <algorithm>
#include <cmath>

#include "motion/floor_contacts.h"
#include "motion/hand_reach.h"
#include "motion/posture_frames.h"

namespace hiplab::motion {

glm::dmat4 pelvis_placement(biomech::Posture posture, const ChannelValues& ch, std::span<const ContactPoint> ignored) {
  const glm::dmat3 r0 = posture_rotation(posture);
  const glm::dmat3 rot =
      r0 * pelvis_offset_rotation(ch[Channel::kPelvisTilt], ch[Channel::kPelvisObliquity], ch[Channel::kPelvisRotation]);
  const glm::dvec3 shift = r0 * glm::dvec3(ch[Channel::kPelvisX], ch[Channel::kPelvisY], ch[Channel::kPelvisZ]);
  ContactSpheres spheres = contact_spheres(leg_pose(ch), upper_body_pose(ch));
  // An ignored sphere stands in for the sacrum's (already counted), so it cannot be the lowest.
  const int sacrum = contact_index(ContactPoint::kSacrum);
  for (ContactPoint c : ignored) {
    spheres.centre[contact_index(c)] = spheres.centre[sacrum];
    spheres.radius[contact_index(c)] = spheres.radius[sacrum];
  }
  const glm::dvec3 t = grounded_translation(spheres, rot, shift);
  glm::dmat4 m(rot);
  m[3] = glm::dvec4(t, 1.0);
  return m;
}

Result<Timeline> Timeline::build(const Drill& source, anatomy::Side side) {
  const std::vector<std::string> errors = validate(source);
  if (!errors.empty()) {
    std::string msg = source.id.empty() ? source.name : source.id;
    msg += ": ";
    for (size_t i = 0; i < errors.size(); ++i) msg += (i ? "; " : "") + errors[i];
    return make_error(msg);
  }
  Timeline tl;
  tl.drill_ = drill_for_side(source, side);
  const Drill& d = tl.drill_;
  // Unroll the phases.
  std::vector<int> setup, rep, finish;
  for (size_t i = 0; i < d.phases.size(); ++i)
    (d.phases[i].part == PhasePart::kSetup ? setup : d.phases[i].part == PhasePart::kRep ? rep : finish)
        .push_back(static_cast<int>(i));
  double t = 0.0;
  auto add = [&](int phase, int set, int r) {
    tl.instances_.push_back({phase, set, r, t, d.phases[phase].duration_s});
    t += d.phases[phase].duration_s;
  };
  for (int p : setup) add(p, 0, 0);
  for (int s = 1; s <= d.dosage.sets; ++s)
    for (int r = 1; r <= d.dosage.reps; ++r)
      for (int p : rep) add(p, s, r);
  for (int p : finish) add(p, 0, 0);
  tl.duration_ = t;

  // Knots.
  ChannelValues cur = d.start;
  tl.knots_.push_back({0.0, cur, true});
  for (const PhaseInstance& in : tl.instances_) {
    const Phase& ph = d.phases[in.phase];
    if (ph.easing == Easing::kEaseInOut || ph.hold) tl.knots_.back().stop = true;
    double last = 0.0;
    for (const Keyframe& k : ph.keyframes) {
      for (const auto& [c, v] : k.values) cur[c] = v;
      tl.knots_.push_back({in.start_s + k.time_s, cur, k.stop || ph.easing == Easing::kEaseInOut});
      last = k.time_s;
    }
    if (ph.keyframes.empty() || last < ph.duration_s - 1e-9) {
      tl.knots_.back().stop = true;  // the pose is held from here to the phase end
      tl.knots_.push_back({in.start_s + ph.duration_s, cur, true});
    }
  }
  tl.knots_.back().stop = true;

  // Tangents: Catmull-Rom, limited (Fritsch-Carlson), zero at stops and extrema.
  const size_t n = tl.knots_.size();
  tl.tangents_.assign(n, ChannelValues{});
  for (size_t i = 1; i + 1 < n; ++i) {
    if (tl.knots_[i].stop) continue;
    const Knot& a = tl.knots_[i - 1];
    const Knot& b = tl.knots_[i];
    const Knot& c = tl.knots_[i + 1];
    for (int ch = 0; ch < kChannelCount; ++ch) {
      const double dl = (b.p.v[ch] - a.p.v[ch]) / (b.t - a.t);
      const double dr = (c.p.v[ch] - b.p.v[ch]) / (c.t - b.t);
      if (dl * dr <= 0.0) continue;
      double m = (c.p.v[ch] - a.p.v[ch]) / (c.t - a.t);
      const double lim = 3.0 * std::min(std::abs(dl), std::abs(dr));
      m = std::clamp(m, -lim, lim);
      tl.tangents_[i].v[ch] = m;
    }
  }
  return tl;
}

int Timeline::segment_at(double t) const {
  // Last knot with knot.t <= t, but never the final knot.
  auto it = std::upper_bound(knots_.begin(), knots_.end(), t, [](double x, const Knot& k) { return x < k.t; });
  int i = static_cast<int>(it - knots_.begin()) - 1;
  return std::clamp(i, 0, static_cast<int>(knots_.size()) - 2);
}

ChannelValues Timeline::channels_at(double t) const {
  t = std::clamp(t, 0.0, duration_);
  if (knots_.size() < 2) return knots_.front().p;
  const int i = segment_at(t);
  const Knot& a = knots_[i];
  const Knot& b = knots_[i + 1];
  const double h = b.t - a.t;
  const double s = std::clamp((t - a.t) / h, 0.0, 1.0);
  const double s2 = s * s, s3 = s2 * s;
  const double h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s, h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
  ChannelValues out;
  for (int c = 0; c < kChannelCount; ++c)
    out.v[c] = h00 * a.p.v[c] + h10 * h * tangents_[i].v[c] + h01 * b.p.v[c] + h11 * h * tangents_[i + 1].v[c];
  return out;
}

ChannelValues Timeline::velocity_at(double t) const {
  ChannelValues out;
  if (knots_.size() < 2 || t < 0.0 || t > duration_) return out;
  const int i = segment_at(t);
  const Knot& a = knots_[i];
  const Knot& b = knots_[i + 1];
  const double h = b.t - a.t;
  const double s = std::clamp((t - a.t) / h, 0.0, 1.0);
  const double s2 = s * s;
  const double d00 = (6 * s2 - 6 * s) / h, d10 = 3 * s2 - 4 * s + 1, d01 = (-6 * s2 + 6 * s) / h, d11 = 3 * s2 - 2 * s;
  for (int c = 0; c < kChannelCount; ++c)
    out.v[c] = d00 * a.p.v[c] + d10 * tangents_[i].v[c] + d01 * b.p.v[c] + d11 * tangents_[i + 1].v[c];
  return out;
}

int Timeline::instance_at(double t) const {
  t = std::clamp(t, 0.0, duration_);
  auto it = std::upper_bound(instances_.begin(), instances_.end(), t,
                             [](double x, const PhaseInstance& p) { return x < p.start_s; });
  return std::clamp(static_cast<int>(it - instances_.begin()) - 1, 0, static_cast<int>(instances_.size()) - 1);
}

int Timeline::find_phase_instance(std::string_view name) const {
  for (size_t i = 0; i < instances_.size(); ++i)
    if (drill_.phases[instances_[i].phase].name == name) return static_cast<int>(i);
  return -1;
}

void Timeline::reach_hands(int instance, double phase_time, ChannelValues& ch, glm::dmat4& pelvis_world) const {
  // The hand contacts in play and how much each counts: the phase's own fully; where a phase has
  // none for a hand, the previous phase's fades out over its first part and the next phase's fades
  // in over its last part, so the arm never jumps at a phase boundary (and a hold keeps its touch
  // throughout, the fades happening in the phases around it).
  struct Reach {
    std::vector<DrillContact> contacts;  // all moved by this hand
    anatomy::Side hand;
    double weight;
  };
  std::vector<Reach> reaches;
  auto hands_of = [&](int inst, anatomy::Side hand) {
    std::vector<DrillContact> out;
    if (inst < 0 || inst >= static_cast<int>(instances_.size())) return out;
    for (const DrillContact& c : drill_.contacts_of(instances_[static_cast<std::size_t>(inst)].phase))
      if (reaching_hand(c) == hand) out.push_back(c);
    return out;
  };
  const PhaseInstance& in = instances_[static_cast<std::size_t>(instance)];
  const double fade = std::min(0.6, 0.5 * in.duration_s);  // s
  auto smooth = [](double x) {
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3.0 - 2.0 * x);
  };
  for (anatomy::Side hand : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
    std::vector<DrillContact> own = hands_of(instance, hand);
    if (!own.empty()) {
      reaches.push_back({std::move(own), hand, 1.0});
      continue;
    }
    if (fade <= 0.0) continue;
    if (auto prev = hands_of(instance - 1, hand); !prev.empty())
      reaches.push_back({std::move(prev), hand, 1.0 - smooth(phase_time / fade)});
    if (auto next = hands_of(instance + 1, hand); !next.empty())
      reaches.push_back({std::move(next), hand, smooth((phase_time - (in.duration_s - fade)) / fade)});
  }
  // A hand holding a handle (drill.h Grip) the same way: the phase's grip fully, a neighbour's
  // faded in or out. It takes the hand from any contact of the same hand.
  struct GripReach {
    Grip grip;
    double weight;
  };
  std::vector<GripReach> grips;
  auto grip_of = [&](int inst) -> std::optional<Grip> {
    if (inst < 0 || inst >= static_cast<int>(instances_.size())) return std::nullopt;
    return drill_.phases[instances_[static_cast<std::size_t>(inst)].phase].grip;
  };
  if (auto own = grip_of(instance)) {
    grips.push_back({*own, 1.0});
  } else if (fade > 0.0) {
    if (auto prev = grip_of(instance - 1)) grips.push_back({*prev, 1.0 - smooth(phase_time / fade)});
    if (auto next = grip_of(instance + 1)) grips.push_back({*next, smooth((phase_time - (in.duration_s - fade)) / fade)});
  }
  std::vector<ContactPoint> ignored;
  for (const GripReach& g : grips) {
    const bool right = g.grip.hand == anatomy::Side::kRight;
    ignored.push_back(right ? ContactPoint::kHandR : ContactPoint::kHandL);
    ignored.push_back(right ? ContactPoint::kElbowR : ContactPoint::kElbowL);
  }
  for (const Reach& r : reaches) {
    const bool right = r.hand == anatomy::Side::kRight;
    ignored.push_back(right ? ContactPoint::kHandR : ContactPoint::kHandL);
    ignored.push_back(right ? ContactPoint::kElbowR : ContactPoint::kElbowL);
    ignored.push_back(right ? ContactPoint::kUpperArmR : ContactPoint::kUpperArmL);
  }
  // The body rests on its other contacts; the reaching hands then meet their surfaces.
  pelvis_world = pelvis_placement(drill_.posture, ch, ignored);
  if (reaches.empty() && grips.empty()) return;
  const anatomy::LegAngles legs = leg_pose(ch);
  const anatomy::UpperBodyPose authored = upper_body_pose(ch);
  anatomy::UpperBodyPose out = authored;
  for (const Reach& r : reaches) {
    if (r.weight <= 0.0) continue;
    const std::size_t h = static_cast<std::size_t>(anatomy::side_index(r.hand));
    const anatomy::ArmPose a = reach(r.contacts, r.hand, legs, authored, pelvis_world);
    const anatomy::ArmPose& from = authored.arms[h];
    out.arms[h].shoulder_flexion += r.weight * (a.shoulder_flexion - from.shoulder_flexion);
    out.arms[h].shoulder_abduction += r.weight * (a.shoulder_abduction - from.shoulder_abduction);
    out.arms[h].elbow_flexion += r.weight * (a.elbow_flexion - from.elbow_flexion);
  }
  for (const GripReach& g : grips) {
    if (g.weight <= 0.0) continue;
    const std::size_t h = static_cast<std::size_t>(anatomy::side_index(g.grip.hand));
    const anatomy::ArmPose a = reach_grip(g.grip, legs, authored);
    const anatomy::ArmPose from = out.arms[h];
    out.arms[h].shoulder_flexion = from.shoulder_flexion + g.weight * (a.shoulder_flexion - from.shoulder_flexion);
    out.arms[h].shoulder_abduction = from.shoulder_abduction + g.weight * (a.shoulder_abduction - from.shoulder_abduction);
    out.arms[h].elbow_flexion = from.elbow_flexion + g.weight * (a.elbow_flexion - from.elbow_flexion);
  }
  set_upper_body_pose(ch, out);
}

DrillFrame Timeline::evaluate(double t) const {
  t = std::clamp(t, 0.0, duration_);
  DrillFrame f;
  f.time_s = t;
  f.instance = instance_at(t);
  const PhaseInstance& in = instances_[f.instance];
  const Phase& ph = drill_.phases[in.phase];
  f.phase_index = in.phase;
  f.phase_name = ph.name;
  f.phase_time_s = std::clamp(t - in.start_s, 0.0, in.duration_s);
  f.phase_duration_s = in.duration_s;
  f.set = in.set;
  f.rep = in.rep;
  f.sets = drill_.dosage.sets;
  f.reps = drill_.dosage.reps;
  f.hold = ph.hold;
  f.hold_remaining_s = ph.hold ? in.duration_s - f.phase_time_s : 0.0;
  f.end_range = ph.end_range;
  f.channels = channels_at(t);
  f.posture = drill_.posture;
  reach_hands(f.instance, f.phase_time_s, f.channels, f.pelvis_world);
  // Placed again on every contact, hands included (as a pose edited by hand is): the same pose
  // always gets the same placement. A hand that reached its surface does not change it.
  f.pelvis_world = pelvis_placement(drill_.posture, f.channels);
  f.legs = leg_pose(f.channels);
  f.upper = upper_body_pose(f.channels);
  f.loads = ph.loads.loads;
  f.loads.contacts = solve_contacts(drill_.contacts_of(in.phase), f.upper);
  f.loads.whole_body = drill_.whole_body;
  if (ph.loads.effort_ramp_s > 0.0) {
    const double k = std::min(1.0, f.phase_time_s / ph.loads.effort_ramp_s);
    for (auto& e : f.loads.efforts) e.fraction *= k;
  }
  f.load_description = ph.loads.description;
  f.partner_hand = ph.partner_hand;
  f.grip = ph.grip;
  return f;
}

biomech::BiomechInput biomech_input(const DrillFrame& f, const biomech::BodyDescription& body) {
  biomech::BiomechInput in;
  in.pose = f.legs;
  in.posture = f.posture;
  in.pelvis_offset = pelvis_offset_of(f.posture, f.pelvis_world);
  in.upper = f.upper;
  in.body = body;
  in.loads = f.loads;
  return in;
}

}  // namespace hiplab::motion
