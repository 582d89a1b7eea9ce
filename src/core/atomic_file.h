// atomic_file.h — writes files the user keeps (PNGs, settings, models) atomically: the bytes go to
// a temporary file in the same directory, which is flushed and then renamed over the target, so a
// crash or a full disk never leaves a half-written file where the old one was. A replaced file keeps
// its permission bits; a new one gets 0666 less the umask. On failure the old file is untouched and
// no temporary is left behind.
#pragma once
#include <string>
#include <string_view>

#include "core/result.h"

namespace hiplab {

// Errors name the path and the reason (e.g. "out/x.png: cannot write (No such file or directory)").
Status write_file_atomic(const std::string& path, std::string_view bytes);

}  // namespace hiplab
