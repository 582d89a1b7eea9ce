#include "core/log.h"

#include <cstdio>
#include <mutex>

namespace hiplab {
namespace {
std::mutex g_mutex;
LogSink g_sink;
}  // namespace

void log_message(LogLevel level, const std::string& message) {
  std::lock_guard<std::mutex> lock(g_mutex);
  if (g_sink) {
    g_sink(level, message);
    return;
  }
  const char* prefix = level == LogLevel::kError ? "error: " : level == LogLevel::kWarning ? "warning: " : "";
  std::fprintf(stderr, "%s%s\n", prefix, message.c_str());
}

LogSink set_log_sink(LogSink sink) {
  std::lock_guard<std::mutex> lock(g_mutex);
  LogSink old = std::move(g_sink);
  g_sink = std::move(sink);
  return old;
}

}  // namespace hiplab
