// drill_loader.h — JSON drill files (schema: docs/drills.md) → motion::Drill, and a whole folder of
// them. The only code that reads drill files.
//
// Degrees in files (fields named *_deg), radians in the Drill; metres stay metres (*_m).
// Every failure a user can cause returns an Error whose one-line message names the file, the line
// where the parser knows it, the field path (e.g. `phases[2].keyframes[0].hip_rotation_r_deg`) and
// what was expected: "clamshell.json:14: phases[0].duration_s: expected a positive number of
// seconds, got -2". Missing fields, wrong types, unknown joints or fields, negative durations,
// non-finite numbers, an empty file and binary junk each have their message; nothing throws out.
// Keys starting with "_" are comments and are ignored. Format versions: "hiplab-drill/2" (contacts);
// "hiplab-drill/1" or no schema loads converted (floor_contacts and loads.supports -> contacts).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "motion/drill.h"

namespace hiplab {

// Parses and validates (motion::validate) one drill. `file_label` names the file in messages; `id`
// becomes Drill::id.
Result<motion::Drill> parse_drill(std::string_view text, const std::string& file_label, const std::string& id);
// Reads a file (at most 4 MiB) and parses it; the id is the file's stem.
Result<motion::Drill> load_drill_file(const std::string& path);

struct DrillFolder {
  std::vector<motion::Drill> drills;  // the good ones, sorted by file name
  std::vector<std::string> files;     // the file of each good drill
  std::vector<std::string> errors;    // one message per bad file (the others still load)
  std::vector<std::string> notices;   // one per hiplab-drill/1 file (loaded, converted)
};

// Version 1 files load converted (Drill::format_version == 1); this is the one notice to show.
std::string upgrade_notice(const std::string& file);
// A good hiplab-drill/1 file's text rewritten as hiplab-drill/2 (fields in their order, floor_contacts
// and supports as contacts; docs/drills.md). Errors: a bad file (as parse_drill), or one already v2.
Result<std::string> upgrade_drill_text(std::string_view text, const std::string& file_label);
// Rewrites `path` in version 2 atomically (core/atomic_file.h), the old text kept as path.v1.bak
// (or .v1.bak.2, .3 ... when that exists: a backup is never overwritten). Returns the backup's path.
Result<std::string> upgrade_drill_file(const std::string& path);
// Every *.json file directly in `dir`. A missing folder gives no drills and no errors.
DrillFolder load_drill_folder(const std::string& dir);

}  // namespace hiplab
