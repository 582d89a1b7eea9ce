// muscle_volumes.h — reads the packed muscle volumes the model generator stores beside the glTF
// content of hiplab_body.glb (root extras "hiplab_muscle_volumes", described in
// tools/model_generator/model.h). Assimp does not keep custom data, so the GLB container is read
// here directly. A file without the sidecar (any foreign model) gives no volumes, not an error.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "assets/model.h"
#include "core/result.h"

namespace hiplab {

// From the bytes of a .glb file; `file` names it in messages.
Result<std::vector<MuscleVolume>> parse_muscle_volumes(const std::vector<std::uint8_t>& glb, const std::string& file);
Result<std::vector<MuscleVolume>> read_muscle_volumes(const std::string& path);

// Volume (m^3) enclosed by the triangles `indices` over `pos` (divergence theorem; positive for
// triangles wound counter-clockwise from outside).
double enclosed_volume(const std::vector<glm::vec3>& pos, const std::vector<std::uint32_t>& indices);

// Fills v.rest_point_normal and rest_point_tangent from the anatomy (the muscle named by v.name at the bind pose); left
// empty for a name that is no muscle of the model.
void set_rest_point_normals(MuscleVolume& v);
// MuscleVolume::smooth_coord and smooth_normal: each vertex as placed on the bind pose's curve
// (scene/muscle_volume.h's placement with no twist, the curve's own section scale), written
// against that curve's smoothed frames (anatomy/path_curve.h smooth_station_frames,
// kVolumeSmoothHalfWidth). Cleared for an unknown muscle.
void set_smooth_coords(MuscleVolume& v);

// Invariants: triangles whose indices lie within the volume's vertices, s in [0, 1], finite
// offsets and unit normals, a positive rest length, a unit hint and tangent.
Status validate_muscle_volume(const MuscleVolume& v, const std::string& file);

}  // namespace hiplab
