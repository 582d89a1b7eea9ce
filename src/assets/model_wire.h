// model_wire.h — the compact checked form in which the import child (app/import_sandbox.h) hands a
// runtime Model (assets/model.h) back to the app: a flat little-endian byte stream, written and read
// by the same build of HipLab.
//
// The writer trusts its Model; the reader trusts nothing. The child that wrote the bytes parsed a
// file from outside, with Assimp, and may have been subverted by it, so decode_model checks every
// count against the bytes left before it allocates, every index against what it indexes, and every
// number for finiteness, and then runs validate_model (model_loader.h) and validate_muscle_volume
// (muscle_volumes.h). Any failure is one message naming `file` (the model the user opened) and what
// was wrong; a Model that comes out satisfies every invariant stated in model.h, its levels of
// detail index inside their mesh, its textures are within kMaxTextureSide and kMaxTextureBytes.
//
// Layout (version 1): "HLMW" u32 version, then the warnings (u32 count, strings), the model
// (nodes, materials, textures, meshes with their levels, muscle volumes, load_ms) and the end mark
// "END!". A string is u32 length + bytes; an array of plain values is u64 count + the values.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "assets/model.h"
#include "core/result.h"

namespace hiplab {

struct WireModel {
  Model model;
  std::vector<std::string> warnings;  // the loader's warnings (LoadReport), in order
};

std::vector<std::uint8_t> encode_model(const Model& model, const std::vector<std::string>& warnings);

// `file` names the model in messages and becomes Model::source (the child's own claim is ignored);
// bind_bounds is recomputed from the checked nodes and meshes.
Result<WireModel> decode_model(const std::uint8_t* data, std::size_t size, const std::string& file);

}  // namespace hiplab
