// hip_corrective.h — the hip flexion the body skin's hip corrective shapes are made at, shared by
// the model generator (tools/model_generator/body_skin.h, hip_flexion_corrective) and the runtime
// that weights them (scene/body_pose.h).
#pragma once

namespace hiplab::anatomy {

// The hip flexed 80 deg (Gait2392 hip_flexion, knee straight). The runtime gives the shape its
// full weight there and beyond, so it serves the drills' deep holds (the seated band drill's and
// the supine PAILs/RAILs' 90 deg, the 90/90's front hip at 96 deg, assets/drills/*.json) and the
// 90/90 switch's passage through 70 deg; from the skin's rest flexion (kHipCorrectiveStartDeg,
// tools/model_generator/body_skin.h kSkinRestHipFlexionDeg: linear-blend skinning is exact there)
// it rises smoothly from 0. Measured over all drills (tests/scene/skin_stretch_test.cpp,
// triangle-samples past a limit, before the crotch was kept out of the band): key pose
// 105/95/88/80/70 deg, 136 800/133 800/131 400/130 700/130 000; 70 made the seated drill worse and
// the supine one's worst stretch 4.6 -> 5.2x, 80 kept.
constexpr double kHipFlexedCorrectiveDeg = 80.0;
constexpr double kHipCorrectiveStartDeg = 30.0;
// A second shape per hip at the same flexion turned out as the 90/90's front hip holds it
// (assets/drills/ninety_ninety_hip_switch.json: abduction 30, external rotation 44 deg; Gait2392
// signs: - adduction, - internal rotation). The runtime shares the flexion weight between the two
// by how far the hip is turned out toward this (abduction and external rotation, each its share).
constexpr double kHipTurnedOutAdductionDeg = -30.0;
constexpr double kHipTurnedOutRotationDeg = -44.0;

}  // namespace hiplab::anatomy
