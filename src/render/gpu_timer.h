// gpu_timer.h — [SECTION] GPU timing: GL timer queries around each render, read back a few frames
// later so that asking never stalls the pipeline (a ring of four queries; when all four are still
// pending the oldest is waited for). Internal to the render layer (Renderer owns one and answers
// Renderer::gpu_ms with it).
#pragma once
#include "render/gl.h"

namespace hiplab {

class GpuTimer {
 public:
  GpuTimer() = default;
  ~GpuTimer();
  GpuTimer(const GpuTimer&) = delete;
  GpuTimer& operator=(const GpuTimer&) = delete;

  void init();   // makes the queries (needs the GL context)
  void begin();  // starts timing this frame's GL work
  void end();    // ... and stops
  // GPU time of the most recent timed frame that has finished, in ms; < 0 if none yet. With
  // `wait`, waits for every pending frame first.
  double ms(bool wait);

 private:
  static constexpr int kRing = 4;
  GLuint queries_[kRing] = {};
  int head_ = 0, pending_ = 0;
  double last_ms_ = -1.0;
};

}  // namespace hiplab
