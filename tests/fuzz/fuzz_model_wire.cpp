// fuzz_model_wire.cpp — libFuzzer target (and corpus replay test) for the checked-model reader of
// the import child (assets/model_wire.h): the bytes a possibly subverted child hands the app. Any
// bytes: refused with a message naming the file, or a model that satisfies model.h's invariants
// (validate_model) with every level of detail and volume level inside its vertices.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "assets/model_loader.h"
#include "assets/model_wire.h"

using namespace hiplab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto r = decode_model(data, size, "fuzz.glb");
  if (!r) {
    if (r.error().message.rfind("fuzz.glb", 0) != 0) std::abort();
    return 0;
  }
  const Model& m = r.value().model;
  if (!validate_model(m)) std::abort();
  for (const Mesh& mesh : m.meshes)
    for (const MeshLod& l : mesh.lods)
      for (std::uint32_t i : l.indices)
        if (i >= mesh.vertices.size()) std::abort();
  for (const MuscleVolume& v : m.muscle_volumes)
    for (const MuscleVolume::Level& l : v.levels)
      for (std::uint32_t i : l.indices)
        if (i >= l.vertex_count || l.vertex_count > v.path_coord.size()) std::abort();
  for (const Material& mat : m.materials)
    if (mat.texture >= static_cast<int>(m.textures.size())) std::abort();
  return 0;
}
