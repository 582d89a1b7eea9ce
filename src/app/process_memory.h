// process_memory.h — this process's memory as the system counts it (Linux /proc/self/status):
// what `hiplab bench` and `hiplab soak` print and the window's F12 status line shows.
#pragma once

namespace hiplab::app {

struct ProcessMemory {
  double resident_mib = 0.0;       // VmRSS: in RAM now
  double peak_resident_mib = 0.0;  // VmHWM: the most it has been
};

// Zeros where /proc cannot be read.
ProcessMemory process_memory();

}  // namespace hiplab::app
