// bone_attachments.h — which muscles attach to each bone of the body model, computed from the model
// itself rather than listed by hand: each end of every muscle path (the rig's nodes
// muscle.<name>_<r|l>.p<i>; the first is the origin, the last the insertion) belongs to the bone
// mesh whose surface (its nearest vertex) lies closest in the bind pose, and to any other bone
// within kSharedAttachmentMargin of that (an end between two bones attaches to both, as the
// biceps femoris does to the fibular head and the tibia's lateral condyle). This is how the app
// knows that the piriformis starts on the sacrum and the gluteus maximus on the ilium and sacrum.
#pragma once
#include <vector>

#include "anatomy/muscle_data.h"
#include "assets/model.h"

namespace hiplab {

struct MuscleAttachment {
  int muscle = -1;  // anatomy::muscle index
  anatomy::Side side = anatomy::Side::kRight;
  bool origin = true;       // first path point (else the insertion: the last)
  float distance_m = 0.0f;  // from the path's end to the bone's nearest vertex
  bool shared = false;      // the same end is listed on another bone too
};

constexpr float kSharedAttachmentMargin = 0.005f;  // m
// An end further than this from every bone lies on a bone the model does not have (the psoas
// starts on the lumbar spine) and is listed nowhere.
constexpr float kMaxAttachmentDistance = 0.015f;  // m

// Per mesh of `model` (same indices), the muscle ends nearest it; empty for a mesh nothing ends on
// (the skin is never a candidate: skinned meshes are skipped) and for models without muscle nodes.
// Each list is sorted by muscle, origins first.
std::vector<std::vector<MuscleAttachment>> compute_bone_attachments(const Model& model);

}  // namespace hiplab
