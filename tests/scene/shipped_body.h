// shipped_body.h — the shipped body model (assets/models/hiplab_body.glb), loaded once per test
// binary, for the scene tests that measure its muscles and bones (muscle volumes, wrapped paths
// against bone, point registration); each had its own loader before.
#pragma once
#include <string>

#include <doctest/doctest.h>

#include "assets/model_loader.h"

namespace hiplab::test {

inline const Model& shipped_body() {
  static const Model m = [] {
    auto loaded = load_model(std::string(HIPLAB_SOURCE_DIR) + "/assets/models/hiplab_body.glb");
    REQUIRE(loaded.ok());
    set_bone_fields(loaded.value());  // as the app does with the levels (assets/display_prep.h)
    return std::move(loaded.value());
  }();
  return m;
}

// The same, under the short name the scene tests use.
inline const Model& body() { return shipped_body(); }

}  // namespace hiplab::test
