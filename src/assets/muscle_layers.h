// muscle_layers.h — reads assets/anatomy/muscle_layers.json: each muscle's depth layer and region
// (anatomy/muscle_layers.h) with the sources they come from. The file is written by hand; the
// loader checks it whole, so a peel never runs on a partial table.
#pragma once
#include <string>

#include "anatomy/muscle_layers.h"
#include "core/result.h"

namespace hiplab {

// Errors name the file, the entry and the field and say what was expected, e.g.
// "muscle_layers.json: muscles[3].layer: 'middle': expected superficial, intermediate or deep".
// Refused: an unknown or repeated muscle name, a muscle of anatomy/muscle_data.h left out, an
// entry whose "sources" names a key missing from the file's "sources" (every entry cites one).
Result<anatomy::MuscleLayers> load_muscle_layers(const std::string& path);

}  // namespace hiplab
