// The frames the effort tests sample from a drill's timeline: every phase of the first rep (it
// shows every phase) near its start (2%), in its middle and at its end. One rule for the
// feasibility test (drill_effort_test.cpp) and the passive count (passive_default_test.cpp),
// whose frame count docs/validation.md quotes.
#pragma once

#include "motion/timeline.h"

namespace hiplab::test {

// Calls f(frame, u) for each sample, u the share of the phase (0.02, 0.5 or 1.0).
template <class F>
void for_each_phase_sample(const motion::Timeline& tl, F&& f) {
  for (const motion::PhaseInstance& pi : tl.instances()) {
    if (pi.set > 1 || pi.rep > 1) continue;
    for (double u : {0.02, 0.5, 1.0}) f(tl.evaluate(pi.start_s + u * pi.duration_s - (u == 1.0 ? 1e-6 : 0.0)), u);
  }
}

}  // namespace hiplab::test
