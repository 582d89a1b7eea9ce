// display_prep.cpp — see display_prep.h.
#include "assets/display_prep.h"

#include "assets/ambient_occlusion.h"
#include "assets/bone_field.h"
#include "assets/model_lod.h"
#include "core/log.h"

namespace hiplab {

void prepare_for_display(Model& model, std::vector<std::string>* warnings, const DisplayPrepBudget& budget, Prep what) {
  if (what == Prep::kNone) return;
  std::size_t vertices = 0;
  for (const Mesh& m : model.meshes) vertices += m.vertices.size();
  auto skipped = [&](const std::string& what) {
    const std::string msg = model.source + ": " + what;
    log_warning(msg);
    if (warnings) warnings->push_back(msg);
  };
  if (vertices <= budget.occlusion_vertices)
    bake_ambient_occlusion(model);
  else
    skipped("no ambient occlusion baked (" + std::to_string(vertices) + " vertices, the budget is " +
            std::to_string(budget.occlusion_vertices) + ")");
  if (what != Prep::kFull) return;
  set_bone_fields(model);  // ~0.3 s for the shipped body's 17 bones, with the levels after the window's first frame
  if (model.triangle_count() <= budget.lod_triangles)
    build_lods(model);
  else
    skipped("no levels of detail built (" + std::to_string(model.triangle_count()) + " triangles, the budget is " +
            std::to_string(budget.lod_triangles) + "); drawing may be slow");
}

}  // namespace hiplab
