// draw_list_export.h — one frame's draw list as plain world-space geometry for a file
// (assets/scene_export.h): what the renderer would draw, computed on the CPU instead, so an export
// needs no GL context and shows exactly what `hiplab render` shows for the same request.
//
// Per draw: rigid meshes through their node's world matrix; skinned meshes by linear-blend skinning
// (the blend of up to four joint matrices per vertex, as shaders/mesh.vert.glsl does, normals turned
// by the blended matrix); morph targets blended with the draw's weights (or the mesh's defaults, as
// the renderer uploads them); dynamic meshes (the muscle volumes) are already in world space and
// give only the vertices their index range uses. Always the full mesh: levels of detail are for the
// screen (build the frame with muscle_px_per_m = 0 for full muscle volumes too).
//
// Left out: draws that are not seen (shadow_only: a hidden skin), the floor, overlays and labels.
// Colours: the tint alone where the draw says so (skin, muscles), else material colour x tint; a
// texture's colours are not carried (the material's base colour stands for it).
// Names: a model mesh keeps its name ("femur_r", "skin"); a muscle is named by its pick id
// (scene/body_scene.h) as Gait2392 names it ("glut_med1_r"); a name already used gets "_2", "_3"...
// Triangles keep their outward winding (flipped where a matrix mirrors); normals are unit length.
#pragma once
#include "assets/model.h"
#include "assets/scene_export.h"
#include "scene/draw_list.h"

namespace hiplab {

ExportScene export_draw_list(const Model& model, const DrawList& list);

}  // namespace hiplab
