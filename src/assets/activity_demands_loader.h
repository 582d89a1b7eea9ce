// activity_demands_loader.h — reads assets/anatomy/activity_demands.json: everyday activities'
// hip range from the literature, each figure citing one of the file's sources
// (anatomy/activity_demands.h). Checked whole: a figure without a source is never shown.
#pragma once
#include <string>

#include "anatomy/activity_demands.h"
#include "core/result.h"

namespace hiplab {

// Errors name the file, the entry and the field and say what was expected, e.g.
// "activity_demands.json: activities[2].movement: 'rotation': expected internal_rotation, ...".
// Refused: an activity citing a source the file does not have, a repeated id, degrees outside
// (0, 180], an unknown movement, a source without a citation or address.
Result<anatomy::ActivityDemands> load_activity_demands(const std::string& path);

}  // namespace hiplab
