// fuzz_muscle_volumes.cpp — libFuzzer target (and corpus replay test) for the checked part of the
// model reader that is HipLab's own: the muscle volumes sidecar inside a GLB (JSON chunk + binary
// chunk). Any bytes: refused with a message, or volumes that pass validation and index in range.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "assets/muscle_volumes.h"

using namespace hiplab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::uint8_t> bytes(data, data + size);
  auto v = parse_muscle_volumes(bytes, "fuzz.glb");
  if (!v) {
    if (v.error().message.empty()) std::abort();
    return 0;
  }
  for (const MuscleVolume& m : v.value())
    for (std::uint32_t i : m.indices)
      if (i >= m.path_coord.size()) std::abort();
  return 0;
}
