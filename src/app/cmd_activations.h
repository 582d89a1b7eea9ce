#pragma once
#include "app/command.h"
namespace hiplab::app {
// hiplab activations --pose DOF=DEG,... --posture NAME [--load SPEC]... [--effort DOF=PERCENT]...
//     [--mass KG] [--height M] [--side left|right|both] [--json]
// Prints every muscle's activation, force, length, stretch and moment arms from static
// optimisation of the torques that gravity, loads and efforts demand (biomech/frame_analysis.h).
Command add_activations_command(CLI::App& app);
}  // namespace hiplab::app
