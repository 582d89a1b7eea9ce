// foot_corrective.h — the poses the body skin's foot corrective shapes are made at, and the angles
// their weights ramp over, shared by the model generator (tools/model_generator/body_skin.h,
// foot_corrective) and the runtime that weights them (scene/body_pose.cpp). Angles are Gait2392's
// coordinates in degrees (anatomy/joint_coordinates.h): ankle_angle + dorsiflexion / - plantar
// flexion, about its oblique axis (anatomy/skeleton.cpp kAnkleAxisR); mtp_angle + extension (the
// toes turned up toward the top of the foot), about its oblique axis (kMtpAxisR).
#pragma once

namespace hiplab::anatomy {

// The ankle pointed (plantar flexed) 45 deg: the 90/90's front foot lies on its outer border with
// the ankle at -45 deg (assets/drills/ir_pails_rails_9090.json and ninety_ninety_hip_switch.json,
// ankle_*_deg), and the switch carries each foot between that and the back foot's -12. The skin's
// rest has the ankle at 0 (linear-blend skinning is exact there); the shape's weight rises smoothly
// from kAnkleCorrectiveStartDeg to 1 at the key angle and stays 1 beyond. Dorsiflexion: none.
constexpr double kAnklePlantarCorrectiveDeg = -45.0;
constexpr double kAnkleCorrectiveStartDeg = 0.0;
// The toes extended 60 deg at the ball of the foot: the kneeling drills tuck the toes under
// (assets/drills/tall_kneeling_foot_windmill.json, both feet, and kneeling_windmill.json, the back
// foot: mtp_*_deg 60). From the skin's rest (mtp 0) the weight rises smoothly to 1 there.
constexpr double kToesExtendedCorrectiveDeg = 60.0;
constexpr double kToesCorrectiveStartDeg = 0.0;

}  // namespace hiplab::anatomy
