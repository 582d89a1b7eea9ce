// gpu_models.h — [SECTION] models: the GPU copies of uploaded models (meshes with their levels of
// detail, materials, textures) and of this frame's dynamic meshes (DrawList::dynamic_meshes), and
// what every pass needs to draw one draw-list item: its world box, its level of detail for a view,
// its skinning and morph state bound, its triangles drawn. Passes own their programs and GL state;
// this owns the geometry. Internal to the render layer (Renderer owns one).
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"
#include "core/result.h"
#include "render/gl.h"
#include "render/gl_program.h"
#include "render/morph_blend.h"
#include "scene/draw_list.h"

namespace hiplab {

struct GpuMesh {
  GLuint vao = 0, vbo = 0, ebo = 0;
  // Levels of detail in the one index buffer: [0] the full mesh, then lighter ones (Mesh::lods).
  struct Lod {
    std::uintptr_t offset = 0;  // bytes
    GLsizei count = 0;
    float error = 0.0f;  // mesh units
  };
  std::vector<Lod> lods;
  Aabb local;  // mesh space, every morph target's reach included
  // Skinned: the points skinned on the CPU each frame for the mesh's screen box — the vertices of
  // its coarsest level (every vertex when it has no levels), with `bound_pad` (mesh units) for what
  // the full surface may stray from them.
  struct BoundPoint {
    glm::vec3 position;
    glm::u16vec4 joints;
    glm::vec4 weights;
  };
  std::vector<BoundPoint> bound_points;
  float bound_pad = 0.0f;
  int material = 0;
  bool skinned = false;
  // Morph targets: positions and normals blended on the CPU (render/morph_blend.h) into their own
  // buffer, `morph_vbo` (MorphBlend::PositionNormal, interleaved), which attributes 0 and 1 read;
  // the other attributes stay in `vbo`. A draw with other weights than those blended last
  // recomputes and uploads only the vertices the changed targets move.
  GLuint morph_vbo = 0;
  MorphBlend morph;
  std::vector<float> default_weights;

  // Level `lod`, clamped to the levels the mesh has.
  const Lod& level(int lod) const { return lods[static_cast<std::size_t>(std::clamp(lod, 0, static_cast<int>(lods.size()) - 1))]; }
};

struct GpuModel {
  std::vector<GpuMesh> meshes;
  std::vector<Material> materials;
  std::vector<GLuint> textures;

  // The material of mesh `mesh` (a valid index), its index clamped to the materials there are.
  const Material& material_of(int mesh) const;
};

class GpuModels {
 public:
  GpuModels() = default;
  ~GpuModels();
  GpuModels(const GpuModels&) = delete;
  GpuModels& operator=(const GpuModels&) = delete;

  void init();  // makes the bones' uniform buffer (needs the GL context)

  std::uint32_t upload(const Model& model);  // the new model's id (ModelHandle::id)
  void release(std::uint32_t id);

  // This frame's dynamic meshes to the GPU, and their boxes for world_box.
  void upload_dynamic(const DrawList& list);

  // The model an item draws from and its mesh, or nullptr when the item names none that exists.
  const GpuModel* model_of(const MeshDraw& d) const;
  const GpuMesh* mesh_of(const MeshDraw& d) const;

  // The world-space box of one item this frame; false when unknown. `scale` (may be null): the
  // largest scale of the item's transform or bones, for turning mesh-unit errors into world units.
  bool world_box(const DrawList& list, const MeshDraw& d, Aabb& out, float* scale) const;

  // Chooses each item's level of detail for a view: the coarsest whose error spans at most a pixel
  // (faint layers: 2.5 pixels) at the item's nearest depth. `px_per_unit` is the pixels one world
  // unit spans at depth 1 (perspective: P[1][1] · height / 2; orthographic: the same with w = 1).
  void choose_lods(const DrawList& list, const glm::mat4& view_proj, float px_per_unit, std::vector<int>& out) const;

  // glUseProgram(p) with u_view_proj set and the program's Bones block tied to the bones' binding.
  static void use_program(Program& p, const glm::mat4& view_proj);

  // Sets u_model / u_skinned / bones / morphs for one static-mesh item drawn with `p` (in use);
  // returns its mesh, or nullptr when the item names none.
  GpuMesh* prepare_draw(Program& p, const DrawList& list, const MeshDraw& d);
  // Binds a dynamic-mesh item's geometry (u_model identity, not skinned); false if out of range.
  bool bind_dynamic(Program& p, const DrawList& list, const MeshDraw& d);
  static void draw_dynamic(const MeshDraw& d);
  static void draw_lod(const GpuMesh& g, int lod);
  // Draws one item's geometry with `p` (a pass without materials: shadow, pick) at level `lod`.
  void draw_geometry(Program& p, const DrawList& list, const MeshDraw& d, int lod);

 private:
  struct GpuDynamic {
    GLuint vao = 0, vbo = 0, ebo = 0;
  };
  std::map<std::uint32_t, GpuModel> models_;
  std::uint32_t next_id_ = 1;
  std::vector<GpuDynamic> dynamic_;
  std::vector<std::pair<Aabb, bool>> dynamic_boxes_;  // per dynamic mesh this frame: box, known
  GLuint bones_ubo_ = 0;
};

}  // namespace hiplab
