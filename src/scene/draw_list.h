// draw_list.h — one frame's picture as plain data: what to draw, where and in what colour. The
// scene layer fills it; the renderer (the only code with GL calls) draws it and decides nothing
// about anatomy. A new kind of overlay is a new item type here plus one renderer pass.
//
// Units: model/world space metres; colours linear RGB + alpha.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"

namespace hiplab {

// A model uploaded to the renderer (see Renderer::upload). 0 = none.
struct ModelHandle {
  std::uint32_t id = 0;
  explicit operator bool() const { return id != 0; }
};

struct MeshDraw {
  ModelHandle model;
  int mesh = 0;                 // index into Model::meshes
  glm::mat4 node_world{1.0f};   // rigid meshes: the node's world matrix
  int skin_offset = -1;         // skinned meshes: first matrix in DrawList::skin_matrices
  int skin_count = 0;
  glm::vec4 tint{1.0f};         // multiplies the material colour (alpha < 1 draws translucent)
  bool use_tint_only = false;   // true: colour = tint, ignoring the material
  std::uint32_t pick_id = 0;    // 0 = not pickable
  bool casts_shadow = true;
  bool shadow_only = false;     // casts the contact shadow but is not drawn (a hidden skin)
  bool cull_back = false;       // closed, outward-wound surface: back faces are skipped
  bool simple_shading = false;  // a cheap translucent look (the faint skin)
  bool outline_only = false;    // with simple_shading: only a band along the silhouette is drawn
  // With simple_shading, skinned: the joints (bit i = Mesh::joint_nodes[i], the first 32) whose
  // part of the surface fades out where it stands in front of what the camera looks at (the
  // skin's trunk, head and arms, between the eye and the hips; shaders/mesh.vert.glsl).
  std::uint32_t fade_joints = 0;
  int morph_offset = -1;        // first weight in DrawList::morph_weights, -1 = bind weights
  // Geometry made this frame (muscle volumes...): index into DrawList::dynamic_meshes, drawing
  // indices [first_index, first_index + index_count). Vertices are in world space; model/mesh unused.
  int dynamic_mesh = -1;
  int first_index = 0;
  int index_count = 0;
  // Muscle look: uv.y carries the belly weight (0 tendon .. 1 belly), uv.x runs around the tube;
  // tendons are drawn paler and the belly gets a faint fibre striation.
  bool muscle_shading = false;
  // Opaque, and also drawn faintly where something else covers it (a working or stretched muscle
  // under others: seen through them, as an anatomy atlas shows a deep muscle through the superficial).
  bool show_through = false;
};

// Vertices and triangles generated on the CPU for one frame.
struct DynamicMesh {
  std::vector<Vertex> vertices;
  std::vector<std::uint32_t> indices;
};

// Overlays (joint-limit arcs, needles, labels) are drawn after the scene, never hidden by it: the
// parts behind geometry are drawn faded (depth-aware), labels always on top, facing the camera.
struct OverlayLine {
  std::vector<glm::vec3> points;  // world polyline
  glm::vec4 color{1.0f};          // linear RGB + alpha
  float width_px = 4.0f;          // in framebuffer pixels (scaled by the draw list's ui_scale)
  bool closed = false;
};

struct OverlayTriangles {
  std::vector<glm::vec3> vertices;  // world, three per triangle
  glm::vec4 color{1.0f};
};

struct OverlayLabel {
  glm::vec3 anchor{0.0f};         // world point the label belongs to
  glm::vec2 offset_px{0.0f};      // from the anchor's projection, +y up
  std::string text;               // ASCII (printable 32..126; others are drawn as '?')
  float size_px = 22.0f;          // cap height-ish, scaled by ui_scale
  glm::vec4 color{1.0f};
  glm::vec4 background{0.05f, 0.05f, 0.08f, 0.72f};
  float align_x = 0.5f;           // 0 left, 0.5 centre, 1 right of the anchor
  // Non-zero: a world direction pointing away from what the label belongs to; the label is then
  // laid out toward wherever that direction points on screen (left-aligned when it points right,
  // right-aligned when it points left, align_x when it points at the viewer), so labels of
  // neighbouring things (the two hips) spread apart in every view instead of overlapping.
  glm::vec3 away{0.0f};
  // A named thing in a picture: the label sits `leader_px` out from its anchor, along `away` on
  // screen (or up where `away` is zero or points at the viewer), joined to the anchor by a line in
  // `leader_color` with a dot at the anchor; the line and the dot are drawn over the scene.
  bool leader = false;
  float leader_px = 72.0f;
  glm::vec4 leader_color{1.0f};
};

// One line of the picture's legend (drawn once, in a corner of the view, by the overlay pass):
// an optional colour swatch and its meaning.
struct LegendEntry {
  std::string text;            // ASCII
  glm::vec4 swatch{0.0f};      // alpha 0: no swatch (a heading or a sign convention)
};

// A caption burnt into the picture (a video's phase cue and hold countdown, scene/captions.h): lines
// of text in screen space, centred across the view at its top or bottom on one box, each wrapped at
// word boundaries to 92% of the view's width. Sizes are in pixels of the picture (not scaled by
// ui_scale: a caption is sized for the picture it is burnt into).
struct CaptionLine {
  std::string text;        // ASCII
  float size_px = 32.0f;   // as OverlayLabel::size_px
  glm::vec4 color{1.0f};
};
struct Caption {
  std::vector<CaptionLine> lines;
  bool top = true;  // false: at the bottom
  glm::vec4 background{0.05f, 0.05f, 0.08f, 0.8f};
};

struct Lighting {
  glm::vec3 key_dir{-0.4f, -0.8f, -0.45f};  // direction light travels (world)
  glm::vec3 key_color{1.35f, 1.3f, 1.22f};
  glm::vec3 sky_color{0.42f, 0.45f, 0.5f};    // hemispheric ambient, from above
  glm::vec3 ground_color{0.2f, 0.18f, 0.16f}; // from below
};

struct Floor {
  bool visible = true;
  float height = 0.0f;           // world y of the floor plane
  glm::vec2 centre{0.0f};        // world (x, z) of the disc's centre
  float radius = 2.0f;           // drawn disc radius (fades out), metres
  glm::vec4 color{0.34f, 0.36f, 0.39f, 1.0f};
  float shadow_strength = 0.65f; // darkest contact shadow, 0..1
  float shadow_reach = 0.35f;    // height above the floor at which the shadow has faded, metres
  // An exercise mat lying on the floor (scene/props.h): a rectangle with rounded corners drawn by
  // the floor itself, so it costs nothing beyond the floor and takes the body's contact shadow.
  bool mat = false;
  glm::vec2 mat_centre{0.0f};      // world (x, z)
  glm::vec2 mat_axis{1.0f, 0.0f};  // unit, world (x, z): the mat's length runs along it
  glm::vec2 mat_half{0.9f, 0.35f}; // half length, half width, metres
  glm::vec4 mat_color{0.10f, 0.16f, 0.24f, 1.0f};
};

struct DrawList {
  std::vector<MeshDraw> meshes;
  std::vector<glm::mat4> skin_matrices;
  std::vector<float> morph_weights;
  std::vector<DynamicMesh> dynamic_meshes;
  std::vector<OverlayTriangles> overlay_triangles;
  std::vector<OverlayLine> overlay_lines;
  std::vector<OverlayLabel> overlay_labels;
  float ui_scale = 1.0f;  // multiplies overlay widths and label sizes (presentation mode, HiDPI)
  // Where named things' labels (OverlayLabel::leader) must stay, in pixels (x0, y0, x1, y1; y down):
  // the part of the window the panels leave free (scene/framing.h free_view_rect). All zero: the
  // whole view.
  glm::vec4 label_area{0.0f};
  // The picture's one legend (the joint-limit overlay's colours and sign conventions), in a corner
  // of the label area, instead of a convention beside every value: bottom left, unless another
  // corner covers fewer of the `keep_clear` points.
  std::vector<LegendEntry> legend;
  // World points on what the picture is about (the posed legs and pelvis, scene/body_scene.h) that
  // the legend should not cover.
  std::vector<glm::vec3> keep_clear;
  std::vector<Caption> captions;  // burnt-in captions (videos); drawn over everything else
  // Benchmark baseline: draw the same meshes with a plain shader, no shadow, floor, background or
  // overlays (hiplab bench compares the full frame against it).
  bool plain = false;
  Floor floor;
  Lighting lighting;
  glm::vec4 clear_color{0.2f, 0.225f, 0.26f, 1.0f};  // linear (a soft slate); alpha 0 = transparent background
  // Screen rectangles (x, y, width, height in pixels, top-left origin) that the caller covers with
  // its own opaque pixels, kept from the previous frame (the UI's unchanged panels: ui/ui_draw.h).
  // The renderer leaves them untouched: nothing of the scene is drawn there.
  std::vector<glm::ivec4> kept_regions;

  void clear() {
    meshes.clear();
    skin_matrices.clear();
    morph_weights.clear();
    dynamic_meshes.clear();
    overlay_triangles.clear();
    overlay_lines.clear();
    overlay_labels.clear();
    legend.clear();
    keep_clear.clear();
    captions.clear();
    kept_regions.clear();
  }
};

}  // namespace hiplab
