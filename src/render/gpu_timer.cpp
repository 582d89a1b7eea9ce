// gpu_timer.cpp — [SECTION] GPU timing: see gpu_timer.h.
#include "render/gpu_timer.h"

namespace hiplab {

GpuTimer::~GpuTimer() {
  if (queries_[0]) glDeleteQueries(kRing, queries_);
}

void GpuTimer::init() { glGenQueries(kRing, queries_); }

void GpuTimer::begin() {
  if (pending_ == kRing) ms(true);  // the ring is full: collect the oldest before reusing it
  glBeginQuery(GL_TIME_ELAPSED, queries_[head_]);
}

void GpuTimer::end() {
  glEndQuery(GL_TIME_ELAPSED);
  head_ = (head_ + 1) % kRing;
  ++pending_;
}

double GpuTimer::ms(bool wait) {
  while (pending_ > 0) {
    const int oldest = (head_ - pending_ + kRing) % kRing;
    GLint available = 0;
    if (!wait) {
      glGetQueryObjectiv(queries_[oldest], GL_QUERY_RESULT_AVAILABLE, &available);
      if (!available) break;
    }
    GLuint64 ns = 0;
    glGetQueryObjectui64v(queries_[oldest], GL_QUERY_RESULT, &ns);
    last_ms_ = static_cast<double>(ns) * 1e-6;
    --pending_;
  }
  return last_ms_;
}

}  // namespace hiplab
