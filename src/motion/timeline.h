// timeline.h — a drill compiled for one side and played out in time: the phases unrolled over the
// dosage (setup phases once, the rep phases sets x reps times, finish phases once), and the pose,
// pelvis placement, counters and loads at any time t.
//
// Interpolation: every channel is a piecewise cubic Hermite curve through the keyframes ("knots").
// Tangents are the non-uniform Catmull-Rom ones (p[i+1] - p[i-1]) / (t[i+1] - t[i-1]), limited as in
// Fritsch & Carlson 1980 (SIAM J Numer Anal 17:238) so the curve is monotone between knots and never
// overshoots a keyframe (a keyframe inside the range of motion keeps the whole motion inside it);
// zero at a local extremum and at "stop" knots: the drill's first and last, the ends of hold phases,
// the keyframes of ease_in_out phases and keyframes marked "stop". One tangent per knot, shared by
// both segments, so velocity is continuous everywhere (C1); at stops it is zero.
// Pelvis placement: world = T * R0 * R_offset, R0 = biomech::pelvis_to_world(posture), R_offset from
// the pelvis channels (drill_channels.h), T's horizontal part from pelvis_x/y/z along R0's axes and
// its height chosen so the body's lowest contact (floor_contacts.h) touches the floor, y = 0.
// Hands: where a phase's contacts name a hand (hand_reach.h), the arm is moved so the hand touches
// (the pelvis is placed first, on the other contacts); between a phase with such a contact and one
// without, the reach fades in or out over up to 0.6 s of the phase without it.
// Units: seconds, radians, metres. World: y up.
#pragma once
#include <span>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>

#include "anatomy/joint_coordinates.h"
#include "anatomy/upper_body.h"
#include "biomech/frame_analysis.h"
#include "biomech/loads.h"
#include "biomech/posture.h"
#include "core/result.h"
#include "motion/drill.h"

namespace hiplab::motion {

// One played phase: drill.phases[phase] as the rep-th rep of the set-th set (1-based; 0 for setup
// and finish phases).
struct PhaseInstance {
  int phase = 0;
  int set = 0;
  int rep = 0;
  double start_s = 0.0;
  double duration_s = 0.0;
};

struct DrillFrame {
  double time_s = 0.0;
  int instance = 0;             // index into Timeline::instances()
  int phase_index = 0;          // index into the drill's phases
  std::string phase_name;
  double phase_time_s = 0.0;    // since the phase started
  double phase_duration_s = 0.0;
  int set = 0, rep = 0;         // 1-based; 0 during setup/finish phases
  int sets = 1, reps = 1;
  bool hold = false;
  double hold_remaining_s = 0.0;  // countdown, 0 outside holds
  bool end_range = false;
  ChannelValues channels;       // every channel (radians, metres)
  anatomy::LegAngles legs;           // both legs
  anatomy::UpperBodyPose upper;
  biomech::Posture posture = biomech::Posture::kStanding;
  glm::dmat4 pelvis_world{1.0};  // pelvis body frame -> world (y up, floor at y = 0)
  biomech::Loads loads;          // efforts already ramped; biomech world (pelvis origin, posture axes)
  std::string load_description;
  std::optional<PartnerHand> partner_hand;  // the phase's (drill.h), for this side
  std::optional<Grip> grip;                 // the phase's handle (drill.h), for this side
};

// The effort solve's input for a frame: pose, posture, the pelvis as placed (tilt included), the
// upper body and the loads, for a body of `body`'s mass and height.
biomech::BiomechInput biomech_input(const DrillFrame& f, const biomech::BodyDescription& body = {});

class Timeline {
 public:
  // The drill must pass validate(); the error lists validate()'s messages otherwise.
  static Result<Timeline> build(const Drill& drill, anatomy::Side side);

  const Drill& drill() const { return drill_; }  // already for `side`
  anatomy::Side side() const { return drill_.working_side; }
  double duration() const { return duration_; }
  std::span<const PhaseInstance> instances() const { return instances_; }
  // Index of the instance playing at t (clamped to [0, duration]; t == duration is the last one).
  int instance_at(double t) const;

  ChannelValues channels_at(double t) const;   // clamped to [0, duration]
  ChannelValues velocity_at(double t) const;   // d/dt of channels_at (rad/s, m/s)
  DrillFrame evaluate(double t) const;
  // First instance of the named phase (exact name), or -1.
  int find_phase_instance(std::string_view name) const;

 private:
  struct Knot {
    double t;
    ChannelValues p;
    bool stop;
  };
  Drill drill_;
  std::vector<PhaseInstance> instances_;
  std::vector<Knot> knots_;
  std::vector<ChannelValues> tangents_;
  double duration_ = 0.0;
  int segment_at(double t) const;
  // Moves the arms so the hands meet the surfaces their contacts name (hand_reach.h) and places the
  // pelvis on the body's other contacts (pelvis_world).
  void reach_hands(int instance, double phase_time, ChannelValues& channels, glm::dmat4& pelvis_world) const;
};

// Pelvis body frame -> world for a posture and a set of channels (see above); `ignored` contacts
// (hands reaching for a surface) do not hold the body up.
glm::dmat4 pelvis_placement(biomech::Posture posture, const ChannelValues& channels,
                            std::span<const ContactPoint> ignored = {});

}  // namespace hiplab::motion
