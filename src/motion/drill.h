// drill.h — a hip drill as data: posture, working side, phases with keyframes, the effort or
// external load of each phase, cues, dosage, safety notes and notes on popular descriptions that are
// anatomically wrong. Built by assets/drill_loader.h from JSON (schema: docs/drills.md); compiled
// into a Timeline (timeline.h) for playback.
//
// Units: seconds, radians, metres (degrees only in files, fields named *_deg). Signs: drill_channels.h.
// Invariants checked by validate(): a name; at least one phase of part "rep"; parts ordered setup,
// rep, finish; positive finite durations; keyframe times in (0, duration], strictly increasing, with
// finite values; hold phases have no keyframes (the pose is held); efforts in [-1, 1]; at most
// biomech::kMaxContacts contacts a phase, friction in [0, 2], none resting on its own body; every keyframed
// joint angle of a phase that is not end_range inside rom_limits.h; when the rep repeats (sets x reps
// > 1) the rep ends in the pose it starts from; dosage counts >= 1.
// The loads are biomech::Loads in the biomech world (origin at the pelvis origin, axes of the posture:
// biomech/loads.h), written for the drill's working side; mirrored_drill() mirrors them with the rest.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "anatomy/skeleton.h"
#include "biomech/loads.h"
#include "biomech/posture.h"
#include "motion/drill_channels.h"
#include "motion/floor_contacts.h"

