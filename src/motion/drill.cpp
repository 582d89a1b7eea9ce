#include "motion/drill.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/units.h"
#include "motion/posture_frames.h"
#include "motion/rom_limits.h"

namespace hiplab::motion {
namespace {
using anatomy::BodyId;
using anatomy::Side;

std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

Side other(Side s) { return s == Side::kRight ? Side::kLeft : Side::kRight; }

BodyId mirror_body(BodyId b) {
  const int i = anatomy::body_index(b);
  if (i < 2) return b;
  const int seg = (i - 2) % anatomy::kLegSegmentCount;
  const int side = (i - 2) / anatomy::kLegSegmentCount;
  return static_cast<BodyId>(2 + anatomy::kLegSegmentCount * (1 - side) + seg);
}

biomech::Posture mirror_posture(biomech::Posture p) {
  if (p == biomech::Posture::kSideLying) return biomech::Posture::kSideLyingOnRight;
  if (p == biomech::Posture::kSideLyingOnRight) return biomech::Posture::kSideLying;
  return p;
}

// Contacts: at most kMaxContacts, friction in [0, 2], no landmark resting on itself.
void check_contacts(const std::vector<DrillContact>& cs, const std::string& f, std::vector<std::string>& e) {
  if (cs.size() > static_cast<size_t>(biomech::kMaxContacts))
    e.push_back(f + ": expected at most " + std::to_string(biomech::kMaxContacts) + " contacts, got " +
                std::to_string(cs.size()));
  for (size_t k = 0; k < cs.size(); ++k) {
    const std::string q = f + "[" + std::to_string(k) + "]";
    if (!std::isfinite(cs[k].friction) || cs[k].friction < 0.0 || cs[k].friction > 2.0)
      e.push_back(q + ".friction: expected a friction coefficient 0..2, got " + num(cs[k].friction));
    if (cs[k].on == biomech::ContactSurface::kBody && cs[k].at && *cs[k].at == cs[k].other)
      e.push_back(q + ".on: a landmark cannot rest on itself (\"" + std::string(contact_name(cs[k].other)) + "\")");
  }
}

// Value shown to a person: degrees for angles, metres for translations.
std::string shown(Channel c, double v) { return channel_is_length(c) ? num(v) + " m" : num(rad_to_deg(v)) + " deg"; }
std::string file_field(Channel c) { return std::string(channel_name(c)) + (channel_is_length(c) ? "_m" : "_deg"); }
}  // namespace

std::string_view easing_name(Easing e) { return e == Easing::kSmooth ? "smooth" : "ease_in_out"; }
std::string_view phase_part_name(PhasePart p) {
  switch (p) {
    case PhasePart::kSetup: return "setup";
    case PhasePart::kRep: return "rep";
    case PhasePart::kFinish: return "finish";
  }
  return "?";
}

std::string contact_label(const DrillContact& c) {
  std::string s = c.at ? std::string(contact_name(*c.at)) : std::string(anatomy::body_info(c.at_body).name);
  s += " on ";
  switch (c.on) {
    case biomech::ContactSurface::kFloor: s += "floor"; break;
    case biomech::ContactSurface::kSupport: s += "support"; break;
    case biomech::ContactSurface::kBody: s += contact_name(c.other); break;
  }
  return s;
}

std::vector<biomech::Contact> solve_contacts(const std::vector<DrillContact>& contacts,
                                             const anatomy::UpperBodyPose& upper) {
  std::vector<biomech::Contact> out;
  out.reserve(contacts.size());
  for (const DrillContact& dc : contacts) {
    if (!dc.carries) continue;
    biomech::Contact c;
    if (dc.at) {
      c.at = contact_site(*dc.at, upper);
    } else {
      c.at.centre.body = dc.at_body;
      c.at.centre_of_mass = true;
    }
    c.on = dc.on;
    if (dc.on == biomech::ContactSurface::kBody) c.other = contact_site(dc.other, upper);
    c.friction = dc.friction;
    c.label = contact_label(dc);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<ContactPoint> Drill::floor_points_of(int phase) const {
  std::vector<ContactPoint> out;
  for (const DrillContact& c : contacts_of(phase))
    if (c.at && c.on == biomech::ContactSurface::kFloor) out.push_back(*c.at);
  return out;
}

std::vector<ChannelValues> phase_end_poses(const Drill& drill) {
  std::vector<ChannelValues> out;
  ChannelValues cur = drill.start;
  for (const Phase& p : drill.phases) {
    for (const Keyframe& k : p.keyframes)
      for (const auto& [c, v] : k.values) cur[c] = v;
    out.push_back(cur);
  }
  return out;
}

std::vector<std::string> validate(const Drill& d) {
  std::vector<std::string> e;
  if (d.name.empty()) e.push_back("name: expected a non-empty name");
  if (d.kind != "exercise" && d.kind != "test" && d.kind != "comparison")
    e.push_back("kind: expected \"exercise\", \"test\" or \"comparison\", got \"" + d.kind + "\"");
  for (int i = 0; i < kChannelCount; ++i)
    if (!std::isfinite(d.start.v[i]))
      e.push_back("start." + file_field(channel_at(i)) + ": expected a finite number");
  if (d.phases.empty()) e.push_back("phases: expected at least one phase");
  int reps = 0;
  PhasePart last_part = PhasePart::kSetup;
  for (size_t i = 0; i < d.phases.size(); ++i) {
    const Phase& p = d.phases[i];
    const std::string f = "phases[" + std::to_string(i) + "]";
    if (p.name.empty()) e.push_back(f + ".name: expected a non-empty name");
    if (!std::isfinite(p.duration_s) || p.duration_s <= 0.0)
      e.push_back(f + ".duration_s: expected a positive number of seconds, got " + num(p.duration_s));
    if (p.part == PhasePart::kRep) ++reps;
    if (static_cast<int>(p.part) < static_cast<int>(last_part))
      e.push_back(f + ".part: \"" + std::string(phase_part_name(p.part)) + "\" after \"" +
                  std::string(phase_part_name(last_part)) + "\" (expected setup phases, then rep phases, then finish phases)");
    else
      last_part = p.part;
    if (p.hold && !p.keyframes.empty())
      e.push_back(f + ".keyframes: a hold phase keeps its pose (expected no keyframes)");
    double prev_t = 0.0;
    for (size_t k = 0; k < p.keyframes.size(); ++k) {
      const Keyframe& kf = p.keyframes[k];
      const std::string kfn = f + ".keyframes[" + std::to_string(k) + "]";
      if (!std::isfinite(kf.time_s) || kf.time_s <= prev_t || kf.time_s > p.duration_s + 1e-9)
        e.push_back(kfn + ".time_s: expected a time after " + num(prev_t) + " s and no later than the phase's " +
                    num(p.duration_s) + " s, got " + num(kf.time_s));
      if (std::isfinite(kf.time_s)) prev_t = std::max(prev_t, kf.time_s);
      for (const auto& [c, v] : kf.values)
        if (!std::isfinite(v)) e.push_back(kfn + "." + file_field(c) + ": expected a finite number");
    }
    for (size_t k = 0; k < p.loads.loads.efforts.size(); ++k) {
      const double fr = p.loads.loads.efforts[k].fraction;
      if (!std::isfinite(fr) || fr < -1.0 || fr > 1.0)
        e.push_back(f + ".loads.efforts[" + std::to_string(k) + "].percent: expected -100..100, got " + num(fr * 100.0));
    }
    for (size_t k = 0; k < p.loads.loads.bands.size(); ++k) {
      const auto& b = p.loads.loads.bands[k];
      if (!std::isfinite(b.stiffness_n_per_m) || b.stiffness_n_per_m < 0.0)
        e.push_back(f + ".loads.bands[" + std::to_string(k) + "].stiffness_n_per_m: expected >= 0, got " + num(b.stiffness_n_per_m));
      if (!std::isfinite(b.rest_length_m) || b.rest_length_m < 0.0)
        e.push_back(f + ".loads.bands[" + std::to_string(k) + "].rest_length_m: expected >= 0, got " + num(b.rest_length_m));
    }
    for (size_t k = 0; k < p.loads.loads.cables.size(); ++k) {
      const double m = p.loads.loads.cables[k].mass_kg;
      if (!std::isfinite(m) || m < 0.0)
        e.push_back(f + ".loads.cables[" + std::to_string(k) + "].mass_kg: expected >= 0, got " + num(m));
    }
    if (p.contacts) check_contacts(*p.contacts, f + ".contacts", e);
    if (!std::isfinite(p.loads.effort_ramp_s) || p.loads.effort_ramp_s < 0.0)
      e.push_back(f + ".loads.effort_ramp_s: expected >= 0 seconds, got " + num(p.loads.effort_ramp_s));
  }
  check_contacts(d.contacts, "contacts", e);
  if (!d.phases.empty() && reps == 0) e.push_back("phases: expected at least one phase with part \"rep\"");
  if (d.dosage.sets < 1) e.push_back("dosage.sets: expected at least 1, got " + std::to_string(d.dosage.sets));
  if (d.dosage.reps < 1) e.push_back("dosage.reps: expected at least 1, got " + std::to_string(d.dosage.reps));
  if (!std::isfinite(d.dosage.hold_s) || d.dosage.hold_s < 0.0) e.push_back("dosage.hold_s: expected >= 0 seconds");
  if (!std::isfinite(d.dosage.rest_s) || d.dosage.rest_s < 0.0) e.push_back("dosage.rest_s: expected >= 0 seconds");
  if (d.dosage.daily_minutes && (!std::isfinite(*d.dosage.daily_minutes) || *d.dosage.daily_minutes <= 0.0))
    e.push_back("dosage.daily_minutes: expected a positive number of minutes");
  // A handout shows 3-4 pictures (issue 15); 2 are allowed for a drill with two poses.
  const auto& km = d.handout.key_moments;
  if (!km.empty() && (km.size() < 2 || km.size() > 4))
    e.push_back("handout.key_moments: expected 2 to 4 moments, got " + std::to_string(km.size()));
  for (size_t i = 0; i < km.size(); ++i) {
    const std::string f = "handout.key_moments[" + std::to_string(i) + "]";
    if (std::none_of(d.phases.begin(), d.phases.end(), [&](const Phase& p) { return p.name == km[i].phase; })) {
      std::string list;
      for (const Phase& p : d.phases) list += (list.empty() ? "\"" : ", \"") + p.name + "\"";
      e.push_back(f + ".phase: no phase \"" + km[i].phase + "\" (expected one of: " + list + ")");
    }
    if (!std::isfinite(km[i].at) || km[i].at < 0.0 || km[i].at > 1.0)
      e.push_back(f + ".at: expected a fraction of the phase in [0, 1], got " + num(km[i].at));
    if (km[i].caption.empty()) e.push_back(f + ".caption: expected a caption in plain words");
  }
  if (!e.empty()) return e;

  // Poses: range of motion (outside end-range phases) and rep continuity.
  const std::vector<ChannelValues> ends = phase_end_poses(d);
  for (size_t i = 0; i < d.phases.size(); ++i) {
    if (d.phases[i].end_range) continue;
    const ChannelValues& from = i == 0 ? d.start : ends[i - 1];
    const std::string f = "phases[" + std::to_string(i) + "]";
    for (int c = 0; c < kChannelCount; ++c) {
      const Channel ch = channel_at(c);
      const RomLimit& l = rom_limit(ch);
      auto check = [&](double v, const std::string& where) {
        if (!within_rom(ch, v, 1e-6))
          e.push_back(where + "." + file_field(ch) + ": " + shown(ch, v) + " is outside the range of motion " +
                      shown(ch, l.min) + " .. " + shown(ch, l.max) + " (" + std::string(l.source) +
                      "); mark the phase \"end_range\": true if that is the point");
      };
      check(from[ch], f + " (start pose)");
      for (size_t k = 0; k < d.phases[i].keyframes.size(); ++k)
        for (const auto& [kc, v] : d.phases[i].keyframes[k].values)
          if (kc == ch) check(v, f + ".keyframes[" + std::to_string(k) + "]");
    }
  }
  if (d.dosage.sets * d.dosage.reps > 1) {
    int first = -1, last = -1;
    for (size_t i = 0; i < d.phases.size(); ++i)
      if (d.phases[i].part == PhasePart::kRep) {
        if (first < 0) first = static_cast<int>(i);
        last = static_cast<int>(i);
      }
    const ChannelValues& rep_start = first == 0 ? d.start : ends[first - 1];
    const ChannelValues& rep_end = ends[last];
    for (int c = 0; c < kChannelCount; ++c)
      if (std::abs(rep_start.v[c] - rep_end.v[c]) > 1e-6) {
        e.push_back("phases[" + std::to_string(last) + "]: the rep repeats, so it must end where it starts, but " +
                    file_field(channel_at(c)) + " ends at " + shown(channel_at(c), rep_end.v[c]) + " and starts at " +
                    shown(channel_at(c), rep_start.v[c]));
        break;
      }
  }
  return e;
}

Drill mirrored_drill(const Drill& d) {
  Drill m = d;
  m.working_side = other(d.working_side);
  m.posture = mirror_posture(d.posture);
  m.start = mirrored(d.start);
  const glm::dmat3 to_pelvis = glm::transpose(posture_rotation(d.posture));
  const glm::dmat3 back_to_world = posture_rotation(m.posture);
  auto mirror_world = [&](const glm::dvec3& w) { return back_to_world * anatomy::mirror_point(to_pelvis * w); };
  auto mirror_point_on = [](biomech::BodyPoint p) {
    p.body = mirror_body(p.body);
    p.local = anatomy::mirror_point(p.local);
    return p;
  };
  for (Phase& p : m.phases) {
    for (Keyframe& k : p.keyframes)
      for (auto& [c, v] : k.values) {
        v *= mirror_sign(c);
        c = mirror_channel(c);
      }
    biomech::Loads& l = p.loads.loads;
    for (auto& b : l.bands) {
      b.attachment = mirror_point_on(b.attachment);
      b.anchor_world = mirror_world(b.anchor_world);
    }
    for (auto& c : l.cables) {
      c.attachment = mirror_point_on(c.attachment);
      c.pulley_world = mirror_world(c.pulley_world);
    }
    for (auto& ef : l.efforts) ef.side = other(ef.side);
    for (auto& br : l.braces) br.side = other(br.side);
  }
  auto mirror_contacts = [](std::vector<DrillContact>& cs) {
    for (DrillContact& c : cs) {
      if (c.at) c.at = mirror_contact(*c.at);
      c.at_body = mirror_body(c.at_body);
      c.other = mirror_contact(c.other);
    }
  };
  mirror_contacts(m.contacts);
  for (Phase& p : m.phases) {
    if (p.contacts) mirror_contacts(*p.contacts);
    if (p.partner_hand) {
      p.partner_hand->at = mirror_contact(p.partner_hand->at);
      p.partner_hand->from = anatomy::mirror_point(p.partner_hand->from);
    }
    if (p.grip) {
      p.grip->hand = p.grip->hand == anatomy::Side::kRight ? anatomy::Side::kLeft : anatomy::Side::kRight;
      p.grip->at = anatomy::mirror_point(p.grip->at);
    }
  }
  for (DrillView& v : m.views) v.from = anatomy::mirror_point(v.from);  // the other side's hip
  return m;
}

Drill drill_for_side(const Drill& d, anatomy::Side side) {
  return side == d.working_side ? d : mirrored_drill(d);
}

}  // namespace hiplab::motion
