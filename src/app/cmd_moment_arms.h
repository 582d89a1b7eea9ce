#pragma once
#include "app/command.h"
namespace hiplab::app {
// hiplab moment-arms --muscle NAME|all --dof hip_rotation|hip_flexion|hip_adduction|knee
//     --flexion FROM:TO:STEP [--side left|right] [--knee DEG] [--json]
// Prints the moment arm (mm; + = toward + coordinate, e.g. + hip_rotation = internal rotator) of
// one or all Gait2392 hip/thigh muscles while the hip flexion sweeps FROM..TO (degrees).
Command add_moment_arms_command(CLI::App& app);
}  // namespace hiplab::app