namespace hiplab::motion {

// How a phase moves between its keyframes (timeline.h states the interpolation):
//   kSmooth    — through the keyframes with continuous velocity (monotone cubic Hermite);
//   kEaseInOut — stops at each of its keyframes (zero velocity there), smooth in between.
enum class Easing : unsigned char { kSmooth, kEaseInOut };
// Setup phases play once before the reps, finish phases once after them.
enum class PhasePart : unsigned char { kSetup, kRep, kFinish };

std::string_view easing_name(Easing e);
std::string_view phase_part_name(PhasePart p);

// A contact named in a drill file (docs/drills.md, "contacts"): a landmark (floor_contacts.h) —
// or, with no landmark, the centre of mass of a leg segment — resting on the floor, on a support
// that is not drawn, or on another landmark. Floor contacts both place the body (they rest on the
// floor during holds) and carry load; all of them carry load (biomech/loads.h).
struct DrillContact {
  std::optional<ContactPoint> at;                          // the landmark that rests ...
  anatomy::BodyId at_body = anatomy::BodyId::kFemurR;      // ... or this segment's centre of mass
  biomech::ContactSurface on = biomech::ContactSurface::kFloor;
  ContactPoint other = ContactPoint::kSacrum;              // when on == kBody
  double friction = biomech::kSkinFrictionCoefficient;
  // False for a part that only rests lightly (a hand on a thigh, a head on a hand): drawn touching
  // and placed like any contact, but left out of the effort solve (where hands hold a leg, the
  // drill's braces are those hands: a second force there would count them twice).
  bool carries = true;
};
std::string contact_label(const DrillContact& c);  // "ankle_r on ankle_l", "femur_r on support"
// The solve's contacts (biomech/loads.h) for these drill contacts, upper body placed by `upper`.
// (contacts that do not carry are left out).
std::vector<biomech::Contact> solve_contacts(const std::vector<DrillContact>& contacts,
                                             const anatomy::UpperBodyPose& upper);

struct Keyframe {
  double time_s = 0.0;  // from the phase start, in (0, duration]
  std::vector<std::pair<Channel, double>> values;  // sparse: other channels keep their last value
  bool stop = false;    // zero velocity here even inside a smooth phase
};

// An effort ramps linearly from 0 to its fraction over ramp_s from the phase start (0 = at once),
// e.g. PAILs "ramp to 80% over 10-20 s".
struct PhaseLoads {
  biomech::Loads loads;
  double effort_ramp_s = 0.0;
  std::string description;  // plain language, e.g. "isometric external rotation, up to 80%"
};

// A partner's hand resting on a landmark during a phase (e.g. the hand a PAILs contraction pushes
// against): drawn as a prop on the `from` side of the landmark's skin (a direction in the pelvis
// frame, written for the working side like views). What it does in the effort solve is the
// phase's braces and efforts; this places it where that resistance acts.
struct PartnerHand {
  ContactPoint at = ContactPoint::kAnkleR;
  glm::dvec3 from{0, 0, -1};  // never zero
};

// A hand holding a fixed handle during a phase (the standing cable drill's hand on the cable
// machine, "hold the machine"): the point the middle of the hand's grip is at (the hand contact
// sphere's centre, floor_contacts.h), in the pelvis frame, written for the working side like views
// and mirrored for the other side. The arm reaches it (hand_reach.h); the handle is drawn there.
struct Grip {
  anatomy::Side hand = anatomy::Side::kLeft;
  glm::dvec3 at{0.0};  // m, pelvis frame
};

struct Phase {
  std::string name;
  double duration_s = 1.0;
  PhasePart part = PhasePart::kRep;
  Easing easing = Easing::kSmooth;
  bool hold = false;        // the pose is held (isometric or passive); shows a countdown
  bool end_range = false;   // deliberately at or past the typical range (exempt from the ROM check)
  std::vector<Keyframe> keyframes;
  PhaseLoads loads;
  std::vector<std::string> cues;  // plain language, shown large
  // The contacts during this phase when they differ from the drill's (e.g. the two sides of a
  // 90/90 switch, the top foot resting on the bottom one); none = the drill's.
  std::optional<std::vector<DrillContact>> contacts;
  std::optional<PartnerHand> partner_hand;
  std::optional<Grip> grip;
};

struct Dosage {
  int sets = 1;
  int reps = 1;              // per set (per side when per_side)
  double hold_s = 0.0;       // the hold each rep asks for, 0 when none
  bool per_side = false;
  double rest_s = 0.0;       // between sets
  std::optional<double> daily_minutes;  // e.g. "5 minutes daily"
  std::string text;          // as shown: "3 sets of 20 per side"
};

struct MythNote {
  std::string claim;       // the popular description
  std::string correction;  // what the anatomy says
};

// What a printed handout needs that the rest of the file does not say (docs/drills.md, "handout";
// app/handout.h): how often to do it, what it should feel like, when to stop, and the key moments
// its pictures show. All optional; a drill without them gets computed key moments.
struct HandoutMoment {
  std::string phase;    // a phase name of the drill (its first instance)
  double at = 0.5;      // fraction of that phase, in [0, 1] (1 = the pose the phase ends in)
  std::string caption;  // under the picture, plain words
};
struct HandoutNotes {
  std::string how_often;  // "Once a day, 5 days a week"
  std::string feel;       // what the patient should feel, and where
  std::vector<std::string> stop_if;  // when to stop and ask
  std::vector<HandoutMoment> key_moments;  // 0 (computed) or 2..4
  bool empty() const { return how_often.empty() && feel.empty() && stop_if.empty() && key_moments.empty(); }
};

// A view that shows the drill well, named in its file for the working side: where the eye is, as a
// direction from the body in the pelvis frame (OpenSim: x anterior, y superior, z right), so it
// follows the person whatever their posture. The first of a drill's views is the one it opens in.
struct DrillView {
  std::string name;       // what the user picks, e.g. "The working hip from behind and above"
  glm::dvec3 from{1, 0, 0};  // unit or not; never zero
  // The therapist's view: where a therapist would stand to watch the whole person (head, hands and
  // feet in the picture) rather than the working hip close up. At most one per drill.
  bool therapist = false;
};

struct Drill {
  std::string id;            // file stem, e.g. "clamshell"
  std::string name;          // "Clamshell"
  std::string summary;
  // "exercise", "test" (a self-test) or "comparison" (a variant shipped to set HipLab's effort beside
  // published EMG, docs/validation.md: not a drill of the programme, so "what it trains" checks skip it)
  std::string kind = "exercise";
  biomech::Posture posture = biomech::Posture::kStanding;
  anatomy::Side working_side = anatomy::Side::kRight;
  ChannelValues start;       // the pose the drill starts in (all channels)
  std::vector<Phase> phases;
  Dosage dosage;
  std::vector<std::string> safety;
  std::vector<MythNote> myths;
  std::vector<DrillContact> contacts;  // every phase's, unless the phase names its own
  std::vector<DrillView> views;        // best first; empty: the app's default view
  // The highlight that fits the drill: "working" (strength drills), "stretched" (mobility drills)
  // or empty (the user's choice stays).
  std::string highlight;
  HandoutNotes handout;  // empty when the file has no "handout"
  // The contacts carry the whole body (biomech/loads.h Loads::whole_body): the trunk's weight too,
  // so the file names what the trunk rests on. False for converted version-1 files.
  bool whole_body = true;
  // The contacts of a phase: its own when it lists them, else the drill's.
  const std::vector<DrillContact>& contacts_of(int phase) const {
    return phases[phase].contacts ? *phases[phase].contacts : contacts;
  }
  // The landmarks of a phase that rest on the floor (the drawn skin within 1 cm of it during holds,
  // tests/app/drill_posture_test.cpp, which names the exceptions).
  std::vector<ContactPoint> floor_points_of(int phase) const;
  // The file's format version (1: converted on loading; docs/drills.md).
  int format_version = 2;
  std::vector<std::string> sources;
};

// Each error names the field, e.g. "phases[2].duration_s: expected a positive number of seconds, got -1".
std::vector<std::string> validate(const Drill& drill);

// The same drill done with the other leg: channels, loads, posture (side-lying swaps sides), contacts.
Drill mirrored_drill(const Drill& drill);
// The drill for `side` (itself or its mirror image).
Drill drill_for_side(const Drill& drill, anatomy::Side side);

// LegAngles at the end of each phase, resolved from the sparse keyframes (index = phase).
std::vector<ChannelValues> phase_end_poses(const Drill& drill);

}  // namespace hiplab::motion
