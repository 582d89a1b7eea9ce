// process_memory.cpp — see process_memory.h.
#include "app/process_memory.h"

#include <fstream>
#include <string>

namespace hiplab::app {

ProcessMemory process_memory() {
  ProcessMemory m;
  std::ifstream f("/proc/self/status");
  std::string key;
  double kib = 0.0;
  std::string unit;
  while (f >> key) {
    if (key == "VmRSS:" && f >> kib >> unit) m.resident_mib = kib / 1024.0;
    else if (key == "VmHWM:" && f >> kib >> unit) m.peak_resident_mib = kib / 1024.0;
    else f.ignore(1 << 16, '\n');
  }
  return m;
}

}  // namespace hiplab::app
