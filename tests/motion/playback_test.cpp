// Tests src/motion/playback.h: play/pause, speed clamping, loop, stepping, phase jumps, scrubbing.
#include "motion/playback.h"
#include "motion/motion_test_helpers.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace hiplab;
using namespace hiplab::motion;

namespace {
using test::phase;
Timeline three_phases() {
  Drill d;
  d.name = "t";
  d.phases = {phase("a", 1.0), phase("b", 2.0, true), phase("c", 1.0)};
  d.dosage.reps = 2;
  auto t = Timeline::build(d, anatomy::Side::kRight);
  REQUIRE(t.ok());
  return t.value();
}
}  // namespace

TEST_CASE("play advances by wall time times speed, pause stops it") {
  Playback p(three_phases());
  CHECK(p.duration() == doctest::Approx(8.0));
  CHECK_FALSE(p.playing());
  p.advance(1.0);
  CHECK(p.time() == 0.0);
  p.play();
  p.advance(0.5);
  CHECK(p.time() == doctest::Approx(0.5));
  p.set_speed(2.0);
  p.advance(0.5);
  CHECK(p.time() == doctest::Approx(1.5));
  p.toggle();
  CHECK_FALSE(p.playing());
  p.advance(1.0);
  CHECK(p.time() == doctest::Approx(1.5));
}

TEST_CASE("speed is clamped to 0.1x..2x") {
  Playback p;
  p.set_speed(10);
  CHECK(p.speed() == 2.0);
  p.set_speed(0.0);
  CHECK(p.speed() == doctest::Approx(0.1));
  p.set_speed(-3);
  CHECK(p.speed() == doctest::Approx(0.1));
  p.set_speed(std::nan(""));
  CHECK(p.speed() == doctest::Approx(0.1));
}

TEST_CASE("without loop playback stops at the end, with loop it wraps and keeps playing") {
  Playback p(three_phases());
  p.play();
  CHECK(p.advance(9.0));
  CHECK(p.time() == doctest::Approx(8.0));
  CHECK_FALSE(p.playing());
  p.play();  // from the end: starts again
  CHECK(p.time() == 0.0);
  p.set_loop(true);
  CHECK(p.advance(8.5));
  CHECK(p.playing());
  CHECK(p.time() == doctest::Approx(0.5));
  CHECK(p.loops_completed() == 1);
}

TEST_CASE("stepping moves one frame and pauses, clamped to the drill") {
  Playback p(three_phases());
  p.set_frame_step(0.1);
  p.play();
  p.step(1);
  CHECK_FALSE(p.playing());
  CHECK(p.time() == doctest::Approx(0.1));
  p.step(-5);
  CHECK(p.time() == 0.0);
}

TEST_CASE("next and previous phase jump between phase starts") {
  Playback p(three_phases());
  p.next_phase();
  CHECK(p.time() == doctest::Approx(1.0));
  p.next_phase();
  CHECK(p.time() == doctest::Approx(3.0));
  p.scrub(3.2);           // just into phase c: previous goes to phase b
  p.previous_phase();
  CHECK(p.time() == doctest::Approx(1.0));
  p.scrub(2.5);           // well into phase b: previous restarts it
  p.previous_phase();
  CHECK(p.time() == doctest::Approx(1.0));
  p.scrub(7.5);
  p.next_phase();
  CHECK(p.time() == doctest::Approx(8.0));
  CHECK(p.at_end());
  p.scrub(-4);
  CHECK(p.time() == 0.0);
  p.previous_phase();
  CHECK(p.time() == 0.0);
}

TEST_CASE("the counters follow the playback time: rep 2 after the first rep, hold countdown in the hold") {
  const Timeline t = three_phases();
  Playback p(t);
  p.scrub(4.0 + 2.0);  // rep 2, 1 s into hold b
  const DrillFrame f = t.evaluate(p.time());
  CHECK(f.rep == 2);
  CHECK(f.hold);
  CHECK(f.hold_remaining_s == doctest::Approx(1.0));
}
