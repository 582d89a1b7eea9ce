// scene_export.h — writes a posed scene (what the view shows: bones, muscles, skin) as a file other
// programs open: binary glTF 2.0 (.glb) for Blender and slide tools, or Wavefront OBJ + MTL (.obj,
// with FILE.mtl beside it) for 3D printing and older tools. `hiplab export` fills the scene from the
// frame's draw list (scene/draw_list_export.h); this file only encodes it.
//
// Units and axes: world space, metres, +Y up, as glTF specifies (and as the app's scene world is);
// OBJ uses the same numbers (importers such as Blender's turn +Y up into their own axes).
// Colours: linear RGB + alpha, written as glTF wants them (baseColorFactor, alphaMode BLEND when
// alpha < 1) and as MTL Kd / d.
// Invariants the writers rely on (export_draw_list guarantees them): every object has as many
// normals (unit length) as positions, whole triangles, indices < positions.size(); objects without
// triangles are left out of the file. Names are written as given (OBJ/MTL: whitespace becomes '_').
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/result.h"

namespace hiplab {

struct ExportObject {
  std::string name;                  // "glut_med1_r", "femur_r", "skin"
  std::vector<glm::vec3> positions;  // world, m
  std::vector<glm::vec3> normals;    // world, unit
  std::vector<std::uint32_t> indices;  // triangles, counter-clockwise seen from outside
  glm::vec4 colour{0.8f, 0.8f, 0.8f, 1.0f};  // linear RGB + alpha
};

struct ExportScene {
  std::vector<ExportObject> objects;
};

enum class ExportFormat { kGlb, kObj };

// The format a file name asks for by its extension (.glb or .obj, any case); empty for any other.
std::optional<ExportFormat> export_format_for(const std::string& path);

// The file contents, for tests and for the writer below.
std::string export_glb_bytes(const ExportScene& scene);
struct ObjFiles {
  std::string obj, mtl;
};
// `mtl_name`: the MTL file's name as the OBJ refers to it (beside the OBJ, no directory).
ObjFiles export_obj_text(const ExportScene& scene, const std::string& mtl_name);

// The MTL file that goes with an OBJ path: "out/hips.obj" -> "out/hips.mtl".
std::string mtl_path_for(const std::string& obj_path);

// Writes `scene` to `path` in the format its extension names (.obj also writes mtl_path_for(path)),
// each file atomically (core/atomic_file.h). Errors name the path and what was expected.
Status write_export(const ExportScene& scene, const std::string& path);

}  // namespace hiplab
